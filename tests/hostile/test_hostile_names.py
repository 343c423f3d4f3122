"""Hostile corpus, class "names and reference data": a State's name in the wrong script for
its language column or with markup characters, a declaration made twice under one article, a
language file whose date pattern prints no date. Each is a located error (hostile_corpus.py)."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("hostile_corpus")

from hostile_corpus import Case, run_case, where  # noqa: E402

T = "reference/state-names.csv"
CAT = "reference/cat-ledger.yaml"
FR = "languages/fr.yaml"
MEXICO = "Mexico,Mexique,México,Мексика,墨西哥,المكسيك,"


def mexico(column: str, name: str, message: str) -> Case:
    """Mexico's row of state-names.csv with `name` in `column`."""
    values = dict(zip(("en", "fr", "es", "ru", "zh", "ar"), MEXICO.split(",")))
    values[column] = name
    row = ",".join(values[c] for c in ("en", "fr", "es", "ru", "zh", "ar")) + ","
    return Case(f"state-names.csv: {name!r} in column {column}", T, MEXICO, row,
                [f"{where(T, MEXICO)}: error: column '{column}': '{name}' {message}"])


def script(letter: str, unicode_name: str, script_name: str) -> str:
    return (f"has '{letter}' ({unicode_name}), a letter that is not {script_name}; write the name in the "
            f"{script_name} script (a name pasted into the wrong column?)")


def second_declaration() -> str:
    """Where the case below puts its second article 22: two lines under the first, at the value."""
    path, line, _ = where(CAT, '      - article: "22"').rsplit(":", 2)
    return f"{path}:{int(line) + 2}:{len('      - article: ') + 1}"


MARKUP = "which a report would print as markup; remove it"
CASES = [
    mexico("ru", "Mexico", script("M", "LATIN CAPITAL LETTER M", "Cyrillic")),
    mexico("ar", "Mexico", script("M", "LATIN CAPITAL LETTER M", "Arabic")),
    mexico("zh", "Mexico", script("M", "LATIN CAPITAL LETTER M", "Chinese")),
    mexico("fr", "Мексика", script("М", "CYRILLIC CAPITAL LETTER EM", "Latin")),
    mexico("es", "*México*", f"has '*', {MARKUP}"),
    mexico("fr", "[Mexique](x)", f"has '[' ']', {MARKUP}"),
    mexico("fr", "Mex_ique", f"has '_', {MARKUP}"),
    mexico("fr", "#Mexique", f"has '#', {MARKUP}"),
    mexico("fr", "`Mexique`", f"has '`', {MARKUP}"),
    Case("a declaration under the same article twice, none withdrawn", CAT,
         '      - article: "22"\n        date: 1989-09-12\n',
         '      - article: "22"\n        date: 1989-09-12\n      - article: "22"\n        date: 1990-01-01\n',
         [f"{second_declaration()}: error: Algeria already has a declaration under article 22 (1989-09-12), not "
          "withdrawn before this one (1990-01-01); remove one, or give the first its 'withdrawn:' date"], args=("53",)),
    Case("an empty date pattern", FR, 'pattern: "d MMMM y"', 'pattern: ""',
         [f"{where(FR, 'pattern: ', 9)}: error: 'dates.pattern' is empty: it must show the day (d), the month "
          "(MMMM) and the year (y), like 'd MMMM y', or every date of the report prints as nothing"]),
    Case("a date pattern without the day", FR, 'pattern: "d MMMM y"', 'pattern: "MMMM y"',
         [f"{where(FR, 'pattern: ', 9)}: error: 'dates.pattern' is 'MMMM y': it must show the day (d), the month "
          "(MMMM) and the year (y), like 'd MMMM y', or every date of the report prints incomplete"]),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_names_and_reference_data(case: Case, tmp_path, monkeypatch):
    run_case(case, tmp_path, monkeypatch)


def test_a_declaration_withdrawn_before_it_is_made_again_is_allowed(tmp_path, monkeypatch):
    """Withdrawn, then made again: two entries under one article, both right."""
    import shutil

    from conftest import DATA
    from pipeline.inputs.load import load_session
    from pipeline.validate import validate

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    ledger = data / CAT
    text = ledger.read_text(encoding="utf-8")
    old = '      - article: "22"\n        date: 1989-09-12\n'
    ledger.write_text(text.replace(old, '      - article: "22"\n        date: 1989-09-12\n        withdrawn: 1989-12-01\n'
                                        '      - article: "22"\n        date: 1990-01-01\n', 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    problems = validate(load_session(data.relative_to(tmp_path), 53))
    assert not [p for p in problems if p.severity == "error"]
