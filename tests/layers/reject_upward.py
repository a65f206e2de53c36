#!/usr/bin/env python3
"""scripts/check-layers must reject an upward include. Copies the tree's
include/ and src/ to a scratch folder, adds one upward (or sideways) include
at a time, and expects the check to fail naming that file and line; the
untouched copy must pass."""
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1]).resolve()
check = root / "scripts" / "check-layers"

CASES = [
    # (file to change, include to add, why it is wrong)
    ("src/model/model.cpp", "digest/json.hpp", "model below formats"),
    ("src/text/file.cpp", "digest/model.hpp", "text below model"),
    ("src/sources/registry.cpp", "digest/attribution.hpp", "sibling analysis modules"),
    ("src/json/export.cpp", "digest/curate.hpp", "formats below the pipeline"),
    ("include/digest/normalize.hpp", "digest/dates.hpp", "normalize below dates"),
    ("src/dates/parser.cpp", "json/importer.hpp", "analysis below JSON"),
    ("src/pipeline/curate.cpp", "digest/c/model.h", "pipeline below the C API"),
]


def run(tree):
    return subprocess.run([sys.executable, str(check), str(tree)], capture_output=True, text=True)


failures = 0
with tempfile.TemporaryDirectory() as tmp:
    base = pathlib.Path(tmp) / "clean"
    for d in ("include", "src", "scripts"):
        shutil.copytree(root / d, base / d)
    r = run(base)
    if r.returncode != 0:
        print("the unchanged tree fails:\n" + r.stdout)
        failures += 1
    for i, (rel, header, why) in enumerate(CASES):
        tree = pathlib.Path(tmp) / f"case{i}"
        shutil.copytree(base, tree)
        target = tree / rel
        text = target.read_text(encoding="utf-8")
        lines = text.split("\n")
        lines.insert(1, f'#include "{header}"')
        target.write_text("\n".join(lines), encoding="utf-8")
        r = run(tree)
        expect = f"{rel}:2: includes {header}"
        if r.returncode != 1 or expect not in r.stdout:
            print(f"FAIL: {why}: {rel} including {header} was not rejected\n{r.stdout}")
            failures += 1
        else:
            print(f"ok: rejected {rel} -> {header} ({why})")
print(f"{len(CASES) + 1 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
