"""The first set-up of two-step verification belongs to whoever reads the account's mail.

A password alone does not unlock the set-up page: the user asks for a link by e-mail, and
opening it (signed in, in the same browser) unlocks the set-up for that session. The link is
signed with a salt and a time stamp (``MAX_AGE``) and carries how many links the user has
used so far (``SetupLinkCounter``), so it works once. Choosing a password through a mailed
link (a reset or a partner's invitation) proves the mailbox as well and unlocks it too.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from coalition.accountmail import may_mail, send_account_mail
from coalition.lib import absolute_url
from coalition.models import SetupLinkCounter

MAX_AGE = 60 * 60
SALT = "coalition.setuplink"
SESSION_KEY = "otp_setup_allowed_for"


def make_token(user) -> str:
    counter, _created = SetupLinkCounter.objects.get_or_create(user=user)
    return signing.TimestampSigner(salt=SALT).sign(f"{user.pk}-{counter.used}")


def use_token(user, token: str):
    """Spend a link: None when it was good, else the reason it is refused."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return _("This link has expired. Ask for a new link below.")
    except signing.BadSignature:
        return _("This link does not work. Ask for a new link below.")
    user_id, _dash, used = value.partition("-")
    if user_id != str(user.pk):
        return _("This link is for another account. Log in with the account the e-mail was for.")
    with transaction.atomic():
        spent = SetupLinkCounter.objects.filter(user=user, used=int(used)).update(
            used=int(used) + 1
        )
    if not spent:
        return _("This link has already been used. Ask for a new link below.")
    return None


@task
def send_setup_link(*, user_id: int) -> int:
    """Mail the one-time link. It gets the user's id only and makes the link when it runs,
    so no link sits in the task table."""
    user = User.objects.get(pk=user_id, is_active=True)
    return send_account_mail(
        subject_template="coalition/email/setup_link_subject.txt",
        body_template="coalition/email/setup_link.txt",
        context={
            "user": user,
            "link": absolute_url(reverse("otp_setup_link", args=[make_token(user)])),
            "hours": MAX_AGE // 3600,
        },
        to=user.email,
    )


def allow_setup(request, user) -> None:
    request.session[SESSION_KEY] = user.pk


def may_set_up(request) -> bool:
    return request.session.get(SESSION_KEY) == request.user.pk


def forget(request) -> None:
    request.session.pop(SESSION_KEY, None)


@require_POST
@login_required
def send_link(request):
    if not may_mail(request, scope="setup-link", email=request.user.email):
        messages.error(
            request,
            _(
                "You have asked for several links already. "
                "Look in your e-mail, or try again in an hour."
            ),
        )
        return redirect("otp_setup")
    send_setup_link.enqueue(user_id=request.user.pk)
    messages.success(
        request,
        _("We have sent you an e-mail with a link to link your app. The link works for one hour."),
    )
    return redirect("otp_setup")


@login_required
def open_link(request, token):
    """The link from the mail: a button first (a GET changes nothing), then the set-up."""
    if request.method == "POST":
        refusal = use_token(request.user, token)
        if refusal is None:
            allow_setup(request, request.user)
            return redirect("otp_setup")
        messages.error(request, refusal)
        return redirect("otp_setup")
    return render(request, "otp/setup_link.html")
