"""Start-up cost: CPU time of ``import argmap`` and ``argmap --version`` against ``import click, pydantic``.

Run by hand (not by the test suite)::

    .venv/bin/python bench/startup.py [--rounds 15] [--write]

Each command runs in a fresh interpreter, the commands interleaved round after round so that
they share the machine's load; the CPU time (user + system) of each child is read from
``os.wait4``, and the median over the rounds is reported with its ratio to
``python -c "import click, pydantic"``, the floor of any click and pydantic program. CPU time,
not wall time, because the machine is shared. With ``--write`` the table replaces the
``## Start-up`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ARGMAP = str(Path(PYTHON).with_name("argmap"))
BASELINE = "`python -c 'import click, pydantic'`"

# What each row runs.
COMMANDS: dict[str, list[str]] = {
    "`python -c pass`": [PYTHON, "-c", "pass"],
    BASELINE: [PYTHON, "-c", "import click, pydantic"],
    "`python -c 'import argmap'`": [PYTHON, "-c", "import argmap"],
    "`argmap --version`": [ARGMAP, "--version"],
    "`argmap --help`": [ARGMAP, "--help"],
    "`python -c 'import argmap; argmap.load'`": [PYTHON, "-c", "import argmap; argmap.load"],
    "what `import argmap` loaded before it became lazy": [
        PYTHON,
        "-c",
        "import argmap.io, argmap.batching, argmap.comparison, argmap.extraction, argmap.teaching, "
        "argmap.checks",
    ],
}


def cpu_seconds(command: list[str]) -> float:
    """The user + system CPU time of one run of ``command``, its output discarded."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} exited with {process.returncode}")
    return usage.ru_utime + usage.ru_stime


def measure(rounds: int) -> dict[str, float]:
    """The median CPU seconds of each command over ``rounds`` interleaved rounds (after a warm-up)."""
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm-up: bytecode caches, the page cache
        cpu_seconds(command)
    for _ in range(rounds):
        for name, command in COMMANDS.items():
            samples[name].append(cpu_seconds(command))
    return {name: statistics.median(values) for name, values in samples.items()}


def table(medians: dict[str, float]) -> str:
    """A Markdown table: each command's median CPU milliseconds and its ratio to the baseline."""
    floor = medians[BASELINE]
    lines = ["| command | CPU (ms, median) | / `import click, pydantic` |", "|---|---:|---:|"]
    for name, seconds in medians.items():
        lines.append(f"| {name} | {seconds * 1000:.0f} | {seconds / floor:.2f} |")
    return "\n".join(lines)


def write_section(path: Path, body: str) -> None:
    """Replace (or add) the ``## Start-up`` section of ``path``, leaving the other sections alone."""
    text = path.read_text(encoding="utf-8")
    section = f"## Start-up\n\n{body.strip()}\n"
    pattern = re.compile(r"^## Start-up\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="Runs of each command, interleaved.")
    parser.add_argument("--write", action="store_true", help="Write the table into docs/benchmarks.md.")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d")
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    load = os.getloadavg()[0]
    body = (
        f"`python bench/startup.py --rounds {args.rounds}` ({started}, {machine}, load average "
        f"{load:.1f} on {os.cpu_count()} cores). CPU time (user + system) of each command in a fresh "
        "interpreter, median of the rounds, the commands interleaved; the ratio is to "
        "`python -c 'import click, pydantic'`, the floor of any click and pydantic program. "
        "`import argmap` loads each public name on first use, and the command line imports a "
        "command's module only when it runs (`--help` imports them all to list their help).\n\n"
        + table(measure(args.rounds))
    )
    print(body)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", body)


if __name__ == "__main__":
    main()
