"""Reading inputs and writing files fail cleanly: located messages, nothing left half-written."""

import pytest

from pipeline.build.atomic import write_atomically


def test_write_failure_leaves_no_temporary_file_and_the_old_file_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "out" / "report.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pipeline.build.atomic.os.fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically({target: b"new", tmp_path / "out" / "other.txt": b"new"})
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.txt"]
    assert target.read_text(encoding="utf-8") == "old"
