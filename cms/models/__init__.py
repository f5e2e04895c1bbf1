"""Roadcase's content model; each module holds one area (see ../../shared/ARCHITECTURE.md)."""

from .concierge import (
    ConciergeEvent,
    ConciergeMessage,
    ConciergeRequest,
    ConciergeStatus,
)
from .editing import CreationClaim
from .events import EventIndexPage, EventKind, EventPage, EventStatus
from .guides import GuideIndexPage, GuidePage
from .home import HubHomePage
from .localization import TaskStatus, TranslationTask, TranslatorGroup
from .partners import Partner
from .reference import Audience, Country, EmergencyNumber, Language
from .resources import ContactMethod, ContactPoint, Cost, Kind, Resource
from .scheduling import TickState, WebhookDelivery
from .search import SearchSynonym
from .shortlinks import ShortLink, ShortLinkDailyCount, ShortLinkTarget
from .stories import ContentNote, StoryIndexPage, StoryPage, TellerRole
from .taxonomy import Organisation, Topic
from .verification import LinkCheck, Verification, VerificationMethod

__all__ = [
    "Audience",
    "ConciergeEvent",
    "ConciergeMessage",
    "ConciergeRequest",
    "ConciergeStatus",
    "ContactMethod",
    "ContactPoint",
    "ContentNote",
    "Cost",
    "Country",
    "CreationClaim",
    "EmergencyNumber",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventStatus",
    "GuideIndexPage",
    "GuidePage",
    "HubHomePage",
    "Kind",
    "Language",
    "LinkCheck",
    "Organisation",
    "Partner",
    "Resource",
    "SearchSynonym",
    "ShortLink",
    "ShortLinkDailyCount",
    "ShortLinkTarget",
    "StoryIndexPage",
    "StoryPage",
    "TaskStatus",
    "TellerRole",
    "TickState",
    "Topic",
    "TranslationTask",
    "TranslatorGroup",
    "Verification",
    "VerificationMethod",
    "WebhookDelivery",
]
