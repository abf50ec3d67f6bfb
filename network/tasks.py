"""Background work of the network app: the mails with a secret link, and the social map's
booklet. Each mail task gets ids and makes the link and the text when it runs, so the link is
stored nowhere (see coalition/tasks.py); the text is in the site's language."""

from django.conf import settings
from django.contrib.auth.models import User
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coalition.lib import absolute_url, password_link
from coalition.tasks import send_email
from network.models import Activity, Organisation
from network.socialmap import booklet
from network.socialmap.tokens import verification_token


@task
def send_partner_invitation(*, user_id: int, organisation_id: int) -> int:
    """The invitation of a new partner user, with a link to choose a password."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if user is None or organisation is None:
        return 0
    context = {"user": user, "organisation": organisation, "link": password_link(user)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your account for the social map")
        body = render_to_string("network/email/invitation.txt", context)
    return send_email.call(subject=subject, body=body, to=[user.email])


@task
def send_verification_reminder(*, activity_id: int, user_id: int, site_url: str = "") -> int:
    """Ask a partner user whether an activity is still correct, with a signed link that
    confirms it in one click. The link starts with ``SITE_URL``, or with ``site_url``."""
    activity = Activity.objects.filter(pk=activity_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if activity is None or user is None:
        return 0
    link = absolute_url(
        reverse("network:verify_link", args=[verification_token(activity, user)]),
        site_url=site_url,
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Is “%(title)s” still correct?") % {"title": activity.title}
        body = render_to_string(
            "network/socialmap/email/verify_reminder.txt",
            {"activity": activity, "user": user, "link": link},
        )
    return send_email.call(subject=subject, body=body, to=[user.email])


@task
def make_booklet(
    *, name: str, filter_ids: dict, organisation_ids: list[int] | None, language: str
) -> int:
    """Make the social map's booklet (a PDF of minutes for WeasyPrint) and store it under the
    key ``name``, in the language the visitor asked it in; its size in bytes."""
    with translation.override(language):
        return booklet.make(name=name, filter_ids=filter_ids, organisation_ids=organisation_ids)
