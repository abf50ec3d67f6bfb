"""Second factor (TOTP with recovery codes) for everyone who sees special personal data.

Coordinators and administrators must set up and use an authenticator app; partners may
switch it on. Until the second step is done, a signed-in user who needs it can reach only
these pages, logging out and the language switch.
"""

import base64
from functools import cache
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from django_otp import device_classes, devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from coalition import setuplink
from coalition.accountmail import send_security_notice
from coalition.roles import needs_second_factor

RECOVERY_CODE_COUNT = 10
LANDINGS = [  # (permission, URL name): the first that fits the user, in this order
    ("signals.triage_signal", "signals:my_work"),
    ("signals.answer_referral", "signals:inbox"),
    ("network.use_workspace", "network:workspace"),
]
OPEN_PATH_NAMES = {
    "logout",
    "otp_setup",
    "otp_verify",
    "otp_recovery_codes",
    "otp_setup_link",
    "otp_setup_link_send",
    "set_language",
    "theme_css",
}


def has_second_factor(user) -> bool:
    """Whether ``user`` has a confirmed device of any kind, in one query (django-otp's
    ``devices_for_user`` asks each device model in turn)."""
    if not user.is_authenticated:
        return False
    sql, models = _any_device_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk] * models)
        return bool(cursor.fetchone()[0])


@cache
def _any_device_sql() -> tuple[str, int]:
    """``SELECT EXISTS (…) OR EXISTS (…)`` over every installed device model (django-otp's
    ``Device``: a ``user`` and ``confirmed``), and how many there are. Written once: a partner
    without a second factor asks it on every request, and building it with the ORM costs
    several times running it. The names come from the models, never from a request."""
    quote = connection.ops.quote_name
    models = tuple(device_classes())
    checks = [
        f"EXISTS (SELECT 1 FROM {quote(model._meta.db_table)}"  # noqa: S608 (model names)
        f" WHERE {quote(model._meta.get_field('user').column)} = %s"
        f" AND {quote(model._meta.get_field('confirmed').column)})"
        for model in models
    ]
    return "SELECT " + " OR ".join(checks), len(models)


def second_step(user) -> str | None:
    """Where a signed-in user who has not yet done the second step but has to goes first:
    ``otp_verify`` (a confirmed device) or ``otp_setup`` (none yet, and the role needs one);
    ``None`` for everyone else."""
    if not user.is_authenticated or user.is_verified():
        return None
    if has_second_factor(user):
        return "otp_verify"
    return "otp_setup" if needs_second_factor(user) else None


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.open_prefixes = (settings.STATIC_URL, "/healthz")

    def __call__(self, request):
        if not request.path.startswith(self.open_prefixes) and (
            target := second_step(request.user)
        ):
            match = getattr(request, "resolver_match", None) or _resolve(request.path_info)
            if match is None or match.url_name not in OPEN_PATH_NAMES:
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6 digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device, self.user = device, user

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if self._throttled():
            # django-otp refuses codes for a moment after a wrong one: say so plainly.
            raise forms.ValidationError(
                _("Too many wrong codes in a row. Wait a moment and try the newest code.")
            )
        if self.device is not None:
            matched = self.device if self.device.verify_token(token) else None
        else:
            matched = match_token(self.user, token)
        if matched is None:
            raise forms.ValidationError(_("This code is not correct. Try the newest code."))
        self.matched_device = matched
        return token

    def _throttled(self) -> bool:
        devices = [self.device] if self.device else list(devices_for_user(self.user))
        allowed = [
            device.verify_is_allowed()[0]
            for device in devices
            if hasattr(device, "verify_is_allowed")
        ]
        return bool(allowed) and not any(allowed)


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _issue_recovery_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
def overview(request):
    return render(
        request,
        "otp/overview.html",
        {
            "has_second_factor": has_second_factor(request.user),
            "required": needs_second_factor(request.user),
        },
    )


@login_required
def setup(request):
    if has_second_factor(request.user):
        return redirect("otp_overview")
    if not setuplink.may_set_up(request):
        return render(request, "otp/setup_by_mail.html")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        setuplink.forget(request)
        send_security_notice.enqueue(user_id=request.user.pk, event="device_added")
        request.session["recovery_codes"] = _issue_recovery_codes(request.user)
        request.session["recovery_next"] = _safe_next(request)
        return redirect("otp_recovery_codes")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "otp/setup.html",
        {
            "form": form,
            "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308 (generated by qrcode)
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": request.GET.get("next", ""),
        },
    )


@require_GET
@login_required
def landing(request):
    """Where a login ends (``LOGIN_REDIRECT_URL``) unless ``?next=`` says otherwise: a
    coordinator's day ("mijn werk"), a partner's referrals or workspace, else the home page."""
    user = request.user
    for permission, target in LANDINGS:
        if user.has_perm(permission):
            return redirect(target)
    return redirect("home")


@login_required
def verify(request):
    form = TokenForm(request.POST or None, user=request.user)
    form.fields["token"].widget.attrs["autofocus"] = True  # the one thing this page asks
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.matched_device)
        return redirect(_safe_next(request))
    return render(request, "otp/verify.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def recovery_codes(request):
    codes = request.session.pop("recovery_codes", None)
    if codes is None:
        return redirect("otp_overview")
    next_url = request.session.pop("recovery_next", reverse("otp_overview"))
    return render(request, "otp/recovery_codes.html", {"codes": codes, "next": next_url})


@require_POST
@login_required
def new_recovery_codes(request):
    if not request.user.is_verified():
        return redirect("otp_verify")
    request.session["recovery_codes"] = _issue_recovery_codes(request.user)
    send_security_notice.enqueue(user_id=request.user.pk, event="recovery_codes")
    return redirect("otp_recovery_codes")


@require_POST
@login_required
def disable(request):
    if needs_second_factor(request.user):
        messages.error(
            request, _("Your role requires two-step verification; it cannot be switched off.")
        )
        return redirect("otp_overview")
    for device in devices_for_user(request.user, confirmed=None):
        device.delete()
    send_security_notice.enqueue(user_id=request.user.pk, event="device_removed")
    messages.success(request, _("Two-step verification is switched off."))
    return redirect("otp_overview")
