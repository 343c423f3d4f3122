"""The element sampler (tests/fixtures/docmodel/) as a draft, with language versions: every
block kind of the document tree in another language. A draft (no symbol yet) may leave its
blocks untranslated, so a version needs only its title and agenda title; its labels, numbers,
letters and direction are the language's own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SAMPLER = Path(__file__).parent / "fixtures" / "docmodel"
TITLES = {  # (title, agenda title) of each version: placeholders, not UN texts
    "fr": ("Échantillon des éléments", "Questions relatives aux droits de l'homme"),
    "es": ("Muestra de elementos", "Cuestiones de derechos humanos"),
    "ru": ("Образец элементов", "Вопросы прав человека"),
    "zh": ("元素样本", "人权问题"),
    "ar": ("نموذج العناصر", "مسائل حقوق الإنسان"),
}


def sampler_versions(target: Path, languages: tuple[str, ...]) -> Path:
    """A data folder at target/data: the repository's reference data and languages, and the
    sampler's edition of session 59 as a draft with a version in each of `languages`."""
    from tests.conftest import DATA

    data = target / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    shutil.copytree(DATA / "languages", data / "languages")
    shutil.copytree(SAMPLER / "series", data / "series")
    shutil.copytree(SAMPLER / "sessions", data / "sessions")
    shutil.copytree(SAMPLER / "figures", data / "figures")
    edition = data / "sessions" / "59" / "element-sampler.yaml"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(re.sub(r"(?m)^(symbol|job_number): .*$", r"\1: ~", text), encoding="utf-8")
    for code in languages:
        title, agenda_title = TITLES[code]
        (edition.parent / f"element-sampler.{code}.yaml").write_text(
            f'language: {code}\nstatus: unofficial\njob_number: null\ntitle: "{title}"\n'
            f'agenda_title: "{agenda_title}"\n', encoding="utf-8")
    return data
