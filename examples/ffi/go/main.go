// weekly_digest (Go): the curated Markdown digest of one ISO week, through
// libdigest's C API with cgo.
//
//	go run . [DATA_DIR] [WEEK]
//
// DATA_DIR defaults to ../../data, WEEK to 2021-W33. Prints what
// `digestcore digest DATA_DIR/collection.json --week WEEK --sources
// DATA_DIR/sources.json --entities DATA_DIR/entities.json --attribution`
// does. The compiler and linker find digestcore through CGO_CFLAGS and
// CGO_LDFLAGS (see README.md).
package main

/*
#cgo LDFLAGS: -ldigest
#include <stdlib.h>
#include "digest/digestcore.h"
*/
import "C"

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"unsafe"
)

// check turns a failed status into an error. The last error is per thread,
// so main keeps its goroutine on one OS thread (runtime.LockOSThread).
func check(status C.int, what string) error {
	if status == 0 {
		return nil
	}
	return fmt.Errorf("%s: %s: %s", what, C.GoString(C.dg_status_name(status)),
		C.GoString(C.dg_last_error()))
}

func run(data, week string) (string, error) {
	path := func(name string) *C.char { return C.CString(filepath.Join(data, name)) }
	collectionPath, sourcesPath, entitiesPath := path("collection.json"), path("sources.json"), path("entities.json")
	cweek := C.CString(week)
	for _, p := range []*C.char{collectionPath, sourcesPath, entitiesPath, cweek} {
		defer C.free(unsafe.Pointer(p))
	}

	var collection *C.dg_collection
	if err := check(C.dg_collection_new(&collection), "new collection"); err != nil {
		return "", err
	}
	defer C.dg_collection_free(collection)
	if err := check(C.dg_collection_import_file(collection, collectionPath, C.DG_FORMAT_DETECT, nil), "import"); err != nil {
		return "", err
	}
	var registry *C.dg_source_registry
	if err := check(C.dg_source_registry_load_file(&registry, sourcesPath), "registry"); err != nil {
		return "", err
	}
	defer C.dg_source_registry_free(registry)
	var gazetteer *C.dg_gazetteer
	if err := check(C.dg_gazetteer_load_file(&gazetteer, entitiesPath), "gazetteer"); err != nil {
		return "", err
	}
	defer C.dg_gazetteer_free(gazetteer)

	var opts C.dg_curate_options
	if err := check(C.dg_curate_options_init(&opts, C.DG_CURATE_OPTIONS_VERSION), "options"); err != nil {
		return "", err
	}
	opts.fill_from_attribution = 1
	opts.sources = registry
	opts.entities = gazetteer
	if err := check(C.dg_collection_curate(collection, &opts, nil), "curate"); err != nil {
		return "", err
	}

	var digest *C.dg_digest
	if err := check(C.dg_digest_build_week(collection, cweek, C.size_t(len(week)), &digest), "digest"); err != nil {
		return "", err
	}
	defer C.dg_digest_free(digest)
	var markdown *C.dg_buffer
	if err := check(C.dg_digest_render(digest, C.DG_RENDER_MARKDOWN, &markdown), "render"); err != nil {
		return "", err
	}
	defer C.dg_buffer_free(markdown)
	return C.GoStringN(C.dg_buffer_data(markdown), C.int(C.dg_buffer_size(markdown))), nil
}

func main() {
	runtime.LockOSThread()
	data, week := filepath.Join("..", "..", "data"), "2021-W33"
	if len(os.Args) > 1 {
		data = os.Args[1]
	}
	if len(os.Args) > 2 {
		week = os.Args[2]
	}
	text, err := run(data, week)
	if err != nil {
		fmt.Fprintln(os.Stderr, "weekly_digest_go:", err)
		os.Exit(1)
	}
	fmt.Print(text)
}
