"""The public agenda: the list, a page per event, iCal, registration and the cancel link."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.http import require_safe

from coalition import ratelimit
from coalition.lib import page_of
from network.access import get_public_event
from network.events import cache as events_cache
from network.events import ical, services
from network.events.forms import EventFilterForm, EventRegistrationForm
from network.events.services import Cancelled, Registered
from network.events.tokens import registration_pk
from network.models import EventRegistration, PublicEvent

PER_PAGE = 10
ICS_MAX = 200
REGISTERED = {
    Registered.CONFIRMED: gettext_lazy(
        "You are registered. You will get an e-mail with the details."
    ),
    Registered.WAITING: gettext_lazy(
        "This event is full. You are on the waiting list. When a place becomes free, "
        "you get it automatically."
    ),
    Registered.ALREADY: gettext_lazy(
        "You were already registered for this event with these details."
    ),
}


@require_safe
def agenda(request):
    """The body is built once per events version, minute, language and query (filters and
    page number; see ``network/events/cache.py``)."""
    now = events_cache.this_minute(timezone.now())
    key = ("agenda", get_language(), sorted(request.GET.lists()), now.isoformat())
    body = events_cache.cached(key, lambda: _agenda_body(request, now))
    return render(request, "network/events/agenda.html", {"body": mark_safe(body)})  # noqa: S308 (our own template's output)


def _agenda_body(request, now) -> str:
    form = EventFilterForm(request.GET or None, today=timezone.localdate(now))
    events = form.filter(PublicEvent.objects.coming(now).with_related())
    context = {"form": form, "page": page_of(request, events, per_page=PER_PAGE)}
    return render_to_string("network/events/agenda.html#body", context, request=request)


@require_safe
def agenda_ics(request):
    now = timezone.now()
    events = PublicEvent.objects.coming(now)[:ICS_MAX]
    return HttpResponse(ical.calendar(events, now=now), content_type="text/calendar; charset=utf-8")


def _event_context(event, now) -> dict:
    seats = services.seats_taken(event)
    return {"event": event, "places_left": event.places_left(seats), "past": event.is_past(now)}


@require_safe
def event(request, pk):
    """A published event's page is built once per events version, minute and language. A hit
    asks the database nothing: the event was published when the page was built, and any
    change to it since would have started a new version. An organiser's preview of an
    unpublished event is built every time and never kept."""
    now = events_cache.this_minute(timezone.now())

    def build() -> tuple[bool, str, str]:
        item = get_public_event(request.user, pk)
        context = _event_context(item, now)
        body = render_to_string("network/events/event.html#body", context, request=request)
        return item.is_published, item.title, body

    key = ("event", str(pk), get_language(), now.isoformat())
    _published, title, body = events_cache.cached(key, build, keep=lambda page: page[0])
    context = {"title": title, "body": mark_safe(body)}  # noqa: S308 (our own template's output)
    return render(request, "network/events/event.html", context)


@require_safe
def event_ics(request, pk):
    item = get_public_event(request.user, pk)
    body = ical.calendar([item], now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{item.pk}.ics"'
    return response


def register(request, pk):
    item = get_public_event(request.user, pk)
    now = timezone.now()
    form = EventRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit = settings.EVENT_REGISTRATION_RATE_LIMIT
        if not ratelimit.take_slot(request, scope="network:events", limit=limit):
            return render(request, "network/events/rate_limited.html", status=429)
        if form.cleaned_data["website"]:  # the honeypot: a robot filled it in
            messages.success(request, REGISTERED[Registered.CONFIRMED])
            return redirect(item)
        _registration, outcome = services.register(
            event=item, data=form.registration_data(), now=now
        )
        if outcome != Registered.CLOSED:
            messages.success(request, REGISTERED[outcome])
            return redirect(item)
    context = {**_event_context(item, now), "form": form}
    return render(request, "network/events/register.html", context)


def cancel(request, token):
    """The signed link from the mail. The POST shows its outcome at once (no redirect): a
    second POST, or opening the link again, says kindly that it was already done."""
    pk = registration_pk(token)
    registration = get_object_or_404(EventRegistration.objects.select_related("event"), pk=pk)
    now = timezone.now()
    if request.method == "POST":
        outcome = services.cancel(registration=registration, now=now)
    elif registration.status == EventRegistration.Status.CANCELLED:
        outcome = Cancelled.ALREADY
    elif registration.event.is_past(now):
        outcome = Cancelled.PAST
    else:
        outcome = None
    context = {
        "registration": registration,
        "event": registration.event,
        "outcome": outcome and outcome.value,
    }
    return render(request, "network/events/cancel.html", context)
