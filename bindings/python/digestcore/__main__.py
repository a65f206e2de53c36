"""The digestcore command line: ``digestcore ...`` or ``python -m digestcore ...``.

Both run the C++ command-line tool (src/cli/main.cpp) that the wheel installs
inside the package as ``digestcore/_bin/digestcore``. On POSIX the Python
process is replaced by it (``os.execv``), so standard input and output, exit
codes and signals are the native program's own; see docs/python.md.
"""

import os
import signal
import sys
import typing

_NAME = "digestcore.exe" if os.name == "nt" else "digestcore"


def executable() -> str:
    """The path of the native command-line tool inside this package (where it
    would be, if it is missing)."""
    # Every directory of the package: an editable install spreads it over the
    # source tree (Python files) and site-packages (what CMake installed).
    package = sys.modules.get(__package__ or "digestcore")
    dirs = list(getattr(package, "__path__", None) or [os.path.dirname(__file__)])
    candidates = [os.path.join(os.path.abspath(d), "_bin", _NAME) for d in dirs]
    return next((c for c in candidates if os.path.isfile(c)), candidates[0])


def main() -> typing.NoReturn:
    """Runs the native tool with this process's arguments; never returns."""
    path = executable()
    argv = [path, *sys.argv[1:]]
    if not os.path.isfile(path):
        # 127 and 126 are what a shell answers for a missing or unrunnable command.
        sys.stderr.write(
            f"digestcore: the command-line tool is not installed with this package "
            f"(no {path}); reinstall digestcore with pip (from a source tree: "
            f"pip install .)\n")
        sys.exit(127)
    if os.name == "nt":  # no real exec on Windows: run it and pass its exit code on
        import subprocess

        sys.exit(subprocess.call(argv))
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    # Python ignores SIGPIPE and SIGXFSZ at startup and an exec keeps ignored
    # signals ignored; the native tool expects the defaults (e.g. it dies
    # quietly of SIGPIPE under `digestcore ... | head`).
    for name in ("SIGPIPE", "SIGXFSZ"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    try:
        os.execv(path, argv)
    except OSError as e:
        sys.stderr.write(f"digestcore: cannot run {path}: {e.strerror or e}\n")
        sys.exit(126)


if __name__ == "__main__":
    main()
