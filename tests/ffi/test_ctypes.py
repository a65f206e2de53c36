#!/usr/bin/env python3
"""Drives libdigest.so end to end through Python's ctypes alone: no pybind11,
no digestcore package, only the C ABI as digest/digestcore.h describes it.

    test_ctypes.py --library build/libdigest.so --data examples/data \
                   --out OUTDIR [--cli build/digestcore]

Imports the example collection, curates it (attribution filling, the source
registry, the gazetteer), builds the digest of 2021-W33, renders it as
Markdown and JSON, parses dates and handles errors. The renders are written
to OUTDIR/ctypes.md and OUTDIR/ctypes.json (ffi.same_output compares them
with the Go test's), and compared with the CLI's when --cli is given.

Run by ctest as ffi.ctypes (label ffi).
"""

import argparse
import ctypes
import os
import subprocess
import sys
import unittest
from ctypes import (POINTER, byref, c_char_p, c_int, c_int32, c_int64, c_size_t,
                    c_uint, c_uint64, c_void_p)

ARGS = None
WEEK = b"2021-W33"

# ---- the C API, declared by hand from digest/digestcore.h ----------------------

DG_OK = 0
DG_E_INVALID_ARGUMENT = -1
DG_E_PARSE = -2
DG_E_WRONG_TYPE = -4
DG_E_NOT_FOUND = -7
DG_E_IO = -8
DG_E_FILE_NOT_FOUND = -13
DG_FORMAT_DETECT = 0
DG_RENDER_MARKDOWN = 0
DG_RENDER_JSON = 1
DG_CALENDAR_GREGORIAN = 0
DG_CALENDAR_PERSIAN = 1
DG_POST_ID = 0
DG_POST_SOURCE = 3
DG_CURATE_OPTIONS_VERSION = 1
DG_CURATE_REPORT_VERSION = 1


class Handle(c_void_p):
    """An opaque handle (dg_collection *, dg_digest *, ...)."""


class DgDate(ctypes.Structure):
    """dg_date: a plain value struct of the stable ABI (c/dates.h)."""
    _fields_ = [
        ("year", c_int), ("month", c_int), ("day", c_int),
        ("has_time", c_int), ("seconds", c_int32),
        ("has_offset", c_int), ("utc_offset_minutes", c_int32),
        ("calendar", c_int),
        ("written_year", c_int), ("written_month", c_int), ("written_day", c_int),
        ("begin", c_size_t), ("end", c_size_t),
        ("ambiguous", c_int), ("has_weekday", c_int), ("weekday_mismatch", c_int),
    ]


class CurateOptionsHead(ctypes.Structure):
    """The documented leading fields of dg_curate_options. The struct may grow
    in later versions; the test allocates room to spare and lets
    dg_curate_options_init fill in every field, then sets only these."""
    _fields_ = [
        ("version", c_uint),
        ("fill_from_attribution", c_int),
        ("sources", c_void_p),
        ("entities", c_void_p),
        ("entity_tag_prefix", c_char_p),
        ("entity_tag_prefix_len", c_size_t),
    ]


class CurateReport(ctypes.Structure):
    """dg_curate_report, version 1 (the caller sets `version`)."""
    _fields_ = [
        ("version", c_uint),
        ("posts_attributed", c_size_t),
        ("sources_added", c_size_t),
        ("posts_filed", c_size_t),
        ("entity_tags_added", c_size_t),
    ]


def load(path):
    lib = ctypes.CDLL(path)
    H = POINTER(Handle)
    protos = {
        "dg_version": (c_char_p, []),
        "dg_version_number": (c_uint, []),
        "dg_status_name": (c_char_p, [c_int]),
        "dg_last_error": (c_char_p, []),
        "dg_last_error_code": (c_int, []),
        "dg_last_error_message": (c_char_p, []),
        "dg_last_error_field": (c_char_p, []),
        "dg_last_error_file": (c_char_p, []),
        "dg_last_error_position": (c_int, [POINTER(c_uint64), POINTER(c_int64)]),
        "dg_buffer_data": (c_void_p, [Handle]),
        "dg_buffer_size": (c_size_t, [Handle]),
        "dg_buffer_free": (None, [Handle]),
        "dg_collection_new": (c_int, [H]),
        "dg_collection_free": (None, [Handle]),
        "dg_collection_import_file": (c_int, [Handle, c_char_p, c_int, POINTER(c_size_t)]),
        "dg_collection_import_json": (c_int, [Handle, c_char_p, c_size_t, c_int,
                                              POINTER(c_size_t)]),
        "dg_collection_post_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_collection_post_at": (c_int, [Handle, c_size_t, H]),
        "dg_collection_find_post": (c_int, [Handle, c_char_p, c_size_t, H]),
        "dg_post_get": (c_int, [Handle, c_int, POINTER(c_void_p), POINTER(c_size_t)]),
        "dg_post_author_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_post_tag_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_post_tag_at": (c_int, [Handle, c_size_t, POINTER(c_void_p), POINTER(c_size_t)]),
        "dg_source_registry_load_file": (c_int, [H, c_char_p]),
        "dg_source_registry_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_source_registry_free": (None, [Handle]),
        "dg_gazetteer_load_file": (c_int, [H, c_char_p]),
        "dg_gazetteer_entity_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_gazetteer_free": (None, [Handle]),
        "dg_curate_options_init": (c_int, [c_void_p, c_uint]),
        "dg_collection_curate": (c_int, [Handle, c_void_p, POINTER(CurateReport)]),
        "dg_digest_build_week": (c_int, [Handle, c_char_p, c_size_t, H]),
        "dg_digest_post_count": (c_int, [Handle, POINTER(c_size_t)]),
        "dg_digest_free": (None, [Handle]),
        "dg_digest_render": (c_int, [Handle, c_int, H]),
        "dg_date_parse": (c_int, [c_char_p, c_size_t, c_void_p, POINTER(DgDate)]),
    }
    for name, (restype, argtypes) in protos.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


class DigestError(Exception):
    def __init__(self, lib, status, call):
        line, offset = c_uint64(), c_int64()
        lib.dg_last_error_position(byref(line), byref(offset))
        self.status = status
        self.name = lib.dg_status_name(status).decode()
        self.message = lib.dg_last_error().decode()
        self.code = lib.dg_last_error_code()
        self.field = lib.dg_last_error_field().decode()
        self.line, self.offset = line.value, offset.value
        super().__init__(f"{call}: {self.name}: {self.message}")


class Lib:
    """Calls that raise DigestError on a failed status. The last error is
    thread-local: it is read right after the call, on the same thread."""

    def __init__(self, path):
        self.c = load(path)

    def __getattr__(self, name):
        fn = getattr(self.c, name)
        if fn.restype is not c_int or name in ("dg_last_error_code", "dg_last_error_position"):
            return fn

        def call(*args):
            status = fn(*args)
            if status != DG_OK:
                raise DigestError(self.c, status, name)
            return status
        return call

    def text(self, getter, *args):
        """A (pointer, length) string from the library, as str."""
        ptr, n = c_void_p(), c_size_t()
        getattr(self, getter)(*args, byref(ptr), byref(n))
        raw = ctypes.string_at(ptr, n.value) if n.value else b""
        # Strings handed out are NUL-terminated as well as sized.
        if ptr.value:
            assert ctypes.string_at(ptr.value + n.value, 1) == b"\0", f"{getter}: no NUL"
        return raw.decode("utf-8")

    def take_buffer(self, buf):
        try:
            data = ctypes.string_at(self.c.dg_buffer_data(buf), self.c.dg_buffer_size(buf))
        finally:
            self.c.dg_buffer_free(buf)
        return data.decode("utf-8")


def data(name):
    return os.path.join(ARGS.data, name).encode()


def cli_output(fmt):
    cmd = [ARGS.cli, "digest", os.path.join(ARGS.data, "collection.json"),
           "--week", WEEK.decode(), "--format", fmt,
           "--sources", os.path.join(ARGS.data, "sources.json"),
           "--entities", os.path.join(ARGS.data, "entities.json"), "--attribution"]
    out = subprocess.run(cmd, capture_output=True, check=False)
    if out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed:\n{out.stderr.decode()}")
    return out.stdout.decode("utf-8")


class CtypesEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lib = Lib(ARGS.library)

    def new_collection(self):
        c = Handle()
        self.lib.dg_collection_new(byref(c))
        self.addCleanup(self.lib.dg_collection_free, c)
        return c

    def post_count(self, c):
        n = c_size_t()
        self.lib.dg_collection_post_count(c, byref(n))
        return n.value

    def test_version(self):
        v = self.lib.dg_version().decode()
        major, minor, patch = (int(x) for x in v.split("."))
        self.assertEqual(self.lib.dg_version_number(), major * 10000 + minor * 100 + patch)

    def test_import_curate_digest_render(self):
        lib = self.lib
        c = self.new_collection()
        added = c_size_t()
        lib.dg_collection_import_file(c, data("collection.json"), DG_FORMAT_DETECT, byref(added))
        self.assertEqual(added.value, 40)
        self.assertEqual(self.post_count(c), 40)

        registry, gazetteer = Handle(), Handle()
        lib.dg_source_registry_load_file(byref(registry), data("sources.json"))
        self.addCleanup(lib.dg_source_registry_free, registry)
        lib.dg_gazetteer_load_file(byref(gazetteer), data("entities.json"))
        self.addCleanup(lib.dg_gazetteer_free, gazetteer)
        n = c_size_t()
        lib.dg_source_registry_count(registry, byref(n))
        self.assertEqual(n.value, 10)
        lib.dg_gazetteer_entity_count(gazetteer, byref(n))
        self.assertGreater(n.value, 0)

        # Options: room to spare, filled by the library, leading fields set.
        storage = (c_uint64 * 64)()
        lib.dg_curate_options_init(storage, DG_CURATE_OPTIONS_VERSION)
        opts = ctypes.cast(storage, POINTER(CurateOptionsHead)).contents
        self.assertEqual(opts.version, DG_CURATE_OPTIONS_VERSION)
        self.assertEqual(opts.fill_from_attribution, 0)
        self.assertIsNone(opts.sources)
        self.assertEqual(ctypes.string_at(opts.entity_tag_prefix, opts.entity_tag_prefix_len),
                         b"entity:")
        opts.fill_from_attribution = 1
        opts.sources = registry.value
        opts.entities = gazetteer.value
        report = CurateReport(version=DG_CURATE_REPORT_VERSION)
        lib.dg_collection_curate(c, storage, byref(report))
        self.assertGreater(report.posts_attributed, 0)
        self.assertGreater(report.posts_filed, 0)
        self.assertGreater(report.entity_tags_added, 0)

        # Every post now has a registry id as its source, and entity tags
        # were added as the report says.
        tags = 0
        post = Handle()
        for i in range(self.post_count(c)):
            lib.dg_collection_post_at(c, i, byref(post))
            source = lib.text("dg_post_get", post, DG_POST_SOURCE)
            self.assertTrue(source, lib.text("dg_post_get", post, DG_POST_ID))
            lib.dg_post_tag_count(post, byref(n))
            for t in range(n.value):
                tags += lib.text("dg_post_tag_at", post, t).startswith("entity:")
        self.assertEqual(tags, report.entity_tags_added)

        digest = Handle()
        lib.dg_digest_build_week(c, WEEK, len(WEEK), byref(digest))
        self.addCleanup(lib.dg_digest_free, digest)
        lib.dg_digest_post_count(digest, byref(n))
        self.assertGreater(n.value, 0)

        renders = {}
        for fmt, code in (("md", DG_RENDER_MARKDOWN), ("json", DG_RENDER_JSON)):
            buf = Handle()
            lib.dg_digest_render(digest, code, byref(buf))
            renders[fmt] = lib.take_buffer(buf)
        md = renders["md"]
        self.assertTrue(md.startswith("# "), md[:80])
        self.assertIn("# Weekly Digest \u2013 Aug 22, 2021", md)
        self.assertIn("Harbor Street Tribune", md)
        self.assertIn('"entity:', renders["json"])

        os.makedirs(ARGS.out, exist_ok=True)
        for fmt, text in renders.items():
            with open(os.path.join(ARGS.out, f"ctypes.{fmt}"), "w", encoding="utf-8",
                      newline="") as f:
                f.write(text)
        if ARGS.cli:
            self.assertEqual(md, cli_output("markdown"), "Markdown differs from the CLI's")
            self.assertEqual(renders["json"], cli_output("json"), "JSON differs from the CLI's")

    def test_parse_dates(self):
        lib = self.lib
        d = DgDate()
        text = "۱۹ شهریور ۱۴۰۰".encode()  # Solar Hijri
        lib.dg_date_parse(text, len(text), None, byref(d))
        self.assertEqual((d.year, d.month, d.day), (2021, 9, 10))
        self.assertEqual(d.calendar, DG_CALENDAR_PERSIAN)
        self.assertEqual((d.written_year, d.written_month, d.written_day), (1400, 6, 19))
        self.assertEqual((d.begin, d.end), (0, len(text)))

        text = b"Tue, 17 Aug 2021 09:30:00 +0430"
        lib.dg_date_parse(text, len(text), None, byref(d))
        self.assertEqual((d.year, d.month, d.day), (2021, 8, 17))
        self.assertEqual(d.calendar, DG_CALENDAR_GREGORIAN)
        self.assertTrue(d.has_time and d.has_offset)
        self.assertEqual((d.seconds, d.utc_offset_minutes), (9 * 3600 + 30 * 60, 270))

        text = b"no date here"
        with self.assertRaises(DigestError) as e:
            lib.dg_date_parse(text, len(text), None, byref(d))
        self.assertEqual(e.exception.status, DG_E_NOT_FOUND)
        self.assertEqual(e.exception.name, "DG_E_NOT_FOUND")

    def test_errors_are_values_with_positions(self):
        lib = self.lib
        c = self.new_collection()

        # Malformed JSON: DG_E_PARSE, a message, a byte offset.
        bad = b'{"digestcore": 1, "posts": [{"id": "x", "title": '
        with self.assertRaises(DigestError) as e:
            lib.dg_collection_import_json(c, bad, len(bad), DG_FORMAT_DETECT, None)
        err = e.exception
        self.assertEqual(err.status, DG_E_PARSE)
        self.assertEqual(err.name, "DG_E_PARSE")
        self.assertEqual(err.code, DG_E_PARSE)
        self.assertEqual(err.line, 1)
        self.assertTrue(0 <= err.offset <= len(bad), err.offset)
        self.assertIn(f"byte {err.offset}", err.message)

        # A value of the wrong type: its exact position and JSON path.
        bad = b'{"digestcore": 1, "posts": [{"id": 5}]}'
        with self.assertRaises(DigestError) as e:
            lib.dg_collection_import_json(c, bad, len(bad), DG_FORMAT_DETECT, None)
        err = e.exception
        self.assertEqual(err.status, DG_E_WRONG_TYPE)
        self.assertEqual(err.offset, bad.index(b"5"))
        self.assertIn("posts[0].id", err.field)
        self.assertIn(f"byte {err.offset}", err.message)

        # All or nothing: the collection is unchanged.
        self.assertEqual(self.post_count(c), 0)
        # A success clears the last error.
        good = b'{"digestcore": 1, "posts": []}'
        lib.dg_collection_import_json(c, good, len(good), DG_FORMAT_DETECT, None)
        self.assertEqual(lib.dg_last_error(), b"")
        self.assertEqual(lib.dg_last_error_code(), DG_OK)

        # A missing file is DG_E_FILE_NOT_FOUND naming the file; NULL handles are rejected.
        with self.assertRaises(DigestError) as e:
            lib.dg_collection_import_file(c, b"/nonexistent/x.json", DG_FORMAT_DETECT, None)
        self.assertEqual(e.exception.status, DG_E_FILE_NOT_FOUND)
        self.assertIn("/nonexistent/x.json", e.exception.message)
        with self.assertRaises(DigestError) as e:
            lib.dg_collection_post_count(None, byref(c_size_t()))
        self.assertEqual(e.exception.status, DG_E_INVALID_ARGUMENT)
        self.assertEqual(lib.dg_status_name(-12345), b"DG_E_UNKNOWN")


def main():
    global ARGS
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--library", required=True, help="path of libdigest.so")
    p.add_argument("--data", required=True, help="examples/data")
    p.add_argument("--out", required=True, help="where ctypes.md and ctypes.json go")
    p.add_argument("--cli", help="the digestcore CLI, to compare the renders with")
    ARGS, rest = p.parse_known_args()
    for name in ("ctypes.md", "ctypes.json"):  # no stale output for ffi.same_output
        try:
            os.remove(os.path.join(ARGS.out, name))
        except FileNotFoundError:
            pass
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
