"""Pages for people and access: the team page (administrators), invitations, your own account.

Thin views: the server checks role and partnership on every request (`scoped`
answers 404 to non-members, `administrators_only` 403 to members who are not
administrators); services make the changes and write the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from joinedup.accounts import invitations, services, throttle
from joinedup.accounts.forms import (
    AcceptInvitationForm,
    AccessForm,
    AccountDetailsForm,
    AddPersonForm,
    InviteForm,
    MembershipForm,
)
from joinedup.accounts.scope import Scope, partnerships_for
from joinedup.pages.access import scoped

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def administrators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`scoped`, then 403 unless the user administers this partnership."""

    @scoped
    @wraps(view)
    def wrapper(request: HttpRequest, scope: Scope, *args, **kwargs) -> HttpResponse:
        if not scope.is_admin:
            raise PermissionDenied("Only the partnership's administrators manage people")
        return view(request, scope, *args, **kwargs)

    return wrapper


def _team_url(scope: Scope) -> str:
    return reverse("accounts:people", kwargs={"slug": scope.partnership.slug})


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _render_form(request: HttpRequest, template: str, form, **context) -> HttpResponse:
    context.update(form=form, form_has_errors=bool(form.errors), active="people")
    return render(request, template, context)


@administrators_only
def people(request: HttpRequest, scope: Scope) -> HttpResponse:
    context = {
        "people": services.team(scope.partnership),
        "invitations": invitations.open_invitations(scope.partnership),
        "events": services.audit_trail(scope.partnership),
        "active": "people",
    }
    return render(request, "accounts/people.html", context)


@administrators_only
def add_person(request: HttpRequest, scope: Scope) -> HttpResponse:
    form = AddPersonForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.add_person(scope.partnership, by=request.user, **form.cleaned_data)
        services.send_set_password_link(user, scope.partnership, _base_url(request))
        messages.success(
            request, f"{user.get_full_name()} was added. We emailed {user.email} a link to choose a password."
        )
        return redirect(_team_url(scope))
    return _render_form(request, "accounts/add_person.html", form)


@administrators_only
def invite(request: HttpRequest, scope: Scope) -> HttpResponse:
    form = InviteForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation, token = invitations.invite(scope.partnership, by=request.user, **form.cleaned_data)
        invitations.send_invitation(invitation, token, _base_url(request))
        messages.success(request, f"We emailed an invitation to {invitation.email}.")
        return redirect(_team_url(scope))
    days = invitations.lifetime().days
    return _render_form(request, "accounts/invite.html", form, invitation_days=days)


@administrators_only
@require_POST
def withdraw_invitation(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    invitation = invitations.invitation_in(scope.partnership, pk)
    if invitation is None:
        raise Http404("No such invitation")
    invitations.withdraw(invitation, by=request.user)
    messages.success(request, f"The invitation to {invitation.email} was withdrawn.")
    return redirect(_team_url(scope))


@administrators_only
def change_access(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    membership = services.membership_in(scope.partnership, pk)
    form = AccessForm(request.POST or None, initial_access=membership.access)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_access(membership, form.cleaned_data["access"], by=request.user)
        except services.LastAdministrator as refusal:
            form.add_error("access", str(refusal))
        else:
            messages.success(request, f"Access changed for {membership.user.get_username()}.")
            return redirect(_team_url(scope))
    return _render_form(request, "accounts/change_access.html", form, membership=membership)


@administrators_only
def add_membership(request: HttpRequest, scope: Scope, user_id: int) -> HttpResponse:
    person = services.member_of(scope.partnership, user_id)
    form = MembershipForm(scope, person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_membership(scope.partnership, person.user, by=request.user, **form.cleaned_data)
        except IntegrityError:
            form.add_error("organisation", "They already belong to that organisation")
        else:
            organisation = form.cleaned_data["organisation"]
            messages.success(request, f"{person.name} now also works for {organisation}.")
            return redirect(_team_url(scope))
    return _render_form(request, "accounts/add_membership.html", form, person=person)


@administrators_only
@require_POST
def resend_password_link(request: HttpRequest, scope: Scope, user_id: int) -> HttpResponse:
    person = services.member_of(scope.partnership, user_id)
    if services.resend_set_password_link(scope.partnership, person, request.user, _base_url(request)):
        messages.success(request, f"We emailed {person.user.email} a new link to choose a password.")
    else:
        messages.success(request, f"{person.name} has already chosen a password: nothing was sent.")
    return redirect(_team_url(scope))


@administrators_only
def remove_membership(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    membership = services.membership_in(scope.partnership, pk)
    refusal = None
    if request.method == "POST":
        try:
            services.remove_membership(membership, by=request.user)
        except services.LastAdministrator as error:
            refusal = str(error)
        else:
            who = membership.user.get_username()
            messages.success(request, f"{who} no longer works for {membership.organisation} here.")
            return redirect(_team_url(scope))
    context = {"membership": membership, "refusal": refusal, "form_has_errors": bool(refusal),
               "active": "people"}
    return render(request, "accounts/remove_membership.html", context, status=409 if refusal else 200)


def _unusable(request: HttpRequest, unusable: invitations.InvitationUnusable) -> HttpResponse:
    """Why a link cannot be used: 404 for a link that never existed, 410 Gone for the others."""
    status = 404 if unusable.reason == "unknown" else 410
    context = {"reason": unusable.reason}
    return render(request, "accounts/invitation_unusable.html", context, status=status)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: choose a username and password, or join with the account signed in."""
    try:
        found = invitations.find(token)
    except invitations.InvitationUnusable as unusable:
        return _unusable(request, unusable)
    signed_in = request.user.is_authenticated
    form = None if signed_in else AcceptInvitationForm(found.email, request.POST or None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        make_user = (lambda: request.user) if signed_in else form.save
        try:
            membership = invitations.redeem(token, make_user)
        except invitations.InvitationUnusable as unusable:
            return _unusable(request, unusable)
        if not signed_in:
            login(request, membership.user, backend=MODEL_BACKEND)
        messages.success(request, f"Welcome to {found.partnership}.")
        return redirect("pages:actions", slug=found.partnership.slug)
    context = {"invitation": found, "form": form, "form_has_errors": bool(form and form.errors)}
    return render(request, "accounts/invitation.html", context)


def _with_partnerships(request: HttpRequest) -> None:
    request.partnerships = list(partnerships_for(request.user))


@login_required
def account(request: HttpRequest) -> HttpResponse:
    _with_partnerships(request)
    form = AccountDetailsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your details were saved.")
        return redirect("accounts:account")
    memberships = request.user.memberships.select_related("partnership", "organisation")
    context = {"form": form, "form_has_errors": bool(form.errors), "memberships": memberships}
    return render(request, "accounts/account.html", context)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, "Your password was changed.")
        return super().form_valid(form)


RESETS_PER_ADDRESS = 3
RESETS_PER_CLIENT = 10
RESET_WINDOW = 3600


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, throttled per e-mail address and per client, answering the same either way."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form):
        client = self.request.META.get("REMOTE_ADDR", "")
        if (throttle.allow("reset-client", client, RESETS_PER_CLIENT, RESET_WINDOW)
                and throttle.allow("reset-email", form.cleaned_data["email"], RESETS_PER_ADDRESS,
                                   RESET_WINDOW)):
            return super().form_valid(form)
        return redirect(self.success_url)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Also the page where someone added by an administrator chooses their first password."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
