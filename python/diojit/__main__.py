"""``python -m diojit [--stats] [--threshold N] (script.py | -m module) [args...]``

Runs a program under the JIT with the ``sys.argv``, ``__main__``,
``sys.path[0]``, tracebacks and exit status that ``python script.py`` (or
``python -m module``) would give. The settings are also exported to the
environment (``DIOJIT=1`` ...) so that child interpreters the program starts
run under the JIT too, as with ``DIOJIT=1``.
"""

import os
import sys

USAGE = """\
usage: python -m diojit [--stats] [--threshold N] (script.py | -m module) [args ...]

Run a Python program with diojit enabled.

  --stats          print a JIT stats report to stderr at exit
  --threshold N    calls after which a function is hot (default: %s)
  -m module        run a library module as a script, like python -m
  -h, --help       show this help and exit
"""


def _usage_error(message):
    sys.stderr.write(USAGE % _default_threshold())
    sys.stderr.write("python -m diojit: error: %s\n" % message)
    sys.exit(2)


def _default_threshold():
    import diojit

    return diojit.DEFAULT_THRESHOLD


def parse_args(argv):
    """Returns ``(options, kind, target, args)``; kind is "script" or "module"."""
    options = {"stats": False, "threshold": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            sys.stdout.write(USAGE % _default_threshold())
            sys.exit(0)
        elif arg == "--stats":
            options["stats"] = True
        elif arg == "--threshold" or arg.startswith("--threshold="):
            if arg == "--threshold":
                i += 1
                if i == len(argv):
                    _usage_error("--threshold needs a value")
                value = argv[i]
            else:
                value = arg.split("=", 1)[1]
            try:
                options["threshold"] = int(value)
            except ValueError:
                options["threshold"] = -1
            if options["threshold"] < 1:
                _usage_error("--threshold must be a positive integer, got %r" % value)
        elif arg == "-m" or (arg.startswith("-m") and len(arg) > 2):
            module = arg[2:]
            if not module:
                i += 1
                if i == len(argv):
                    _usage_error("-m needs a module name")
                module = argv[i]
            return options, "module", module, argv[i + 1:]
        elif arg == "--":
            i += 1
            break
        elif arg.startswith("-") and arg != "-":
            _usage_error("unknown option %s" % arg)
        else:
            break
        i += 1
    if i == len(argv):
        _usage_error("no script or -m module given")
    return options, "script", argv[i], argv[i + 1:]


def _fresh_main_module():
    import builtins
    import types

    main = types.ModuleType("__main__")
    main.__annotations__ = {}
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return main


def _script_dir(path):
    while os.path.islink(path):
        link = os.readlink(path)
        path = link if os.path.isabs(link) else os.path.join(os.path.dirname(path), link)
    return os.path.dirname(os.path.abspath(path))


def run_script(path, args):
    import runpy

    sys.argv = [path] + list(args)
    if os.path.isdir(path) or _is_zipfile(path):
        # Like the interpreter: the directory or archive goes on sys.path and
        # its __main__ module runs.
        if not sys.flags.safe_path:
            sys.path[0] = path
        _fresh_main_module()
        runpy._run_module_as_main("__main__", alter_argv=False)
        return
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as exc:
        sys.stderr.write(
            "%s: can't open file %r: [Errno %d] %s\n"
            % (sys.executable, os.path.abspath(path), exc.errno, exc.strerror)
        )
        sys.exit(2)
    if not sys.flags.safe_path:
        sys.path[0] = _script_dir(path)
    from importlib.machinery import SourceFileLoader

    filename = os.path.abspath(path)  # as the interpreter makes it since 3.9
    main = _fresh_main_module()
    main.__loader__ = SourceFileLoader("__main__", filename)
    main.__file__ = filename
    main.__cached__ = None
    code = compile(source, filename, "exec", dont_inherit=True)
    exec(code, main.__dict__)


def _is_zipfile(path):
    import zipfile

    try:
        return os.path.isfile(path) and zipfile.is_zipfile(path)
    except OSError:
        return False


def run_module(name, args):
    import runpy

    sys.argv = ["-m"] + list(args)  # runpy replaces argv[0] with the module's path
    if not sys.flags.safe_path:
        sys.path[0] = os.getcwd()
    _fresh_main_module()
    runpy._run_module_as_main(name, alter_argv=True)


def _report_uncaught(exc_type, exc, tb):
    """Print an uncaught exception as the interpreter would, without this
    runner's own frames, and exit as the interpreter would."""
    runner_files = {__file__, getattr(sys.modules.get("runpy"), "__file__", None)}
    while tb is not None and tb.tb_frame.f_code.co_filename in runner_files:
        tb = tb.tb_next
    exc.__traceback__ = tb
    sys.excepthook(exc_type, exc, tb)
    if issubclass(exc_type, KeyboardInterrupt):
        # CPython exits by re-raising SIGINT so that the parent sees it.
        import signal

        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    sys.exit(1)


def main(argv=None):
    options, kind, target, args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ["DIOJIT"] = "1"
    if options["threshold"] is not None:
        os.environ["DIOJIT_THRESHOLD"] = str(options["threshold"])
    if options["stats"]:
        os.environ["DIOJIT_STATS"] = "1"
    import diojit

    try:
        diojit.enable(options["threshold"])
    except (RuntimeError, ValueError) as exc:
        sys.stderr.write("diojit: %s; running without the JIT\n" % exc)
    try:
        if kind == "module":
            run_module(target, args)
        else:
            run_script(target, args)
    except SystemExit:
        raise
    except BaseException:
        _report_uncaught(*sys.exc_info())


if __name__ == "__main__":
    main()
