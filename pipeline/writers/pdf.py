"""The PDF writer: the document tree -> PDF through WeasyPrint and the templates' CSS."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..compose import TEMPLATES_DIR
from ..reproducible import document_timestamp, source_date_epoch


def restricted_fetcher(templates_dir: Path):
    """A WeasyPrint URL fetcher that serves data: URLs and files under templates_dir only.

    Anything else (http:, other files, ../ escapes) is refused; WeasyPrint then leaves the
    resource out and the document renders without it.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = templates_dir.resolve()

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url: str, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file":
                target = Path(unquote(parsed.path)).resolve()
                if target.is_relative_to(root) and target.is_file():
                    return URLFetcherResponse(url, target.read_bytes(), {"Content-Type": _mime(target)})
            raise ValueError(f"refused to fetch {url!r}: only files under templates/ may be used")

    return RestrictedFetcher(allowed_protocols=("file", "data"))


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(path.suffix, "application/octet-stream")


@lru_cache(maxsize=1)
def shared_font_configuration():
    """One WeasyPrint font configuration per process: building one per document costs
    ~10 ms (fontconfig set-up) and the reports use no @font-face that would need a new one."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def write_pdf(tree_html: str, document_date: dt.date, templates_dir: Path = TEMPLATES_DIR) -> bytes:
    """Render the tree to PDF bytes. Pure: every date in the file is the document's timestamp
    (see reproducible.py), the identifier derives from it, and subset fonts carry it too."""
    import weasyprint  # imported here: only PDF builds pay for it

    stamp = document_timestamp(document_date)
    with source_date_epoch(stamp):
        document = weasyprint.HTML(
            string=tree_html,
            base_url=str(templates_dir.resolve()) + "/",
            url_fetcher=restricted_fetcher(templates_dir),
        ).render(font_config=shared_font_configuration())
        pdf_date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        document.metadata.created = pdf_date
        document.metadata.modified = pdf_date
        document.metadata.generator = "unreport"
        return document.write_pdf(pdf_identifier=b"unreport-" + pdf_date.encode())
