"""What Roadcase's own admin screens share: a header that names the screen.

``WagtailAdminTemplateMixin``'s breadcrumbs stop at "Home", so a screen built on it alone shows
"Home" as its header. ``ScreenMixin`` adds the screen's parents (``parent_crumbs``) and its
own title, as Wagtail's listing and edit views do.
"""

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class ScreenMixin(WagtailAdminTemplateMixin):
    """A Wagtail admin screen whose header reads Home > parents > its title (and subtitle)."""

    def get_parent_crumbs(self):
        """[(label, url), ...] between Home and this screen."""
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *({"url": url, "label": label} for label, url in self.get_parent_crumbs()),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]
