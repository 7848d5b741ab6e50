#!/usr/bin/env bash
# Creates the project-local virtual environment (.venv) and installs requirements.txt into it.
#
# Idempotent and fast when nothing changed (a stamp keyed on requirements.txt and this script).
# llama-cpp-python has no wheel on PyPI, so it is compiled once, portably (GGML_NATIVE=OFF: no
# instructions the kernel may refuse, hence no SIGILL), into a wheel cache keyed on its version
# and build flags; later installs, fresh clones and CI reuse that wheel instead of recompiling.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
VENV=.venv
CACHE_ROOT=${RAG_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsrag}
LLAMA_CMAKE_ARGS=${LLAMA_CMAKE_ARGS:--DGGML_NATIVE=OFF}
LLAMA_VERSION=$(sed -n 's/^llama-cpp-python==\([^ ;#]*\).*/\1/p' requirements.txt)
STAMP="$VENV/.bootstrap-$(cat requirements.txt "$0" | sha256sum | cut -c1-16)"

if [ -f "$STAMP" ]; then
  exit 0
fi

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: $PYTHON not found. This project needs Python 3.11 (set PYTHON=/path/to/python3.11)." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> Creating virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip

flags_key=$(printf '%s' "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-12)
WHEELS="$CACHE_ROOT/wheels/llama-cpp-python-$LLAMA_VERSION-$flags_key"
if ! ls "$WHEELS"/llama_cpp_python-*.whl >/dev/null 2>&1; then
  echo "==> Compiling llama-cpp-python $LLAMA_VERSION once (CMAKE_ARGS=$LLAMA_CMAKE_ARGS; about 8 minutes on 2 cores)"
  mkdir -p "$WHEELS.tmp"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) \
    "$VENV/bin/python" -m pip wheel --no-cache-dir --no-deps -w "$WHEELS.tmp" "llama-cpp-python==$LLAMA_VERSION"
  rm -rf "$WHEELS" && mv "$WHEELS.tmp" "$WHEELS"
fi

echo "==> Installing requirements into $VENV"
"$VENV/bin/python" -m pip install --find-links "$WHEELS" -r requirements.txt

rm -f "$VENV"/.bootstrap-*
touch "$STAMP"
echo "==> Environment ready"
