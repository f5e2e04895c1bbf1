"""QR codes for short links, ready for a poster: the code (segno) with the short URL printed
beneath it, as SVG (scales to any size) or as a high-resolution PNG for print, and every code
of a campaign in one ZIP. https://segno.readthedocs.io/
"""

import csv
import io
import math
import re
import zipfile
from xml.sax.saxutils import escape

import segno
from PIL import Image, ImageDraw, ImageFont

# Medium error correction survives a creased poster or a sticker's curve; segno raises it for
# free when the data leaves room.
ERROR_CORRECTION = "m"
BORDER = 4  # the quiet zone the QR standard asks for, in modules
PNG_MIN_PIXELS = 1200  # about 10 cm wide at 300 dpi
PNG_DPI = 300


def make_code(url):
    return segno.make(url, error=ERROR_CORRECTION, micro=False)


def qr_svg(url):
    """The QR code of ``url`` as an SVG document with ``url`` printed beneath it."""
    code = make_code(url)
    size = code.symbol_size(scale=1, border=BORDER)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=1, border=BORDER, xmldecl=False, nl=False, omitsize=True)
    path = re.search(rb"<path[^>]*/>", buffer.getvalue()).group().decode()
    band = 6
    font_size = min(2.4, (size - 2) / (0.6 * max(len(url), 1)))
    text = escape(url)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size + band}" '
        f'width="{size * 10}" height="{(size + band) * 10}" role="img">'
        f"<title>{text}</title>"
        f'<rect width="{size}" height="{size + band}" fill="#fff"/>{path}'
        f'<text x="{size / 2}" y="{size + band / 2}" text-anchor="middle" '
        f'dominant-baseline="middle" font-family="system-ui, sans-serif" '
        f'font-size="{font_size:.2f}" fill="#000">{text}</text></svg>'
    )


def qr_png(url):
    """The QR code of ``url`` as a PNG of at least PNG_MIN_PIXELS wide (300 dpi), with
    ``url`` printed beneath it."""
    code = make_code(url)
    modules = code.symbol_size(scale=1, border=BORDER)[0]
    scale = math.ceil(PNG_MIN_PIXELS / modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=BORDER)
    buffer.seek(0)
    symbol = Image.open(buffer).convert("L")
    width = symbol.width
    band = width // 8
    poster = Image.new("L", (width, width + band), 255)
    poster.paste(symbol, (0, 0))
    draw = ImageDraw.Draw(poster)
    font_size = band // 2
    font = ImageFont.load_default(size=font_size)
    while draw.textlength(url, font=font) > width - 2 * scale and font_size > 8:
        font_size -= 2
        font = ImageFont.load_default(size=font_size)
    draw.text((width / 2, width + band / 2 - scale), url, fill=0, font=font, anchor="mm")
    out = io.BytesIO()
    poster.save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI), optimize=True)
    return out.getvalue()


def campaign_zip(links, *, base_url=None):
    """A ZIP of every link's QR code (``<code>.svg`` and ``<code>.png``) and ``links.csv``
    listing each code, its short URL and where and when it leads."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        listing = io.StringIO()
        writer = csv.writer(listing)
        writer.writerow(
            ["code", "short_url", "leads_to", "campaign", "active_from", "active_until"]
        )
        for link in links:
            url = link.short_url(base_url)
            archive.writestr(f"{link.code}.svg", qr_svg(url))
            archive.writestr(f"{link.code}.png", qr_png(url))
            writer.writerow(
                [
                    link.code,
                    url,
                    link.target,
                    link.campaign,
                    link.active_from.isoformat() if link.active_from else "",
                    link.active_until.isoformat() if link.active_until else "",
                ]
            )
        archive.writestr("links.csv", listing.getvalue())
    return out.getvalue()
