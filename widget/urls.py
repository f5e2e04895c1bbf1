"""URLs that serve the widget bundle. A host site includes them under ``widget/``:

- ``v1/roadcase-finder.js``: the floating bundle of major version 1 (short cache);
- ``v1/roadcase-finder.<hash>.js``: one build, by content hash (immutable; used with SRI).
"""

from django.urls import re_path

from . import views

app_name = "roadcase_widget"
urlpatterns = [
    re_path(r"^v1/(?P<name>roadcase-finder(?:\.[0-9a-f]{16})?\.js)$", views.bundle, name="bundle"),
]
