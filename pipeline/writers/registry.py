"""The writers, registered in one place: each output format is one module with a
`write(tree_html, context) -> bytes` function and one line in WRITERS below.

Writer modules are imported only when their format is built (WeasyPrint costs a build that
writes no PDF nothing); `--format` choices, the formats a build writes and the order it
writes them in all come from here.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Protocol

from pipeline.inputs.layout import TEMPLATES_DIR


DEFAULT_PDF_VARIANT = "pdf/ua-1"  # tagged, accessible PDF unless a build asks for another variant


@dataclass(frozen=True)
class WriteContext:
    """What a writer is given besides the tree."""

    document_date: dt.date  # the one date written into the file (see writers/reproducible.py)
    templates_dir: Path = TEMPLATES_DIR  # where the stylesheets the tree links to are
    pdf_variant: str = DEFAULT_PDF_VARIANT  # the PDF's conformance: DEFAULT_PDF_VARIANT, or one of writers/pdf.py PDF_VARIANTS
    words: tuple[tuple[str, str], ...] = ()  # the version language's page words (Language.page_words)

    def word(self, key: str, **values: str) -> str:
        """One of the writers' own words in the version's language (the original's by default)."""
        found = dict(self.words)
        if key not in found:
            from pipeline.i18n.labels import original_labels  # imported here: writers start without it

            found = dict(original_labels().language.page_words())
        return found[key].format(**values) if values else found[key]


class Writer(Protocol):
    """A writer module: the tree -> the bytes of one format. Pure: same input, same bytes."""

    def write(self, tree_html: str, context: WriteContext) -> bytes: ...


@dataclass(frozen=True)
class WriterSpec:
    """One output format: its name (the file extension and the `--format` choice), the module
    that writes it, and what it is."""

    name: str
    module: str
    description: str
    slow: bool = False  # worth a worker process of its own when a batch has few reports

    def load(self) -> Writer:
        module: ModuleType = importlib.import_module(self.module)
        return module  # type: ignore[return-value]

    def warm_up(self) -> None:
        """Import the writer, and let it prepare what every document needs (fonts, styles)."""
        module = importlib.import_module(self.module)
        prepare = getattr(module, "warm_up", None)
        if prepare is not None:
            prepare()


WRITERS: dict[str, WriterSpec] = {}


def register(spec: WriterSpec) -> None:
    """Add a format (tests register throwaway writers through this too)."""
    WRITERS[spec.name] = spec


register(WriterSpec("html", "pipeline.writers.html", "the document tree every other format is written from"))
register(WriterSpec("txt", "pipeline.writers.text", "the canonical text: one labelled line per block, for diffs"))
register(WriterSpec("pdf", "pipeline.writers.pdf", "the printed document (WeasyPrint)", slow=True))
register(WriterSpec("docx", "pipeline.writers.docx", "the Word document (python-docx)"))
register(WriterSpec("akn", "pipeline.writers.akn", "Akoma Ntoso 3.0 XML after the AKN4UN guidelines"))
register(WriterSpec("web.html", "pipeline.writers.web", "a standalone web page for screens and screen readers"))


def formats() -> tuple[str, ...]:
    """Every registered format, in the order a build writes them."""
    return tuple(WRITERS)


def write(name: str, tree_html: str, context: WriteContext) -> bytes:
    """The bytes of one format."""
    return WRITERS[name].load().write(tree_html, context)
