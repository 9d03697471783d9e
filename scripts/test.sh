#!/usr/bin/env bash
# Set up argmap with its test tools, then run the whole suite: lint, types, tests and doctests.
# The tests run in parallel, one worker per core (ARGMAP_TEST_WORKERS=N to choose, 0 for none);
# extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest -n "${ARGMAP_TEST_WORKERS:-auto}" --dist worksteal "$@"
