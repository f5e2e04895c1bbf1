"""Content negotiation for the API: JSON whatever the client asks for.

Every endpoint has one representation, so neither ``Accept`` nor DRF's ``?format=`` override
chooses anything: ``?format=x`` is an unknown parameter like any other (ignored), not a 404,
and ``Accept: text/html`` still gets JSON rather than a 406 (errors included).
"""

from rest_framework.negotiation import DefaultContentNegotiation


class JSONOnlyNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type
