"""Incremental builds: a fingerprint of everything that feeds one report, and a manifest of
what each session's outputs were built from, so that an unchanged report is not built again.

A report's fingerprint covers
- the data files it reads: its edition, its series, the ledger and the committee the series
  names, every picture in data/figures/, every reference file that no series names (the State
  names: read for every report),
  and the edition it follows (its `previous:` session, or else the nearest earlier session
  with an edition of its series), whose changes a report may show;
- its templates: every file in each folder of templates/ that its report template uses
  (through extends/include/import, stylesheet links, CSS url() and @import), so a change to
  a shared template rebuilds every report that uses it and nothing else;
- the font files fontconfig has for the families its CSS names (path, size and mtime);
- the pipeline: the source of pipeline/, the installed distributions with their versions
  (unreport, WeasyPrint, python-docx, ...), Python's version, the system's shared libraries
  (the dynamic linker's cache changes when any is installed) and SOURCE_DATE_EPOCH.

Import-light on purpose: deciding that nothing needs building loads no models, composes
nothing and never imports WeasyPrint.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import sysconfig
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.inputs.layout import (DEFAULT_TEMPLATE, PIPELINE_DIR, edition_path, figures_dir, reference_file,
                                    series_file, languages_dir, session_numbers, translation_files)
from pipeline.inputs.files import MAX_PICTURE_BYTES, read_input_bytes
from pipeline.inputs.problems import InputError
from pipeline.writers.registry import DEFAULT_PDF_VARIANT

MANIFEST_FOLDER = ".build-manifests"  # in the output folder, beside the session folders
MANIFEST_VERSION = 1
LINKER_CACHE = Path("/etc/ld.so.cache")

SIMPLE_NAME = re.compile(r"^[\w][\w.-]*$")
TEMPLATE_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
HTML_REFERENCE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'{}#?]+)["']""")
CSS_REFERENCE = re.compile(r"""url\(\s*["']?([^"')#?]+?)["']?\s*\)|@import\s+["']([^"']+)["']""")
FONT_DECLARATION = re.compile(r"""\bfont(?:-family)?\s*:\s*([^;}]+)""")
QUOTED = re.compile(r"""["']([^"']+)["']""")
GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}


# ---------------------------------------------------------------- what an edition reads

@dataclass(frozen=True)
class EditionSources:
    """The files of its own one edition reads, as its YAML and its series' YAML name them
    (the shared reference files and the previous edition are found by the Fingerprinter)."""

    edition: Path
    series_id: str
    template: str
    ledger: str | None
    committee: str | None
    files: tuple[Path, ...]
    session: int | None = None
    previous: int | None = None  # the session of the edition it follows, when it says so


def top_level_value(text: str, key: str) -> str | None:
    """The plain value of a top-level `key: value` line of a YAML file (None when absent/null)."""
    match = re.search(rf"^{re.escape(key)}:[ \t]*(.*?)[ \t]*(?:#.*)?$", text, re.MULTILINE)
    if not match:
        return None
    value = match.group(1)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return None if value in ("", "null", "~", "Null", "NULL") else value


def edition_sources(data_dir: Path, edition: Path) -> EditionSources | None:
    """The files an edition reads, or None when they cannot be found this simply (then the
    edition is always built, and the full load says what is wrong)."""
    try:
        text = read_input_bytes(edition, data_dir).decode("utf-8")
        series_id = top_level_value(text, "series")
        if not series_id or not SIMPLE_NAME.match(series_id):
            return None
        series_path = series_file(data_dir, series_id)
        series_text = read_input_bytes(series_path, data_dir).decode("utf-8")
    except (OSError, UnicodeDecodeError, InputError):  # the full load says what is wrong
        return None
    template, ledger, committee = (top_level_value(series_text, key) for key in ("template", "ledger", "committee"))
    template = template or DEFAULT_TEMPLATE
    if not template or not all(SIMPLE_NAME.match(v) for v in (template, ledger or "x", committee or "x")):
        return None
    files = [edition, series_path] + [reference_file(data_dir, name) for name in (ledger, committee) if name]
    files += translation_files(edition)  # its language versions, built with it
    files += sorted(languages_dir(data_dir).glob("*.yaml"))  # the boilerplate strings of every language
    files += sorted(p for p in figures_dir(data_dir).glob("*") if not p.name.startswith("."))  # figures' pictures
    session, previous = (_number(top_level_value(text, key)) for key in ("session", "previous"))
    return EditionSources(edition, series_id, template, ledger, committee, tuple(files), session, previous)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def shared_reference_files(data_dir: Path) -> list[Path]:
    """The reference files no series names as its ledger or committee: read for every report."""
    named: set[str] = set()
    for path in (data_dir / "series").glob("*.yaml"):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        named |= {value for key in ("ledger", "committee") if (value := top_level_value(text, key))}
    folder = data_dir / "reference"
    files = folder.iterdir() if folder.is_dir() else []
    return sorted(p for p in files if p.is_file() and not p.name.startswith(".") and p.name not in named)


# ---------------------------------------------------------------- what a template uses

def template_closure(templates_dir: Path, kind: str) -> list[Path]:
    """The report template of `kind` and every file it uses, transitively: the existing ones
    inside the templates folder (the PDF writer fetches nothing outside it)."""
    root = templates_dir.resolve()
    seen: set[Path] = set()
    pending = [templates_dir / kind / "report.html.j2"]
    while pending:
        path = pending.pop()
        if path in seen or not path.is_file() or not path.resolve().is_relative_to(root):
            continue
        seen.add(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".css":
            names = [a or b for a, b in CSS_REFERENCE.findall(text)]
            pending += [path.parent / name for name in names if ":" not in name]
        else:  # templates name templates and assets from the templates folder (the base URL)
            names = TEMPLATE_REFERENCE.findall(text) + HTML_REFERENCE.findall(text)
            pending += [templates_dir / name for name in names if ":" not in name]
    return sorted(seen)


def css_families(css: str) -> set[str]:
    """The font families named in font and font-family declarations."""
    families: set[str] = set()
    for declaration in FONT_DECLARATION.finditer(css):
        for part in declaration.group(1).split(","):
            quoted = QUOTED.search(part)
            words = part.split()
            if quoted:
                families.add(quoted.group(1))
            elif words:  # in the `font` shorthand the family comes after size/line-height
                families.add(words[-1])
    return families


def font_files(families: set[str]) -> list[str] | None:
    """The font files fontconfig has for these families (generic ones as fc-match resolves
    them); None when fontconfig's tools are not installed."""
    wanted = {name.lower() for name in families} - GENERIC_FAMILIES
    try:
        listing = _run(["fc-list", "--format", "%{family}\t%{file}\n"])
        files = {path for names, _, path in (line.partition("\t") for line in listing.splitlines())
                 if any(name.strip().lower() in wanted for name in names.split(","))}
        for generic in sorted({name.lower() for name in families} & GENERIC_FAMILIES):
            files.add(_run(["fc-match", "--format", "%{file}", generic]).strip())
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted(f for f in files if f)


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=30).stdout


# ---------------------------------------------------------------- fingerprints

@dataclass(frozen=True)
class Fingerprint:
    """The digest of everything that feeds one edition's outputs."""

    digest: str
    sources: EditionSources


class Fingerprinter:
    """Fingerprints editions for one command: files, templates and the pipeline are hashed
    once however many editions share them."""

    def __init__(self, templates_dir: Path, pdf_variant: str = DEFAULT_PDF_VARIANT):
        self.templates_dir = templates_dir
        self.writer_options = f"pdf variant {pdf_variant}"  # what else changes the bytes
        self._shared: dict[Path, list[Path]] = {}  # data folder -> shared reference files
        self._sessions: dict[tuple[Path, str], list[int]] = {}  # (data folder, series) -> sessions
        self._files: dict[Path, str] = {}
        self._templates: dict[str, str] = {}
        self._pipeline: str | None = None

    def edition(self, data_dir: Path, edition: Path) -> Fingerprint | None:
        """The edition's fingerprint, or None when it cannot be taken (always build then)."""
        sources = edition_sources(data_dir, edition)
        if sources is None:
            return None
        if data_dir not in self._shared:
            self._shared[data_dir] = shared_reference_files(data_dir)
        files = [*sources.files, *self._shared[data_dir]]
        previous = self.previous_edition(data_dir, sources)
        if previous is not None:
            files.append(previous)
        digest = hashlib.sha256()
        digest.update(self.pipeline().encode())
        digest.update(self.writer_options.encode())
        digest.update(self.templates(sources.template).encode())
        for path in files:
            digest.update(f"\0{os.path.relpath(path, data_dir)}\0{self.file(path)}".encode())
        return Fingerprint(digest.hexdigest(), sources)

    def previous_edition(self, data_dir: Path, sources: EditionSources) -> Path | None:
        """The edition file this one follows: its `previous:` session's, or the nearest
        earlier session's edition of the same series (as loading finds it)."""
        session = sources.previous
        if session is None and sources.session is not None:
            key = (data_dir, sources.series_id)
            if key not in self._sessions:
                self._sessions[key] = session_numbers(data_dir, sources.series_id)
            session = max((s for s in self._sessions[key] if s < sources.session), default=None)
        if session is None:
            return None
        return edition_path(data_dir, session, sources.series_id)

    def file(self, path: Path) -> str:
        """The SHA-256 of a file's bytes ('missing' when it cannot be read)."""
        if path not in self._files:
            try:
                self._files[path] = hashlib.sha256(read_input_bytes(path, limit=MAX_PICTURE_BYTES)).hexdigest()
            except (OSError, InputError):  # not a regular file, or too large: the full load says so
                self._files[path] = "missing"
        return self._files[path]

    def templates(self, kind: str) -> str:
        """The digest of every file in the folders a report template uses, and of its fonts."""
        if kind not in self._templates:
            used = template_closure(self.templates_dir, kind)
            folders = sorted({path.parent for path in used})
            digest = hashlib.sha256(f"templates of {kind}".encode())
            for folder in folders:
                for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                    digest.update(f"\0{os.path.relpath(path, self.templates_dir)}\0{self.file(path)}".encode())
            families: set[str] = set()
            for path in used:
                if path.suffix == ".css":
                    families |= css_families(path.read_text(encoding="utf-8", errors="replace"))
            for line in font_lines(families):
                digest.update(f"\0{line}".encode())
            self._templates[kind] = digest.hexdigest()
        return self._templates[kind]

    def pipeline(self) -> str:
        """The digest of the pipeline's source and of the environment it runs in."""
        if self._pipeline is None:
            digest = hashlib.sha256()
            for path in sorted(PIPELINE_DIR.rglob("*.py")):
                digest.update(f"\0{path.relative_to(PIPELINE_DIR)}\0{self.file(path)}".encode())
            for line in environment_lines():
                digest.update(f"\0{line}".encode())
            self._pipeline = digest.hexdigest()
        return self._pipeline


def font_lines(families: set[str]) -> list[str]:
    """'path size mtime' of each font file of these families."""
    files = font_files(families)
    if files is None:
        return ["fonts: fontconfig tools not installed"]
    lines = []
    for name in files:
        try:
            stat = os.stat(name)
            lines.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
        except OSError:
            lines.append(f"{name} missing")
    return lines


def environment_lines() -> list[str]:
    """Python, the installed distributions, the shared libraries and SOURCE_DATE_EPOCH."""
    lines = [f"python {sys.version}", f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}"]
    for folder in sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}):
        try:
            lines += sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
        except OSError:
            continue
    try:
        stat = LINKER_CACHE.stat()
        lines.append(f"{LINKER_CACHE} {stat.st_size} {stat.st_mtime_ns}")
    except OSError:
        pass
    return lines


# ---------------------------------------------------------------- manifests

@dataclass
class ManifestEntry:
    """What one edition's outputs were built from: its fingerprint and the files written."""

    digest: str
    files: dict[str, dict] = field(default_factory=dict)  # format -> {"name": file name, "size": bytes}


@dataclass
class Manifest:
    """What a session's outputs were built from, and the warnings of its validation."""

    editions: dict[str, ManifestEntry] = field(default_factory=dict)  # series id -> entry
    warnings: list[str] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        body = {"version": MANIFEST_VERSION, "warnings": self.warnings,
                "editions": {series: asdict(entry) for series, entry in sorted(self.editions.items())}}
        return (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8")


def manifest_path(output_dir: Path, session: int) -> Path:
    return output_dir / MANIFEST_FOLDER / f"{session}.json"


def read_manifest(output_dir: Path, session: int) -> Manifest:
    """The session's manifest; an empty one when there is none or it cannot be read."""
    try:
        body = json.loads(manifest_path(output_dir, session).read_text(encoding="utf-8"))
        if body.get("version") != MANIFEST_VERSION:
            return Manifest()
        editions = {series: ManifestEntry(entry["digest"], dict(entry["files"]))
                    for series, entry in body["editions"].items()}
        return Manifest(editions, [str(w) for w in body.get("warnings", [])])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()


def is_up_to_date(entry: ManifestEntry | None, fingerprint: Fingerprint | None,
                  formats: tuple[str, ...], session_dir: Path) -> bool:
    """True when the outputs of these formats were built from this very fingerprint and are
    still there, the size they were written with."""
    if entry is None or fingerprint is None or entry.digest != fingerprint.digest:
        return False
    for fmt in formats:
        if fmt not in entry.files:
            return False
        record = entry.files[fmt]
        try:
            if (session_dir / record["name"]).stat().st_size != record["size"]:
                return False
        except (OSError, KeyError, TypeError):  # a file gone, or a hand-edited manifest
            return False
    return True
