"""A coverage-guided fuzzing campaign over every reader, with atheris (libFuzzer); run by hand.

Not collected by pytest (tests/fuzz/test_readers.py is the CI fuzzing). The first byte of
each input picks the format, the rest is the file. An input that raises anything but a
``MapError`` whose every problem names the file and a line or an id is a crash, which
libFuzzer saves as ``crash-*`` to replay::

    .venv/bin/pip install atheris
    .venv/bin/python tests/fuzz/atheris_readers.py --write-seeds /tmp/seeds
    .venv/bin/python tests/fuzz/atheris_readers.py /tmp/corpus /tmp/seeds -max_total_time=600
    .venv/bin/python tests/fuzz/atheris_readers.py crash-1234abcd      # replays one input

docs/reliability.md records the campaigns run and what they found.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["argmap", "yaml", "defusedxml", "networkx.readwrite"]):
    import argmap
    from argmap.errors import ArgmapError, MapError

FORMATS = sorted(f.name for f in argmap.formats() if f.reader is not None)
NAME = "fuzz.input"


def check(data: bytes) -> None:
    """Read one input; raise AssertionError for anything but a map or a well-placed MapError."""
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        argmap.loads(data[1:], format=fmt, name=NAME)
    except MapError as error:
        for problem in error.problems:
            if problem.file != NAME or (problem.line is None and problem.id is None):
                raise AssertionError(f"{fmt}: a problem without its place: {problem}") from error
    except ArgmapError as error:
        raise AssertionError(f"{fmt}: bad input must be a MapError, not {type(error).__name__}") from error


def write_seeds(folder: Path) -> None:
    """Valid inputs of every format (from tests/fuzz/test_readers.py), prefixed with their format byte."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fuzz.test_readers import _valid_inputs

    folder.mkdir(parents=True, exist_ok=True)
    for fmt, seeds in _valid_inputs().items():
        for index, seed in enumerate(seeds):
            (folder / f"{fmt}-{index}").write_bytes(bytes([FORMATS.index(fmt)]) + seed)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--write-seeds":
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
