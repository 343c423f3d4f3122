"""The benchmark behind `make bench`: unreport against the tools users would pick instead,
side by side on this machine, and its batch, incremental and memory figures.

    python bench/bench.py [--runs 7] [--batch-runs 2] [--versions 10] [--results bench/RESULTS.md]

Measures (medians over repeated runs, wall-clock time of whole commands):
- one report (session 59's English original) cold: a new `unreport build` process: validation, PDF and DOCX;
- the same warm: in a process that has already built one;
- Pandoc from Markdown to DOCX, and LibreOffice headless from our DOCX to PDF, same content;
- a batch of editions generated from the real series (bench/editions.py), with all cores
  and with one: throughput and speed-up;
- no-op rebuilds (nothing changed) of one session and of the whole batch;
- peak memory per worker, and where a warm build spends its time (cProfile).
Generated data and outputs go to a temporary folder. Installs nothing: a missing peer is
reported as skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from editions import generate_batch  # noqa: E402
from pipeline.build.batch import available_cores  # noqa: E402

TARGETS = {  # what issue 7 asks for
    "warm": 0.250,  # s, warm build of session 59, PDF + DOCX
    "noop": 0.5,  # s, the whole no-op command
    "speedup": 1.7,  # batch throughput on all cores / on one core (2 cores)
    "memory": 300,  # MB, peak per worker
}
SUMMARY = re.compile(r"built (\d+), skipped (\d+), failed (\d+) report\(s\) in [\d.]+ s"
                     r"(?:; (\d+) worker\(s\), peak memory per worker (\d+) MB)?")


@dataclass
class Row:
    what: str
    value: str
    runs: str
    note: str = ""


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)  # target, measured, met
    commands: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    profile: dict | None = None
    imports: dict | None = None
    shorter: list[tuple[str, str]] = field(default_factory=list)  # (long path, as shown)

    def add(self, what: str, value: str, runs: int | str, note: str = "") -> None:
        self.rows.append(Row(what, value, str(runs), note))
        print(f"  {what}: {value}" + (f"  ({note})" if note else ""), flush=True)


# ---------------------------------------------------------------- running things

def unreport_command() -> list[str]:
    script = Path(sys.executable).parent / "unreport"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def run(command: list[str], results: Results | None = None, **kwargs) -> tuple[float, str]:
    """Run a command to completion; (wall seconds, stdout). Fails loudly if it fails."""
    if results is not None:
        shown = " ".join(str(part) for part in command)
        for long, short in results.shorter:
            shown = shown.replace(long, short)
        if shown not in results.commands:
            results.commands.append(shown)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, **kwargs)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, command))} failed ({done.returncode}):\n{done.stderr}{done.stdout}")
    return seconds, done.stdout


def median_time(command: list[str], runs: int, results: Results) -> float:
    return statistics.median(run(command, results)[0] for _ in range(runs))


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def ratio(ours: float, theirs: float, name: str) -> str:
    if ours <= theirs:
        return f"unreport is {theirs / ours:.1f}x faster than {name}"
    return f"unreport takes {ours / theirs:.1f}x the time of {name}"


# ---------------------------------------------------------------- the measurements

def originals(work: Path) -> Path:
    """A copy of data/ without the language versions (sessions/*/<series>.<language>.yaml): session
    59 is then one report, its English original, as the figures of earlier runs measured it."""
    target = work / "data-originals"
    if not target.exists():
        shutil.copytree(REPO / "data", target, ignore=lambda folder, names: [
            n for n in names if n.endswith(".yaml") and n.count(".") >= 2 and Path(folder).parent.name == "sessions"])
    return target


def one_report(results: Results, work: Path, runs: int) -> dict[str, float]:
    """Cold builds of session 59's English original in new processes: PDF + DOCX, DOCX only, PDF only."""
    print("one report, cold (new process each run)", flush=True)
    out = work / "single"
    base = unreport_command() + ["build", "59", "--force", "--data", str(originals(work)), "--output", str(out)]
    run(base, results)  # the first run compiles bytecode and fills the OS caches
    cold = {"all": median_time(base, runs, results)}
    results.add("one report cold: validation, PDF and DOCX (new process)", seconds(cold["all"]), runs)
    cold["docx"] = median_time(base + ["--format", "docx"], runs, results)
    results.add("one report cold: DOCX only (new process)", seconds(cold["docx"]), runs)
    cold["pdf"] = median_time(base + ["--format", "pdf"], runs, results)
    results.add("one report cold: PDF only (new process)", seconds(cold["pdf"]), runs)
    return cold


def six_languages(results: Results, work: Path, runs: int) -> None:
    """Cold builds of session 59 with its five language versions: six documents in every format."""
    print("session 59 in six languages, cold (new process each run)", flush=True)
    command = unreport_command() + ["build", "59", "--force", "--output", str(work / "languages")]
    run(command, results)
    results.add("session 59, English and five language versions (6 reports), every format (new process)",
                seconds(median_time(command, runs, results)), runs)


def warm_report(results: Results, work: Path, runs: int) -> float:
    print("one report, warm (a process that already built one)", flush=True)
    command = [sys.executable, str(BENCH / "inprocess.py"), "warm", str(work / "warm"), str(runs),
               str(originals(work))]
    measured = json.loads(run(command, results)[1])
    results.add("one report warm: validation, PDF and DOCX (same process)", seconds(measured["median"]), runs,
                f"min {seconds(measured['min'])}, max {seconds(measured['max'])}")
    return measured["median"]


def pandoc(results: Results, work: Path, runs: int, cold: dict[str, float]) -> None:
    print("peer: Pandoc, Markdown to DOCX", flush=True)
    if not shutil.which("pandoc"):
        results.skipped.append("Pandoc: skipped: pandoc not installed")
        print("  skipped: pandoc not installed")
        return
    markdown = work / "peer" / "cmw-status.md"
    markdown.parent.mkdir(parents=True, exist_ok=True)
    # the same content: the report's tree as Markdown (converted once, not timed)
    run(["pandoc", "-f", "html", "-t", "markdown", "-o", str(markdown), str(work / "single" / "59" / "cmw-status.html")], results)
    command = ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(work / "peer" / "pandoc.docx"), str(markdown)]
    run(command)
    theirs = median_time(command, runs, results)
    results.add("Pandoc: Markdown to DOCX, same content (new process)", seconds(theirs), runs,
                f"{ratio(cold['docx'], theirs, 'Pandoc')} (DOCX only); "
                f"{ratio(cold['all'], theirs, 'Pandoc')} (PDF and DOCX)")


def libreoffice(results: Results, work: Path, runs: int, cold: dict[str, float]) -> float | None:
    print("peer: LibreOffice headless, DOCX to PDF", flush=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        results.skipped.append("LibreOffice: skipped: LibreOffice (soffice) not installed")
        print("  skipped: LibreOffice (soffice) not installed")
        return None
    profile = (work / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
               "--outdir", str(work / "peer" / "lo"), str(work / "single" / "59" / "cmw-status.docx")]
    run(command)  # the first run creates LibreOffice's user profile (not timed)
    theirs = median_time(command, runs, results)
    results.add("LibreOffice headless: our DOCX to PDF (new process)", seconds(theirs), runs,
                f"{ratio(cold['pdf'], theirs, 'LibreOffice')} (PDF only); "
                f"{ratio(cold['all'], theirs, 'LibreOffice')} (PDF and DOCX)")
    return theirs


def batch(results: Results, work: Path, runs: int, versions: int) -> dict:
    data, out = work / "batch-data", work / "batch-out"
    count = generate_batch(REPO / "data", data, versions)
    cores = available_cores()
    print(f"batch of {count} editions: {cores} jobs and 1 job, {runs} run(s) each", flush=True)
    base = unreport_command() + ["build", "--all", "--force", "--data", str(data), "--output", str(out)]
    measured: dict[int, list[tuple[float, int]]] = {cores: [], 1: []}
    for _ in range(runs):
        for jobs in (cores, 1):
            wall, stdout = run(base + ["--jobs", str(jobs)], results)
            summary = SUMMARY.search(stdout)
            if not summary or int(summary.group(1)) != count:
                raise SystemExit(f"bench: the batch did not build {count} reports:\n{stdout[-2000:]}")
            measured[jobs].append((wall, int(summary.group(5) or 0)))
    wall = {jobs: statistics.median(w for w, _ in values) for jobs, values in measured.items()}
    memory = {jobs: max(m for _, m in values) for jobs, values in measured.items()}
    speedup = wall[1] / wall[cores]
    results.add(f"batch of {count} editions, {cores} jobs", f"{seconds(wall[cores])}, {count / wall[cores]:.1f} reports/s",
                runs, f"peak memory per worker {memory[cores]} MB")
    results.add(f"batch of {count} editions, 1 job", f"{seconds(wall[1])}, {count / wall[1]:.1f} reports/s", runs,
                f"peak memory {memory[1]} MB")
    results.add(f"speed-up of {cores} jobs over 1", f"{speedup:.2f}x", runs)
    return {"count": count, "cores": cores, "speedup": speedup, "memory": max(memory.values()), "data": data, "out": out}


def no_op(results: Results, work: Path, runs: int, batch_figures: dict) -> float:
    print("no-op rebuilds (inputs unchanged)", flush=True)
    command = unreport_command() + ["build", "59", "--data", str(originals(work)), "--output", str(work / "single")]
    one = median_time(command, runs, results)
    results.add("no-op rebuild of session 59 (whole command)", seconds(one), runs)
    command = unreport_command() + ["build", "--all", "--data", str(batch_figures["data"]),
                                    "--output", str(batch_figures["out"])]
    _, stdout = run(command)
    if f"skipped {batch_figures['count']}," not in stdout:
        raise SystemExit(f"bench: the no-op batch rebuilt something:\n{stdout[-2000:]}")
    everything = median_time(command, runs, results)
    results.add(f"no-op rebuild of the batch ({batch_figures['count']} reports in "
                f"{len(list(batch_figures['data'].joinpath('sessions').iterdir()))} sessions)", seconds(everything), runs)
    return one


def profile(results: Results, work: Path) -> None:
    print("profile of warm builds, and start-up imports", flush=True)
    command = [sys.executable, str(BENCH / "inprocess.py"), "profile", str(work / "profile"), "5", str(originals(work))]
    results.profile = json.loads(run(command, results)[1])
    results.imports = json.loads(run([sys.executable, str(BENCH / "inprocess.py"), "imports"], results)[1])


# ---------------------------------------------------------------- the report

def machine() -> list[tuple[str, str]]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = re.search(r"MemTotal:\s+(\d+) kB", _read("/proc/meminfo"))
    system = re.search(r'PRETTY_NAME="([^"]+)"', _read("/etc/os-release"))
    hb_subset = "libharfbuzz-subset.so" in subprocess.run(["sh", "-c", "ldconfig -p 2>/dev/null"],
                                                          capture_output=True, text=True).stdout
    return [
        ("CPU", f"{cpu}; {os.cpu_count()} cores, {available_cores()} usable"),
        ("RAM", f"{int(memory.group(1)) / 2**20:.1f} GiB" if memory else "unknown"),
        ("system", f"{system.group(1) if system else platform.system()}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        ("WeasyPrint", f"{metadata.version('weasyprint')} (HarfBuzz-Subset {'present' if hb_subset else 'absent: fontTools subsets fonts'})"),
        ("python-docx", metadata.version("python-docx")),
        ("pandoc", _version(["pandoc", "--version"])),
        ("LibreOffice", _version(["soffice", "--version"])),
    ]


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _version(command: list[str]) -> str:
    if not shutil.which(command[0]):
        return "not installed"
    return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]


def busy_share(seconds_: float = 3.0) -> float:
    """How busy the CPUs are with other work now (a sample of /proc/stat), from 0 to 1."""
    def ticks() -> tuple[int, int]:
        fields = [int(v) for v in (_read("/proc/stat").splitlines() or ["cpu 0 0 0 0"])[0].split()[1:]]
        return sum(fields[:3]) + sum(fields[5:8]), sum(fields[:8])

    busy_before, total_before = ticks()
    time.sleep(seconds_)
    busy_after, total_after = ticks()
    return (busy_after - busy_before) / max(total_after - total_before, 1)


def write_results(path: Path, results: Results, about: list[tuple[str, str]], busy: float,
                  started: dt.datetime, took: float) -> None:
    lines = ["# Benchmark results", "",
             f"Written by `make bench` (`bench/bench.py`) on {started:%Y-%m-%d %H:%M} UTC in {took:.0f} s. "
             "Times are wall-clock medians of whole commands (each run a new process) unless said.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in about]
    lines += [f"| other work | the CPUs were {busy:.0%} busy just before the run (other work slows the figures "
              "down, the parallel ones most) |", "",
              "## Figures", "", "| what | median | runs | note |", "| --- | --- | --- | --- |"]
    lines += [f"| {row.what} | {row.value} | {row.runs} | {row.note} |" for row in results.rows]
    lines += [f"| {text} | | | |" for text in results.skipped]
    lines += ["", "## Targets", "", "| target | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {target} | {measured} | {'yes' if met else 'no' if met is not None else 'not measured'} |"
              for target, measured, met in results.targets]
    if results.profile:
        total = results.profile["total"]
        lines += ["", "## Where a warm build spends its time", "",
                  f"cProfile over {results.profile['runs']} warm builds of session 59 (validation, PDF, DOCX, "
                  f"writing): {seconds(total)} a build under the profiler, by area (own time of the functions; "
                  "the profiler slows pure-Python code such as the YAML scanner and WeasyPrint's CSS cascade "
                  "more than C code such as Pango and zlib):", "",
                  "| area | per build | share |", "| --- | --- | --- |"]
        lines += [f"| {area} | {seconds(value)} | {value / total:.0%} |"
                  for area, value in results.profile["areas"] if value / total >= 0.01]
        lines += ["", "The ten functions with the most own time:", "", "| function | per build | calls |",
                  "| --- | --- | --- |"]
        lines += [f"| `{entry['function']}` | {seconds(entry['self'])} | {entry['calls']} |"
                  for entry in results.profile["top"]]
    if results.imports:
        lines += ["", f"Start-up: a cold build spends {seconds(results.imports['total'])} importing modules "
                  "(`python -X importtime`; own time of each package's modules), mostly:", "",
                  "| package | import time |", "| --- | --- |"]
        lines += [f"| {name} | {seconds(value)} |" for name, value in results.imports["packages"]]
    lines += ["", "## Commands", "", "Run from the repository; `$TMP` is the bench's temporary folder.", "",
              "```"] + results.commands + ["```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def judge(results: Results, warm: float, noop: float, batch_figures: dict, lo: float | None, cold: dict) -> None:
    results.targets = [
        (f"warm build of session 59 (PDF+DOCX) <= {TARGETS['warm'] * 1000:.0f} ms", seconds(warm), warm <= TARGETS["warm"]),
        (f"no-op rebuild of a session <= {TARGETS['noop']} s (whole command)", seconds(noop), noop <= TARGETS["noop"]),
        (f"batch of {batch_figures['count']} on {batch_figures['cores']} cores >= {TARGETS['speedup']}x one core",
         f"{batch_figures['speedup']:.2f}x", batch_figures["speedup"] >= TARGETS["speedup"]),
        (f"peak memory per worker <= {TARGETS['memory']} MB", f"{batch_figures['memory']} MB",
         batch_figures["memory"] <= TARGETS["memory"]),
        ("one cold report faster than LibreOffice converting the same DOCX to PDF",
         f"{seconds(cold['all'])} vs {seconds(lo)}" if lo else "LibreOffice not installed",
         (cold["all"] < lo) if lo else None),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each single-report measurement")
    parser.add_argument("--batch-runs", type=int, default=2, help="runs of each batch build")
    parser.add_argument("--versions", type=int, default=10, help="editions per session in the batch (21 sessions)")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    busy = busy_share()
    if busy > 0.2:
        print(f"note: the CPUs are {busy:.0%} busy with other work; the figures will be slower than on an idle machine")
    started, clock = dt.datetime.now(dt.timezone.utc), time.perf_counter()
    results = Results()
    with tempfile.TemporaryDirectory(prefix="unreport-bench-") as temp:
        work = Path(temp)
        results.shorter = [(temp, "$TMP"), (f"{REPO}/", ""), (str(REPO), ".")]
        cold = one_report(results, work, args.runs)
        warm = warm_report(results, work, max(args.runs * 2, 5))
        six_languages(results, work, max(args.runs - 4, 3))
        pandoc(results, work, args.runs, cold)
        lo = libreoffice(results, work, max(args.runs - 2, 3), cold)
        batch_figures = batch(results, work, args.batch_runs, args.versions)
        noop = no_op(results, work, args.runs, batch_figures)
        profile(results, work)
    judge(results, warm, noop, batch_figures, lo, cold)
    write_results(args.results, results, machine(), busy, started, time.perf_counter() - clock)
    print(f"wrote {args.results.relative_to(REPO) if args.results.is_relative_to(REPO) else args.results}")
    for target, measured, met in results.targets:
        print(f"  {'met' if met else 'NOT met' if met is not None else 'not measured'}: {target}: {measured}")


if __name__ == "__main__":
    main()
