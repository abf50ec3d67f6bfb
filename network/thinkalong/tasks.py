"""The mails of "Denk mee". Each carries the member's own sign-off link, so the task gets ids
and makes the link and the text when it runs (see coalition/tasks.py)."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coalition.lib import absolute_url
from coalition.tasks import send_email
from network.models import FocusGroupMember, FocusSession
from network.thinkalong.tokens import sign_off_token


def _mail(member: FocusGroupMember, subject: str, template: str, **context) -> None:
    context = {
        "member": member,
        "sign_off_url": absolute_url(
            reverse("network:thinkalong_leave", args=[sign_off_token(member.pk)])
        ),
        "site_name": settings.COALITION_NAME,
        "support_phone": settings.SUPPORT_PHONE,
        **context,
    }
    body = render_to_string(template, context)
    send_email.call(subject=subject, body=body, to=[member.email])


@task
def send_welcome(*, member_id: int) -> bool:
    """The confirmation of a sign-up; nothing when the member signed off in the meantime."""
    member = FocusGroupMember.objects.select_related("target_group").filter(pk=member_id).first()
    if member is None or not member.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You are signed up for the focus group %(group)s") % {
            "group": member.target_group
        }
        _mail(member, subject, "network/thinkalong/email/welcome.txt")
    return True


@task
def send_invitation(*, session_id: int, member_id: int) -> bool:
    session = FocusSession.objects.select_related("target_group").filter(pk=session_id).first()
    member = FocusGroupMember.objects.filter(pk=member_id).exclude(email="").first()
    if session is None or member is None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation: focus group %(group)s") % {"group": session.target_group}
        _mail(member, subject, "network/thinkalong/email/invitation.txt", session=session)
    return True
