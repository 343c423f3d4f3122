"""The benchmark's in-process measurements, run by bench.py in a fresh interpreter:

    python bench/inprocess.py warm OUTPUT RUNS [DATA]      median of warm builds of session 59
    python bench/inprocess.py profile OUTPUT RUNS [DATA]   where warm builds spend their time
    (DATA: a data folder whose session 59 is one report, as bench.py makes it; default data/)
    python bench/inprocess.py imports               what start-up spends on imports

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.build.batch import BatchOptions, run_batch  # noqa: E402
from pipeline.inputs.layout import TEMPLATES_DIR  # noqa: E402


class Quiet:
    """A Progress that says nothing."""

    def start(self, total: int) -> None: ...
    def finished(self, report: str, ok: bool, seconds: float) -> None: ...
    def working_on(self, report: str) -> None: ...
    def note(self, text: str, error: bool = False) -> None: ...
    def close(self) -> None: ...


DATA = Path(sys.argv[4]) if len(sys.argv) > 4 else REPO / "data"


def build_59(output: Path) -> None:
    """What `unreport build 59 --force --jobs 1` does, in this process."""
    options = BatchOptions(DATA, output, TEMPLATES_DIR, jobs=1, force=True)
    summary = run_batch(["59"], options, Quiet())
    assert summary.built and not summary.failed, summary


def warm(output: Path, runs: int) -> dict:
    build_59(output)  # the first build pays for imports, fonts and template compilation
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        build_59(output)
        times.append(time.perf_counter() - started)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": runs}


AREAS = [  # (pattern in a profiled function's file or name, the area it counts to), first match wins
    ("/weasyprint/layout/", "WeasyPrint: layout (line breaking, pagination)"),
    ("/weasyprint/text/", "WeasyPrint: text shaping (Pango)"),
    ("/weasyprint/css/", "WeasyPrint: CSS cascade and computed styles"),
    ("tinycss2", "WeasyPrint: CSS cascade and computed styles"),
    ("cssselect2", "WeasyPrint: CSS cascade and computed styles"),
    ("/weasyprint/draw/", "WeasyPrint: drawing and PDF output"),
    ("/weasyprint/pdf/", "WeasyPrint: drawing and PDF output"),
    ("/pydyf/", "WeasyPrint: drawing and PDF output"),
    ("zlib", "zlib compression (PDF streams, DOCX zip)"),
    ("/fontTools/", "fontTools"),
    ("/weasyprint/", "WeasyPrint: HTML tree, boxes, other"),
    ("/tinyhtml5/", "WeasyPrint: HTML tree, boxes, other"),
    ("/docx/", "python-docx"),
    ("/lxml/", "lxml"),
    ("lxml.etree", "lxml"),
    ("/yaml/", "YAML parsing"),
    ("/pydantic", "pydantic models"),
    ("/jinja2/", "templates (Jinja, Markdown)"),
    ("/markdown_it/", "templates (Jinja, Markdown)"),
    ("/markupsafe/", "templates (Jinja, Markdown)"),
    ("fsync", "writing files (fsync)"),
    ("/pipeline/writers/docx", "pipeline: DOCX writer"),
    ("/pipeline/", "pipeline: load, validate, compose, incremental"),
]


def area_of(function: tuple[str, int, str]) -> str:
    file, _, name = function
    text = f"{file} {name}"
    return next((area for pattern, area in AREAS if pattern in text), "other (Python, standard library)")


def profile(output: Path, runs: int) -> dict:
    build_59(output)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        build_59(output)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # function -> (calls, primitive, tottime, cumtime, callers)
    total = sum(entry[2] for entry in stats.values())
    areas: dict[str, float] = {}
    for function, entry in stats.items():
        areas[area_of(function)] = areas.get(area_of(function), 0.0) + entry[2]
    top = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:10]
    return {
        "runs": runs,
        "total": total / runs,
        "areas": sorted(((area, seconds / runs) for area, seconds in areas.items()), key=lambda x: -x[1]),
        "top": [{"function": _function_name(function), "self": entry[2] / runs, "calls": entry[1] // runs}
                for function, entry in top],
    }


def _function_name(function: tuple[str, int, str]) -> str:
    file, line, name = function
    if file == "~":
        return name
    short = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", file).replace(str(REPO) + "/", "")
    return f"{short}:{line} {name}"


def imports() -> dict:
    """Import time of a cold build by package (the own time of each package's modules)."""
    probe = ("import pipeline.cli, pipeline.build.batch, pipeline.build.session, pipeline.inputs.load, pipeline.validate, pipeline.compose\n"
             "from pipeline.writers.pdf import import_weasyprint\nimport_weasyprint()\nimport pipeline.writers.docx")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", probe], capture_output=True,
                            text=True, cwd=REPO, check=True)
    packages: dict[str, float] = {}
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)", line)
        if match:
            top = match.group(2).split(".")[0].lstrip("_") or "other"
            packages[top] = packages.get(top, 0.0) + int(match.group(1)) / 1e6
    return {"packages": sorted(packages.items(), key=lambda x: -x[1])[:12], "total": sum(packages.values())}


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "imports":
        print(json.dumps(imports()))
    else:
        measure = {"warm": warm, "profile": profile}[what]
        print(json.dumps(measure(Path(sys.argv[2]), int(sys.argv[3]))))
