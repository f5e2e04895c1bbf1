"""StreamField blocks for guides: chapters of text, callouts, step-by-step tools, quotes and
lists of directory resources. https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Good to know")), ("warning", _("Take care")), ("crisis", _("Crisis"))],
        default="info",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"


class ToolBlock(blocks.StructBlock):
    """A practical exercise: breathing, grounding, a landing plan after the tour."""

    title = blocks.CharBlock(max_length=120)
    duration_minutes = blocks.IntegerBlock(min_value=1, max_value=120, required=False)
    intro = blocks.TextBlock(required=False)
    steps = blocks.ListBlock(blocks.CharBlock(max_length=400), min_num=1)

    class Meta:
        icon = "list-ol"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"


class ResourceListBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    resources = blocks.ListBlock(SnippetChooserBlock("roadcase.Resource"), min_num=1)

    class Meta:
        icon = "link"


class ChapterBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    callout = CalloutBlock()
    tool = ToolBlock()
    quote = QuoteBlock()
    resources = ResourceListBlock()


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    body = ChapterBodyBlock()

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/chapter.html"
