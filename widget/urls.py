"""URLs that serve the widget bundle. A host site includes them under ``widget/``:

- ``v1/roadcase-finder.js``: the floating bundle of major version 1 (short cache);
- ``v1/roadcase-finder.<hash>.js``: one build's first chunk, by content hash (immutable; used
  with SRI);
- ``v1/roadcase-finder.<name>.<hash>.js``: its lazily loaded chunks (immutable), which the first
  chunk imports from the same directory.
"""

from django.urls import re_path

from . import views

app_name = "roadcase_widget"
urlpatterns = [
    re_path(
        r"^v1/(?P<name>roadcase-finder(?:\.[a-z]+)?(?:\.[0-9a-f]{16})?\.js)$",
        views.bundle,
        name="bundle",
    ),
]
