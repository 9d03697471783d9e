#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install argmap into it, editable, with the extras named as
# arguments (e.g. `bash scripts/setup.sh test`). Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "argmap needs Python 3.11 or newer; '$PYTHON' is $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

# The asp extra (clingo, the engine of `argmap solve`) is always installed.
extras="[$(IFS=,; echo "asp${*:+,$*}")]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check --editable ".${extras}"

# The HTML tests drive a real browser: Debian's chromium (playwright's own download cannot work here).
case " $* " in
  *" test "*)
    if [ ! -x /usr/bin/chromium ]; then
      if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
      else
        echo "the HTML tests need Debian's chromium: run as root, or 'sudo apt-get install chromium'" >&2
      fi
    fi
    ;;
esac
