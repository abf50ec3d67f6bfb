"""The ambassadors' community: the overview per target group and district, logging a
contribution, a message to the active ambassadors, and unsubscribing from messages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_http_methods

from coalition.exports import table_download
from coalition.lib import page_of
from network.access import get_ambassador_for, loggable_ambassadors
from network.models import AmbassadorMessage, Person
from network.partnership import community
from network.partnership.community_forms import (
    AmbassadorFilterForm,
    AmbassadorMessageForm,
    ContributionForm,
)
from network.partnership.unsubscribe import person_for_token


def _overview(request):
    form = AmbassadorFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = community.overview_rows(today=timezone.localdate(), **filters)
    return form, rows


@login_required
@permission_required("network.view_contribution", raise_exception=True)
def ambassadors(request):
    form, rows = _overview(request)
    context = {
        "form": form,
        "page": page_of(request, rows),
        "totals": community.totals(rows),
        "active_months": settings.AMBASSADOR_ACTIVE_MONTHS,
    }
    return render(request, "network/partnership/ambassadors.html", context)


OVERVIEW_COLUMNS = [
    pgettext_lazy("column", "target group"),
    pgettext_lazy("column", "district"),
    pgettext_lazy("column", "trained"),
    pgettext_lazy("column", "active"),
    pgettext_lazy("column", "contributions"),
    pgettext_lazy("column", "people reached"),
]


@login_required
@permission_required("network.view_contribution", raise_exception=True)
def ambassadors_csv(request, extension="csv"):
    """The filtered overview as a table; also serves ``ambassadors_xlsx``."""
    _form, rows = _overview(request)
    cells = (
        [r["target_group"], r["district"], r["trained"], r["active"], r["contributions"]]
        + [r["people_reached"]]
        for r in rows
    )
    return table_download(f"ambassadeurs.{extension}", OVERVIEW_COLUMNS, cells)


@login_required
@permission_required("network.add_contribution", raise_exception=True)
def contribution_new(request):
    if request.method == "POST" and request.POST.get("person", "").isdigit():
        get_ambassador_for(request.user, int(request.POST["person"]))  # 404 or 403
    initial = {"date": timezone.localdate(), "person": request.GET.get("persoon")}
    form = ContributionForm(
        request.POST or None, initial=initial, ambassadors=loggable_ambassadors(request.user)
    )
    if request.method == "POST" and form.is_valid():
        community.log_contribution(by=request.user, **form.cleaned_data)
        messages.success(request, _("The contribution is saved. Thank you!"))
        return redirect("network:ambassadors")
    context = {"form": form, "heading": _("Log a contribution of an ambassador")}
    status = 400 if form.errors else 200
    return render(request, "network/partnership/contribution_form.html", context, status=status)


@login_required
@permission_required("network.message_ambassadors", raise_exception=True)
def message(request):
    """A message to the active ambassadors: first a preview with the number of recipients,
    then sending, for the number the coordinator saw."""
    form = AmbassadorMessageForm(request.POST or None)
    count = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        today = timezone.localdate()
        people = community.audience(
            today=today, target_group=data["target_group"], district=data["district"]
        )
        count = people.count()
        if "send" in request.POST and data["confirmed_count"] == count:
            sent = community.send_message(
                sent_by=request.user,
                subject=data["subject"],
                text=data["text"],
                target_group=data["target_group"],
                district=data["district"],
                today=today,
                now=timezone.now(),
            )
            n = sent.recipient_count
            text = ngettext(
                "Your message goes to %(count)s active ambassador.",
                "Your message goes to %(count)s active ambassadors.",
                n,
            )
            messages.success(request, text % {"count": n})
            return redirect("network:ambassador_message")
        if "send" in request.POST:
            messages.warning(request, _("The number of recipients has changed. Check it again."))
        form = AmbassadorMessageForm(request.POST.dict() | {"confirmed_count": count})
        form.is_valid()
    sent_messages = AmbassadorMessage.objects.select_related("target_group", "district", "sent_by")
    context = {"form": form, "count": count, "page": page_of(request, sent_messages)}
    status = 400 if form.errors else 200
    return render(request, "network/partnership/ambassador_message.html", context, status=status)


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Public: the link in every message. GET asks, POST unsubscribes (idempotent). A
    changed link is refused (400), one for a person no longer known is not found (404)."""
    invalid = "network/partnership/unsubscribe_invalid.html"
    try:
        person = Person.objects.get(pk=person_for_token(token))
    except signing.BadSignature:
        return render(request, invalid, status=400)
    except Person.DoesNotExist:
        return render(request, invalid, status=404)
    if request.method == "POST":
        community.unsubscribe(person=person, now=timezone.now())
    context = {"person": person, "done": person.mail_unsubscribed_at is not None}
    return render(request, "network/partnership/unsubscribe.html", context)
