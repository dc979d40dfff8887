#!/usr/bin/env bash
# Builds the quill_signer wheel offline (Debian's setuptools/wheel, no build isolation, no
# index), installs it into a clean folder, and runs the unittest suite from there against
# `quill-cli serve --dev` — what ships is what is tested (CTest: python_client).
#   clients/python/run-tests.sh QUILL_CLI
# Environment: QUILL_PYTHON (default /usr/bin/python3, Debian's, which has python3-setuptools
# and python3-wheel from packaging/install-deps.sh).
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 QUILL_CLI" >&2; exit 2; }
CLI=$(realpath "$1")
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=${QUILL_PYTHON:-/usr/bin/python3}
[[ -x "$PY" ]] || PY=$(command -v python3)

T=$(mktemp -d "${TMPDIR:-/tmp}/quill-python.XXXXXX")
trap 'rm -rf "$T"' EXIT
# Build from a copy: setuptools writes build/ and *.egg-info beside the sources.
mkdir "$T/src"
cp "$HERE/pyproject.toml" "$HERE/README.md" "$HERE/quill_signer.py" "$T/src/"
"$PY" -m pip wheel --quiet --no-build-isolation --no-deps \
  -w "$T/dist" "$T/src"
wheel=$(ls "$T"/dist/quill_signer-*.whl)
echo "== built $(basename "$wheel")"
"$PY" -m pip install --quiet --no-deps --no-index \
  --target "$T/site" "$wheel"
cp "$HERE/tests/test_quill_signer.py" "$T/"
cd "$T"
export QUILL_CLI="$CLI" PYTHONPATH="$T/site" PYTHONDONTWRITEBYTECODE=1
export QUILL_TEST_DATA="$(realpath "$HERE/../../tests/data")"
"$PY" -c 'import quill_signer, sys; assert quill_signer.__file__.startswith(sys.argv[1]), quill_signer.__file__' "$T/site"
"$PY" -m unittest -v test_quill_signer
