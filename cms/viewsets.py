"""Admin screens for the directory and partners: snippet viewsets grouped into menus.
https://docs.wagtail.org/en/stable/reference/viewsets.html#snippetviewset
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import LocalizedSnippetChooserViewSet
from .filters import ResourceFilterSet
from .forms import ResourceForm
from .models import Country, Organisation, Partner, Resource, SearchSynonym, Topic


class RoadcaseSnippetViewSet(SnippetViewSet):
    """Roadcase's snippets: choosers whose texts follow the admin user's language."""

    chooser_viewset_class = LocalizedSnippetChooserViewSet


class ResourceViewSet(RoadcaseSnippetViewSet):
    model = Resource
    icon = "help"
    menu_label = _("Resources")
    menu_order = 100
    edit_handler = ObjectList(Resource.panels, base_form_class=ResourceForm)
    filterset_class = ResourceFilterSet
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("organisation", label=_("Organisation")),
        Column("verification", label=_("Verification"), accessor="verification_summary"),
        DateColumn("review_due", label=_("Review due")),
        "locale",
        "live",
    ]
    list_per_page = 50
    search_fields = None  # every indexed field (naming some breaks SQLite's full-text search)
    ordering = ["name"]

    def get_queryset(self, request):
        return Resource.objects.select_related("organisation", "locale")


class OrganisationViewSet(RoadcaseSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "website", "country", "locale"]
    list_filter = ["locale"]
    search_fields = None


class TopicViewSet(RoadcaseSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = None


class CountryViewSet(RoadcaseSnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries and emergency numbers")
    list_display = [
        "__str__",
        Column("numbers", label=_("Emergency numbers"), accessor="emergency_numbers_display"),
        DateColumn("last_verified", label=_("Last verified")),
    ]
    list_per_page = 100
    # Every indexed field: the ISO code and the names in every language of the hub
    # (Country.search_names). Naming fields here breaks SQLite's full-text search.
    search_fields = None

    def get_queryset(self, request):
        return Country.objects.prefetch_related("emergency_numbers")


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = [
        "__str__",
        Column("search_for", label=_("Also search for")),
        "language",
        BooleanColumn("signals_crisis"),
    ]
    list_filter = ["language", "signals_crisis"]
    list_per_page = 100
    search_fields = ["phrases", "search_for"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        ResourceViewSet,
        OrganisationViewSet,
        TopicViewSet,
        CountryViewSet,
        SearchSynonymViewSet,
    )


class PartnerViewSet(RoadcaseSnippetViewSet):
    model = Partner
    icon = "link-external"
    menu_label = _("Partners")
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["name", "slug", Column("origins", label=_("Origins")), BooleanColumn("active")]
    list_filter = ["active"]
    search_fields = ["name", "slug"]
