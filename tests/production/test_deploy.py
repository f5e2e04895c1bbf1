"""The deploy works as docs/deployment.md writes it: gunicorn with the production settings
serves the admin with its CSS (collectstatic, WhiteNoise), over HTTPS only."""

import re

import pytest
import requests

from .load import HTTPS

pytestmark = pytest.mark.production


def test_the_admin_login_page_and_its_css_are_served(stack):
    page = requests.get(f"{stack.web.base}/admin/login/", headers=HTTPS, timeout=10)
    assert page.status_code == 200
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+\.css)', page.text)
    assert any("wagtailadmin" in href for href in stylesheets), stylesheets
    for href in stylesheets:
        css = requests.get(f"{stack.web.base}{href}", headers=HTTPS, timeout=10)
        assert css.status_code == 200, href
        assert css.headers["Content-Type"].startswith("text/css")
        assert len(css.content) > 100
        # Content-hashed names may be cached for ever.
        assert "max-age=315360000" in css.headers["Cache-Control"], href


def test_plain_http_is_redirected_and_https_answers_carry_hsts_and_a_permissions_policy(stack):
    plain = requests.get(f"{stack.web.base}/admin/login/", allow_redirects=False, timeout=10)
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")
    secure = requests.get(
        f"{stack.web.base}/api/v1/crisis-lines/?country=GB", headers=HTTPS, timeout=10
    )
    assert secure.status_code == 200
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "camera=()" in secure.headers["Permissions-Policy"]
    names = [line["name"] for line in secure.json()["results"]]
    assert names == ["Samaritans", "Shout"] or sorted(names) == ["Samaritans", "Shout"]
