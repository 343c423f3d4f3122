"""Each report has a time limit and each worker a memory cap; exceeding one fails that report,
named, instead of running for ever or taking the machine's memory."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from pipeline.build.limits import ReportLimitError, time_limit


def test_a_report_over_its_time_is_stopped_and_named():
    started = time.monotonic()
    with pytest.raises(ReportLimitError, match=r"^59/cmw-status: writing it took longer than 1 s, the limit"):
        with time_limit(1, "59/cmw-status"):
            time.sleep(30)
    assert time.monotonic() - started < 20


def test_a_worker_over_its_memory_cap_gets_a_memory_error():
    program = ("from pipeline.build.limits import limit_memory\n"
               "limit_memory(1024 * 2**20)\n"
               "try:\n    block = bytearray(2 * 1024 * 2**20)\nexcept MemoryError:\n    print('refused')\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "refused", result.stderr
