"""PDF documents made on the server with WeasyPrint (the annual report, the booklet).

WeasyPrint turns our own HTML and print CSS (``@page``, page counters, inline SVG) into a PDF
with a text layer, the document title as metadata and the headings (h1–h6) as its outline.
It fetches nothing: stylesheets come from our static files by path, and any other address in
the HTML (a link target is fine, an image is not) is refused, so no text a user wrote can make
the server fetch something. WeasyPrint needs Pango on the system (see the README).
"""

import hashlib

import qrcode
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.safestring import SafeString, mark_safe

SECONDS = 60 * 60 * 24 * 7


class FetchRefused(ValueError):
    pass


def _no_fetching(url: str, *args, **kwargs):
    raise FetchRefused(f"The PDF may not fetch {url!r}.")


def render_pdf(html: str, *, stylesheets: list[str], css: str = "") -> bytes:
    """The PDF of ``html`` with our static ``stylesheets`` (e.g. "monitoring/report-pdf.css"),
    and ``css`` made on the server (the municipality's colours from the settings)."""
    import weasyprint  # slow to import: only where a PDF is made

    sheets = [weasyprint.CSS(filename=finders.find(name)) for name in stylesheets]
    if css:
        sheets.append(weasyprint.CSS(string=css))
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching, base_url="/")
    return document.write_pdf(stylesheets=sheets)


def cached_pdf(
    html: str, *, stylesheets: list[str], cache: str = "default", css: str = ""
) -> bytes:
    """The PDF of ``html``, made once per version of the page: the key is the hash of the
    HTML itself, so any change in the data the page shows makes a new PDF and an unchanged
    page is never rendered twice."""
    key = "pdf:" + hashlib.sha256(f"{stylesheets}|{css}|{html}".encode()).hexdigest()
    store = caches[cache]
    content = store.get(key)
    if content is None:
        content = render_pdf(html, stylesheets=stylesheets, css=css)
        store.set(key, content, SECONDS)
    return content


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def qr_svg(url: str) -> SafeString:
    """A QR code of ``url`` as inline SVG (no image file to fetch), 0.6 mm a module.

    Drawn as one path of rectangles, each a run of dark modules repeated on the rows below,
    not a square per module: WeasyPrint parses and draws every path command in Python, and a
    booklet has a code per activity. The mask pattern is fixed: choosing the best of eight
    took two thirds of the time, and a scanner reads any of them."""
    code = qrcode.QRCode(border=2, mask_pattern=0)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    millimetres = f"{size * 0.6:g}mm"
    return mark_safe(  # noqa: S308 (numbers only)
        f'<svg width="{millimetres}" height="{millimetres}" viewBox="0 0 {size} {size}" '
        f'xmlns="http://www.w3.org/2000/svg"><path d="{_rectangles(matrix)}" fill="#000"/></svg>'
    )


def _rectangles(matrix: list[list[bool]]) -> str:
    """SVG path data covering the dark modules: a run of dark modules on a row, grown down
    while the next row has the same run."""
    open_runs: dict[tuple[int, int], list[int]] = {}  # (x, width) -> [top, height]
    done = []
    for y, row in enumerate([*matrix, []]):
        runs, x = set(), 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.add((start, x - start))
            x += 1
        for run in list(open_runs):
            if run in runs:
                open_runs[run][1] += 1
            else:
                done.append((*run, *open_runs.pop(run)))
        for run in runs - open_runs.keys():
            open_runs[run] = [y, 1]
    return "".join(
        f"M{x} {top}h{w}v{h}h-{w}z" for x, w, top, h in sorted(done, key=lambda r: (r[2], r[0]))
    )
