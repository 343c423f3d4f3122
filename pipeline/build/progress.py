"""How a batch build shows its progress: a bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import sys
from typing import TextIO

import click


class PlainProgress:
    """One line per finished report: for logs, pipes and CI."""

    def __init__(self) -> None:
        self.total = self.count = 0

    def start(self, total: int) -> None:
        self.total, self.count = total, 0

    def finished(self, report: str, ok: bool, seconds: float) -> None:
        self.count += 1
        width = len(str(self.total))
        outcome = f"built in {seconds:.2f} s" if ok else "FAILED"
        click.echo(f"[{self.count:>{width}}/{self.total}] {report}: {outcome}")

    def working_on(self, report: str) -> None:
        pass

    def note(self, text: str, error: bool = False) -> None:
        click.echo(text, err=error)

    def close(self) -> None:
        pass


class BarProgress:
    """A progress bar (tqdm) on the terminal with the report being built; notes print above it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after the bar starts
        self._tqdm = tqdm
        self.stream = stream or sys.stderr
        self.bar = None

    def start(self, total: int) -> None:
        self.bar = self._tqdm(total=total, unit="report", file=self.stream, dynamic_ncols=True)

    def finished(self, report: str, ok: bool, seconds: float) -> None:
        """Count the report; a failed one is named on the bar until the next report starts
        (not the report the workers were on when it failed, which may be of another session)."""
        if self.bar is not None:
            if not ok:
                self.bar.set_postfix_str(f"{report}: FAILED", refresh=False)
            self.bar.update(1)

    def working_on(self, report: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(report, refresh=True)

    def note(self, text: str, error: bool = False) -> None:
        self._tqdm.write(text, file=sys.stderr if error else sys.stdout)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress_for_terminal() -> PlainProgress | BarProgress:
    """A bar when stderr is a terminal, plain lines otherwise."""
    return BarProgress() if sys.stderr.isatty() else PlainProgress()
