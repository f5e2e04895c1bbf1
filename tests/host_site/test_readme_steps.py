"""The README's plugin steps are complete, valid and applied word for word (issue 23: its URL
snippet was not valid Python). tests/test_host_site.py runs them on a real `wagtail start` site."""

import ast

import pytest

from tests.host_site import readme_steps


def test_the_readmes_python_steps_are_valid_python():
    steps = readme_steps.readme_steps()
    for name in ("settings", "urls"):
        ast.parse(steps[name], filename=f"README.md ({name})")
    assert [c.split()[:3] for c in readme_steps.commands()] == [
        ["python", "manage.py", "migrate"],
        ["python", "manage.py", "load_demo_hub"],
    ]


def test_the_url_step_puts_roadcases_urls_before_the_sites_own(tmp_path):
    # What `wagtail start` writes, in short: its urlpatterns end with Wagtail's catch-all.
    project = tmp_path / "mysite"
    (project / "settings").mkdir(parents=True)
    (project / "wsgi.py").write_text("")
    (project / "settings" / "base.py").write_text("INSTALLED_APPS = []\nMIDDLEWARE = []\n")
    (project / "urls.py").write_text(
        "from django.urls import include, path\n\n"
        'urlpatterns = [path("", include("wagtail.urls"))]\n'
    )
    assert readme_steps.apply(tmp_path) == "mysite"
    namespace = {}
    exec(compile((project / "urls.py").read_text(), "urls.py", "exec"), namespace)
    routes = [str(pattern.pattern) for pattern in namespace["urlpatterns"]]
    modules = [pattern.urlconf_module.__name__ for pattern in namespace["urlpatterns"]]
    assert routes == ["", "widget/", "", ""]
    assert modules == ["api.urls", "widget.urls", "cms.urls", "wagtail.urls"]


def test_a_readme_without_a_step_is_refused(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("<!-- plugin-step: settings -->\n```python\nX = 1\n```\n")
    with pytest.raises(ValueError, match="commands, urls"):
        readme_steps.readme_steps(readme)
