"""Models of the network app, one module per topic."""

from network.models.activities import (
    Activity,
    ActivityChange,
    ActivityEvent,
    ActivityType,
    MistakeReport,
)
from network.models.organisations import Organisation

__all__ = [
    "Activity",
    "ActivityChange",
    "ActivityEvent",
    "ActivityType",
    "MistakeReport",
    "Organisation",
]
