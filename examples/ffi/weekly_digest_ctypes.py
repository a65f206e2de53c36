#!/usr/bin/env python3
"""weekly_digest (ctypes): the curated Markdown digest of one ISO week, through
libdigest's C API with nothing but Python's standard library.

    python3 examples/ffi/weekly_digest_ctypes.py LIBDIGEST [DATA_DIR] [WEEK]

LIBDIGEST is the path of libdigest.so (build/default/libdigest.so, or the
installed one); DATA_DIR defaults to examples/data, WEEK to 2021-W33. Prints
what `digestcore digest DATA_DIR/collection.json --week WEEK --sources
DATA_DIR/sources.json --entities DATA_DIR/entities.json --attribution` does.
"""

import ctypes
import sys
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint, c_void_p
from pathlib import Path

P = POINTER(c_void_p)
# Every function used, with its C prototype: ctypes would otherwise pass and
# return ints, truncating pointers and size_t on 64-bit systems.
PROTOTYPES = {
    "dg_status_name": (c_char_p, [c_int]),
    "dg_last_error": (c_char_p, []),
    "dg_collection_new": (c_int, [P]),
    "dg_collection_free": (None, [c_void_p]),
    "dg_collection_import_file": (c_int, [c_void_p, c_char_p, c_int, POINTER(c_size_t)]),
    "dg_source_registry_load_file": (c_int, [P, c_char_p]),
    "dg_source_registry_free": (None, [c_void_p]),
    "dg_gazetteer_load_file": (c_int, [P, c_char_p]),
    "dg_gazetteer_free": (None, [c_void_p]),
    "dg_curate_options_init": (c_int, [c_void_p, c_uint]),
    "dg_collection_curate": (c_int, [c_void_p, c_void_p, c_void_p]),
    "dg_digest_build_week": (c_int, [c_void_p, c_char_p, c_size_t, P]),
    "dg_digest_free": (None, [c_void_p]),
    "dg_digest_render": (c_int, [c_void_p, c_int, P]),
    "dg_buffer_data": (c_void_p, [c_void_p]),
    "dg_buffer_size": (c_size_t, [c_void_p]),
    "dg_buffer_free": (None, [c_void_p]),
}
DG_FORMAT_DETECT, DG_RENDER_MARKDOWN, DG_CURATE_OPTIONS_VERSION = 0, 0, 1


class CurateOptions(ctypes.Structure):
    """The leading fields of dg_curate_options (digest/c/curate.h). The struct
    may grow: allocate more, let dg_curate_options_init fill it, set these."""
    _fields_ = [("version", c_uint), ("fill_from_attribution", c_int),
                ("sources", c_void_p), ("entities", c_void_p)]


class DigestError(Exception):
    pass


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    data = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent.parent / "data")
    week = (sys.argv[3] if len(sys.argv) > 3 else "2021-W33").encode()

    lib = ctypes.CDLL(sys.argv[1])
    for name, (restype, argtypes) in PROTOTYPES.items():
        getattr(lib, name).restype, getattr(lib, name).argtypes = restype, argtypes

    def check(status, what):
        # The last error is per thread: read it now, on this thread.
        if status != 0:
            raise DigestError(f"{what}: {lib.dg_status_name(status).decode()}: "
                              f"{lib.dg_last_error().decode()}")

    collection, registry, gazetteer, digest, markdown = (c_void_p() for _ in range(5))
    try:
        check(lib.dg_collection_new(byref(collection)), "new collection")
        check(lib.dg_collection_import_file(collection, str(data / "collection.json").encode(),
                                            DG_FORMAT_DETECT, None), "import")
        check(lib.dg_source_registry_load_file(byref(registry),
                                               str(data / "sources.json").encode()), "registry")
        check(lib.dg_gazetteer_load_file(byref(gazetteer),
                                         str(data / "entities.json").encode()), "gazetteer")

        storage = (ctypes.c_uint64 * 64)()  # room to spare for later versions
        check(lib.dg_curate_options_init(storage, DG_CURATE_OPTIONS_VERSION), "options")
        opts = CurateOptions.from_buffer(storage)
        opts.fill_from_attribution = 1
        opts.sources, opts.entities = registry.value, gazetteer.value
        check(lib.dg_collection_curate(collection, storage, None), "curate")

        check(lib.dg_digest_build_week(collection, week, len(week), byref(digest)), "digest")
        check(lib.dg_digest_render(digest, DG_RENDER_MARKDOWN, byref(markdown)), "render")
        text = ctypes.string_at(lib.dg_buffer_data(markdown), lib.dg_buffer_size(markdown))
        sys.stdout.write(text.decode("utf-8"))
        return 0
    except DigestError as e:
        print(f"weekly_digest_ctypes: {e}", file=sys.stderr)
        return 1
    finally:  # every free function accepts NULL
        lib.dg_buffer_free(markdown)
        lib.dg_digest_free(digest)
        lib.dg_gazetteer_free(gazetteer)
        lib.dg_source_registry_free(registry)
        lib.dg_collection_free(collection)


if __name__ == "__main__":
    sys.exit(main())
