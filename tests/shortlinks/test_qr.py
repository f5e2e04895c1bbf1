"""QR codes for posters: they read back as the short URL (decoded here with zxing-cpp), the
PNG is print-ready, and a campaign's codes come as one ZIP."""

import csv
import io
import re
import zipfile

import zxingcpp
from PIL import Image

from cms.shortlinks.qr import qr_png, qr_svg
from tests.factories import make_short_link

URL = "https://hub.example/s/glasto25"


def decode(png_bytes):
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))]


def test_the_png_reads_back_as_the_short_url_and_is_print_ready():
    png = qr_png(URL)
    assert decode(png) == [URL]
    image = Image.open(io.BytesIO(png))
    assert image.width >= 1200 and image.height > image.width  # the URL printed beneath
    assert round(image.info["dpi"][0]) == 300


def test_the_png_still_reads_when_printed_small():
    small = Image.open(io.BytesIO(qr_png(URL))).resize((240, 270))
    buffer = io.BytesIO()
    small.save(buffer, format="PNG")
    assert decode(buffer.getvalue()) == [URL]


def test_the_svg_prints_the_url_beneath_the_code():
    svg = qr_svg(URL)
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert re.search(r"<text [^>]*>https://hub\.example/s/glasto25</text>", svg)
    assert "<title>https://hub.example/s/glasto25</title>" in svg
    # (Read back in a real browser in tests/public/test_browser.py.)


def test_the_admin_serves_a_links_codes_to_editors_only(client, home, link_editor, settings):
    settings.ROADCASE = {**settings.ROADCASE, "SHORT_LINK_BASE_URL": "https://hub.example"}
    link = make_short_link(code="glasto25", target="finder")
    url = f"/admin/roadcase/short-links/qr/{link.pk}"
    assert client.get(f"{url}.png").status_code == 302  # to the login page
    client.force_login(link_editor)
    png = client.get(f"{url}.png")
    assert png["Content-Type"] == "image/png"
    assert decode(png.content) == [URL]
    svg = client.get(f"{url}.svg")
    assert svg["Content-Type"] == "image/svg+xml" and URL in svg.content.decode()


def test_a_campaigns_codes_come_in_one_zip(client, home, link_editor, settings):
    settings.ROADCASE = {**settings.ROADCASE, "SHORT_LINK_BASE_URL": "https://hub.example"}
    make_short_link(code="poster", target="finder", campaign="Festival season")
    make_short_link(code="wristband", target="finder", campaign="Festival season")
    make_short_link(code="elsewhere", target="finder", campaign="Winter")
    client.force_login(link_editor)
    response = client.get(
        "/admin/roadcase/short-links/campaign.zip", {"campaign": "Festival season"}
    )
    assert response["Content-Type"] == "application/zip"
    assert 'filename="qr-codes-festival-season.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "links.csv",
        "poster.png",
        "poster.svg",
        "wristband.png",
        "wristband.svg",
    ]
    assert decode(archive.read("wristband.png")) == ["https://hub.example/s/wristband"]
    rows = list(csv.DictReader(io.StringIO(archive.read("links.csv").decode())))
    assert [(row["code"], row["short_url"]) for row in rows] == [
        ("poster", "https://hub.example/s/poster"),
        ("wristband", "https://hub.example/s/wristband"),
    ]
    empty = client.get("/admin/roadcase/short-links/campaign.zip", {"campaign": "Nope"})
    assert empty.status_code == 404


def test_the_edit_page_offers_the_downloads(client, home, link_editor):
    link = make_short_link(code="poster", target="finder", campaign="Festival season")
    client.force_login(link_editor)
    html = client.get(f"/admin/snippets/roadcase/shortlink/edit/{link.pk}/").content.decode()
    assert f"/admin/roadcase/short-links/qr/{link.pk}.svg" in html
    assert f"/admin/roadcase/short-links/qr/{link.pk}.png" in html
    assert "campaign.zip?campaign=Festival+season" in html
    assert "http://testserver/s/poster" in html
