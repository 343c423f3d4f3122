"""The session 59 PDF and DOCX have the bytes recorded in tests/fixtures/output-sha256.json, on
any machine set up by `make` (the dependencies pinned with hashes in requirements.lock, the
fonts of fonts-liberation2). CI on a fresh machine thus proves the bytes are the same there.

After an intended change to the documents (a template, a writer, the data of session 59),
record the new values: `.venv/bin/python tests/test_reproducible_bytes.py --update`, and say
why in the commit message."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

RECORDED = Path(__file__).parent / "fixtures" / "output-sha256.json"
FORMATS = ("pdf", "docx")


def digests(files: dict[str, Path]) -> dict[str, str]:
    return {fmt: hashlib.sha256(files[fmt].read_bytes()).hexdigest() for fmt in FORMATS}


def test_session_59_bytes_are_the_recorded_ones(built_59):
    from pipeline.i18n.fonts import font_package, installed_stack

    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    fonts = ", ".join(f"{font.family} ({font.file})" for font in installed_stack(None)) or "none"
    for fmt, digest in digests(built_59).items():
        assert digest == recorded[fmt], (
            f"the session 59 {fmt.upper()} is not the recorded one (SHA-256 {digest}, recorded {recorded[fmt]}). "
            "Either the document changed on purpose (record it: .venv/bin/python tests/test_reproducible_bytes.py "
            "--update), or this machine differs: install the dependencies from requirements.lock (make setup "
            f"installs them with --require-hashes) and the fonts of {font_package(None)} (fonts used here: {fonts})")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import DATA, build

    with tempfile.TemporaryDirectory() as output:
        values = digests(build(DATA, Path(output)))
    RECORDED.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
    print(f"recorded {values} in {RECORDED}")
