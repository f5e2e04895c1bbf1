"""Guides as structured JSON: each chapter's StreamField blocks as typed objects.

Rich text never leaves as Wagtail's database HTML (``<a linktype="page" id="3">``): links are
expanded to real, absolute URLs and the result is sanitized with nh3 to the few tags the editor
offers, so a partner can insert it into a page safely.
"""

from .rich_text import clean_rich_text
from .selectors import resources_by_key
from .serializers import ResourceSerializer


def guide_chapters(guide, *, content_locale, request):
    """The guide's chapters as JSON-ready dicts; resource blocks list only live resources,
    localized, fetched in one go for the whole guide.
    """
    base_url = request.build_absolute_uri("/")
    chapters = list(guide.chapters)
    keys = {
        resource.translation_key
        for chapter in chapters
        for block in chapter.value["body"]
        if block.block_type == "resources"
        for resource in block.value["resources"]
        if resource is not None
    }
    resources = resources_by_key(keys, content_locale) if keys else {}
    context = {"request": request, "locale": content_locale.code}
    return [
        {
            "title": chapter.value["title"],
            "blocks": [
                block_data(block, base_url=base_url, resources=resources, context=context)
                for block in chapter.value["body"]
            ],
        }
        for chapter in chapters
    ]


def block_data(block, *, base_url, resources, context):
    """One StreamField block as a typed JSON-ready dict (guides and stories share the shapes)."""
    kind, value = block.block_type, block.value
    if kind == "text":
        return {"type": "text", "html": clean_rich_text(value.source, base_url=base_url)}
    if kind == "callout":
        return {
            "type": "callout",
            "tone": value["tone"],
            "title": value["title"],
            "html": clean_rich_text(value["text"].source, base_url=base_url),
        }
    if kind == "tool":
        return {
            "type": "tool",
            "title": value["title"],
            "duration_minutes": value["duration_minutes"],
            "intro": value["intro"],
            "steps": list(value["steps"]),
        }
    if kind == "quote":
        return {"type": "quote", "text": value["text"], "attribution": value["attribution"]}
    if kind == "resources":
        listed = [
            resources[r.translation_key]
            for r in value["resources"]
            if r is not None and r.translation_key in resources
        ]
        return {
            "type": "resources",
            "title": value["title"],
            "resources": ResourceSerializer(listed, many=True, context=context).data,
        }
    return {"type": kind}
