"""The command line that comes with `pip install .`: the `digestcore` console
script and `python -m digestcore` must be the C++ tool (src/cli/main.cpp),
installed inside the package as digestcore/_bin/digestcore — same output,
errors, exit codes, standard input and signals."""

import importlib.metadata
import os
import pathlib
import signal
import site
import subprocess
import sys
import time

import pytest

import digestcore
import digestcore.__main__ as cli_main

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
COLLECTION = str(DATA / "collection.json")
WEEK = "2021-W34"
# The C++ CLI of the default preset, built before pytest runs in scripts/test.
CPP_CLI = ROOT / "build" / "default" / "digestcore"
POSIX = os.name == "posix"

# The child Python must import the package under test, whatever the working
# directory: a dev-python stage goes first on PYTHONPATH (not resolved: the
# stage links the Python files to the source tree, which has no _core); a
# pip-installed package is found as it is, site-packages staying after the
# standard library.
PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(digestcore.__file__)))
ENV = dict(os.environ)
SITE_DIRS = [*site.getsitepackages(), site.getusersitepackages()]
if not any(os.path.isdir(d) and os.path.samefile(d, PACKAGE_PARENT) for d in SITE_DIRS):
    ENV["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_PARENT, os.environ.get("PYTHONPATH")) if p)


def installed_script():
    """(path of the console script pip installed with the package under test,
    None) or (None, the reason there is none)."""
    try:
        dist = importlib.metadata.distribution("digestcore")
    except importlib.metadata.PackageNotFoundError:
        return None, "digestcore is not installed by pip (e.g. run from scripts/dev-python's stage)"
    installed = pathlib.Path(str(dist.locate_file("digestcore")))
    under_test = [p for p in digestcore.__path__ if os.path.isdir(p)]
    if not installed.is_dir() or not any(os.path.samefile(installed, p) for p in under_test):
        return None, (f"the package under test ({digestcore.__path__}) is not the one pip "
                      f"installed ({installed}), e.g. run from scripts/dev-python's stage")
    points = [ep.value for ep in dist.entry_points
              if ep.group == "console_scripts" and ep.name == "digestcore"]
    assert points == ["digestcore.__main__:main"], "pip installed digestcore without its command"
    scripts = [f for f in dist.files or []
               if f.name in ("digestcore", "digestcore.exe") and f.parts[0] != "digestcore"]
    assert len(scripts) == 1, f"no console script in the RECORD of {dist}"
    return pathlib.Path(str(dist.locate_file(scripts[0]))).resolve(), None


@pytest.fixture(params=["python -m", "console script"])
def command(request):
    """The command-line prefix that runs the tool, both ways."""
    if request.param == "python -m":
        return [sys.executable, "-m", "digestcore"]
    script, reason = installed_script()
    if script is None:
        pytest.skip(reason)
    assert script.is_file() and os.access(script, os.X_OK)
    return [str(script)]


def run(prefix, *args, **kwargs):
    kwargs.setdefault("capture_output", True)
    return subprocess.run([*prefix, *args], env=ENV, timeout=120, **kwargs)


def test_the_binary_is_inside_the_package():
    path = pathlib.Path(cli_main.executable())
    assert path.is_file() and os.access(path, os.X_OK)
    assert path.parent.name == "_bin" and path.parent.parent.name == "digestcore"


def test_version_is_the_package_version(command):
    r = run(command, "--version")
    assert (r.returncode, r.stderr) == (0, b"")
    assert r.stdout.decode() == f"digestcore {digestcore.__version__}\n"


def test_help_and_usage_errors(command):
    r = run(command, "--help")
    assert (r.returncode, r.stderr) == (0, b"")
    assert r.stdout.startswith(b"usage: digestcore <command>")
    assert b"  digest " in r.stdout and b"  convert " in r.stdout and b"  check " in r.stdout
    r = run(command)  # no command: usage on stderr, exit 2
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr.startswith(b"usage: digestcore")
    r = run(command, "digest", COLLECTION)  # no --week
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr == b"digestcore: --period is required (e.g. --period 2021-W33)\n"


@pytest.mark.parametrize("fmt", ["json", "markdown", "jsonfeed"])
def test_digest_is_the_one_the_library_builds(command, fmt):
    r = run(command, "digest", COLLECTION, "--week", WEEK, "--format", fmt)
    assert (r.returncode, r.stderr) == (0, b"")
    d = digestcore.build_digest(digestcore.Collection.load(COLLECTION), WEEK)
    expected = {"json": d.to_json, "markdown": d.to_markdown, "jsonfeed": d.to_json_feed}[fmt]()
    assert r.stdout.decode("utf-8") == expected
    assert len(d) > 0  # a week with posts, not two empty digests


def test_convert_to_a_file(command, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run(command, "convert", COLLECTION, "--to", "jsonl", "-o", str(out))
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    assert out.read_text(encoding="utf-8") == digestcore.Collection.load(COLLECTION).to_json("jsonl")


def test_standard_input(command):
    data = pathlib.Path(COLLECTION).read_bytes()
    from_file = run(command, "digest", COLLECTION, "--week", WEEK, "--format", "json")
    from_stdin = run(command, "digest", "-", "--week", WEEK, "--format", "json", input=data)
    assert from_stdin.returncode == 0 and from_stdin.stdout == from_file.stdout
    r = run(command, "convert", "-", "--to", "own", input=b"")  # empty input: an error, not a hang
    assert r.returncode == 1 and r.stdout == b""
    assert r.stderr.startswith(b"digestcore: <stdin>") and r.stderr.count(b"\n") == 1


def test_missing_file_is_a_one_line_error(command, tmp_path):
    missing = str(tmp_path / "no-such-collection.json")
    r = run(command, "digest", missing, "--week", WEEK)
    assert (r.returncode, r.stdout) == (1, b"")
    line = r.stderr.decode()
    assert line.startswith(f"digestcore: {missing}: ") and line.endswith("\n")
    assert line.count("\n") == 1


def test_bad_records_are_listed_with_exit_code_1(command, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id":"p1","title":"Ferry timetable changes for the winter","url":"https://ferries.example/1"}\n'
        '{"id":"p2","title":5,"url":"https://ferries.example/2"}\n', encoding="utf-8")
    r = run(command, "check", str(bad))
    assert r.returncode == 1
    assert r.stdout.decode() == f"{bad}:2: byte 19: field 'title': expected a string, got a number\n"
    assert r.stderr == b"digestcore: 1 posts, 0 sources, 1 bad records skipped\n"


@pytest.mark.skipif(not POSIX, reason="arguments are bytes on POSIX only")
def test_arguments_reach_the_tool_unchanged(tmp_path):
    # Not UTF-8, empty, with spaces and a newline: Python decodes argv with
    # surrogateescape and execv encodes it back, byte for byte.
    odd = [bytes(tmp_path) + b"/\xff\xfe caf\xc3\xa9.json", b"", b"two words\nand a line"]
    args = [b"digest", *odd, b"--week", WEEK.encode()]
    via_python = run([sys.executable, "-m", "digestcore"], *args)
    direct = subprocess.run([cli_main.executable(), *args], capture_output=True, timeout=120)
    assert via_python.returncode == direct.returncode == 1
    assert via_python.stderr == direct.stderr
    # The tool escapes the bytes that are not UTF-8 in its message.
    assert b"/\\xff\\xfe caf\xc3\xa9.json: " in direct.stderr


@pytest.mark.skipif(not POSIX, reason="signals")
def test_a_closed_pipe_ends_it_as_it_ends_the_native_tool():
    # Python ignores SIGPIPE; the launcher restores the default, so the tool
    # dies of it quietly (`digestcore ... | head`) instead of reporting EPIPE.
    results = []
    for prefix in ([sys.executable, "-m", "digestcore"], [cli_main.executable()]):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            r = run(prefix, "convert", COLLECTION, stdout=write_end, capture_output=False,
                    stderr=subprocess.PIPE)
        finally:
            os.close(write_end)
        results.append((r.returncode, r.stderr))
    assert results[0] == results[1] == (-signal.SIGPIPE, b"")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to see the exec")
def test_python_is_replaced_by_the_tool_and_signals_reach_it():
    # A shell's background job starts with SIGINT ignored, and an ignored
    # signal stays ignored across exec: give the child the default, as a
    # terminal would.
    p = subprocess.Popen([sys.executable, "-m", "digestcore", "digest", "-", "--week", WEEK],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=ENV, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        binary = os.path.realpath(cli_main.executable())
        deadline = time.monotonic() + 60
        while os.path.realpath(f"/proc/{p.pid}/exe") != binary:  # same pid: an exec, no child
            assert p.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        p.send_signal(signal.SIGINT)  # no KeyboardInterrupt traceback: the tool's default
        out, err = p.communicate(timeout=60)
    finally:
        p.kill()
        p.wait()
    assert (p.returncode, out, err) == (-signal.SIGINT, b"", b"")


def launcher(code, executable):
    """Runs main() in a child Python whose tool is `executable`."""
    program = ("import sys, digestcore.__main__ as m\n"
               f"m.executable = lambda: {executable!r}\n"
               "sys.argv = ['digestcore', '--version']\n"
               f"{code}\n")
    return subprocess.run([sys.executable, "-c", program], env=ENV, capture_output=True,
                          timeout=120)


def test_a_missing_binary_is_a_clear_error(tmp_path):
    missing = str(tmp_path / "_bin" / "digestcore")
    r = launcher("m.main()", missing)
    assert (r.returncode, r.stdout) == (127, b"")
    message = r.stderr.decode()
    assert message.count("\n") == 1 and missing in message
    assert "not installed" in message and "pip install" in message


@pytest.mark.skipif(not POSIX, reason="exec permission bits")
def test_a_binary_that_cannot_run_is_a_clear_error(tmp_path):
    broken = tmp_path / "digestcore"
    broken.write_bytes(b"not a program")
    broken.chmod(0o644)
    r = launcher("m.main()", str(broken))
    assert (r.returncode, r.stdout) == (126, b"")
    assert r.stderr.decode().startswith(f"digestcore: cannot run {broken}: ")


# Same arguments, same bytes out: the pip command against the C++ build.
CASES = [
    ["--version"],
    ["digest", COLLECTION, "--week", WEEK],
    ["digest", COLLECTION, str(DATA / "feed.json"), "--week", "2021-W33", "--format", "jsonfeed"],
    ["convert", str(DATA / "collection.jsonl"), "--to", "jsonl", "--attribution",
     "--sources", str(DATA / "sources.json"), "--entities", str(DATA / "entities.json")],
    ["check", COLLECTION, str(DATA / "collection.jsonl")],
    ["digest", str(DATA / "no-such-file.json"), "--week", WEEK],
    ["digest", COLLECTION, "--week", "2021-W99"],
    ["frobnicate"],
]


@pytest.mark.skipif(not CPP_CLI.is_file(), reason=f"no C++ CLI at {CPP_CLI} (cmake --preset default)")
@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a[:1] + a[-2:]))
def test_same_as_the_cpp_build(command, args):
    ours = run(command, *args)
    theirs = subprocess.run([str(CPP_CLI), *args], capture_output=True, timeout=120)
    assert (ours.returncode, ours.stdout, ours.stderr) == \
        (theirs.returncode, theirs.stdout, theirs.stderr)
