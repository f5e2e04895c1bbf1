"""Signals Roadcase's content sends for things Wagtail has no signal for."""

from django.dispatch import Signal

# Sent by roadcase_tick with ``events=[EventPage, ...]`` when events have ended since the last
# tick: they leave upcoming listings, so cached listings must go (the API connects to this).
events_ended = Signal()
