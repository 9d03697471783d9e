#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install argmap into it, editable, with the extras named as
# arguments (e.g. `bash scripts/setup.sh test`). Safe to run again: pip runs only when
# pyproject.toml, the extras or the Python version changed since the last install that succeeded
# (a stamp in .venv records them); ARGMAP_SETUP_FORCE=1 runs it anyway.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "argmap needs Python 3.11 or newer; '$PYTHON' is $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

extras=""
if [ "$#" -gt 0 ]; then extras="[$(IFS=,; echo "$*")]"; fi

stamp=.venv/argmap-setup.stamp
wanted="$(.venv/bin/python -c 'import sys; print(sys.version)'; echo "extras=${extras}"; cat pyproject.toml scripts/setup.sh)"
wanted="$(printf '%s' "$wanted" | sha256sum | cut -d' ' -f1)"

quiet_pip() {
  # setuptools says "Editable installation ... Please be careful with folders ..." on every
  # editable install (a UserWarning the build backend passes back to pip); a pip configuration
  # that lists local package folders warns "Location ... is ignored" for each project they do not
  # hold. Both are noise here; everything else pip prints, errors first of all, still shows.
  PYTHONWARNINGS="ignore:Editable installation:UserWarning" \
    .venv/bin/python -m pip --disable-pip-version-check --quiet "$@" 2>&1 |
    { grep -v -E "^WARNING: Location '[^']*' is ignored: it is neither a file nor a directory\.$" >&2 || true; }
}

if [ "${ARGMAP_SETUP_FORCE:-0}" = 1 ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  rm -f "$stamp"
  quiet_pip install --upgrade pip
  quiet_pip install --editable ".${extras}"
  echo "$wanted" > "$stamp"
fi

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
