"""Workflows about partner users: invited to an organisation, disabled when they leave."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from coalition import roles
from coalition.lib import absolute_url
from coalition.tasks import send_email
from network.models import Organisation


@transaction.atomic
def invite_partner(
    *, email: str, first_name: str, last_name: str, organisation: Organisation
) -> User:
    """Create (or re-enable) a partner account for an organisation and mail a set-password link.

    The mail is in the site's language, whatever language the coordinator reads the site in.
    """
    user = User.objects.filter(username__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email.lower())
        user.set_unusable_password()
    user.first_name, user.last_name, user.is_active = first_name, last_name, True
    user.save()
    user.groups.add(Group.objects.get(name=roles.PARTNER))
    organisation.users.add(user)
    link = absolute_url(
        reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your account for the social map")
        body = render_to_string(
            "network/email/invitation.txt",
            {"user": user, "organisation": organisation, "link": link},
        )
    send_email.enqueue(subject=subject, body=body, to=[user.email])
    return user


@transaction.atomic
def disable_partner(*, user: User) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])
