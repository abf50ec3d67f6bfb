"""Forms about organisations and their partner users, shared by both parts of the network."""

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.lib import make_slug
from coalition.roles import COORDINATOR
from network.models import Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "sector",
            "description",
            "website",
            "email",
            "phone",
            "address",
            "districts",
            "target_groups",
            "is_active",
        ]
        widgets = {
            "districts": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"slug": _("Leave it empty to make it from the name.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        name = self.cleaned_data.get("name", "")
        return self.cleaned_data["slug"] or make_slug(
            name, max_length=self.fields["slug"].max_length
        )


class PartnerOrganisationForm(OrganisationForm):
    """What a partner may change about their own organisation."""

    class Meta(OrganisationForm.Meta):
        fields = [
            "description",
            "website",
            "email",
            "phone",
            "address",
            "districts",
            "target_groups",
        ]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args, by_coordinator: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.by_coordinator = by_coordinator

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        existing = User.objects.filter(username__iexact=email).first()
        if existing and (existing.is_superuser or existing.groups.filter(name=COORDINATOR)):
            raise ValidationError(_("This person already has an account with other rights."))
        if existing and not self.by_coordinator:
            # An existing account (perhaps disabled, perhaps of another organisation) is the
            # coordinator's to add or switch on again.
            raise ValidationError(
                _("This person already has an account. Ask the Sociaal Servicepunt to add them.")
            )
        return email


class OrganisationAdminForm(forms.Form):
    """A coordinator makes a partner user an administrator of the organisation, or not."""

    is_admin = forms.BooleanField(label=_("Administrator of the organisation"), required=False)
