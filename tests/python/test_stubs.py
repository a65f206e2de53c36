"""The type stubs (digestcore/_core.pyi) must match the extension: every
public name and every public member of each class is declared, and a typed
use of the API passes mypy."""

import ast
import inspect
import os
import pathlib
import subprocess
import sys

import pytest

import digestcore
from digestcore import _core

STUB = pathlib.Path(digestcore.__file__).with_name("_core.pyi")
# The folder holding the digestcore under test, first on the child's path:
# mypy runs in a temporary folder, where a relative PYTHONPATH would miss it.
PACKAGE_PARENT = pathlib.Path(digestcore.__file__).absolute().parent.parent


def mypy_strict(path, cwd):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in [str(PACKAGE_PARENT), env.get("PYTHONPATH", "")] if p)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True, text=True, cwd=cwd, env=env,
    )


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


def test_exception_classes_have_the_runtime_bases():
    # FileError(Error, OSError) and MissingFileError(FileError,
    # FileNotFoundError): the stub's bases are the extension's.
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    errors = {name: obj for name, obj in inspect.getmembers(_core, inspect.isclass)
              if issubclass(obj, BaseException)}
    assert {"Error", "FileError", "MissingFileError", "ParseError"} <= set(errors)
    assert "IOError" not in errors and "IOError" not in classes
    for name, obj in errors.items():
        stub_bases = [ast.unparse(b) for b in classes[name].bases]
        assert stub_bases == [b.__name__ for b in obj.__bases__], name
    assert issubclass(_core.MissingFileError, FileNotFoundError)


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
        "    line: int | None = e.line\n"
        "    field: str | None = e.field\n"
        "try:\n"
        "    c.save('/no/such/folder/x.json')\n"
        "except digestcore.MissingFileError as e:\n"
        "    missing: FileNotFoundError = e\n"
        "except digestcore.FileError as e:\n"
        "    failed: OSError = e\n"
        "    name: str | None = e.file\n",
        encoding="utf-8",
    )
    result = mypy_strict(program, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_use_of_curation_and_views_passes_mypy(tmp_path):
    pytest.importorskip("mypy")
    program = tmp_path / "use_curate.py"
    program.write_text(
        "import datetime\n"
        "import digestcore\n"
        "c = digestcore.Collection.from_json('{\"digestcore\": 1, \"posts\": []}')\n"
        "reg = digestcore.SourceRegistry()\n"
        "g = digestcore.Gazetteer()\n"
        "r: digestcore.CurateReport = c.curate(reg, g, fill_from_attribution=True,\n"
        "                                      languages=['en'], min_score=0.9)\n"
        "counts: dict[str, int] = r.to_dict()\n"
        "n: int = r.posts_attributed + r.sources_added + r.posts_filed + r.entity_tags_added\n"
        "posts: digestcore.CollectionPosts = c.posts\n"
        "first: digestcore.Post = posts[0]\n"
        "some: list[digestcore.Post] = posts[1:3]\n"
        "when: datetime.datetime | None = first.posted_on\n"
        "first.posted_on = datetime.date(2021, 8, 17)\n"
        "first.title = None\n"
        "timed: bool = first.posted_on_has_time\n"
        "week: digestcore.Collection = c.select('2021-08-16', '2021-08-22', tags='x')\n"
        "dg: digestcore.Digest = week.digest(('2021-08-16', datetime.date(2021, 8, 22)))\n"
        "p: digestcore.Period = dg.period\n"
        "row_title: str | None = c.to_dicts()[0]['title']\n"
        "undated: int = c.summary()['undated']\n"
        "mine: digestcore.Post = first.copy()\n"
        "ro: bool = first.read_only or first.in_collection\n"
        "d = digestcore.build_digest(c, '2021-W33')\n"
        "feed: str = d.to_json_feed(title='Weekly')\n"
        "src: digestcore.Source | None = d.sections[0].source_record\n"
        "c.save('out.json', 'jsonl', pretty=False)\n",
        encoding="utf-8",
    )
    result = mypy_strict(program, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_stub_itself_passes_mypy_strict(tmp_path):
    pytest.importorskip("mypy")
    # A copy outside site-packages, which mypy will not check in place.
    copy = tmp_path / "_core.pyi"
    copy.write_text(STUB.read_text(encoding="utf-8"), encoding="utf-8")
    result = mypy_strict(copy, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
