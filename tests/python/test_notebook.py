"""The example notebook (examples/notebooks/digest_flow.ipynb) runs from top
to bottom in a real Jupyter kernel (nbclient), so it never rots, and its
steps give what they say."""

from __future__ import annotations

import os
import pathlib
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "digest_flow.ipynb"


def _code_lines(nb) -> list[list[str]]:
    return [[line for line in c.source.splitlines() if line.strip()] for c in nb.cells
            if c.cell_type == "code"]


def test_every_step_is_one_line_of_digestcore():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for lines in _code_lines(nb):
        # One statement per cell, plus at most a bare expression to display.
        assert len(lines) <= 2, lines
        assert not any(line.startswith(("def ", "for ", "class ", "lambda")) for line in lines)


def test_notebook_runs(monkeypatch):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel is this interpreter (ipykernel's own spec) and imports the
    # package under test: the same sys.path, passed down.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = {i: c.outputs for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    errors = [o for outs in outputs.values() for o in outs if o.get("output_type") == "error"]
    assert not errors, errors
    html = [o for outs in outputs.values() for o in outs
            if o.get("output_type") == "execute_result" and "text/html" in o.get("data", {})]
    # The collection and the digest display as HTML in the notebook.
    assert any("digestcore.Collection" in o["data"]["text/html"] for o in html)
    assert any('<article class="digest"' in o["data"]["text/html"] for o in html)
    printed = "".join(o.get("text", "") for outs in outputs.values() for o in outs
                      if o.get("output_type") == "stream")
    assert "Outside English, week 33" in printed
