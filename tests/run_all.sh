#!/usr/bin/env bash
# Installs diojit from this checkout into the current Python and runs every
# test suite: Rust unit and layout tests, the pytest suite, CPython's own
# regression subset under the JIT, and the benchmarks' smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
PYO3_PYTHON=$("$PYTHON" -c 'import sys; print(sys.executable)')
export PYO3_PYTHON

step() { printf '\n=== %s\n' "$*"; }

step "install"
"$PYO3_PYTHON" -m pip install --quiet --disable-pip-version-check ".[test]"
step "cargo test"
cargo test --workspace --quiet
step "pytest"
"$PYO3_PYTHON" -m pytest tests -q
step "CPython regression subset under the JIT (every function compiled at its first call)"
"$PYO3_PYTHON" tests/cpython/run_regrtest.py
step "CPython regression subset under the JIT (default threshold: compiled after the interpreter specialised them)"
"$PYO3_PYTHON" tests/cpython/run_regrtest.py --threshold 100
step "benchmark smoke run (tiny scale, one round, no timing checks)"
"$PYO3_PYTHON" -m bench --smoke --json "$(mktemp -d)/bench-smoke.json"
