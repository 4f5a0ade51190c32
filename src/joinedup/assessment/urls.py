"""Pages of the assessment app, under /p/<slug>/."""

from django.urls import path

from joinedup.assessment import views

app_name = "assessment"

P = "p/<slug:slug>/assessment/"

urlpatterns = [
    path(P, views.round_list, name="rounds"),
    path(P + "rounds/new/", views.round_new, name="round-new"),
    path(P + "rounds/<int:pk>/", views.round_detail, name="round"),
    path(P + "rounds/<int:pk>/close/", views.round_close, name="round-close"),
    path(P + "rounds/<int:pk>/answer/", views.answer, name="answer"),
    path(P + "rounds/<int:pk>/results/", views.round_results, name="results"),
    path(P + "rounds/<int:pk>/results.csv", views.results_csv, name="results-csv"),
    path(P + "rounds/<int:pk>/results.xlsx", views.results_xlsx, name="results-xlsx"),
    path(P + "questionnaires/", views.template_list, name="templates"),
    path(P + "questionnaires/<int:pk>/", views.template_detail, name="template"),
    path(P + "questionnaires/<int:pk>/statements/<int:statement_pk>/", views.statement_edit,
         name="statement-edit"),
]
