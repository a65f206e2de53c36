"""The hand-written stubs (digestcore/_core.pyi) against the extension as
built: mypy's stubtest compares every name, signature (from the DG_SIG text
signatures), default, property and class with the runtime module, and
`mypy --strict` type-checks a typed notebook flow (typed_usage.py), which
then runs for real.

Each check runs in a child process whose PYTHONPATH puts the digestcore this
test imported first, so mypy and stubtest read the same package the tests
do: the dev-python stage or an installed wheel.
"""

from __future__ import annotations

import inspect
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import digestcore

pytest.importorskip("mypy")

HERE = pathlib.Path(__file__).resolve().parent
ALLOWLIST = HERE / "stubtest_allowlist.txt"
TYPED_USAGE = HERE / "typed_usage.py"
# Not resolved: in the dev-python stage the package's Python files are
# symlinks into the source tree, beside the built extension.
PACKAGE = pathlib.Path(digestcore.__file__).absolute().parent
PACKAGE_PARENT = PACKAGE.parent


def child_env(first: pathlib.Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in [str(first), env.get("PYTHONPATH", "")] if p
    )
    env.pop("MYPYPATH", None)
    return env


def run(args: list[str], cwd: pathlib.Path, first: pathlib.Path = PACKAGE_PARENT):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd,
        env=child_env(first), timeout=600,
    )


def stubtest(cwd: pathlib.Path, first: pathlib.Path = PACKAGE_PARENT):
    return run(
        ["-m", "mypy.stubtest", "digestcore._core", "--allowlist", str(ALLOWLIST),
         "--mypy-config-file", str(cwd / "mypy.ini")],
        cwd, first,
    )


@pytest.fixture
def workdir(tmp_path: pathlib.Path) -> pathlib.Path:
    # An empty config, so a mypy.ini or pyproject.toml of the caller's
    # folder changes nothing; the cache goes to the temporary folder.
    (tmp_path / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    return tmp_path


def test_stubtest_finds_no_difference(workdir):
    result = stubtest(workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


# Bound by pybind11 itself, with no way to give them a docstring.
NO_DOCSTRING = {"__getstate__", "__setstate__", "_pybind11_conduit_v1_"}


def bound_callables():
    """(name, callable, is a method) for every function of _core and every
    method its classes define (exceptions and struct sequences are Python's)."""
    from digestcore import _core

    for name, obj in sorted(vars(_core).items()):
        if inspect.isclass(obj):
            if issubclass(obj, (BaseException, tuple)):
                continue
            for member, value in sorted(vars(obj).items()):
                if member in NO_DOCSTRING or not callable(value) and not isinstance(value, staticmethod):
                    continue
                static = isinstance(value, staticmethod)
                yield f"{name}.{member}", getattr(obj, member), not static
        elif callable(obj):
            yield name, obj, False


def test_every_callable_has_a_text_signature():
    # stubtest silently skips a callable whose signature it cannot read, so
    # a def without DG_SIG would escape the comparison above.
    unsigned, no_self = [], []
    for name, fn, is_method in bound_callables():
        try:
            params = list(inspect.signature(fn).parameters)
        except (ValueError, TypeError):
            unsigned.append(name)
            continue
        if is_method and params[:1] != ["self"]:
            no_self.append(name)
    assert unsigned == []
    assert no_self == []


def test_every_property_has_a_docstring():
    from digestcore import _core

    bare = [f"{name}.{member}"
            for name, cls in vars(_core).items() if inspect.isclass(cls)
            for member, value in vars(cls).items()
            if isinstance(value, property) and not (value.__doc__ or "").strip()]
    assert bare == []


def test_every_allowlist_entry_says_why():
    lines = ALLOWLIST.read_text(encoding="utf-8").splitlines()
    entries = [i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    assert entries, "the allowlist has no entry: delete it instead"
    for i in entries:
        # Each entry has its reason on the line above it, or after a '#'.
        assert "#" in lines[i] or lines[i - 1].startswith("#"), lines[i]


def test_stubtest_catches_a_wrong_parameter_name(tmp_path, workdir):
    # A control: the same check over a copy of the package whose stub
    # misnames one parameter must fail and name it, so a green run above
    # means the stub was compared, not skipped.
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE, copy / "digestcore",
                    ignore=shutil.ignore_patterns("_bin", "__pycache__"))
    stub = copy / "digestcore" / "_core.pyi"
    text = stub.read_text(encoding="utf-8")
    assert "def iso_week(week: str)" in text
    stub.write_text(text.replace("def iso_week(week: str)", "def iso_week(name: str)"),
                    encoding="utf-8")
    result = stubtest(workdir, first=copy)
    assert result.returncode != 0
    assert "digestcore._core.iso_week" in result.stdout, result.stdout + result.stderr


def test_typed_notebook_flow_passes_mypy_strict(workdir):
    result = run(["-m", "mypy", "--strict", "--config-file", str(workdir / "mypy.ini"),
                  str(TYPED_USAGE)], workdir)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_notebook_flow_runs(workdir, examples_dir):
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    result = run([str(TYPED_USAGE), str(examples_dir / "collection.json"),
                  str(workdir / "no-such-file.json")], workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'rows':" in result.stdout
