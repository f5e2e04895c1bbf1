"""The widget's UI strings: one catalog, served translated by the API's widget endpoint.

The keys and English texts must match ``src/strings.en.json`` (the fallback bundled into the
widget; a test checks they agree). Placeholders in braces (``{number}``) are filled in by the
widget and must be kept as they are in every translation.
"""

from django.utils.translation import gettext_lazy as _

WIDGET_STRINGS = {
    "title": _("Find support"),
    # On a page the hub does not know (an unregistered origin or embed id): only the crisis
    # block works there.
    "search_unavailable": _("Search isn't available on this page. The numbers above are."),
    "crisis_heading": _("Need help right now?"),
    "emergency_label": _("Emergency number"),
    # Above two numbers or more (most countries have two): one label for each count.
    "emergency_labels": _("Emergency numbers"),
    # The embed code's fallback content (widget/fallback.py): "Call 999".
    "emergency_call": _("Call {number}"),
    "emergency_unknown": _("In an emergency, call your local emergency number."),
    # What an emergency number reaches, beside it ("Ambulance 119"): the same words as the
    # API's labels (cms.models.reference.EMERGENCY_LABELS), for when the hub cannot be reached.
    "emergency_all": _("All emergencies"),
    "emergency_ambulance": _("Ambulance"),
    "emergency_police": _("Police"),
    "emergency_fire": _("Fire"),
    "emergency_ambulance_fire": _("Ambulance and fire"),
    "emergency_ambulance_police": _("Ambulance and police"),
    "emergency_police_fire": _("Police and fire"),
    "crisis_lines": _("Crisis lines"),
    # Under one emergency number; under two or more, or none (then the block already says
    # to call the local emergency number), the first sentence alone is true.
    "offline": _(
        "The directory can't be reached right now. In an emergency, call the number above."
    ),
    "offline_directory": _("The directory can't be reached right now."),
    "quick_exit": _("Quick exit"),
    "quick_exit_hint": _("Leaves this page at once. You can also press Escape twice."),
    "country_label": _("Country"),
    "locale_label": _("Language"),
    "search_label": _("Search for support"),
    "search_hint": _("For example: anxiety, burnout, depression"),
    "suggestions_label": _("Topics"),
    "filters": _("Filters"),
    "filter_kind": _("Kind of support"),
    "filter_topic": _("Topic"),
    "filter_language": _("Speaks"),
    "filter_contact": _("Contact by"),
    "filter_open_now": _("Open now"),
    "filter_free": _("Free"),
    "any": _("Any"),
    "clear_filters": _("Clear filters"),
    "loading": _("Loading…"),
    "results_one": _("{count} result"),
    "results_other": _("{count} results"),
    # A search counts exactly only up to a bound (1,000 by default): "1,000+ results".
    "results_estimate": _("{count}+ results"),
    "results_crisis_above": _("Crisis lines listed above are not repeated here."),
    "empty": _("Nothing matches. Try another word or fewer filters."),
    "error": _("The results could not be loaded."),
    "retry": _("Try again"),
    "load_more": _("Show more"),
    "open_now": _("Open now"),
    "open_always": _("Open 24/7"),
    "closed": _("Closed"),
    "closed_opens": _("Closed, opens {time}"),
    "hours": _("Hours"),
    "hours_zone": _("Times are in {zone}."),
    "call": _("Call {number}"),
    "text": _("Text {number}"),
    "new_tab": _("(opens in a new tab)"),
    "back": _("Back to results"),
    "worldwide": _("Worldwide"),
    "languages": _("Languages"),
    "cost": _("Cost"),
    "eligibility": _("Who can use it"),
    "confidentiality": _("Confidentiality"),
    "last_verified": _("Last checked {date}"),
    "source": _("Source"),
    "concierge_heading": _("Help from a person"),
    "concierge_intro": _(
        "Tell us what you need, and a member of our concierge team will reply by email to "
        "help you find care."
    ),
    "concierge_open": _("Ask our concierge to help you find care"),
    # The API's own words for this (api/concierge.py), so both share one translation.
    "concierge_not_emergency": _(
        "The concierge is not an emergency service. If you are in danger now, call your "
        "local emergency number or one of the crisis lines below."
    ),
    "field_email": _("Your email"),
    "field_phone": _("Phone (optional)"),
    "field_country": _("Where you are"),
    "field_language": _("Language for our reply"),
    "field_role": _("Your role (optional)"),
    "role_none": _("Prefer not to say"),
    "role_artist": _("Artist"),
    "role_crew": _("Crew"),
    "role_songwriter": _("Songwriter"),
    "role_manager": _("Manager"),
    "role_family": _("Family"),
    "role_other": _("Something else"),
    "field_message": _("What do you need help with?"),
    "field_consent": _(
        "I agree that the concierge team keeps this request and contacts me about it."
    ),
    "send": _("Send"),
    "sending": _("Sending…"),
    "send_failed": _(
        "Your message could not be sent right now. What you wrote is still here: please "
        "try again in a little while."
    ),
}
