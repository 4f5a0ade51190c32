"""Pages of the accounts app: people and invitations under /p/<slug>/people/, your account, passwords."""

from django.urls import path

from joinedup.accounts import views

app_name = "accounts"

urlpatterns = [
    path("p/<slug:slug>/people/", views.people, name="people"),
    path("p/<slug:slug>/people/add/", views.add_person, name="add-person"),
    path("p/<slug:slug>/people/invite/", views.invite, name="invite"),
    path("p/<slug:slug>/people/invitations/<int:pk>/withdraw/", views.withdraw_invitation,
         name="withdraw-invitation"),
    path("p/<slug:slug>/people/memberships/<int:pk>/access/", views.change_access, name="change-access"),
    path("p/<slug:slug>/people/memberships/<int:pk>/remove/", views.remove_membership,
         name="remove-membership"),
    path("p/<slug:slug>/people/<int:user_id>/memberships/add/", views.add_membership,
         name="add-membership"),
    path("p/<slug:slug>/people/<int:user_id>/password-link/", views.resend_password_link,
         name="resend-password-link"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("account/", views.account, name="account"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password-reset-confirm"),
    path("password-reset/done/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
]
