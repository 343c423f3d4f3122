"""The six language versions of session 59: masthead strings, dates and ordinals, paragraph 5's
lists in each language's order with the right count words, job number letters, the document
language of each format, Arabic right to left, Chinese fonts, and translations kept in step
with the English original (stale and missing paragraphs, new-edition carrying them forward)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import FULL_DATA as DATA, replace_in

LANGUAGES = ("fr", "es", "ru", "zh", "ar")
PYTHON = sys.executable


def unreport(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "pipeline.cli", *args], capture_output=True, text=True, timeout=600,
                          cwd=cwd)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Session 59 built in every language: language -> format -> file."""
    from pipeline.build.session import build_session

    out = tmp_path_factory.mktemp("languages")
    result = build_session(59, DATA, out, ("html", "txt", "pdf", "docx"))
    found = {}
    for edition in result.editions:
        code = edition.series.split(".")[1] if "." in edition.series else "en"
        found[code] = edition.files
    return found


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def text_of(versions, code: str) -> str:
    return versions[code]["txt"].read_text(encoding="utf-8")


def line(text: str, label: str) -> str:
    """The value of one labelled line of the canonical text ('session: ...')."""
    found = [l for l in text.splitlines() if l.startswith(label)]
    assert found, f"no line {label!r}"
    return found[0][len(label):].strip()


MASTHEADS = {
    "fr": ["Nations Unies", "Assemblée générale", "Distr. générale", "Français", "Original : anglais",
           "Cinquante-neuvième session", "Point 107 a) de l’ordre du jour provisoire*", "Rapport du Secrétaire général"],
    "es": ["Naciones Unidas", "Asamblea General", "Distr. general", "Español", "Original: inglés",
           "Quincuagésimo noveno período de sesiones", "Tema 107 a) del programa provisional*",
           "Informe del Secretario General"],
    "ru": ["Организация Объединенных Наций", "Генеральная Ассамблея", "Distr.: General", "Russian",
           "Original: English", "Пятьдесят девятая сессия", "Пункт 107(a) предварительной повестки дня*",
           "Доклад Генерального секретаря"],
    "zh": ["联合国", "大会", "Distr.: General", "Chinese", "Original: English", "第五十九届会议", "临时议程项目107(a)*",
           "秘书长的报告"],
    "ar": ["الأمم المتحدة", "الجمعية العامة", "Distr.: General", "Arabic", "Original: English",
           "الدورة التاسعة والخمسون", "البند 107 (أ) من جدول الأعمال المؤقت*", "تقرير الأمين العام"],
}
LABELS = ["organization:", "organ:", "distribution:", "language:", "original:", "session:", "agenda item:", "author:"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_masthead_strings(versions, code):
    text = text_of(versions, code)
    assert [line(text, label) for label in LABELS] == MASTHEADS[code]


def test_english_masthead_has_no_language_line(versions):
    text = text_of(versions, "en")
    assert "language:" not in text
    assert line(text, "original:") == "Original: English"
    assert line(text, "session:") == "Fifty-ninth session"


DATES = {  # the masthead's date, then the as-at date in paragraph 5
    "en": ("27 August 2004", "As at 20 August 2004,"),
    "fr": ("27 août 2004", "Au 20 août 2004,"),
    "es": ("27 de agosto de 2004", "Al 20 de agosto de 2004,"),
    "ru": ("27 August 2004", "По состоянию на 20 августа 2004 года"),
    "zh": ("27 August 2004", "截至2004年8月20日"),
    "ar": ("27 August 2004", "في 20 آب/أغسطس 2004"),
}


@pytest.mark.parametrize("code", ("en",) + LANGUAGES)
def test_dates_in_each_language(versions, code):
    text = text_of(versions, code)
    masthead, as_at = DATES[code]
    assert line(text, "date:") == masthead
    assert line(text, "¶5").startswith(as_at)


# Paragraph 5: the parties' list opens and ends as each language orders it, with its count.
LISTS = {
    "fr": ("26 États suivants : Azerbaïdjan, Belize, Bolivie, Bosnie-Herzégovine, Burkina Faso, Cap-Vert, Colombie, "
           "Égypte, El Salvador, Équateur, Ghana", "Timor-Leste et Uruguay."),
    "es": ("26 Estados siguientes: Azerbaiyán, Belice, Bolivia, Bosnia y Herzegovina, Burkina Faso, Cabo Verde, "
           "Colombia, Ecuador, Egipto, El Salvador, Filipinas", "Timor-Leste, Uganda y Uruguay."),
    "ru": ("26 государств: Азербайджан, Белиз, Боливия, Босния и Герцеговина, Буркина-Фасо, Гана",
           "Шри-Ланка и Эквадор."),
    # Chinese lists follow the English names' order (Azerbaijan, Belize, Bolivia, ...)
    "zh": ("26个国家批准了《公约》：阿塞拜疆、伯利兹、玻利维亚、波斯尼亚和黑塞哥维那、布基纳法索、佛得角", "乌干达和乌拉圭。"),
    # Arabic: its alphabet, the article ال not counted (البوسنة under ب, الجماهيرية under ج)
    "ar": ("26 دولة هي: أذربيجان، وإكوادور، وأوروغواي، وأوغندا، وبليز، وبوركينا فاسو، والبوسنة والهرسك، وبوليفيا، "
           "وتيمور- ليشتي، والجماهيرية العربية الليبية", "، ومصر، والمغرب، والمكسيك."),
}
SIGNATORY_COUNTS = {"fr": "les 10 États suivants", "es": "los 10 Estados siguientes", "ru": "следующие 10 государств",
                    "zh": "以下10个国家", "ar": "10 دول هي"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_paragraph_5_lists_in_the_languages_order_with_its_count_words(versions, code):
    paragraph = line(text_of(versions, code), "¶5")
    opening, ending = LISTS[code]
    assert opening in paragraph
    parties = paragraph[paragraph.index(opening):]
    assert ending in parties
    assert SIGNATORY_COUNTS[code] in paragraph


def test_count_words_follow_each_languages_plural_rules():
    from pipeline.i18n.languages import languages
    from pipeline.i18n.localized import style_of

    found = languages(DATA)
    ru, ar, fr = (style_of(found[c]) for c in ("ru", "ar", "fr"))
    forms = dict(one="государство", few="государства", many="государств", other="государства")
    assert [ru.plural(n, **forms) for n in (1, 3, 10, 21, 26)] == [
        "государство", "государства", "государств", "государство", "государств"]
    arabic = dict(one="دولة", two="دولتان", few="دول", many="دولة", other="دولة")
    assert [ar.plural(n, **arabic) for n in (2, 3, 10, 11, 26)] == ["دولتان", "دول", "دول", "دولة", "دولة"]
    assert [fr.number(n) for n in (7, 10)] == ["sept", "10"]
    assert fr.join_list(["A", "B", "C"]) == "A, B et C"


def test_spanish_conjunction_before_an_i_sound():
    from pipeline.i18n.languages import languages
    from pipeline.i18n.localized import style_of

    es = style_of(languages(DATA)["es"])
    assert es.join_list(["Francia", "Italia"]) == "Francia e Italia"
    assert es.join_list(["Francia", "Hierro"]) == "Francia y Hierro"  # 'hie' is not the sound i


@pytest.mark.parametrize("code, label", [("en", "(b)"), ("fr", "b)"), ("es", "b)"), ("zh", "(b)"), ("ar", "(ب)")])
def test_subparagraph_labels(code, label):
    """The second letter of the outermost level (the numbering prints it: test_subparagraph_labels.py)."""
    from pipeline.i18n.labels import Labels
    from pipeline.i18n.languages import languages

    assert Labels(languages(DATA)[code]).subparagraph(2, 0) == label


@pytest.mark.parametrize("code, tag", [("en", "en-GB"), ("fr", "fr-FR"), ("es", "es-ES"), ("ru", "ru-RU"),
                                       ("zh", "zh-CN"), ("ar", "ar-SA")])
def test_document_language_in_every_format(versions, code, tag):
    files = versions[code]
    assert re.search(rf'<html lang="{code}"', files["html"].read_text(encoding="utf-8"))
    assert PdfReader(files["pdf"]).trailer["/Root"].get("/Lang") == code
    styles = zipfile.ZipFile(files["docx"]).read("word/styles.xml").decode("utf-8")
    assert f'w:lang w:val="{tag}"' in styles


def test_arabic_docx_is_right_to_left(versions):
    document = zipfile.ZipFile(versions["ar"]["docx"]).read("word/document.xml").decode("utf-8")
    body_paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", document, flags=re.S)
    numbered = [p for p in body_paragraphs if 'w:val="UNNumberedParagraph"' in p or "UNNumberedParagraph" in p]
    assert numbered, "no numbered paragraphs found"
    assert all("<w:bidi/>" in p for p in numbered)
    assert "<w:bidiVisual/>" in document  # the committee table runs from the right
    assert "<w:rtl/>" in document
    english = zipfile.ZipFile(versions["en"]["docx"]).read("word/document.xml").decode("utf-8")
    assert "<w:bidi/>" not in english


def test_arabic_pdf_text_comes_out_in_logical_order(versions):
    text = subprocess.run(["pdftotext", "-layout", str(versions["ar"]["pdf"]), "-"], capture_output=True,
                          text=True, check=True, timeout=120).stdout
    for phrase in ("الدورة التاسعة والخمسون", "تقرير الأمين العام", "الجمعية العامة"):
        assert phrase in text, phrase
    assert "دولة هي: أذربيجان" in text.replace("\n", " ") or "أذربيجان" in text


def test_chinese_pdf_embeds_a_cjk_font_with_every_character(versions):
    fonts = subprocess.run(["pdffonts", str(versions["zh"]["pdf"])], capture_output=True, text=True, check=True,
                           timeout=120).stdout
    cjk = [l for l in fonts.splitlines() if "CJK" in l]
    assert cjk and all(" yes " in l for l in cjk)
    text = subprocess.run(["pdftotext", str(versions["zh"]["pdf"]), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout
    assert "第五十九届会议" in text and "秘书长的报告" in text
    # every character of the Chinese version is in one of the fonts its stack names
    from fontTools.ttLib import TTCollection, TTFont
    from pipeline.i18n.fonts import stack_for

    covered: set[int] = set()
    for family in stack_for("zh"):
        path = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True,
                              timeout=60).stdout
        fonts_in = TTCollection(path).fonts if path.endswith(".ttc") else [TTFont(path)]
        for font in fonts_in:
            covered |= set(font.getBestCmap())
    tree_text = versions["zh"]["txt"].read_text(encoding="utf-8")
    missing = {c for c in tree_text if not c.isspace() and ord(c) not in covered}
    assert not missing, f"no glyph for {sorted(missing)}"


def test_job_number_letter_per_language(data_copy, tmp_path):
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(french, "job_number: null", "job_number: 04-39652 (E) 290704")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    assert re.search(r"cmw-status\.fr\.yaml:6:13: error: the job number carries the letter \(E\); this file is the "
                     r"French version, whose letter is \(F\)", result.stdout)
    replace_in(french, "job_number: 04-39652 (E) 290704", "job_number: 04-39652 (F) 290704")
    from pipeline.build.session import build_session

    out = tmp_path / "out"
    build_session(59, data_copy, out, ("txt",), languages=("fr",))
    assert "job number: 04-39652 (F) 290704" in (out / "59" / "cmw-status.fr.txt").read_text(encoding="utf-8")


def source_hash_line(path: Path, block_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  {block_id}:")
    return next(i for i in range(start, len(lines)) if "source_hash" in lines[i]) + 1


def test_changing_paragraph_2_makes_it_stale_in_french_and_spanish(data_copy):
    english = data_copy / "sessions" / "59" / "cmw-status.yaml"
    replace_in(english, "The Convention entered into force on 1 July 2003 following receipt",
               "The Convention entered into force on 1 July 2003, following receipt")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    for code, name in (("fr", "French"), ("es", "Spanish")):
        path = data_copy / "sessions" / "59" / f"cmw-status.{code}.yaml"
        expected = (f"{path}:{source_hash_line(path, 'entry-into-force')}:18: warning: paragraph 2 (entry-into-force) "
                    f"is stale in the {name} version: the English text changed")
        assert expected in result.stdout, result.stdout
    stale = [l for l in result.stdout.splitlines() if "stale" in l]
    assert len(stale) == 2  # only paragraph 2, and only where it is translated


def test_a_stale_translation_is_an_error_once_the_edition_is_final(data_copy):
    """A final version prints a translation of an older English text: an error, not a warning
    (found by an attacker: an official version with a stale hash built with exit 0)."""
    english = data_copy / "sessions" / "59" / "cmw-status.yaml"
    replace_in(english, "The Convention entered into force on 1 July 2003 following receipt",
               "The Convention entered into force on 1 July 2003, following receipt")
    replace_in(english, "symbol: null ", "symbol: A/59/299 ")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    stale = [l for l in result.stdout.splitlines() if "is stale in the French version" in l]
    assert stale and all(": error: " in l and l.endswith("(a final version needs every translation current)")
                         for l in stale), result.stdout


def test_a_missing_translation_is_a_warning_in_a_draft_and_an_error_when_final(data_copy):
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 0
    assert re.search(r"cmw-status\.ru\.yaml:\d+:\d+: warning: paragraph 1 \(adoption\) is not translated in the "
                     r"Russian version", result.stdout)
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "symbol: null ", "symbol: A/59/312")
    final = unreport("validate", "59", "--data", str(data_copy))
    assert final.returncode == 2
    assert re.search(r"cmw-status\.ru\.yaml:\d+:\d+: error: paragraph 1 \(adoption\) is not translated in the "
                     r"Russian version \(a final version needs every block\)", final.stdout)
    assert not re.search(r"cmw-status\.(fr|es)\.yaml:\d+:\d+: error", final.stdout)  # complete versions


def test_a_state_with_no_name_in_a_language_is_a_warning_in_a_draft_and_an_error_when_final(data_copy):
    """Without its French name, the French version would print 'Mexico' in English: said,
    with the State, the language and the CSV row."""
    names = data_copy / "reference" / "state-names.csv"
    replace_in(names, "Mexico,Mexique,", "Mexico,,")
    row = names.read_text(encoding="utf-8").splitlines().index(next(
        l for l in names.read_text(encoding="utf-8").splitlines() if l.startswith("Mexico,"))) + 1
    message = ("the fr version would print the State 'Mexico' in English: data/reference/state-names.csv has no fr "
               f"name for it (its row, {names}:{row}:1, has an empty 'fr' column); add it (from UNTERM), or mark a "
               "fallback in its 'unverified' column")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 0
    assert re.search(r"cmw-status\.fr\.yaml:\d+:\d+: warning: " + re.escape(message) + "$", result.stdout, re.M)
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "symbol: null ", "symbol: A/59/312")
    final = unreport("validate", "59", "--data", str(data_copy))
    assert re.search(r"cmw-status\.fr\.yaml:\d+:\d+: error: " + re.escape(message + " (a final version needs every "
                     "name)"), final.stdout)


def test_an_unknown_block_id_is_an_error_at_its_line(data_copy):
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(french, "  migrants-day:\n", "  migrant-day:\n")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    assert re.search(r"cmw-status\.fr\.yaml:\d+:3: error: no block of .*cmw-status\.yaml has the id 'migrant-day' "
                     r"\(did you mean 'migrants-day'\?\)", result.stdout)


def test_unverified_state_names_are_warned_on_each_use(versions, data_copy):
    result = unreport("validate", "59", "--data", str(data_copy))
    warned = [l for l in result.stdout.splitlines() if "not checked against an official UN list" in l]
    assert any("cmw-status.fr.yaml" in l and "'Libyan Arab Jamahiriya' 'Jamahiriya arabe libyenne'" in l for l in warned)
    assert not any("'Mexico'" in l for l in warned)  # a UNTERM name is not warned about


def test_new_edition_carries_translations_forward_marking_stale_ones(data_copy):
    shutil.rmtree(data_copy / "sessions" / "60")
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml",
               "The Convention entered into force on 1 July 2003 following receipt",
               "The Convention entered into force on 1 July 2003, following receipt")
    result = unreport("new-edition", "59", "60", "--data", str(data_copy), "--as-at", "2005-08-01",
                      "--date", "2005-08-26")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = data_copy / "sessions" / "60"
    assert sorted(p.name for p in folder.iterdir()) == [
        "cmw-status.ar.yaml", "cmw-status.es.yaml", "cmw-status.fr.yaml", "cmw-status.ru.yaml",
        "cmw-status.yaml", "cmw-status.zh.yaml"]
    french = (folder / "cmw-status.fr.yaml").read_text(encoding="utf-8")
    block = french[french.index("  entry-into-force:"):french.index("  election:")]
    assert "stale: true" in block
    assert french.count("stale: true") == 1
    validated = unreport("validate", "60", "--data", str(data_copy))
    assert "paragraph 2 (entry-into-force) is stale in the French version" in validated.stdout
    assert "paragraph 3 (election) is stale" not in validated.stdout  # unchanged paragraphs carry over clean


def test_diff_between_two_language_versions_checks_their_alignment(versions, tmp_path):
    english, french = versions["en"]["txt"], versions["fr"]["txt"]
    result = unreport("diff", str(english), str(french))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "paragraphs: 12 and 12, the same numbers in the same order" in result.stdout
    assert "table committee-members: 10 and 10 rows" in result.stdout
    assert result.stdout.rstrip().endswith("aligned")
    shortened = tmp_path / "cmw-status.fr.txt"
    shortened.write_text("\n".join(l for l in french.read_text(encoding="utf-8").splitlines()
                                   if not l.startswith("¶12 ")) + "\n", encoding="utf-8")
    broken = unreport("diff", str(english), str(shortened))
    assert broken.returncode == 1
    assert "paragraphs: 12 and 11" in broken.stdout
    assert re.search(r"only in .*cmw-status\.txt: paragraph 12", broken.stdout)
    assert "NOT aligned" in broken.stdout


def test_versions_with_a_translated_contents_heading_are_aligned(versions, tmp_path):
    """Attack 5 row 12: "Contents" and "Table des matières" were taken for two headings."""
    english, french = (tmp_path / "cmw-status.txt", tmp_path / "cmw-status.fr.txt")
    for source, target, heading in ((versions["en"]["txt"], english, "Contents"),
                                    (versions["fr"]["txt"], french, "Table des matières")):
        text = source.read_text(encoding="utf-8")
        target.write_text(text.replace("\n¶1 ", f"\n[contents] {heading}\n¶1 ", 1), encoding="utf-8")
    result = unreport("diff", str(english), str(french))
    assert result.returncode == 0 and result.stdout.rstrip().endswith("aligned"), result.stdout


def test_versions_whose_annex_and_chapters_are_worded_otherwise_are_aligned(versions, tmp_path):
    """Attack 6 row 5: "Annex"/"Annexe" and "I."/"أولا -" were taken for different headings."""
    english, arabic = (tmp_path / "cmw-status.txt", tmp_path / "cmw-status.ar.txt")
    for source, target, lines in ((versions["en"]["txt"], english, "[chapter] I. Introduction\n¶1 "),
                                  (versions["ar"]["txt"], arabic, "[chapter] أولا - مقدمة\n¶1 ")):
        text = source.read_text(encoding="utf-8").replace("¶1 ", lines, 1)
        annex = "[annex] Annex\n[annex title] The title\n" if target == english else "[annex] المرفق\n[annex title] العنوان\n"
        target.write_text(text.replace("\nfootnote ", "\n" + annex + "footnote ", 1) if "\nfootnote " in text
                          else text + annex, encoding="utf-8")
    result = unreport("diff", str(english), str(arabic))
    assert result.returncode == 0 and result.stdout.rstrip().endswith("aligned"), result.stdout


@pytest.mark.parametrize("code", ["fr", "es", "ru", "zh", "ar"])
def test_every_language_version_is_a_tagged_pdf_in_its_language(versions, code):
    """Every PDF `make report` writes is tagged PDF/UA (pdfua check: no error) and declares its language."""
    import pikepdf
    from test_accessible_pdf import pdfua_findings

    pdf = versions[code]["pdf"]
    report = pdfua_findings(pdf)
    assert report["summary"]["errors"] == 0, report["findings"]
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang) == code
        assert bool(document.Root.MarkInfo.Marked) is True


@pytest.mark.parametrize("code", ["fr", "es", "ru", "zh", "ar"])
def test_every_language_version_is_valid_ooxml(versions, code, tmp_path):
    """The language versions' Word files (right to left, East Asian fonts) pass openxml-audit too."""
    from test_docx_elements import audit_errors

    assert audit_errors(versions[code]["docx"].read_bytes(), tmp_path, code) == []


def test_a_translation_calling_a_note_the_english_does_not_call_is_an_error(data_copy):
    """An unknown call would print as raw '[^nosuch]' in the French version."""
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(french, "La Convention est entrée", "La Convention[^nosuch] est entrée")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    assert (f"{french}:{source_hash_line(french, 'entry-into-force') + 1}:11: error: the French text of paragraph 2 "
            "(entry-into-force) calls footnote [^nosuch], which the English text does not call") in result.stdout


def test_an_error_in_a_translated_text_is_located_at_its_line(data_copy, tmp_path):
    """A bad expression in a French text stood at the file's 'language:' line (build) or passed
    validation; now validate and build both point into the French text."""
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(french, "entrée en vigueur le 1er juillet 2003", "entrée en vigueur le {{ nosuch|date }}")
    text_line = source_hash_line(french, "entry-into-force") + 2
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    assert re.search(rf"cmw-status\.fr\.yaml:{text_line}:\d+: error: ", result.stdout), result.stdout
    built = unreport("build", "59", "--data", str(data_copy), "--output", str(tmp_path / "out"), "--format", "txt")
    assert built.returncode == 2
    assert "Traceback" not in built.stderr
    assert not re.search(r"cmw-status\.fr\.yaml:4:1: error", built.stdout + built.stderr)
    assert re.search(rf"cmw-status\.fr\.yaml:{text_line}:\d+: error", built.stdout + built.stderr)


def test_a_broken_inline_link_in_a_translation_is_located_in_it(data_copy):
    spanish = data_copy / "sessions" / "59" / "cmw-status.es.yaml"
    text = spanish.read_text(encoding="utf-8")
    assert "<http://untreaty.un.org>" in text
    spanish.write_text(text.replace("<http://untreaty.un.org>", "[el sitio](#nowhere)"), encoding="utf-8")
    result = unreport("validate", "59", "--data", str(data_copy))
    assert result.returncode == 2
    assert re.search(r"cmw-status\.es\.yaml:\d+:\d+: error: .*nowhere", result.stdout), result.stdout
    assert not re.search(r"cmw-status\.es\.yaml:4:1: error", result.stdout)


def english_words(code: str) -> set[str]:
    """The words of en.yaml's strings (what the pipeline prints in English: masthead, labels,
    references, counted_list's clauses) that a version in `code` must not print: all but those
    its own language file also uses (Russian, Chinese and Arabic mastheads keep 'Distr.: General')."""
    import yaml

    def words(value) -> set[str]:
        if isinstance(value, dict):
            return set().union(*(words(v) for v in value.values())) if value else set()
        if isinstance(value, list):
            return set().union(*(words(v) for v in value)) if value else set()
        if isinstance(value, str):
            return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"\{\w+\}", "", value))}
        return set()

    english = words(yaml.safe_load((DATA / "languages" / "en.yaml").read_text(encoding="utf-8"))["strings"])
    own = words(yaml.safe_load((DATA / "languages" / f"{code}.yaml").read_text(encoding="utf-8"))["strings"])
    return english - own


def printed_words(text: str) -> set[str]:
    """The words a canonical text prints, without its line labels ('session:', '¶5', '[table x]')."""
    lines = [re.sub(r"^(¶\d+ |[a-z][a-z ]*(\s\*+)?: |\s+(head|row|note \w+|source|title): )", "", line)
             for line in text.splitlines() if not line.startswith("[")]
    return {w.lower() for line in lines for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"https?://\S+", "", line))}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_boilerplate_in_a_translated_version(versions, code):
    left = english_words(code) & printed_words(text_of(versions, code))
    assert not left, f"English words in the {code} version: {sorted(left)}"


def test_generated_words_and_every_text_follow_the_language(data_copy, tmp_path):
    """A report with a cross-reference, counted_list, list items, a titled table with a note and
    a source, and an annex: the French version prints none of it in English."""
    english = data_copy / "sessions" / "59" / "cmw-status.yaml"
    replace_in(english, "  - id: migrants-day\n", """  - id: cross-reference
    paragraph: >-
      As {{ ref("regional") }} and {{ ref("table-seats") }} of {{ ref("annex-list") }} show,
      {{ signatories|counted_list("signed the Convention") }}.
    items:
      - id: item-one
        text: "The first point."
      - id: item-two
        text: "The second point."
  - id: migrants-day
""")
    text = english.read_text(encoding="utf-8").rstrip("\n") + """
annexes:
  - id: annex-list
    title: "States and seats"
    body:
      - id: annex-paragraph
        paragraph: "The seats are as follows."
      - table:
          id: table-seats
          title: "Seats by region"
          columns: ["Region", "Seats"]
          rows: [["Africa[^a]", "2"]]
          notes:
            a: "Including one seat held over."
          source: "Committee records."
"""
    english.write_text(text, encoding="utf-8")
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    from pipeline.model.translation import source_hash

    def entry(key: str, source: str, translated: str) -> str:
        return f"  {key}:\n    source_hash: {source_hash(source)}\n    text: \"{translated}\"\n"

    cross = ('As {{ ref("regional") }} and {{ ref("table-seats") }} of {{ ref("annex-list") }} show, '
             '{{ signatories|counted_list("signed the Convention") }}.')
    added = (entry("cross-reference", cross, 'Comme le montrent le {{ ref(\\"regional\\") }} et le '
                   '{{ ref(\\"table-seats\\") }} de {{ ref(\\"annex-list\\") }}, '
                   '{{ signatories|counted_list(\\"signé la Convention\\") }}.')
             + entry("item-one", "The first point.", "Le premier point.")
             + entry("item-two", "The second point.", "Le second point.")
             + entry("annex-list", "States and seats", "États et sièges")
             + entry("annex-paragraph", "The seats are as follows.", "Les sièges sont répartis comme suit."))
    replace_in(french, "translations:\n", "translations:\n" + added)
    replace_in(french, "tables:\n", "tables:\n  table-seats:\n    title: \"Sièges par région\"\n"
                                    "    columns: [\"Région\", \"Sièges\"]\n"
                                    "    rows: [[\"Afrique[^a]\"]]\n"
                                    "    notes: {a: \"Dont un siège reporté.\"}\n"
                                    "    source: \"Archives du Comité.\"\n")
    replace_in(english, "agenda:\n", "masthead_notes:\n  - id: reissued\n    attached_to: title\n"
                                      "    text: \"Reissued for technical reasons.\"\nagenda:\n")
    replace_in(french, "translations:\n", "translations:\n" + entry("reissued", "Reissued for technical reasons.",
                                                                      "Nouveau tirage pour raisons techniques."))
    validated = unreport("validate", "59", "--data", str(data_copy))
    assert validated.returncode == 0, validated.stdout
    assert not re.search(r"cmw-status\.fr\.yaml.*not translated", validated.stdout), validated.stdout
    from pipeline.build.session import build_session

    out = tmp_path / "out"
    build_session(59, data_copy, out, ("txt",), languages=("fr",))
    printed = (out / "59" / "cmw-status.fr.txt").read_text(encoding="utf-8")
    assert "paragraphe 10" in printed and "tableau 1" in printed and "l’annexe" in printed
    assert "les 10 États suivants ont signé la Convention" in printed
    assert "Le premier point." in printed and "Sièges par région" in printed and "Archives du Comité." in printed
    left = english_words("fr") & printed_words(printed)
    assert not left, f"English words in the French version: {sorted(left)}"
    assert "row: Afrique" in printed and "Nouveau tirage pour raisons techniques." in printed
    replace_in(french, "  item-two:\n", "  item-deux:\n")
    validated = unreport("validate", "59", "--data", str(data_copy))
    assert "the list item (item-two) is not translated in the French version" in validated.stdout
    assert "has the id 'item-deux'" in validated.stdout and validated.returncode == 2


def test_en_yaml_labels_give_the_english_the_pipeline_printed(data_copy):
    """The English words now read from en.yaml are those numbering and counted_list printed."""
    from pipeline.i18n import style
    from pipeline.facts.names import State

    assert style.counted_list([], "joined", noun="member") == "no member has joined"
    assert style.counted_list([State("Chile", "Chile")], "signed") == "one State, Chile, has signed"
    assert style.counted_list([State(n, n) for n in "ABCD"], "signed") == \
        "the following four States have signed: A, B, C and D"


def test_new_edition_refuses_to_carry_a_broken_translation_forward(data_copy):
    """A translation that does not compose would break the next session's build too: new-edition
    says where (exit 2) and writes nothing; a merely stale one is carried forward, marked."""
    shutil.rmtree(data_copy / "sessions" / "60")
    french = data_copy / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(french, "entrée en vigueur le 1er juillet 2003", "entrée en vigueur le {{ nosuch|date }}")
    result = unreport("new-edition", "59", "60", "--data", str(data_copy), "--as-at", "2005-08-01",
                      "--date", "2005-08-26")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    text_line = source_hash_line(french, "entry-into-force") + 2
    assert re.search(rf"cmw-status\.fr\.yaml:{text_line}:\d+: error", result.stdout + result.stderr)
    assert not (data_copy / "sessions" / "60").exists()


def test_the_web_page_and_word_file_words_are_the_versions(tmp_path):
    """The web page's skip link, notes heading and back links, the Word file's author and
    status, and the Akoma Ntoso organization's name were English in every version."""
    from pipeline.build.session import build_session

    import lxml.html

    build_session(59, DATA, tmp_path, ("web.html", "docx", "akn"), languages=("en", "fr"))
    page = (tmp_path / "59" / "cmw-status.fr.web.html").read_text(encoding="utf-8")
    assert ">Aller au rapport</a>" in page and "Skip to the report" not in page
    root = lxml.html.fromstring(page)
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    shown = " ".join(root.itertext()) + " " + " ".join(root.xpath("//@aria-label|//@title|//@alt"))
    assert not english_words("fr") & printed_words(shown)
    akn = (tmp_path / "59" / "cmw-status.fr.akn").read_text(encoding="utf-8")
    assert 'showAs="Nations Unies"' in akn and 'showAs="United Nations"' not in akn
    core = zipfile.ZipFile(tmp_path / "59" / "cmw-status.fr.docx").read("docProps/core.xml").decode()
    assert "<dc:creator>Nations Unies</dc:creator>" in core and "<cp:contentStatus>Projet</cp:contentStatus>" in core
    english = zipfile.ZipFile(tmp_path / "59" / "cmw-status.docx").read("docProps/core.xml").decode()
    assert "<dc:creator>United Nations</dc:creator>" in english and "<cp:contentStatus>Draft" in english


@pytest.mark.parametrize("code, numbered, lone", [
    ("en", "paragraph 2 of annex I", "paragraph 2 of the annex"),
    ("fr", "paragraphe 2 de l’annexe I", "paragraphe 2 de l’annexe"),
    ("es", "párrafo 2 del anexo I", "párrafo 2 del anexo"),
    ("ru", "пункт 2 приложения I", "пункт 2 приложения"),
])
def test_a_reference_into_an_annex_in_each_language(code, numbered, lone):
    from pipeline.i18n.labels import Labels
    from pipeline.i18n.languages import language

    labels = Labels(language(DATA, code))
    paragraph = labels.reference("paragraph", 2)
    assert labels.in_annex(paragraph, labels.reference("annex", "I"), "I") == numbered
    assert labels.in_annex(paragraph, labels.lone_annex(), "") == lone


def _footnote_rule(pdf: Path) -> tuple[int, int]:
    """The left and right x (points) of page 1's footnote rule: the one dark horizontal run of
    60 to 80 pt in the lower half of the page (the rule is 72 pt of a 0.5 pt line)."""
    import pypdfium2

    page = pypdfium2.PdfDocument(str(pdf))[0]
    image = page.render(scale=1).to_pil().convert("L")
    width, height = image.size
    pixels = image.load()
    for y in range(height // 2, height):
        run_start, runs = None, []
        for x in range(width + 1):
            dark = x < width and pixels[x, y] < 160
            if dark and run_start is None:
                run_start = x
            elif not dark and run_start is not None:
                runs.append((run_start, x))
                run_start = None
        rules = [run for run in runs if 60 <= run[1] - run[0] <= 80]
        if len(rules) == 1 and len(runs) == 1:
            return rules[0]
    raise AssertionError(f"no footnote rule on page 1 of {pdf.name}")


def test_the_footnote_rule_stands_where_the_notes_begin(versions):
    """Left to right at the column's left edge (123 pt); right to left at its right edge (491 pt)."""
    left, _ = _footnote_rule(versions["en"]["pdf"])
    assert abs(left - 123) <= 2, left
    _, right = _footnote_rule(versions["ar"]["pdf"])
    assert abs(right - 491) <= 2, right


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_date_prints_as_nothing_in_every_language(code):
    """A State that has not signed has no signature date: its cell stays empty in every language
    (Babel formats no date as today's date), and a year known without its day prints as the year."""
    import datetime as dt

    from pipeline.i18n.languages import load_language
    from pipeline.i18n.localized import LanguageStyle

    style = LanguageStyle(load_language(DATA / "languages" / f"{code}.yaml"))
    assert style.long_date(None) == ""
    assert style.long_date(2003) == "2003"
    assert style.long_date(dt.date(2004, 8, 27)) != ""


def test_a_version_in_another_language_than_the_original_names_its_language(tmp_path):
    """The English version of a French original prints "English" over "Original: French"
    (A/HRC/28/63, A/HRC/34/52); an English original prints no such line."""
    from docx import Document

    from tests.conftest import DATA as ORIGINALS, build, pdftotext

    data = tmp_path / "data"
    shutil.copytree(ORIGINALS, data)
    replace_in(data / "sessions" / "26" / "peaceful-assembly-association.yaml",
               "original_language: English", "original_language: French")
    files = build(data, tmp_path / "out", session=26, series="peaceful-assembly-association")
    text = files["txt"].read_text(encoding="utf-8")
    assert "language: English\noriginal: Original: French" in text
    assert re.search(r"English\s+Original: French", pdftotext(files["pdf"], "-l", "1"))
    masthead = [cell.text for table in Document(str(files["docx"])).tables for row in table.rows for cell in row.cells]
    assert any(cell.endswith("English\nOriginal: French") for cell in masthead), masthead
    english = build(ORIGINALS, tmp_path / "en", session=26, series="peaceful-assembly-association")
    assert "language: " not in english["txt"].read_text(encoding="utf-8")


def errors_after(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    """The errors of a session after one edit of one of its files (in a copy of every language's data)."""
    from tests.conftest import problems_of

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    replace_in(data / file, old, new)
    return [p for p in problems_of(data, int(file.split("/")[1])) if ": error: " in p]


@pytest.mark.parametrize("written, hint", [("english", "English"), ("FRENCH", "French"), ("Klingon", None)])
def test_an_original_language_the_language_files_do_not_name_is_an_error(tmp_path, written, hint):
    """Attack 5 row 4: 'english' printed "Original: english", 'Klingon' untranslated everywhere."""
    errors = errors_after(tmp_path, "sessions/26/peaceful-assembly-association.yaml", "original_language: English",
                          f"original_language: {written}")
    assert len(errors) == 1 and f"'{written}' is not a language the language files name" in errors[0], errors
    assert (f"did you mean '{hint}'" in errors[0]) if hint else "did you mean" not in errors[0]


@pytest.mark.parametrize("file, old, new", [
    ("sessions/27/nhri-accreditation.yaml", "annexes:\n  - title: ",  # review 2, bug 2: an annex's
     "annexes:\n  - original_language: french\n    title: "),
    ("sessions/43/host-country-addendum-corr.yaml", "original_language: [English, French, Spanish]",
     "original_language: [English, french, Spanish]"),  # each of several
])
def test_an_annexs_and_each_of_several_original_languages_are_checked(tmp_path, file, old, new):
    errors = errors_after(tmp_path, file, old, new)
    assert len(errors) == 1 and "'french' is not a language the language files name (did you mean 'French'?)" \
        in errors[0], errors


@pytest.mark.parametrize("languages, message", [
    ("[]", "'original_language': an empty list names no language"),
    ("[English, English]", "'English' is named twice among the original languages"),
])
def test_an_empty_or_repeating_list_of_original_languages_is_one_error(tmp_path, languages, message):
    errors = errors_after(tmp_path, "sessions/26/peaceful-assembly-association.yaml", "original_language: English",
                          f"original_language: {languages}")
    assert len(errors) == 1 and message in errors[0], errors


def test_the_originals_job_number_carries_its_letter(tmp_path):
    """Attack 5 row 5: 'GE.14-13475 (F)' was accepted on the English original."""
    errors = errors_after(tmp_path, "sessions/26/peaceful-assembly-association.yaml", "job_number: GE.14-13475",
                          "job_number: GE.14-13475 (F)")
    assert any("job number carries the letter (F); this file is the English version, whose letter is (E)" in e
               for e in errors), errors


@pytest.mark.parametrize("file, old, new", [
    ("sessions/59/cmw-status.fr.yaml", "title: \"Situation de la Convention", "title: \"Situation de la Convention \U0001F600"),
    ("sessions/26/peaceful-assembly-association.yaml", "    Promotion and protection of all human rights,",
     "    Promotion \U0001F600 and protection of all human rights,"),
])
def test_a_character_the_fonts_lack_in_a_title_is_a_located_error(tmp_path, file, old, new):
    """Attack 5 rows 6-7: validation passed and the build stopped with no line for a title's
    character the fonts lack (a version's title, an agenda item's)."""
    errors = errors_after(tmp_path, file, old, new)
    line = next(i for i, text in enumerate((tmp_path / "data" / file).read_text(encoding="utf-8").splitlines(), 1)
                if new.strip() in text)
    assert len(errors) == 1 and f"{Path(file).name}:{line}:" in errors[0] and "no glyph for" in errors[0], errors


def test_a_version_file_of_no_language_is_told_to_be_renamed(tmp_path):
    """Attack 5 row 14: 'cmw-status.xx.yaml' was told to write 'language: xx', which then failed."""
    from tests.conftest import problems_of

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.copy(data / "sessions/59/cmw-status.fr.yaml", data / "sessions/59/cmw-status.xx.yaml")
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert len(errors) == 1 and "'xx' (in the file's name) is not a language of a translation" in errors[0] \
        and "rename the file" in errors[0], errors


def test_an_empty_original_language_is_one_error_in_a_drafters_words(tmp_path):
    """Attack 7 row 3: 'original_language: ""' gave two errors in the models' type names."""
    errors = errors_after(tmp_path, "sessions/26/peaceful-assembly-association.yaml", "original_language: English",
                          'original_language: ""')
    assert len(errors) == 1 and "an empty name names no language" in errors[0], errors


def test_session_days_print_once_what_both_days_share_where_the_language_says_how():
    """fr.yaml's `session_dates`, `pattern_shared_year` (A/HRC/34/L.6: '27 février-24 mars 2017')
    and `pattern_shared_month` (A/HRC/35/2: '6-23 juin 2017'); without a month's pattern, a range
    within a month takes the year's."""
    import datetime as dt

    from pipeline.i18n.languages import languages
    from pipeline.i18n.localized import style_of

    fr = style_of(languages(DATA)["fr"])
    assert fr.session_dates(dt.date(2017, 2, 27), dt.date(2017, 3, 24)) == "27 février-24 mars 2017"
    assert fr.session_dates(dt.date(2017, 6, 6), dt.date(2017, 6, 23)) == "6-23 juin 2017"
    import copy

    without = copy.deepcopy(languages(DATA)["fr"])  # not the cached one other tests read
    del without.dates["pattern_shared_month"]
    assert style_of(without).session_dates(dt.date(2015, 3, 2), dt.date(2015, 3, 27)) == "2 mars-27 mars 2015"
    assert fr.session_dates(dt.date(2018, 7, 26), dt.date(2019, 7, 24)) == "26 juillet 2018-24 juillet 2019"
    assert fr.session_dates(dt.date(2017, 3, 24), dt.date(2017, 3, 24)) == "24 mars 2017"


@pytest.mark.parametrize("key, pattern", [("pattern_shared_year", "d MMMM y"), ("pattern_shared_year", "'le' d"),
                                          ("pattern_shared_month", "d MMMM")])
def test_a_shared_pattern_showing_the_wrong_fields_is_an_error_at_its_line(data_copy, key, pattern):
    from conftest import problems_of

    replace_in(data_copy / "languages" / "fr.yaml", '  pattern_shared_month: "d"' if key == "pattern_shared_month"
               else '  pattern_shared_year: "d MMMM"', f'  {key}: "{pattern}"')
    errors = [p for p in problems_of(data_copy, 59) if ": error:" in p]
    lines = (data_copy / "languages" / "fr.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"  {key}:"))
    assert len(errors) == 1 and f"languages/fr.yaml:{line}:" in errors[0] and f"'dates.{key}' is '{pattern}'" in errors[0], errors


@pytest.mark.parametrize("old, new, expected", [
    ('  pattern_shared_year: "d MMMM"', "  pattern_shared_year: 5", "'dates.pattern_shared_year' must be a text"),
    ('  pattern_shared_year: "d MMMM"', '  patern_shared_year: "d MMMM"',
     "unknown key 'patern_shared_year' under 'dates' (did you mean 'pattern_shared_year'?)"),
    ('  session: "{Ordinal} session"\n', '  session: "{Ordinal} session"\n  pattern_shared_month: "d"\n',
     "unknown key 'pattern_shared_month' under 'strings'"),
])
def test_a_language_key_of_the_wrong_kind_or_place_is_an_error_at_its_line(data_copy, old, new, expected):
    """Attack 9: a date pattern that was a number crashed the build with no file or line, and one
    under the wrong key (or misspelt) was ignored: the French masthead printed the year twice."""
    from conftest import problems_of

    replace_in(data_copy / "languages" / "fr.yaml", old, new)
    errors = [p for p in problems_of(data_copy, 59) if ": error:" in p]
    assert len(errors) == 1 and "languages/fr.yaml:" in errors[0] and expected in errors[0], errors


def test_a_version_title_is_told_stale_when_the_english_title_changes(data_copy):
    """A language version's title records the English title it translates (`title_source_hash`):
    an edition that gains its own title, or a series title edited, makes it stale (a warning in a
    draft), as a translated paragraph is (a gap of earlier sessions: nothing was said)."""
    from conftest import problems_of

    assert not [p for p in problems_of(data_copy, 59) if "title_source_hash" in p or "title is stale" in p]
    replace_in(data_copy / "sessions/59/cmw-status.yaml", "series: cmw-status\n",
               "series: cmw-status\ntitle: Status of the Convention on Migrant Workers\n")
    stale = [p for p in problems_of(data_copy, 59) if "title is stale" in p]
    assert len(stale) == 5 and all(": warning: " in p for p in stale), stale
    assert "cmw-status.fr.yaml:8:" in next(p for p in stale if "fr.yaml" in p)
    assert "'Status of the Convention on Migrant Workers'" in stale[0]
