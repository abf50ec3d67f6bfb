"""The one-line summary of a signal in the coordinators' queue, made from its choices only:
who reports, the age, whether the person knows, how to make contact. No free text, so the
queue shows no personal details that would need a line in the audit trail per signal."""

from django.utils.translation import gettext_lazy as _

WHO = {
    "self": _("about themselves"),
    "concerned": _("someone is worried"),
    "professional": _("a professional reports"),
}
AWARE = {
    "yes": _("the person knows"),
    "no": _("the person does not know"),
    "unknown": _("not known whether the person knows"),
}
ROUTE = {
    "phone": _("wants a call"),
    "email": _("wants an e-mail"),
    "visit": _("wants a visit at home"),
    "anonymous": _("anonymous, no contact"),
}


def situation_summary(signal) -> str:
    parts = [WHO.get(signal.reporter_kind)]
    if signal.age_band:
        parts.append(_("age %(band)s") % {"band": signal.get_age_band_display()})
    if signal.reporter_kind != "self":
        parts.append(AWARE.get(signal.person_aware))
    parts.append(ROUTE.get(signal.contact_route))
    line = " · ".join(str(part) for part in parts if part)
    return line[:1].upper() + line[1:]
