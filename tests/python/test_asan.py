"""The crash patterns (crash_patterns.py: use after free through iterated
posts, several threads on one collection, gazetteer or registry) under
AddressSanitizer, with the extension built with -fsanitize=address.

The build is its own tree, build/python-asan (the whole library with ASan,
Debug -O1). From scratch it takes several minutes on two cores, so it runs
only when asked:

    DIGESTCORE_TEST_ASAN=1 python -m pytest tests/python/test_asan.py

A child Python runs with libasan preloaded (Python itself is not
instrumented) and PYTHONMALLOC=malloc, so that ASan sees every allocation.
A control test checks that the harness does catch a use after free.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

import pytest

import crash_patterns

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
BUILD = ROOT / "build" / "python-asan"

ENABLED = os.environ.get("DIGESTCORE_TEST_ASAN") == "1"
pytestmark = pytest.mark.skipif(
    not ENABLED,
    reason="builds the extension and library with AddressSanitizer (about 9 minutes from "
           "scratch on 2 cores); set DIGESTCORE_TEST_ASAN=1 to run")


def runtime(name: str) -> str:
    for cc in ("gcc", "cc"):
        if shutil.which(cc):
            path = subprocess.run([cc, f"-print-file-name={name}"], capture_output=True,
                                  text=True).stdout.strip()
            if os.path.isabs(path) and os.path.exists(path):
                return os.path.realpath(path)
    pytest.skip(f"{name} not found (gcc's runtime libraries)")


def preload() -> str:
    # libasan first; libstdc++ with it, so that ASan's __cxa_throw
    # interceptor finds the real one (Python itself does not load libstdc++,
    # and pybind11 throws C++ exceptions, e.g. for StopIteration).
    return f"{runtime('libasan.so')}:{runtime('libstdc++.so.6')}"


def pybind11_cmake_dir() -> str:
    r = subprocess.run([sys.executable, "-m", "pybind11", "--cmakedir"], capture_output=True,
                       text=True)
    if r.returncode != 0:
        pytest.skip("pybind11 is not installed for this Python")
    return r.stdout.strip()


@pytest.fixture(scope="module")
def asan_package(tmp_path_factory) -> pathlib.Path:
    """A directory holding a digestcore package whose _core is built with ASan."""
    flags = "-fsanitize=address -fno-omit-frame-pointer -O1"
    if not (BUILD / "build.ninja").exists() and not (BUILD / "Makefile").exists():
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        subprocess.run(
            ["cmake", "-S", str(ROOT), "-B", str(BUILD), *generator,
             "-DCMAKE_BUILD_TYPE=Debug",
             f"-DCMAKE_C_FLAGS={flags}", f"-DCMAKE_CXX_FLAGS={flags}",
             "-DCMAKE_MODULE_LINKER_FLAGS=-fsanitize=address",
             "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address",
             "-DDIGEST_BUILD_PYTHON=ON", "-DDIGEST_BUILD_TESTS=OFF",
             "-DDIGEST_BUILD_BENCH=OFF", "-DDIGEST_BUILD_EXAMPLES=OFF",
             "-DDIGEST_BUILD_CLI=OFF", "-DBUILD_SHARED_LIBS=OFF",
             f"-DPython_EXECUTABLE={sys.executable}",
             f"-Dpybind11_DIR={pybind11_cmake_dir()}"],
            check=True, capture_output=True, text=True)
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    r = subprocess.run(["cmake", "--build", str(BUILD), "--target", "_core", "-j", jobs],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-3000:]
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = list(BUILD.glob(f"bindings/python/_core{suffix}"))
    assert built, f"no _core{suffix} under {BUILD}"
    pkg = tmp_path_factory.mktemp("asan") / "digestcore"
    shutil.copytree(ROOT / "bindings" / "python" / "digestcore", pkg)
    shutil.copy2(built[0], pkg / built[0].name)
    return pkg.parent


def run_child(site: pathlib.Path, args: list[str], timeout: float = 900):
    env = dict(os.environ)
    env.update({
        "LD_PRELOAD": preload(),
        "PYTHONMALLOC": "malloc",
        "PYTHONPATH": str(site),
        # Python's own allocations are not all freed at exit: leaks are not
        # what this test is about.
        "ASAN_OPTIONS": "detect_leaks=0:halt_on_error=1:exitcode=66:"
                        "detect_stack_use_after_return=0",
        "DIGESTCORE_PATTERN_SECONDS": "1.0",
    })
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=str(site))


def test_the_child_imports_the_asan_build(asan_package):
    r = run_child(asan_package, ["-c", "import digestcore._core as m; print(m.__file__)"])
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip().startswith(str(asan_package))


def test_asan_catches_a_use_after_free_in_the_child(asan_package):
    # The control: a heap-use-after-free through ctypes must be reported, or
    # the pattern tests below would prove nothing.
    code = ("import ctypes, digestcore\n"
            "libc = ctypes.CDLL(None)\n"
            "libc.malloc.restype = ctypes.c_void_p\n"
            "libc.free.argtypes = [ctypes.c_void_p]\n"
            "p = libc.malloc(64)\n"
            "libc.free(p)\n"
            "ctypes.memset(p, 0, 8)\n")
    r = run_child(asan_package, ["-c", code])
    assert r.returncode != 0
    assert "AddressSanitizer: heap-use-after-free" in r.stderr


@pytest.mark.parametrize("pattern", sorted(crash_patterns.PATTERNS))
def test_crash_pattern_is_clean_under_asan(asan_package, pattern):
    r = run_child(asan_package, [str(HERE / "crash_patterns.py"), pattern])
    assert "AddressSanitizer" not in r.stderr, r.stderr[-8000:]
    assert r.returncode == 0, f"exit {r.returncode}\n{r.stdout}\n{r.stderr[-4000:]}"
    assert f"OK {pattern}" in r.stdout
