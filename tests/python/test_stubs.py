"""The type stubs (digestcore/_core.pyi) must match the extension: every
public name and every public member of each class is declared, and a typed
use of the API passes mypy."""

import ast
import inspect
import pathlib
import subprocess
import sys

import pytest

import digestcore
from digestcore import _core

STUB = pathlib.Path(digestcore.__file__).with_name("_core.pyi")


def stub_tree():
    assert STUB.exists(), f"{STUB} is not installed with the package"
    return ast.parse(STUB.read_text(encoding="utf-8"))


def declared(body):
    names = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def test_every_public_name_is_in_the_stub():
    tree = stub_tree()
    public = {n for n in dir(_core) if not n.startswith("_")}
    assert public - declared(tree.body) == set()


def test_every_public_member_of_each_class_is_in_the_stub():
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    missing = []
    for name, obj in inspect.getmembers(_core, inspect.isclass):
        if name.startswith("_") or issubclass(obj, BaseException) or issubclass(obj, tuple):
            continue
        stub_members = declared(classes[name].body)
        for member in dir(obj):
            if not member.startswith("_") and member not in stub_members:
                missing.append(f"{name}.{member}")
    assert missing == []


def test_typed_use_passes_mypy(tmp_path):
    pytest.importorskip("mypy")
    program = tmp_path / "use.py"
    program.write_text(
        "import datetime\n"
        "import digestcore\n"
        "c: digestcore.Collection = digestcore.Collection()\n"
        "c.add_post(digestcore.Post('a', title='t', posted_on=datetime.date(2021, 8, 17)))\n"
        "d: digestcore.Digest = digestcore.build_digest(c, '2021-W33')\n"
        "md: str = d.to_markdown()\n"
        "key: str = digestcore.search_key('Mojāhedin')\n"
        "n: int = len(c)\n"
        "try:\n"
        "    c.import_json('{')\n"
        "except digestcore.ParseError as e:\n"
        "    line: int = e.line\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
