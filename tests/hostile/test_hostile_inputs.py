"""Hostile corpus, classes "files", "sandbox", "silent wrong documents", "links" and "YAML
messages": each case is one bad input with its exact located message (see hostile_corpus.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.register_assert_rewrite("hostile_corpus")

from conftest import DATA
from hostile_corpus import C, E, L, N, S, Case, run_case, where

P6 = "{{ parties|count|number }} States"  # the status paragraph: as at ..., the parties
LIMITS = ("a paragraph's values are limited to 50,000 characters, 10,000 list items and 100-digit numbers); "
          "write the text out instead")
STATEMENTS = ("a paragraph holds {{ ... }} expressions only, not {% ... %} statements; use the filters (states, "
              "and_list, counted_list, ...) for lists, or write the text out")


def too_large(what: str) -> str:
    return f"the expression makes {what}, which is not allowed in a paragraph ({LIMITS}"


def paragraph(expression: str, message: str, name: str, column_shift: int = 0) -> Case:
    """The status paragraph's first expression replaced by `expression`."""
    return Case(f"sandbox: {name}", E, P6, expression + " States",
                [f"{where(E, P6, column_shift)}: error: {message}"])


SANDBOX = [
    paragraph("{% for p in parties %}{{ p }}{% endfor %}", STATEMENTS, "a for loop"),
    paragraph("{% for p in parties*10000 %}{% for q in parties*10000 %}x{% endfor %}{% endfor %}", STATEMENTS,
              "nested loops over parties*10000"),
    paragraph("{% set x = parties %}{{ x }}", STATEMENTS, "a set statement"),
    paragraph("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", STATEMENTS, "a recursive macro"),
    paragraph("{% if parties %}many{% endif %}", STATEMENTS, "an if statement"),
    paragraph("{% raw %}x{% endraw %}", STATEMENTS, "a raw block"),
    paragraph("{{ parties*10000 }}", too_large("a list of 260,000 items"), "parties*10000"),
    paragraph("{{ parties*100*100 }}", too_large("a list of 260,000 items"), "parties*100*100"),
    paragraph("{{ parties*10000*10000 }}", too_large("a list of 260,000 items"), "parties*10000*10000"),
    paragraph("{{ 10000*parties }}", too_large("a list of 260,000 items"), "10000*parties"),
    paragraph("{{ 'x'*50001 }}", too_large("a text of 50,001 characters"), "'x'*50001"),
    paragraph("{{ 'xx'*25000*2 }}", too_large("a text of 100,000 characters"), "'xx'*25000*2"),
    paragraph("{{ 'x'*25000 ~ 'x'*25001 }}", too_large("a text of 50,001 characters"), "~ over the limit"),
    paragraph("{{ (((10**64)**64)**64)**64 }}", too_large("a number of more than 100 digits"), "(((10**64)**64)**64)**64"),
    paragraph("{{ 2**1000 }}", too_large("a number of more than 100 digits"), "2**1000"),
    paragraph("{{ 10**50*10**60 }}", too_large("a number of more than 100 digits"), "10**50*10**60"),
    paragraph("{{ 2**0.5**-2000 }}", too_large("a number this large"), "a float power"),
    paragraph("{{ parties + parties*384 }}", too_large("a value this long"), "+ over the limit"),
    paragraph("{{ 'x'.ljust(10**9) }}", "paragraph expression not allowed: calling a method of the data "
              "('.name(...)') is not allowed in a paragraph; use only the data and filters of 'Writing paragraphs' "
              "in README", "a string method"),
    paragraph("{{ '{:>999999999}'.format(1) }}", "paragraph expression not allowed: calling a method of the data "
              "('.name(...)') is not allowed in a paragraph; use only the data and filters of 'Writing paragraphs' "
              "in README", "str.format"),
    paragraph("{{ '%0999999999d' % 1 }}", "'%' formatting of text is not allowed in a paragraph; use the filters",
              "%-formatting"),
    paragraph("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "the expression is nested too deeply for a paragraph; "
              "take out the extra brackets", "3000 brackets"),
    paragraph("{{ ''.__class__.__mro__ }}", "paragraph expression not allowed: access to attribute '__class__' of "
              "'str' object is unsafe; use only the data and filters of 'Writing paragraphs' in README", "__class__", 6),
] + [
    paragraph(expression, f"the expression gives {kind}, which a paragraph cannot print as it is; use {hint}; see "
              "'Writing paragraphs' in README for what each filter takes", f"{expression} printed as Python writes it")
    for expression, kind, hint in (("{{ parties }}", "a list", "a filter such as |states, |and_list or |count"),
                                   ("{{ [as_at] }}", "a list", "a filter such as |states, |and_list or |count"),
                                   ("{{ as_at }}", "a date", "the filter |date"),
                                   ("{{ none }}", "nothing", "a filter that makes text of it"),
                                   ("{{ true }}", "a yes/no value", "a filter that makes text of it"))
] + [
    paragraph("{{ parties|states|count|number|states }}", "the filter 'states' cannot take text; see 'Writing "
              "paragraphs' in README for what each filter takes", "a filter given the wrong data", 11),
]

FOOTNOTE_LOOP = "footnotes:\n  a: See[^b].\n  b: See[^a].\nbody:\n"
SILENT = [
    Case("item: yes", E, "item: 107", "item: yes", [f"{where(E, '107')}: error: 'agenda.item': must be a whole "
         "number, not a yes/no value (YAML reads yes, no, true, false, on and off so); write the number"]),
    Case("item: on", E, "item: 107", "item: on", [f"{where(E, '107')}: error: 'agenda.item': must be a whole "
         "number, not a yes/no value (YAML reads yes, no, true, false, on and off so); write the number"]),
    Case("session: true", E, "session: 59", "session: true", [f"{where(E, 'session: 59', 9)}: error: 'session': must be a whole "
         "number, not a yes/no value (YAML reads yes, no, true, false, on and off so); write the number"]),
    Case("seats: yes", C, "seats: 10", "seats: yes", [f"{where(C, '10')}: error: 'seats': must be a whole "
         "number, not a yes/no value (YAML reads yes, no, true, false, on and off so); write the number"]),
    Case("empty edition file", E, None, "", ["data/sessions/59/cmw-status.yaml:1:1: error: the file holds no data "
         "(it is empty, or only comments); write its keys, or delete the file"]),
    Case("edition of comments only", E, None, "# nothing yet\n", ["data/sessions/59/cmw-status.yaml:1:1: error: "
         "the file holds no data (it is empty, or only comments); write its keys, or delete the file"]),
    Case("empty name changes", N, None, "", ["data/reference/state-name-changes.csv:1:1: error: the file has no rows "
         "of name changes; every report needs them to name States as they were named on its date: restore the rows"]),
    Case("name changes with a header only", N, None, "old_name,new_name,in_force_from,certainty,note\n",
         ["data/reference/state-name-changes.csv:1:1: error: the file has no rows of name changes; every report "
          "needs them to name States as they were named on its date: restore the rows"]),
    Case("a rename loop", N, "Cape Verde,Cabo Verde,", "Cabo Verde,Cape Verde,2014-01-01,,a test row,\nCape Verde,Cabo Verde,",
         ["data/reference/state-name-changes.csv:14:1: error: the name changes go round in a loop (Cape Verde -> Cabo Verde -> "
          "Cape Verde); a State's name changes only forward in time: remove or correct one of these rows"]),
    Case("&#0; in a paragraph", E, "The Convention entered", "The &#0; Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: a character reference ('&#...;') in the text stands "
          "for U+FFFD, which no document can show (or which hides itself); remove it"]),
    Case("&#x202E; in a paragraph", E, "The Convention entered", "The &#x202E;Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: a character reference ('&#...;') in the text stands "
          "for U+202E RIGHT-TO-LEFT OVERRIDE, which no document can show (or which hides itself); remove it"]),
    Case("&#7; in a paragraph", E, "The Convention entered", "The &#7; Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: a character reference ('&#...;') in the text stands "
          "for U+FFFD, which no document can show (or which hides itself); remove it"]),
    Case("&#x200B; in a paragraph", E, "The Convention entered", "The Con&#x200B;vention entered",
         [f"{where(E, 'The Convention entered', 7)}: error: a character reference ('&#...;') in the text stands "
          "for U+200B ZERO WIDTH SPACE, which no document can show (or which hides itself); remove it"]),
    Case("footnotes calling each other", E, "body:\n", FOOTNOTE_LOOP, [
        "data/sessions/59/cmw-status.yaml:18:6: error: footnote 'a' cites itself (a → b → a); a note cannot call a note",
        "data/sessions/59/cmw-status.yaml:19:6: error: footnote 'b' cites itself (b → a → b); a note cannot call a note"]),
] + [
    Case(f"symbol {symbol}", E, "symbol: null", f"symbol: {symbol}", [f"{where(E, 'null')}: error: '{symbol}' is not "
         "a symbol of the General Assembly; write it like A/59/150"])
    for symbol in ("A/59/../../x", "A/59/./312", "A/59//312", "A/59/312/", "A/59/312/../../etc", "A/59/.312")
] + [
    Case(f"{key} in {year}", file, f"{key}: {day}", f"{key}: {year}{day[4:]}",
         [f"{where(file, f'{key}: {day}', len(key) + 2)}: error: '{path}': {year}{day[4:]} is not a date of a United "
          "Nations document: write a year from 1945 to 2100"])
    for file, key, day, path in ((E, "date", "2004-08-27", "date"), (E, "as_at", "2004-08-20", "as_at"),
                                 (L, "adopted", "1990-12-18", "adopted"))
    for year in (1800, 1944, 2101, 2108, 9999)
]

LINK_MESSAGE = ("the link '{}' is not allowed: a link goes to an address starting http://, https:// or mailto:, "
                "or to a block of the report as #id")
LINKS = [
    Case(f"link to {target}", E, "The Convention entered", f"The [Convention]({target}) entered",
         [f"{where(E, 'The Convention entered', 17)}: error: {LINK_MESSAGE.format(shown)}"])
    for target, shown in (("file:///etc/passwd", "file:///etc/passwd"), ("javascript:alert(1)", "javascript:alert(1)"),
                          ("JavaScript:alert(1)", "JavaScript:alert(1)"), ("data:text/html,x", "data:text/html,x"),
                          ("vbscript:x", "vbscript:x"), ("ftp://example.org/x", "ftp://example.org/x"),
                          ("/etc/shadow", "/etc/shadow"), ("base/un-report.css", "base/un-report.css"),
                          ("../../README.md", "../../README.md"), ("//example.org/x", "//example.org/x"),
                          ("smb://host/share", "smb://host/share"))
] + [
    Case("autolink to a file", E, "<http://untreaty.un.org>", "<file:///etc/passwd>",
         [f"{where(E, '<http://untreaty.un.org>', 1)}: error: {LINK_MESSAGE.format('file:///etc/passwd')}"]),
    Case("a picture", E, "The Convention entered", "The ![seal](http://example.org/seal.png) Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: a picture (![...](...)) cannot go in paragraph text; "
          "remove the '!' to make it a link, or leave it out"]),
    Case("a picture with no address", E, "The Convention entered", "The ![seal]() Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: a picture (![...](...)) cannot go in paragraph text; "
          "remove the '!' to make it a link, or leave it out"]),
]

TITLE = 'title: "Human'
YAML = [
    Case("quote not closed", E, 'human rights instruments"', "human rights instruments",
         [f"{where(E, TITLE, 7)}: error: YAML syntax: the quotation mark opened here is not closed on its "
          "line, so the text runs on to the next quotation mark below; close it"]),
    Case("single quote not closed", E, "distribution: General", "distribution: 'General",
         [f"{where(E, 'distribution: General', 14)}: error: YAML syntax: the quotation mark opened here is not "
          "closed on its line, so the text runs on to the next quotation mark below; close it"]),
    Case("bracket not closed", E, "distribution: General", "distribution: [General",
         [f"{where(E, 'distribution: General', 14)}: error: YAML syntax: the bracket opened here is not closed; "
          "close it with ']' (or put the value in double quotes)"]),
    Case("a tab", E, "distribution: General", "distribution:\tGeneral\n\tplace: Geneva",
         [f"{where(E, 'distribution: General', 13)}: error: YAML syntax: a tab character; indent YAML with spaces only"]),
    Case("two documents", E, "distribution: General", "distribution: General\n---\nx: 1",
         [f"{where(E, 'distribution: General')[:-3]}{10}:1: error: YAML syntax: a file holds one document; remove "
          "this '---' line and what it starts"]),
    Case("an alias", E, "distribution: General", "distribution: &d General\nplace: *d",
         [f"{where(E, 'distribution: General')[:-3]}{10}:8: error: aliases (*d) are not allowed in report data; "
          "write the value out"]),
    Case("a duplicate key", E, "distribution: General", "distribution: General\ndistribution: Limited",
         [f"{where(E, 'distribution: General')[:-3]}{10}:1: error: duplicate key 'distribution': keep only one of them"]),
    Case("non-UTF-8 bytes in the edition", E, "The Convention entered".encode(), b"The Conv\xe9ntion entered",
         [f"{where(E, 'The Convention entered', 8)}: error: file is not valid UTF-8 text; save it as UTF-8"]),
    Case("non-UTF-8 bytes in the name changes", N, b"Cape Verde,", b"Cap\xe9 Verde,",
         [f"{where(N, 'Cape Verde,', 3)}: error: file is not valid UTF-8 text; save it as UTF-8"]),
]


def _link(name: str, target: str) -> callable:
    def setup(data: Path) -> None:
        (data / name).unlink()
        (data / name).symlink_to(target)
    return setup


def _fifo(name: str):
    def setup(data: Path) -> None:
        (data / name).unlink()
        os.mkfifo(data / name)
    return setup


PADDING = "# " + "x" * (2 * 1024 * 1024) + "\n"
OVERSIZED = len((DATA / E).read_bytes()) + len(PADDING)


def _oversized(data: Path) -> None:
    with open(data / E, "a", encoding="utf-8") as edition:
        edition.write(PADDING)


def _loop(data: Path) -> None:
    (data / L).unlink()
    (data / L).symlink_to(data / "reference" / "loop.yaml")
    (data / "reference" / "loop.yaml").symlink_to(data / L)


LANGUAGE = "languages/en.yaml"  # the boilerplate strings of the original (read with the checked loader too)
LANGUAGE_FILES = [
    Case("NUL in a comment of a language file", LANGUAGE, "# English: the language", "# English:\x00 the language",
         ["data/languages/en.yaml:1:11: error: the text holds the character U+0000, which no document can show; "
          "remove it"]),
    Case("empty language file", LANGUAGE, None, "", ["data/languages/en.yaml:1:1: error: the file holds no data (it "
         "is empty, or only comments); write its keys, or delete the file"]),
    Case("language file whose code is not its name", LANGUAGE, "code: en\n", "code: fr\n",
         ["data/languages/en.yaml:7:7: error: code 'fr' is not the file's name; name the file fr.yaml"]),
    # strings are filled with {name}s only: a format spec or an attribute would run as Python
    Case("a format width in a language string (a hang)", LANGUAGE, 'session: "{Ordinal} session"',
         'session: "{Ordinal:>2000000000} session"',
         [where(LANGUAGE, '"{Ordinal} session"') + ": error: 'strings.session': '{Ordinal:>2000000000}' is not a placeholder; "
          "write placeholders as {name}, as the English file does"]),
    Case("an attribute in a language string", LANGUAGE, 'session: "{Ordinal} session"',
         'session: "{Ordinal.__class__} session"',
         [where(LANGUAGE, '"{Ordinal} session"') + ": error: 'strings.session': '{Ordinal.__class__}' is not a placeholder; "
          "write placeholders as {name}, as the English file does"]),
    Case("a lone brace in a language string", LANGUAGE, 'session: "{Ordinal} session"', 'session: "{Ordinal} {"',
         [where(LANGUAGE, '"{Ordinal} session"') + ": error: 'strings.session': a brace stands alone; write placeholders as "
          "{name}, and a brace itself as {{ or }}"]),
    Case("an unknown locale", LANGUAGE, "locale: en ", "locale: xx_YY ",
         ["data/languages/en.yaml:10:9: error: locale 'xx_YY' is not a locale Babel and ICU know (fr, es, ru, zh, "
          "ar, ...)"]),
    Case("a direction that is not one", LANGUAGE, "direction: ltr", "direction: sideways",
         ["data/languages/en.yaml:11:12: error: direction must be ltr (left to right) or rtl (right to left)"]),
]

NAMES = "reference/state-names.csv"  # State names in the six languages
CSV_ROWS = [
    Case("a shifted row in the name changes (a comma not quoted)", N, "Turkey,Türkiye,2022-06-01,",
         "Turkey,Türkiye,2022-06-01,x,y,z,",
         ["data/reference/state-name-changes.csv:14:1: error: this row has 3 field(s) more than the header's 6 "
          "columns; put a value that holds a comma in double quotes, or remove the extra fields"]),
    Case("a State named twice in the six-language names", NAMES, "\nAzerbaijan,", "\nAzerbaijan,Zzz,Zzz,Ззз,字字,"
         "ززز,,a second row\nAzerbaijan,",  # each in its column's script (else that is the error)
         ["data/reference/state-names.csv:7:1: error: 'Azerbaijan' has a row already; keep one row per State"]),
]

FILES = [
    Case("edition is a named pipe", "", None, "", ["data/sessions/59/cmw-status.yaml: error: is a named pipe, not "
         "a file; input files must be ordinary text files"], setup=_fifo(E)),
    Case("edition links to /dev/zero", "", None, "", ["data/sessions/59/cmw-status.yaml: error: is a link to "
         "/dev/zero, which is a device, not a file; input files must be ordinary text files"],
         setup=_link(E, "/dev/zero")),
    Case("ledger links outside the data folder", "", None, "", ["data/reference/cmw-ledger.yaml: error: is a link "
         "to /etc/passwd, which is outside the data folder data; input files must be in the data folder"],
         setup=_link(L, "/etc/passwd")),
    Case("ledger is a broken link", "", None, "", ["data/reference/cmw-ledger.yaml: error: is a link to "
         "missing-ledger.yaml, which does not exist"], setup=_link(L, "missing-ledger.yaml")),
    Case("ledger is a loop of links", "", None, "", ["data/reference/cmw-ledger.yaml: error: is a link that "
         "leads back to itself; replace it with the file"], setup=_loop),
    Case("name changes link to /dev/zero", "", None, "", ["data/reference/state-name-changes.csv: error: is a "
         "link to /dev/zero, which is a device, not a file; input files must be ordinary text files"],
         setup=_link(N, "/dev/zero")),
    Case("series is a named pipe", "", None, "", ["data/series/cmw-status.yaml: error: is a named pipe, not a "
         "file; input files must be ordinary text files"], setup=_fifo(S)),
    Case("edition over 2 MiB", "", None, "", [f"data/sessions/59/cmw-status.yaml: error: file is {OVERSIZED} bytes; "
         "input files are limited to 2097152"], setup=_oversized),
]


@pytest.mark.parametrize("case", SANDBOX + SILENT + LINKS + YAML + FILES + LANGUAGE_FILES + CSV_ROWS, ids=str)
def test_hostile_input(case: Case, tmp_path, monkeypatch):
    run_case(case, tmp_path, monkeypatch)


def test_a_link_to_a_file_inside_the_data_folder_is_read(tmp_path, monkeypatch):
    """Links are followed: one that ends at a regular file inside the data folder is fine."""
    import shutil

    from hostile_corpus import invoke

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "shared").mkdir()
    (data / L).rename(data / "shared" / "cmw-ledger.yaml")
    (data / L).symlink_to(Path("..") / "shared" / "cmw-ledger.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke(["validate", "--data", "data", "59"])
    assert (result.exit_code, result.stdout) == (0, "")
