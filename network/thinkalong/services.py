"""Workflows of "Denk mee": signing up and off, sessions and their findings, ideas, and the
privacy rules (every look at contact details logged, export, erasure, retention)."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from network.models import Action, Finding, FocusGroupMember, FocusSession, Idea, ThinkAlongLog
from network.thinkalong import tasks

Kind = ThinkAlongLog.Kind
Subject = ThinkAlongLog.Subject


def log(*, kind: str, subject: str, ids: Iterable[int], by: User | None) -> None:
    """One log row per member or idea, in one query."""
    ThinkAlongLog.objects.bulk_create(
        ThinkAlongLog(kind=kind, subject=subject, subject_id=pk, by=by) for pk in ids
    )


def sign_up(*, target_group, name: str, email: str, phone: str) -> FocusGroupMember:
    """A new member; one who signs up again with the same address for the same group is
    recognised (no second member, no second mail)."""
    with transaction.atomic():
        known = FocusGroupMember.objects.filter(target_group=target_group)
        if email and (member := known.filter(email__iexact=email).first()):
            return member
        if not email and (member := known.filter(email="", phone=phone).first()):
            return member
        member = FocusGroupMember.objects.create(
            target_group=target_group,
            name=name,
            email=email,
            phone=phone,
            consent_at=timezone.now(),
        )
        if email:
            transaction.on_commit(lambda: tasks.send_welcome.enqueue(member_id=member.pk))
    return member


def sign_off(*, member: FocusGroupMember) -> None:
    """The resident's own sign-off: the member and their contact details are deleted."""
    with transaction.atomic():
        log(kind=Kind.SIGNED_OFF, subject=Subject.MEMBER, ids=[member.pk], by=None)
        member.delete()


def erase_member(*, member: FocusGroupMember, by: User) -> None:
    with transaction.atomic():
        log(kind=Kind.ERASED, subject=Subject.MEMBER, ids=[member.pk], by=by)
        member.delete()


def export_member(*, member: FocusGroupMember, by: User) -> dict:
    """Everything stored about a member (the right of access); logged."""
    log(kind=Kind.EXPORTED, subject=Subject.MEMBER, ids=[member.pk], by=by)
    return {
        "focus_group": str(member.target_group),
        "name": member.name,
        "email": member.email,
        "phone": member.phone,
        "consent_at": member.consent_at.isoformat(),
        "signed_up_at": member.created_at.isoformat(),
        "sessions": [
            {"starts_at": s.starts_at.isoformat(), "place": s.place}
            for s in member.sessions.order_by("starts_at")
        ],
    }


def plan_session(*, target_group, starts_at, place: str, topic: str) -> FocusSession:
    return FocusSession.objects.create(
        target_group=target_group, starts_at=starts_at, place=place, topic=topic
    )


def invite(*, session: FocusSession, now: datetime.datetime) -> int:
    """Queue one invitation per member with an e-mail address (ids only: each mail carries
    its own sign-off link, made when it is sent). Returns how many."""
    ids = list(
        FocusGroupMember.objects.filter(target_group=session.target_group)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        session.invited_at = now
        session.save(update_fields=["invited_at"])
        for member_id in ids:
            transaction.on_commit(
                lambda m=member_id: tasks.send_invitation.enqueue(
                    session_id=session.pk, member_id=m
                )
            )
    return len(ids)


def record_attendance(*, session: FocusSession, members: Iterable[FocusGroupMember]) -> int:
    members = [m for m in members if m.target_group_id == session.target_group_id]
    with transaction.atomic():
        session.participants.set(members)
        session.attendance_count = len(members)
        session.save(update_fields=["attendance_count"])
    return len(members)


def add_finding(*, session: FocusSession, text: str, actions: Iterable[Action]) -> Finding:
    with transaction.atomic():
        finding = Finding.objects.create(session=session, text=text)
        finding.actions.set(actions)
    return finding


def send_idea(*, text: str, target_group, name: str, email: str, phone: str) -> Idea:
    return Idea.objects.create(
        text=text, target_group=target_group, name=name, email=email, phone=phone
    )


def decide_idea(
    *, idea: Idea, publish: bool, response: str, by: User, now: datetime.datetime
) -> Idea:
    idea.status = Idea.Status.PUBLISHED if publish else Idea.Status.DECLINED
    idea.response = response
    idea.decided_at = now
    idea.decided_by = by
    idea.save(update_fields=["status", "response", "decided_at", "decided_by"])
    return idea


def export_idea(*, idea: Idea, by: User) -> dict:
    log(kind=Kind.EXPORTED, subject=Subject.IDEA, ids=[idea.pk], by=by)
    return {
        "idea": idea.text,
        "target_group": str(idea.target_group or ""),
        "name": idea.name,
        "email": idea.email,
        "phone": idea.phone,
        "sent_at": idea.created_at.isoformat(),
        "status": idea.status,
        "what_the_coalition_did": idea.response,
    }


def erase_idea_contact(*, idea: Idea, by: User | None, kind: str = Kind.ERASED) -> Idea:
    """Blank the contact details; a published idea stays public, one not published goes."""
    with transaction.atomic():
        log(kind=kind, subject=Subject.IDEA, ids=[idea.pk], by=by)
        if idea.status == Idea.Status.PUBLISHED:
            for field in Idea.PERSONAL_FIELDS:
                setattr(idea, field, "")
            idea.save(update_fields=list(Idea.PERSONAL_FIELDS))
        else:
            idea.delete()
    return idea


def prune(*, now: datetime.datetime) -> tuple[int, int]:
    """Delete what passed ``THINKALONG_RETENTION_MONTHS``: members who signed up before it and
    took part in nothing within it, and the contact details of older ideas (an idea not
    published goes whole). Returns (members, ideas)."""
    with transaction.atomic():
        members = list(FocusGroupMember.objects.due_for_deletion(now).values_list("pk", flat=True))
        log(kind=Kind.EXPIRED, subject=Subject.MEMBER, ids=members, by=None)
        FocusGroupMember.objects.filter(pk__in=members).delete()
        ideas = list(Idea.objects.contact_due_for_deletion(now))
        for idea in ideas:
            erase_idea_contact(idea=idea, by=None, kind=Kind.EXPIRED)
    return len(members), len(ideas)
