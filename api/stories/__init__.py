"""Stories from the community in the API: ``/api/v1/stories/`` and ``/api/v1/stories/{slug}/``,
cached and purged like guides (a story is a page), each story served with the visitor's crisis
lines and its content notes ahead of its text."""
