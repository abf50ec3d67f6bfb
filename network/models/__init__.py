"""Models of the network app, one module per topic."""

from network.models.activities import Activity, ActivityType
from network.models.moderation import ActivityChange, ActivityEvent, MistakeReport
from network.models.organisations import Organisation, OrganisationUser

__all__ = [
    "Activity",
    "ActivityChange",
    "ActivityEvent",
    "ActivityType",
    "MistakeReport",
    "Organisation",
    "OrganisationUser",
]
from network.models.agenda import Action, Goal, ProgressNote  # noqa: E402
from network.models.meetings import Meeting, Registration  # noqa: E402
from network.models.partners import Membership, Person  # noqa: E402
from network.models.trainings import Participation, Training  # noqa: E402

__all__ += [
    "Action",
    "Goal",
    "Meeting",
    "Membership",
    "Participation",
    "Person",
    "ProgressNote",
    "Registration",
    "Training",
]
from network.models.awareness import Article  # noqa: E402

__all__ += ["Article"]
from network.models.ambassadors import AmbassadorMessage, Contribution  # noqa: E402

__all__ += ["AmbassadorMessage", "Contribution"]
from network.models.events import (  # noqa: E402
    Campaign,
    EventRegistration,
    PublicEvent,
    RegistrationLog,
)

__all__ += ["Campaign", "EventRegistration", "PublicEvent", "RegistrationLog"]
from network.models.thinkalong import (  # noqa: E402
    Finding,
    FocusGroupMember,
    FocusSession,
    Idea,
    ThinkAlongLog,
)

__all__ += ["Finding", "FocusGroupMember", "FocusSession", "Idea", "ThinkAlongLog"]
