"""Triage: the filters of the coordinators' queue and the forms of the actions on a signal's
page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.forms import DrawnOnce
from coalition.models import Area, TargetGroup
from coalition.roles import COORDINATOR
from signals.models import ContactAttempt, Signal
from signals.models.search import classify_term, search_signals


class QueueFilterForm(DrawnOnce, forms.Form):
    # {{ filters }} draws the filters (signals/_queue_filters.html), once per set of values;
    # the search field has a form of its own on the page and is never drawn from memory.
    template_name = "signals/_queue_filters.html"
    drawn_bound = True
    drawn_fields = (
        "status",
        "assigned",
        "district",
        "target_group",
        "channel",
        "sort",
        "overdue",
        "follow_up",
    )
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_(
            "A reference, name, phone number, e-mail address or postcode. Also finds closed "
            "signals. Every search is recorded."
        ),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All open"))] + Signal.Status.choices
    )
    assigned = forms.ChoiceField(
        label=_("Handled by"),
        required=False,
        choices=[("", _("Everyone")), ("me", _("Me")), ("none", _("Nobody yet"))],
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=Area.objects.filter(kind=Area.Kind.DISTRICT),
        empty_label=_("All districts"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.all(),
        empty_label=_("All target groups"),
        to_field_name="slug",
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All channels"))] + Signal.Channel.choices,
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    follow_up = forms.BooleanField(label=_("Follow-up due"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("action", _("Needs action first")),
            ("oldest", _("Oldest first")),
            ("newest", _("Newest first")),
        ],
    )

    def search_term(self) -> tuple[str, str] | None:
        """The kind of the search term and the term as matched, or ``None`` without one."""
        term = self.cleaned_data.get("q", "").strip() if self.is_valid() else ""
        return classify_term(term) if term else None

    def shows_all_open(self) -> bool:
        """No filter and no search: every open signal the coordinator may see."""
        data = self.cleaned_data if self.is_valid() else {}
        return not any(value for name, value in data.items() if name != "sort")

    def filter(self, signals, *, user, today):
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status")
        search = self.search_term()
        if status:
            signals = signals.filter(status=status)
        elif not data.get("follow_up") and not search:
            signals = signals.open()
        if search:
            signals = search_signals(signals, *search)
        if data.get("assigned") == "me":
            signals = signals.filter(assigned_to=user)
        elif data.get("assigned") == "none":
            signals = signals.filter(assigned_to__isnull=True)
        if data.get("district"):
            signals = signals.filter(district=data["district"])
        if data.get("target_group"):
            signals = signals.filter(target_groups=data["target_group"])
        if data.get("channel"):
            signals = signals.filter(channel=data["channel"])
        if data.get("overdue"):
            signals = signals.overdue(today)
        if data.get("follow_up"):
            signals = signals.follow_up_due(today)
        if data.get("sort") in ("oldest", "newest"):
            order = "-created_at" if data["sort"] == "newest" else "created_at"
            return signals.order_by(order, "pk")
        return signals.by_urgency(today)


class AssignForm(DrawnOnce, forms.Form):
    to = forms.ModelChoiceField(label=_("Coordinator"), queryset=None, empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth.models import User

        self.fields["to"].queryset = User.objects.filter(
            groups__name=COORDINATOR, is_active=True
        ).order_by("first_name", "username")
        self.fields["to"].label_from_instance = lambda u: u.get_full_name() or u.username


class MoveForm(DrawnOnce, forms.Form):
    # Every status is accepted here; the workflow (Signal.can_move_to) refuses and logs.
    status = forms.ChoiceField(label=_("New status"), choices=Signal.Status.choices)


class NoteForm(DrawnOnce, forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContactAttemptForm(DrawnOnce, forms.ModelForm):
    reached = forms.TypedChoiceField(
        label=_("Reached?"),
        choices=[("yes", _("Yes, we spoke")), ("no", _("No, not reached"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ContactAttempt
        fields = ["at", "channel", "reached", "details"]
        widgets = {
            "at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_at(self):
        value = self.cleaned_data["at"]
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(_("A contact attempt cannot be in the future."))
        return value


class CallBackForm(DrawnOnce, forms.Form):
    on = forms.DateField(
        label=_("Call back on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    part = forms.ChoiceField(
        label=_("Part of the day"), choices=Signal.DayPart.choices, widget=forms.RadioSelect
    )

    def clean_on(self):
        value = self.cleaned_data["on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day to call back."))
        return value


class CancelForm(DrawnOnce, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why cancel?"), choices=Signal.CancelReason.choices, widget=forms.RadioSelect
    )
    duplicate_of = forms.CharField(
        label=_("Reference of the signal it repeats"),
        required=False,
        max_length=16,
        help_text=_("For example S-2026-00042."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_duplicate_of(self):
        """Only a signal the user may see: another district's is as unknown as a made-up one."""
        reference = self.cleaned_data["duplicate_of"].strip().upper()
        if not reference:
            return None
        visible = Signal.objects.visible_to(self.user) if self.user else Signal.objects.none()
        signal = visible.filter(reference=reference).first()
        if signal is None:
            raise forms.ValidationError(_("There is no signal with this reference."))
        return signal

    def clean(self):
        data = super().clean()
        duplicate = data.get("reason") == Signal.CancelReason.DUPLICATE
        if duplicate and not data.get("duplicate_of") and "duplicate_of" not in self.errors:
            self.add_error("duplicate_of", _("Give the reference of the signal it repeats."))
        return data


class CloseForm(DrawnOnce, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Signal.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Explanation (optional)"), required=False, max_length=1000)


class ReopenForm(DrawnOnce, forms.Form):
    reason = forms.CharField(label=_("Why reopen?"), max_length=1000)


class AnonymiseForm(DrawnOnce, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        initial=_("At the request of the person."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that the personal data will be removed for good.")
    )
