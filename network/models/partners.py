"""Members of the coalition (declaration of intent) and the people of the network."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MembershipQuerySet(models.QuerySet):
    def public(self):
        """Members of active organisations, with what the public list shows."""
        return (
            self.filter(organisation__is_active=True)
            .select_related("organisation")
            .prefetch_related("target_groups")
            .order_by("organisation__sector", "organisation__name")
        )

    def search(self, text: str):
        return self.filter(organisation__name__icontains=text) if text else self


class Membership(models.Model):
    """An organisation that signed the declaration of intent (intentieverklaring)."""

    organisation = models.OneToOneField(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    signed_on = models.DateField(_("declaration of intent signed on"), db_index=True)
    signed_by = models.CharField(_("signed by"), max_length=120)
    contribution = models.TextField(_("what the organisation contributes"), blank=True)
    target_groups = models.ManyToManyField(
        "coalition.TargetGroup",
        verbose_name=_("contributes to target groups"),
        blank=True,
        related_name="memberships",
    )
    districts = models.ManyToManyField(
        "coalition.Area",
        verbose_name=_("works in districts"),
        blank=True,
        related_name="memberships",
        limit_choices_to={"kind": "district"},
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        permissions = [
            ("manage_membership", "Can see the member administration, its download and growth"),
        ]

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("network:membership_edit", args=[self.organisation.slug])


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Contact details are for coordinators and partners only.

        Who may change people (coordinators) sees everyone; who may only view them (partners)
        sees the people who agreed to be listed.
        """
        if user.has_perm("network.change_person"):
            return self.filter(anonymised_at=None)
        if user.has_perm("network.view_person"):
            return self.filter(anonymised_at=None, consent_to_list=True)
        return self.none()

    def with_related(self):
        return self.select_related("organisation").annotate(
            training_count=models.Count("participations", distinct=True)
        )

    def search(self, text: str):
        if not text:
            return self
        return self.filter(
            models.Q(name__icontains=text)
            | models.Q(role__icontains=text)
            | models.Q(organisation__name__icontains=text)
        )

    def ambassadors(self):
        return self.filter(is_ambassador=True)

    def active_ambassadors(self, since):
        """Ambassadors with a contribution on or after ``since`` (see ``active_since``)."""
        return self.ambassadors().filter(contributions__date__gte=since).distinct()

    def reachable_by_mail(self):
        """People who may get a message: an e-mail address, not unsubscribed, not anonymised."""
        return self.filter(anonymised_at=None, mail_unsubscribed_at=None).exclude(email="")


class Person(models.Model):
    """A contact person of an organisation, or an ambassador (perhaps a resident)."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    is_contact = models.BooleanField(_("contact person of the organisation"), default=False)
    is_ambassador = models.BooleanField(_("ambassador"), default=False, db_index=True)
    target_group = models.ForeignKey(
        "coalition.TargetGroup",
        verbose_name=_("works mostly with target group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "coalition.Area",
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )
    mail_unsubscribed_at = models.DateTimeField(
        _("unsubscribed from messages at"), null=True, blank=True
    )
    consent_to_list = models.BooleanField(_("agrees to be listed"), default=False)
    consent_on = models.DateField(_("date of consent"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [
            ("export_person", "Can download the people list with contact details"),
            ("message_ambassadors", "Can send a message to active ambassadors"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:person_edit", args=[self.pk])

    def clean(self):
        errors = {}
        if self.is_contact and not self.organisation_id:
            errors["organisation"] = _("A contact person belongs to an organisation.")
        if not self.is_contact and not self.is_ambassador:
            errors["is_contact"] = _("Choose contact person, ambassador or both.")
        if self.consent_to_list and not self.consent_on:
            errors["consent_on"] = _("Enter the date the person gave consent.")
        elif self.consent_on and self.consent_on > timezone.localdate():
            errors["consent_on"] = _("This date lies in the future.")
        if self.consent_on and not self.consent_to_list:
            errors["consent_to_list"] = _("A date of consent needs consent.")
        if errors:
            raise ValidationError(errors)
