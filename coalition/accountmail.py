"""Mail about a user's own account: password reset and security notices (the set-up link's
task is in ``coalition/setuplink.py``).

Each task gets ids or the address that was typed, never a link or a token: the task builds
the mail when it runs, so no secret sits in the task table. A password reset always queues
one task, whether or not the address belongs to an account; the task looks the account up.
The request therefore does the same work, and gives the same answer, in both cases.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from coalition.lib import absolute_url, client_address, over_limit, password_link

NOTICES = {
    "device_added": gettext_noop("An authenticator app was linked to your account"),
    "device_removed": gettext_noop("Two-step verification was switched off for your account"),
    "recovery_codes": gettext_noop("New recovery codes were made for your account"),
}


def may_mail(request, *, scope: str, email: str) -> bool:
    """Whether one more mail of this kind may go out for this address and this client.

    Both counts go up on every request, known address or not, so the limit says nothing
    about which addresses have an account.
    """
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_address = over_limit(f"{scope}:to:{address}", settings.PASSWORD_RESET_LIMIT_PER_ADDRESS)
    by_client = over_limit(
        f"{scope}:from:{client_address(request)}", settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    )
    return not (by_address or by_client)


def send_account_mail(*, subject_template: str, body_template: str, context: dict, to: str) -> int:
    context = {**context, "site_name": settings.COALITION_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = "".join(loader.render_to_string(subject_template, context).splitlines())
        body = loader.render_to_string(body_template, context)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send()


@task
def send_password_reset(*, email: str) -> int:
    """Mail a link to choose a new password to each active account with this address."""
    sent = 0
    for user in PasswordResetForm().get_users(email):
        sent += send_account_mail(
            subject_template="registration/password_reset_subject.txt",
            body_template="registration/password_reset_email.html",
            context={"user": user, "link": password_link(user)},
            to=user.email,
        )
    return sent


@task
def send_security_notice(*, user_id: int, event: str) -> int:
    """Tell the account holder that their two-step verification changed."""
    user = User.objects.get(pk=user_id)
    with translation.override(settings.LANGUAGE_CODE):
        what = _(NOTICES[event])
    return send_account_mail(
        subject_template="coalition/email/security_notice_subject.txt",
        body_template="coalition/email/security_notice.txt",
        context={"user": user, "what": what, "overview": absolute_url(reverse("otp_overview"))},
        to=user.email,
    )
