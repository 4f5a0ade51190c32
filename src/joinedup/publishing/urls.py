from __future__ import annotations

from django.urls import path

from joinedup.publishing.views import admin, consult, public

app_name = "publishing"

urlpatterns = [
    path("plan/", public.plan, name="plan"),
    path("plan/<int:version>/", public.plan, name="plan-only-version"),
    path("plan/<slug:slug>/", public.plan, name="plan-latest"),
    path("plan/<slug:slug>/<int:version>/", public.plan, name="plan-version"),
    path("plan/<slug:slug>/<int:version>/plan.pdf", public.plan_pdf, name="plan-pdf"),
    path("plan/<slug:slug>/<int:version>/plan.xlsx", public.plan_xlsx, name="plan-xlsx"),
    path("plan/<slug:slug>/<int:version>/plan.csv", public.plan_csv_file, name="plan-csv"),
    path("plan/<slug:slug>/compare/<int:a>/<int:b>/", public.compare, name="compare"),
    path("published/latest.json", public.open_data, name="open-data-latest"),
    path("published/<int:version>.json", public.open_data, name="open-data"),
    path("published/<slug:slug>/latest.json", public.open_data, name="open-data-slug-latest"),
    path("published/<slug:slug>/<int:version>.json", public.open_data, name="open-data-slug"),
    path("consult/<slug:slug>/<int:consultation_id>/", consult.comment, name="consult"),
    path("consult/<slug:slug>/<int:consultation_id>/thanks/", consult.thanks,
         name="consult-thanks"),
    path("p/<slug:slug>/publish/", admin.publish, name="publish"),
    path("p/<slug:slug>/publish/<int:version>/publish/", admin.publish_snapshot,
         name="publish-draft"),
    path("p/<slug:slug>/publish/<int:version>/board-report.pdf", admin.board_report,
         name="board-report"),
    path("p/<slug:slug>/consultations/", consult.consultations, name="consultations"),
    path("p/<slug:slug>/consultations/<int:consultation_id>/moderate/", consult.moderate,
         name="moderate"),
    path("p/<slug:slug>/consultations/<int:consultation_id>/reach/", consult.reach, name="reach"),
    path("p/<slug:slug>/consultations/<int:consultation_id>/comments.csv", consult.comments_csv,
         name="comments-csv"),
]
