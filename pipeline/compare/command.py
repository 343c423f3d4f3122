"""What `unreport diff` compares, and the views it writes.

A and B are each a session number (its editions composed in memory, nothing written), a
build folder (output/59: files paired by name, <series>.html/.txt/.pdf), or a file (.txt
canonical text, .html document tree, .pdf pages). Sessions and folders pair their reports
by series; two files are one pair. Then, for each pair:
- text: the block-by-block summary and unified diff (pipeline/diff.py), from the canonical
  texts (a tree gives its canonical text);
- --html: B's tree with A's changes marked, as a page (pipeline/redline.py);
- --docx: the same redline tree through the DOCX writer: Word tracked changes;
- --pages: both PDFs rasterized and compared (pipeline/pagediff.py); a session's PDFs are
  rendered in memory, a folder's are read, a tree's are rendered.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import lxml.etree
import lxml.html

from pipeline.build.atomic import write_atomically
from pipeline.compose.report import compose
from pipeline.compose.sandbox import MAX_TEXT

from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.compare.alignment import align_versions, language_versions
from pipeline.compare.textdiff import diff_texts, report, summary
from pipeline.inputs.layout import SESSION_PATTERN, check_session_id
from pipeline.inputs.load import load_session
from pipeline.compare.pages import PageComparison, compare_pdfs
from pipeline.inputs.problems import display_path
from pipeline.validate import require_valid
from pipeline.writers.text import canonical_text

MAX_LINES = 20_000  # a report's canonical text: a few thousand lines, a 3,000-row table included
MAX_LINE = 2 * MAX_TEXT  # a canonical line: one text of a report with its label (word diffs grow with the square)
FILE_KINDS = {".txt": "canonical text", ".html": "document tree", ".htm": "document tree", ".pdf": "PDF"}


class DiffInputError(Exception):
    """What was asked cannot be compared; the message says why in one line."""


@dataclass(frozen=True)
class ComposedEdition:
    """One edition composed in memory: its tree and what a writer needs beside it."""

    series: str
    session: int
    source: Path
    date: dt.date
    tree: str


def compose_session(data_dir: Path, session: int | str, templates_dir: Path = TEMPLATES_DIR) -> list[ComposedEdition]:
    """Validate a session and compose each of its editions in each of its language versions, named
    as a build names them ('cmw-status', 'cmw-status.fr'; InputError when invalid)."""
    from pipeline.build.session import edition_versions, version_name

    number = check_session_id(session)
    inputs = load_session(data_dir, number)
    require_valid(inputs)
    return [ComposedEdition(version_name(s.model.series, code), number, s.path, s.model.date,
                            compose(inputs, s, templates_dir, code))
            for s in inputs.editions for code in edition_versions(inputs, s)]


@dataclass
class Document:
    """One side of a comparison: whatever is known of one report."""

    name: str  # as messages call it: "59/cmw-status", "output/59/cmw-status.html"
    label: str  # the side's short name for page images: "59"
    canonical: str | None = None
    tree: str | None = None
    date: dt.date | None = None
    pdf: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class Pair:
    series: str
    a: Document | None
    b: Document | None


@dataclass
class Views:
    """Where to write the views; None leaves one out."""

    html: Path | None = None
    docx: Path | None = None
    pages: Path | None = None
    summary: Path | None = None
    as_available: bool = False  # leave out, with a note, the views the inputs cannot give (--out)
    asked: frozenset[str] = frozenset()  # the views asked for by name (--html, --docx, --pages): required

    @classmethod
    def under(cls, folder: Path) -> "Views":
        """Every view the inputs can give in one folder: summary.txt, redline.html, redline.docx, pages/."""
        return cls(folder / "redline.html", folder / "redline.docx", folder / "pages", folder / "summary.txt",
                   as_available=True)


@dataclass
class DiffResult:
    text: str
    differs: bool
    written: list[Path] = field(default_factory=list)


# ---------------------------------------------------------------- the two sides

def documents(target: str, data_dir: Path) -> dict[str, Document]:
    """The reports of one side, by series (a single file counts as one report)."""
    path = Path(target)
    if SESSION_PATTERN.match(target):
        return {e.series: _edition_document(e) for e in compose_session(data_dir, target)}
    if path.is_dir():
        return _folder_documents(path)
    if path.is_file():
        return {path.stem: _file_document(path)}
    raise DiffInputError(f"{target}: no such file or folder, and not a session number")


def _edition_document(edition: ComposedEdition) -> Document:
    from pipeline.writers.pdf import write_pdf

    return Document(f"{edition.session}/{edition.series}", str(edition.session), canonical_text(edition.tree),
                    edition.tree, edition.date, lambda: write_pdf(edition.tree, edition.date))


def _written_as(name: str) -> str | None:
    """The registered format a build-folder file was written as: its longest matching ending
    ('cmw-status.web.html' is the web page, not a document tree)."""
    from pipeline.writers.registry import WRITERS

    endings = [fmt for fmt in WRITERS if name.endswith("." + fmt)]
    return max(endings, key=len) if endings else None


def _folder_documents(folder: Path) -> dict[str, Document]:
    found: dict[str, Document] = {}
    for path in sorted(folder.iterdir()):
        fmt = _written_as(path.name)
        if fmt is not None and "." + fmt in FILE_KINDS and not path.name.startswith("."):
            stem = path.name[:-len(fmt) - 1]
            found.setdefault(stem, Document(display_path(folder / stem), display_path(folder)))
            _read_into(found[stem], path)
    if not found:
        raise DiffInputError(f"{display_path(folder)}: no reports in it (.html, .txt or .pdf files)")
    return found


def _file_document(path: Path) -> Document:
    if path.suffix not in FILE_KINDS:
        raise DiffInputError(f"{display_path(path)}: not a file diff knows (.txt, .html or .pdf)")
    document = Document(display_path(path), path.name)
    _read_into(document, path)
    return document


def _read_into(document: Document, path: Path) -> None:
    """Fill in what a file says about a report: tree, canonical text or PDF."""
    if path.suffix == ".pdf":
        document.pdf = path.read_bytes
        return
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DiffInputError(f"{display_path(path)}: cannot be read as UTF-8 text ({exc.__class__.__name__})")
    if path.suffix == ".txt":
        if not re.match(r"draft: (yes|no)\n", text):
            raise DiffInputError(f"{display_path(path)}: not a canonical text of a report (it begins with "
                                 "'draft: yes' or 'draft: no', as unreport writes it)")
        lines = text.splitlines()
        if len(lines) > MAX_LINES:
            raise DiffInputError(f"{display_path(path)}: not a canonical text a build writes ({len(lines):,} lines; "
                                 f"a report's run to a few thousand)")
        longest = max(lines, key=len)
        if len(longest) > MAX_LINE:
            raise DiffInputError(f"{display_path(path)}: not a canonical text a build writes (a line of "
                                 f"{len(longest):,} characters; a report's texts hold at most {MAX_TEXT:,})")
        document.canonical = text
        return
    document.tree = text
    try:
        tree = lxml.html.document_fromstring(text)
        if not tree.xpath('//body[contains(concat(" ", normalize-space(@class), " "), " un-report ")]'):
            raise ValueError("no <body class=\"un-report\">")
        document.date = dt.date.fromisoformat(tree.xpath('//meta[@name="date"]/@content')[0])
        derived = canonical_text(text)
    except (ValueError, IndexError, lxml.etree.LxmlError) as exc:
        raise DiffInputError(f"{display_path(path)}: not a report tree ({exc})") from None
    document.canonical = document.canonical or derived
    if document.pdf is None:
        from pipeline.writers.pdf import write_pdf

        tree, date = text, document.date
        document.pdf = lambda: write_pdf(tree, date)


def pairs(a: str, b: str, data_dir: Path) -> list[Pair]:
    """The reports of A and B paired by series; two files are one pair."""
    for target in (a, b):
        if not SESSION_PATTERN.match(target) and not Path(target).exists():
            raise DiffInputError(f"{target}: no such file or folder, and not a session number")
    a_is_file, b_is_file = (Path(t).is_file() and not SESSION_PATTERN.match(t) for t in (a, b))
    if a_is_file != b_is_file:
        raise DiffInputError("compare two sessions or folders, or two files, not a file with a session or folder")
    a_docs, b_docs = documents(a, data_dir), documents(b, data_dir)
    if a_is_file:
        (a_doc,), ((series, b_doc),) = a_docs.values(), b_docs.items()
        return [Pair(series, a_doc, b_doc)]
    return [Pair(s, a_docs.get(s), b_docs.get(s)) for s in sorted(set(a_docs) | set(b_docs))]


# ---------------------------------------------------------------- the views

def run_diff(a: str, b: str, data_dir: Path, views: Views) -> DiffResult:
    """Compare A and B, write the views asked for, and say what changed."""
    _check_view_paths(a, b, data_dir, views)
    found = pairs(a, b, data_dir)
    if len(found) > 1 and not any(p.a is not None and p.b is not None for p in found):
        raise DiffInputError(f"{a} and {b} have no report of one series in common: nothing to compare (they hold "
                             f"{', '.join(sorted({p.series for p in found if p.a}))} and "
                             f"{', '.join(sorted({p.series for p in found if p.b}))})")
    notes = _check_views(found, views)
    result = DiffResult("".join(f"note: {note}\n" for note in notes), False)
    many = len(found) > 1
    for pair in found:
        if pair.a is None or pair.b is None:
            side, other = (a, b) if pair.a is not None else (b, a)
            result.text += f"{pair.series}: only in {side}, not in {other}\n"
            result.differs = True
            continue
        result.text += ("\n" if result.text else "") + _compare_pair(pair, views, many, result)
    if views.summary is not None:
        _write(views.summary, result.text.encode("utf-8"), result)
    return result


def _check_view_paths(a: str, b: str, data_dir: Path, views: Views) -> None:
    """Refuse up front a view that would be written over an input, into the data folder or
    an input folder, twice to one path, or over something that is not a plain file (a device
    would be replaced by the file: the views are written by renaming a finished file over them)."""
    inputs = [Path(t).resolve() for t in (a, b) if not SESSION_PATTERN.match(t) and Path(t).exists()]
    protected = [*inputs, data_dir.resolve()]
    files = [(option, path) for option, path in (("--html", views.html), ("--docx", views.docx),
                                                 ("summary", views.summary)) if path is not None]
    for option, path in files + ([("--pages", views.pages)] if views.pages is not None else []):
        target = path.resolve()
        for kept in protected:
            if target == kept or kept in target.parents:
                what = "the data folder" if kept == protected[-1] else "an input"
                raise DiffInputError(f"{option} {display_path(path)} would write {'over' if target == kept else 'into'} "
                                     f"{what} ({display_path(kept)}); give a path outside it")
    for option, path in files + ([("--pages", views.pages)] if views.pages is not None else []):
        folder = path if option == "--pages" else path.parent
        blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            raise DiffInputError(f"{option} {display_path(path)}: {display_path(blocking)} is a file, not a folder; "
                                 "give a path in a folder")
    for option, path in files:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise DiffInputError(f"{option} {display_path(path)} exists and is not a plain file; give the path of a "
                                 "file to write")
    targets = [path.resolve() for _, path in files]
    for index, (option, path) in enumerate(files):
        if path.resolve() in targets[:index]:
            raise DiffInputError(f"{option} {display_path(path)} is the path of another view too; give each its own")


def _check_views(found: list[Pair], views: Views) -> list[str]:
    """Refuse up front a view the inputs cannot give, when it was asked for by name; one that only
    `--out` asked for is left out, and said so (the notes returned)."""
    both = [p for p in found if p.a is not None and p.b is not None]
    for pair in both:
        a, b = pair.a, pair.b
        if not (a.canonical is not None and b.canonical is not None) and not (a.pdf is not None and b.pdf is not None):
            raise DiffInputError(f"{a.name} and {b.name} have nothing to compare: a canonical text (.txt) compares "
                                 "with a text or a tree, a PDF with a PDF or a tree")
    notes: list[str] = []
    for names, why in _views_the_inputs_cannot_give(both):
        wanted = [name for name in names if getattr(views, name) is not None]
        if not wanted:
            continue
        asked = [name for name in wanted if name in views.asked or not views.as_available]
        if asked:
            raise DiffInputError(f"{' and '.join('--' + name for name in asked)}: {why}")
        notes.append(f"{' and '.join(VIEW_FILES[name] for name in wanted)} left out: {why}")
        for name in wanted:
            setattr(views, name, None)
    return notes


VIEW_FILES = {"html": "redline.html", "docx": "redline.docx", "pages": "pages/"}  # what --out writes


def _views_the_inputs_cannot_give(both: list[Pair]) -> list[tuple[tuple[str, ...], str]]:
    """The views the pairs cannot give, each with the reason, once."""
    found: list[tuple[tuple[str, ...], str]] = []
    versions = [p for p in both if p.a.canonical is not None and p.b.canonical is not None  # type: ignore[union-attr]
                and language_versions(p.a.name, p.b.name)]  # type: ignore[union-attr]
    if versions:
        found.append((("html", "docx"), f"{versions[0].a.name} and {versions[0].b.name} are two language versions: "  # type: ignore[union-attr]
                                        "they are aligned, not redlined"))
    elif any(p.a.tree is None or p.b.tree is None for p in both):  # type: ignore[union-attr]
        found.append((("html", "docx"), "redlines need document trees: give sessions, build folders with .html "
                                        "files, or .html files"))
    if any(p.a.pdf is None or p.b.pdf is None for p in both):  # type: ignore[union-attr]
        found.append((("pages",), "page images need PDFs or trees to render: give sessions, build folders, or "
                                  ".pdf/.html files"))
    return found


def _compare_pair(pair: Pair, views: Views, many: bool, result: DiffResult) -> str:
    a, b = pair.a, pair.b
    assert a is not None and b is not None
    text = ""
    if a.canonical is not None and b.canonical is not None and language_versions(a.name, b.name):
        symbols = [re.search(r"^symbol: (.*)$", side.canonical, re.M) for side in (a, b)]
        shown = [m[1] if m else "none" for m in symbols]
        if shown[0] != shown[1]:
            raise DiffInputError(f"{a.name} and {b.name} are in two languages and of two editions (symbols "
                                 f"{shown[0]} and {shown[1]}): compare the versions of one edition, or two editions "
                                 "in one language")
        aligned = align_versions(a.canonical, b.canonical, a.name, b.name)
        result.differs |= aligned.differs
        return aligned.text
    if a.canonical is not None and b.canonical is not None:
        diff = diff_texts(a.canonical, b.canonical, a.name, b.name)
        text += report(diff)
        result.differs |= diff.differs
        if a.tree is not None and b.tree is not None and (views.html or views.docx):
            _write_redlines(a, b, pair.series, summary(diff), views, many, result)
    if a.pdf is not None and b.pdf is not None and (views.pages or a.canonical is None or b.canonical is None):
        pages = compare_pdfs(_pdf_of(a), _pdf_of(b), views.pages, pair.series, (a.label, b.label), (a.name, b.name))
        result.written += [c.image for c in pages.changes if c.image is not None]
        result.differs |= bool(pages.changes)
        text += _pages_line(pages, views.pages, a.name, b.name, bool(text))
    return text


def _pdf_of(document: Document) -> bytes:
    """A side's PDF, checked enough to say which side is not one before pdftoppm is asked."""
    pdf = document.pdf()  # type: ignore[misc]
    if not pdf.startswith(b"%PDF-"):
        raise DiffInputError(f"{document.name}: not a PDF (it does not begin with '%PDF-')")
    return pdf


def _pages_line(pages: PageComparison, folder: Path | None, a_name: str, b_name: str, after_text: bool) -> str:
    line = pages.describe() + (f"; images in {display_path(folder)}" if folder and pages.changes else "")
    return ("\n" if after_text else f"{a_name} -> {b_name}\n") + line + "\n"


def _write_redlines(a: Document, b: Document, series: str, summary_text: str, views: Views,
                    many: bool, result: DiffResult) -> None:
    from pipeline.compare.redline import redline_page, redline_tree

    tree = redline_tree(a.tree, b.tree)  # type: ignore[arg-type]
    if views.html is not None:
        page = redline_page(tree, f"Changes from {a.name} to {b.name}", summary_text)
        _write(_for_series(views.html, series, many), page.encode("utf-8"), result)
    if views.docx is not None:
        from pipeline.writers.docx import write_docx

        _write(_for_series(views.docx, series, many), write_docx(tree, b.date), result)  # type: ignore[arg-type]


def _for_series(path: Path, series: str, many: bool) -> Path:
    """redline.html, or redline-<series>.html when the sides hold several reports."""
    return path.with_name(f"{path.stem}-{series}{path.suffix}") if many else path


def _write(path: Path, content: bytes, result: DiffResult) -> None:
    write_atomically({path: content})
    result.written.append(path)
