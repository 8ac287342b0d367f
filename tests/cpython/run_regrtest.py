"""Run CPython's own regression tests under diojit.

    python tests/cpython/run_regrtest.py            # the CI subset, JIT at threshold 1
    python tests/cpython/run_regrtest.py --no-jit   # the same, without the JIT
    python tests/cpython/run_regrtest.py --all      # the whole suite (long)
    python tests/cpython/run_regrtest.py --all --exclude test_socket,test_io
    python tests/cpython/run_regrtest.py test_dict  # chosen modules

The JIT reaches every regrtest worker through the environment (DIOJIT=1,
DIOJIT_THRESHOLD=1: every function is hot at its first call), exactly as it
reaches any unmodified program. Exit status is regrtest's.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

SUBSET = """
test_grammar test_opcodes test_exceptions test_raise test_with test_contextlib
test_scope test_class test_descr test_super test_functools test_itertools
test_generators test_coroutines test_int test_long test_float test_math
test_list test_tuple test_dict test_set test_string test_unicode test_unpack
test_unpack_ex test_keywordonlyarg test_positional_only_arg test_extcall
test_compare test_richcmp test_sort test_patma test_traceback test_frame
test_sys_settrace test_sys_setprofile test_inspect test_dataclasses test_enum
test_builtin test_threading test_weakref test_gc test_json
""".split()

# Test cases that fail on this machine without the JIT, with the reason.
# Only these are skipped; every other case must pass under the JIT.
IGNORED = {
    # The machine's site-packages carries a sandbox .pth file that imports
    # `threading` at interpreter start-up; the test asserts a fresh
    # interpreter has not imported it yet.
    "test_import_from_another_thread": "threading pre-imported by a site .pth on this machine",
}


def jit_env(threshold):
    env = dict(os.environ)
    env["DIOJIT"] = "1"
    env["DIOJIT_THRESHOLD"] = str(threshold)
    env.pop("DIOJIT_STATS", None)
    return env


def check_jit_reaches_subprocesses(env):
    probe = "import diojit, sys; sys.exit(0 if diojit.is_enabled() else 1)"
    if subprocess.run([sys.executable, "-c", probe], env=env).returncode != 0:
        sys.exit("run_regrtest: DIOJIT=1 did not enable the JIT in a child interpreter")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="test modules (default: the CI subset)")
    parser.add_argument("--all", action="store_true", help="run the whole test suite")
    parser.add_argument("--exclude", default="", help="comma-separated modules to leave out")
    parser.add_argument("--no-jit", action="store_true", help="run without the JIT, for comparison")
    parser.add_argument("--threshold", type=int, default=1)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=int, default=900, help="per-module timeout, seconds")
    args, extra = parser.parse_known_args(argv)

    env = {k: v for k, v in os.environ.items() if not k.startswith("DIOJIT")}
    if not args.no_jit:
        env = jit_env(args.threshold)
        check_jit_reaches_subprocesses(env)
    modules = [] if args.all else (args.modules or SUBSET)
    cmd = [sys.executable, "-m", "test", "-j", str(args.jobs), "--timeout", str(args.timeout)]
    for case in IGNORED:
        cmd += ["--ignore", case]
    excluded = [m for m in args.exclude.split(",") if m]
    cmd += extra + modules
    if excluded:
        cmd += ["-x"] + excluded
    mode = "without the JIT" if args.no_jit else "under diojit, threshold %d" % args.threshold
    print("run_regrtest: %s modules %s" % ("all" if args.all else len(modules), mode), flush=True)
    with tempfile.TemporaryDirectory(prefix="diojit-stats-") as stats_dir:
        if not args.no_jit:
            env["DIOJIT_STATS_DIR"] = stats_dir
        rc = subprocess.run(cmd, env=env).returncode
        if not args.no_jit:
            report_compilation(stats_dir)
    return rc


def report_compilation(stats_dir):
    """How many hot functions compiled, over every process of the run."""
    compiled, failures, unreadable = 0, {}, 0
    files = glob.glob(os.path.join(stats_dir, "*.json"))
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                s = json.load(f)
        except ValueError:
            # A process killed while writing (a test's timeout).
            unreadable += 1
            continue
        compiled += s["compiled"]
        for reason, n in s["compile_failures"].items():
            failures[reason] = failures.get(reason, 0) + n
    failed = sum(failures.values())
    share = 100.0 * compiled / max(1, compiled + failed)
    print("run_regrtest: %d processes; %d hot functions compiled, %d fell back (%.2f%% compiled)"
          % (len(files) - unreadable, compiled, failed, share))
    if unreadable:
        print("run_regrtest: %d stats files unreadable (processes killed while writing)" % unreadable)
    for reason, n in sorted(failures.items(), key=lambda kv: -kv[1]):
        print("run_regrtest:   %6d  %s" % (n, reason))


if __name__ == "__main__":
    sys.exit(main())
