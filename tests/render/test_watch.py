"""``argmap render --watch``: the picture is drawn again on every save, and a bad save is one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

MAP = """argmap: 1
title: Umbrella
main_claim: C
statements:
  - {id: C, kind: claim, text: Take an umbrella.}
  - {id: P, kind: premise, text: It will rain.}
relations:
  - {id: S, type: support, from: P, to: C}
"""


def wait_for(predicate: object, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_watch_draws_again_on_every_save_and_reports_a_bad_save_in_one_line(tmp_path: Path) -> None:
    source, out = tmp_path / "m.yaml", tmp_path / "m.html"
    source.write_text(MAP)
    log, errors = tmp_path / "out.log", tmp_path / "err.log"
    command = [sys.executable, "-m", "argmap_cli", "render", str(source), "-o", str(out), "--watch"]
    with log.open("w") as stdout, errors.open("w") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=ROOT)
        try:
            assert wait_for(lambda: "watching" in errors.read_text()), errors.read_text()
            first = out.read_text()
            assert "Take an umbrella." in first and 'http-equiv="refresh"' in first
            time.sleep(0.05)
            source.write_text(MAP.replace("Take an umbrella.", "Take two umbrellas."))
            assert wait_for(lambda: "Take two umbrellas." in out.read_text()), errors.read_text()
            source.write_text(MAP.replace("kind: premise", "kind: premis"))
            assert wait_for(lambda: "unknown kind 'premis'" in errors.read_text())
            assert "Take two umbrellas." in out.read_text()  # a bad save leaves the picture as it was
            assert process.poll() is None  # and the watch goes on
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    assert process.returncode == 0
    assert log.read_text().count("wrote ") == 2
    lines = errors.read_text().splitlines()
    assert any(line.startswith("argmap: error: ") and "premis" in line for line in lines)
    assert lines[-1] == "argmap: stopped watching" and "Traceback" not in errors.read_text()
    assert os.path.exists(out)
