"""Demo signals: about 40 clearly fictional signals in every status, with their timeline.

Safe to run twice: each demo signal has a fixed form token and is only made once.
"""

import datetime
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coalition.models import Area, TargetGroup
from signals import demo_handshake
from signals.models import SatisfactionAnswer, Signal, SignalMail
from signals.services import feedback, intake, referrals, triage, workflow

S = Signal.Status
PLAN = (
    [S.NEW] * 6
    + [S.IN_PROGRESS] * 6
    + [S.CONTACTED] * 6
    + [S.REFERRED] * 7
    + [S.UNREACHABLE] * 4
    + [S.CLOSED] * 8
    + [S.CANCELLED] * 3
)
SITUATIONS = [
    "(Demo) Mijn buurvrouw komt sinds het overlijden van haar man bijna niet meer buiten.",
    "(Demo) Ik woon sinds kort hier en ken nog niemand in de buurt.",
    "(Demo) Meneer op de hoek zit de hele dag alleen voor het raam.",
    "(Demo) Ik zorg al jaren voor mijn moeder en heb zelf geen tijd meer voor vrienden.",
    "(Demo) Een jongen uit mijn klas zegt dat hij zich vaak alleen voelt.",
    "(Demo) Mijn cliënt heeft weinig geld en gaat daarom nergens meer naartoe.",
    "(Demo) Sinds ik met pensioen ben, mis ik de contacten van mijn werk.",
    "(Demo) De post van mijn buurman stapelt zich op en hij doet niet open.",
]
NAMES = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M."]


def seed(stdout) -> None:
    coordinator = User.objects.filter(username="coordinator@example.org").first()
    if coordinator is None:
        stdout.write("Signals demo skipped: run the coalition demo first.\n")
        return
    rng = random.Random(42)  # the same demo every time
    districts = list(Area.objects.filter(kind=Area.Kind.DISTRICT))
    groups = list(TargetGroup.objects.active())
    made = 0
    for n, status in enumerate(PLAN, start=1):
        token = f"demo-signal-{n:02d}"
        if Signal.objects.filter(form_token=token).exists():
            continue
        with transaction.atomic():
            signal = _make(n, token, rng, districts, groups)
            _walk(signal, status, coordinator, rng)
        made += 1
    stdout.write(f"Signals: {made} demo signals added ({len(PLAN)} in total).\n")
    demo_handshake.seed(
        stdout, make_signal=lambda n, token: _make(n, token, rng, districts, groups)
    )


def _make(n, token, rng, districts, groups) -> Signal:
    received = timezone.now() - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 8))
    route = rng.choice(list(Signal.ContactRoute))
    signal = Signal.objects.create(
        reference=intake.next_reference(year=timezone.localdate(received).year),
        created_at=received,
        contact_due=Signal.first_contact_due(timezone.localdate(received)),
        form_token=token,
        channel=rng.choice(list(Signal.Channel)),
        reporter_kind=rng.choice(list(Signal.ReporterKind)),
        person_name=f"Demo {rng.choice(NAMES)}",
        age_band=rng.choice([b for b in Signal.AgeBand if b]),
        district=rng.choice(districts) if districts else None,
        postcode=f"227{rng.randint(0, 9)} {rng.choice(['AB', 'CD', 'EF', 'GH'])}",
        person_aware=rng.choice(list(Signal.Awareness)),
        situation=rng.choice(SITUATIONS),
        wishes="(Demo) Misschien een koffieochtend of een maatje.",
        contact_route=route,
        contact_phone="" if route == Signal.ContactRoute.ANONYMOUS else f"06 0000 {n:04d}",
        contact_email="" if route == Signal.ContactRoute.ANONYMOUS else f"demo{n}@example.org",
        consent=True,
    )
    signal.target_groups.set(rng.sample(groups, k=min(len(groups), rng.randint(1, 2))))
    Signal.objects.filter(pk=signal.pk).refresh_action_dates()
    with workflow.site_language():
        workflow.record_event(signal=signal, kind="created", detail=_("(Demo) Received."))
    return signal


def _walk(signal: Signal, status: str, by: User, rng) -> None:
    """Move a demo signal through the workflow with the real services, up to ``status``."""
    now = timezone.now()
    if status == S.NEW:
        return
    if status == S.CANCELLED:
        triage.cancel_signal(signal=signal, by=by, reason=Signal.CancelReason.SPAM)
        return
    signal = triage.assign_signal(signal=signal, by=by, to=by)
    if status == S.IN_PROGRESS:
        return
    if status == S.UNREACHABLE:
        for _ in range(3):
            triage.log_contact_attempt(signal=signal, by=by, at=now, channel="phone", reached=False)
        triage.move_signal(signal=signal, by=by, status=S.UNREACHABLE)
        return
    triage.log_contact_attempt(
        signal=signal,
        by=by,
        at=now,
        channel=rng.choice(["phone", "visit"]),
        reached=True,
        details="(Demo) Fijn gesprek gehad.",
    )
    signal.refresh_from_db()
    if status == S.CONTACTED:
        return
    triage.add_note(signal=signal, by=by, text="(Demo) Wil graag iets in de buurt.")
    referred = _refer(signal, by, rng)
    if not referred and status == S.CLOSED:
        triage.close_signal(signal=signal, by=by, outcome=Signal.Outcome.NOT_NEEDED)
        _answer(signal, rng)
    if status == S.REFERRED or not referred:
        return
    signal.refresh_from_db()
    referral = signal.referrals.first()
    referrals.record_follow_up(
        referral=referral, by=by, went="yes", helps=rng.choice(["yes", "partly"]), more_needed=False
    )
    triage.close_signal(signal=signal, by=by, outcome=Signal.Outcome.REFERRED_ACTIVITY)
    _answer(signal, rng)


def _answer(signal: Signal, rng) -> None:
    """The reporter answers the question in the mail after closing (when they got it)."""
    if signal.mails.filter(kind=SignalMail.Kind.REPORTER_CLOSED).exists():
        feedback.answer_satisfaction(
            signal=signal,
            moment=SatisfactionAnswer.Moment.CLOSED,
            answer=rng.choice(["yes", "yes", "yes", "a_little", "no"]),
            remark=rng.choice(["", "(Demo) Fijn dat er zo snel werd gebeld."]),
        )


def _refer(signal: Signal, by: User, rng) -> bool:
    from network.models import Activity

    activities = list(Activity.objects.published().select_related("organisation")[:20])
    if not activities:
        return False
    referrals.refer_signal(
        signal=signal,
        by=by,
        activities=[rng.choice(activities)],
        organisations=[],
        note="(Demo) Graag even bellen voor een kennismaking.",
        person_agreed=rng.random() < 0.7,
        follow_up_on=referrals.default_follow_up(timezone.localdate()),
    )
    return True
