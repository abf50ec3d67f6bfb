"""The audit of a search in the signals: a search by name, phone, e-mail or postcode looks
into personal data, so who searched, when, for what kind of term and with how many results
is recorded (``SearchAudit``); the term itself only as a keyed digest."""

from django.contrib.auth.models import User

from signals.models import SearchAudit


def record_search(*, by: User, kind: str, term: str, results: int) -> SearchAudit:
    """``term`` as classified and normalised (``classify_term``), so that 070-1234567 and
    070 123 45 67 give the same digest."""
    return SearchAudit.objects.create(
        by=by, kind=kind, term_digest=SearchAudit.digest(term), results=results
    )
