#!/usr/bin/env bash
# Creates the project-local virtual environment (.venv) and installs requirements.txt into it.
#
# Idempotent and fast when nothing changed (a stamp keyed on requirements.txt and this script).
# llama-cpp-python has no wheel on PyPI, so it is compiled once into a wheel cache keyed on its
# version and build flags; later installs, fresh clones and CI reuse that wheel instead of
# recompiling. Which build (measured in BENCHMARKS.md, "Which llama.cpp build"):
#   * portable (GGML_NATIVE=OFF: AVX2/FMA/F16C, never the AMX or AVX-512 a native build may pick
#     and the kernel refuse) on any CPU that lists AVX2 - the fastest build measured on this one;
#   * runtime dispatch (one CPU backend per x86 level, ggml picks the best the CPU reports) on
#     CPUs without AVX2, where the portable build would die with SIGILL.
# After installing, scripts/llama_check.py runs a real prompt in a child process; if the build
# crashes there, the runtime-dispatch build is compiled and checked instead.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
VENV=.venv
CACHE_ROOT=${RAG_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsrag}
PORTABLE_ARGS="-DGGML_NATIVE=OFF"
DISPATCH_ARGS="-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON"
if [ -z "${LLAMA_CMAKE_ARGS:-}" ]; then
  LLAMA_CMAKE_ARGS=$PORTABLE_ARGS
  for flag in avx2 fma f16c; do
    grep -qw "$flag" /proc/cpuinfo 2>/dev/null || LLAMA_CMAKE_ARGS=$DISPATCH_ARGS
  done
fi
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

wheel_dir() {
  echo "$CACHE_ROOT/wheels/llama-cpp-python-$LLAMA_VERSION-$(printf '%s' "$1" | sha256sum | cut -c1-12)"
}

build_llama() {  # compile the wheel for the flags in $1 unless it is cached
  local wheels
  wheels=$(wheel_dir "$1")
  if ! ls "$wheels"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "==> Compiling llama-cpp-python $LLAMA_VERSION once (CMAKE_ARGS=$1; about 8 minutes on 2 cores)"
    mkdir -p "$wheels.tmp"
    CMAKE_ARGS="$1" CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) \
      "$VENV/bin/python" -m pip wheel --no-cache-dir --no-deps -w "$wheels.tmp" "llama-cpp-python==$LLAMA_VERSION"
    rm -rf "$wheels" && mv "$wheels.tmp" "$wheels"
  fi
}

build_llama "$LLAMA_CMAKE_ARGS"
echo "==> Installing requirements into $VENV"
"$VENV/bin/python" -m pip install --find-links "$(wheel_dir "$LLAMA_CMAKE_ARGS")" -r requirements.txt

if ! "$VENV/bin/python" scripts/llama_check.py; then
  if [ "$LLAMA_CMAKE_ARGS" = "$DISPATCH_ARGS" ]; then
    echo "error: llama.cpp does not run on this CPU even as a runtime-dispatch build (see above)." >&2
    exit 1
  fi
  echo "==> That llama.cpp build crashed on this CPU; switching to the runtime-dispatch build"
  LLAMA_CMAKE_ARGS=$DISPATCH_ARGS
  build_llama "$LLAMA_CMAKE_ARGS"
  "$VENV/bin/python" -m pip install --force-reinstall --no-deps "$(wheel_dir "$LLAMA_CMAKE_ARGS")"/llama_cpp_python-*.whl
  "$VENV/bin/python" scripts/llama_check.py
fi

rm -f "$VENV"/.bootstrap-*
touch "$STAMP"
echo "==> Environment ready"
