"""`pesiar-desktop letter list | head`: a reader that has left gets no traceback."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_closed_stdout_prints_no_traceback(tmp_path):
    data = tmp_path / "d"
    cli = [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data)]
    subprocess.run([*cli, "demo", "--residents", "60"], check=True, capture_output=True)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [*cli, "letter", "list"], stdout=write_end, stderr=subprocess.PIPE, text=True,
            timeout=120,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
