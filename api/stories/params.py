"""The parameters the story endpoints read (validated like every other endpoint's)."""

from cms.models import TellerRole

from ..params import CommaSeparatedField, CountryField, PageParams, Params
from ..selectors import topic_slugs


class StoryListParams(PageParams):
    topic = CommaSeparatedField(
        required=False, choices=topic_slugs, help_text="Topic slugs, comma-separated."
    )
    role = CommaSeparatedField(
        required=False,
        choices=TellerRole.values,
        help_text="The teller's role in music, comma-separated.",
    )
    country = CountryField(required=False, help_text="The teller's country (ISO 3166-1).")


class StoryDetailParams(Params):
    country = CountryField(
        required=False,
        help_text="The visitor's country: its emergency numbers and crisis lines come with "
        "the story. Without it, the worldwide crisis lines do.",
    )
