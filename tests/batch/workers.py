"""Workers for the engine tests, importable by name in a fresh worker process."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from argmap.batching.records import BatchRecord, analyse_file


def crash_on_crash_files(file: str, analyses: Sequence[str]) -> BatchRecord:
    """Analyse the file, except that a file named ``crash*`` kills its worker outright."""
    if Path(file).name.startswith("crash"):
        os._exit(9)
    return analyse_file(file, analyses)


def hang_on_slow_files(file: str, analyses: Sequence[str]) -> BatchRecord:
    """Analyse the file, except that a file named ``slow*`` never finishes (for a minute)."""
    if Path(file).name.startswith("slow"):
        time.sleep(60)
    return analyse_file(file, analyses)


def record_pid_and_hang(file: str, analyses: Sequence[str]) -> BatchRecord:
    """Leave this worker's pid as a file name in ``$ARGMAP_TEST_PID_FOLDER``, then hang for a minute."""
    (Path(os.environ["ARGMAP_TEST_PID_FOLDER"]) / str(os.getpid())).touch()
    time.sleep(60)
    return analyse_file(file, analyses)
