"""Forms for people, invitations and a person's own account.

Organisation choices always come from the partnership's scope, so an
administrator can never grant access to another partnership's organisation.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.password_validation import password_validators_help_texts

from joinedup.accounts.models import Access
from joinedup.accounts.scope import Scope

ACCESS_HINT = (
    "View: read work. Edit own: change your organisation's actions and plans, read everyone's. "
    "Administrator: everything, including people and the strategy."
)


def _organisation_field(scope: Scope) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=scope.organisations(), label="Organisation", empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation they work for",
                        "invalid_choice": "Choose an organisation from the list"},
    )


def _access_field(initial: str = Access.VIEW_ALL) -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=Access.choices, label="Access", initial=initial, widget=forms.RadioSelect,
        help_text=ACCESS_HINT, error_messages={"required": "Choose their access"},
    )


class AddPersonForm(forms.Form):
    """A new account, created by an administrator; the person chooses their own password."""

    first_name = forms.CharField(label="First name", max_length=150,
                                 error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(label="Last name", max_length=150,
                                error_messages={"required": "Enter their last name"})
    email = forms.EmailField(label="Email address",
                             help_text="We will email them a link to choose a password.",
                             error_messages={"required": "Enter their email address",
                                             "invalid": "Enter an email address like name@example.org"})
    username = forms.CharField(label="Username", max_length=150,
                               error_messages={"required": "Enter a username"},
                               help_text="Letters, digits and @ . + - _ only.")

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = _organisation_field(scope)
        self.fields["access"] = _access_field()

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        user_model = get_user_model()
        user_model.username_validator(username)
        if user_model.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken: choose another")
        return username


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address",
                             error_messages={"required": "Enter their email address",
                                             "invalid": "Enter an email address like name@example.org"})

    def __init__(self, scope: Scope, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = _organisation_field(scope)
        self.fields["access"] = _access_field()


class AccessForm(forms.Form):
    def __init__(self, *args, initial_access: str = Access.VIEW_ALL, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["access"] = _access_field(initial_access)


class MembershipForm(forms.Form):
    """A further organisation for someone already in the partnership (a joint appointment)."""

    def __init__(self, scope: Scope, person, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        held = [m.organisation_id for m in person.memberships]
        field = _organisation_field(scope)
        field.queryset = scope.organisations().exclude(pk__in=held)
        self.fields["organisation"] = field
        self.fields["access"] = _access_field()


class AcceptInvitationForm(UserCreationForm):
    """The invitee's new account: their name, a username and a password Django's validators accept."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("first_name", "last_name", "username")

    def __init__(self, email: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.email = email
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["first_name"].error_messages["required"] = "Enter your first name"
        self.fields["last_name"].error_messages["required"] = "Enter your last name"
        self.fields["username"].error_messages["required"] = "Enter a username"
        self.fields["password1"].error_messages["required"] = "Enter a password"
        self.fields["password2"].error_messages["required"] = "Enter the password again"
        self.fields["password2"].label = "Confirm password"
        self.fields["password2"].help_text = ""
        self.fields["password1"].help_text = " ".join(password_validators_help_texts())


class AccountDetailsForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ("first_name", "last_name", "email")
        error_messages = {"email": {"invalid": "Enter an email address like name@example.org"}}
