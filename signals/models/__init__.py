"""Models of the signals app, one module per topic; here under the names Django and the
migrations know them by (``signals.models.Signal``)."""

from signals.models.districts import CoordinatorDistrict
from signals.models.feedback import SatisfactionAnswer
from signals.models.mail import SignalMail
from signals.models.referrals import Referral
from signals.models.search import SearchAudit
from signals.models.signal import Signal, SignalCounter
from signals.models.timeline import AppendOnlyError, SignalEvent
from signals.models.triage import ContactAttempt

__all__ = [
    "AppendOnlyError",
    "ContactAttempt",
    "CoordinatorDistrict",
    "Referral",
    "SatisfactionAnswer",
    "SearchAudit",
    "Signal",
    "SignalCounter",
    "SignalEvent",
    "SignalMail",
]
