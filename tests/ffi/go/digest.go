// Package ffi calls libdigest.so from Go through cgo, using nothing but the
// C API of digest/digestcore.h. It wraps the calls the tests need; the
// tests are in ffi_test.go (cgo is not allowed in _test.go files).
//
// Two rules of the C API shape this wrapper:
//   - The last error is thread-local, and Go moves goroutines between OS
//     threads between cgo calls; so every call that can fail runs with the
//     goroutine locked to its thread, and reads the error before unlocking.
//   - Strings are passed as pointer and length and copied by the library
//     during the call (C.CString, freed right after); strings handed out are
//     owned by their object and copied into Go strings at once.
package ffi

/*
#cgo LDFLAGS: -ldigest
#include <stdlib.h>
#include "digest/digestcore.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// Error is a failed call: its status and the thread's last error.
type Error struct {
	Status  int
	Name    string // "DG_E_PARSE"
	Message string // the whole error on one line, as dg_last_error()
	Field   string // the JSON path or argument it is about
	Line    uint64 // 1-based; 0 when unknown
	Offset  int64  // 0-based byte offset; -1 when unknown
}

func (e *Error) Error() string { return e.Name + ": " + e.Message }

// call runs f (one C call returning a status) locked to the OS thread, and
// turns a failure into an *Error read on that same thread.
func call(f func() C.int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	rc := f()
	if rc == 0 {
		return nil
	}
	var line C.uint64_t
	var offset C.int64_t
	C.dg_last_error_position(&line, &offset)
	return &Error{
		Status:  int(rc),
		Name:    C.GoString(C.dg_status_name(rc)),
		Message: C.GoString(C.dg_last_error()),
		Field:   C.GoString(C.dg_last_error_field()),
		Line:    uint64(line),
		Offset:  int64(offset),
	}
}

// cstr is a C copy of s for the duration of one call: pointer, length and
// the function that frees it.
func cstr(s string) (*C.char, C.size_t, func()) {
	p := C.CString(s)
	return p, C.size_t(len(s)), func() { C.free(unsafe.Pointer(p)) }
}

func goString(p *C.char, n C.size_t) string {
	if p == nil || n == 0 {
		return ""
	}
	return C.GoStringN(p, C.int(n))
}

// StatusName is dg_status_name.
func StatusName(status int) string { return C.GoString(C.dg_status_name(C.int(status))) }

// Version is the version of the library loaded at run time.
func Version() string { return C.GoString(C.dg_version()) }

// VersionNumber is dg_version_number; HeaderVersionNumber the headers' one.
func VersionNumber() uint       { return uint(C.dg_version_number()) }
func HeaderVersionNumber() uint { return uint(C.DG_VERSION_NUMBER) }

// ---- collections and posts ------------------------------------------------------

type Collection struct{ p *C.dg_collection }

func NewCollection() (*Collection, error) {
	var p *C.dg_collection
	if err := call(func() C.int { return C.dg_collection_new(&p) }); err != nil {
		return nil, err
	}
	return &Collection{p}, nil
}

func (c *Collection) Free() { C.dg_collection_free(c.p); c.p = nil }

// ImportFile imports a file in any supported format; it returns the number
// of posts added.
func (c *Collection) ImportFile(path string) (int, error) {
	p := C.CString(path)
	defer C.free(unsafe.Pointer(p))
	var added C.size_t
	err := call(func() C.int {
		return C.dg_collection_import_file(c.p, p, C.dg_format(C.DG_FORMAT_DETECT), &added)
	})
	return int(added), err
}

// ImportJSON imports JSON text; all or nothing.
func (c *Collection) ImportJSON(json string) (int, error) {
	p, n, free := cstr(json)
	defer free()
	var added C.size_t
	err := call(func() C.int {
		return C.dg_collection_import_json(c.p, p, n, C.dg_format(C.DG_FORMAT_DETECT), &added)
	})
	return int(added), err
}

func (c *Collection) PostCount() (int, error) {
	var n C.size_t
	err := call(func() C.int { return C.dg_collection_post_count(c.p, &n) })
	return int(n), err
}

// Post is a view into a collection, valid until the collection changes.
type Post struct{ p *C.dg_post }

func (c *Collection) PostAt(i int) (Post, error) {
	var p *C.dg_post
	err := call(func() C.int { return C.dg_collection_post_at(c.p, C.size_t(i), &p) })
	return Post{p}, err
}

type PostField int

const (
	PostID     PostField = C.DG_POST_ID
	PostTitle  PostField = C.DG_POST_TITLE
	PostSource PostField = C.DG_POST_SOURCE
)

func (p Post) Get(field PostField) (string, error) {
	var s *C.char
	var n C.size_t
	err := call(func() C.int { return C.dg_post_get(p.p, C.dg_post_field(field), &s, &n) })
	return goString(s, n), err
}

func (p Post) Tags() ([]string, error) {
	var count C.size_t
	if err := call(func() C.int { return C.dg_post_tag_count(p.p, &count) }); err != nil {
		return nil, err
	}
	tags := make([]string, 0, int(count))
	for i := C.size_t(0); i < count; i++ {
		var s *C.char
		var n C.size_t
		if err := call(func() C.int { return C.dg_post_tag_at(p.p, i, &s, &n) }); err != nil {
			return nil, err
		}
		tags = append(tags, goString(s, n))
	}
	return tags, nil
}

// ---- the source registry and the gazetteer ----------------------------------------

type Registry struct{ p *C.dg_source_registry }

func LoadRegistry(path string) (*Registry, error) {
	cp := C.CString(path)
	defer C.free(unsafe.Pointer(cp))
	var p *C.dg_source_registry
	if err := call(func() C.int { return C.dg_source_registry_load_file(&p, cp) }); err != nil {
		return nil, err
	}
	return &Registry{p}, nil
}

func (r *Registry) Free() { C.dg_source_registry_free(r.p); r.p = nil }

func (r *Registry) Count() (int, error) {
	var n C.size_t
	err := call(func() C.int { return C.dg_source_registry_count(r.p, &n) })
	return int(n), err
}

type Gazetteer struct{ p *C.dg_gazetteer }

func LoadGazetteer(path string) (*Gazetteer, error) {
	cp := C.CString(path)
	defer C.free(unsafe.Pointer(cp))
	var p *C.dg_gazetteer
	if err := call(func() C.int { return C.dg_gazetteer_load_file(&p, cp) }); err != nil {
		return nil, err
	}
	return &Gazetteer{p}, nil
}

func (g *Gazetteer) Free() { C.dg_gazetteer_free(g.p); g.p = nil }

func (g *Gazetteer) EntityCount() (int, error) {
	var n C.size_t
	err := call(func() C.int { return C.dg_gazetteer_entity_count(g.p, &n) })
	return int(n), err
}

// ---- curation ------------------------------------------------------------------------

// CurateOptions selects the steps of dg_collection_curate; the other options
// keep the defaults that dg_curate_options_init gives.
type CurateOptions struct {
	FillFromAttribution bool
	Sources             *Registry  // may be nil
	Entities            *Gazetteer // may be nil
}

type CurateReport struct {
	PostsAttributed, SourcesAdded, PostsFiled, EntityTagsAdded int
}

// DefaultEntityTagPrefix is the tag prefix dg_curate_options_init sets.
func DefaultEntityTagPrefix() (string, error) {
	var opts C.dg_curate_options
	err := call(func() C.int { return C.dg_curate_options_init(&opts, C.DG_CURATE_OPTIONS_VERSION) })
	return goString(opts.entity_tag_prefix, opts.entity_tag_prefix_len), err
}

func (c *Collection) Curate(o CurateOptions) (CurateReport, error) {
	var opts C.dg_curate_options
	if err := call(func() C.int {
		return C.dg_curate_options_init(&opts, C.DG_CURATE_OPTIONS_VERSION)
	}); err != nil {
		return CurateReport{}, err
	}
	if o.FillFromAttribution {
		opts.fill_from_attribution = 1
	}
	if o.Sources != nil {
		opts.sources = o.Sources.p
	}
	if o.Entities != nil {
		opts.entities = o.Entities.p
	}
	report := C.dg_curate_report{version: C.DG_CURATE_REPORT_VERSION}
	err := call(func() C.int { return C.dg_collection_curate(c.p, &opts, &report) })
	return CurateReport{
		PostsAttributed: int(report.posts_attributed),
		SourcesAdded:    int(report.sources_added),
		PostsFiled:      int(report.posts_filed),
		EntityTagsAdded: int(report.entity_tags_added),
	}, err
}

// ---- digests and renders -----------------------------------------------------------------

type Digest struct{ p *C.dg_digest }

// BuildWeek builds the digest of an ISO week ("2021-W33").
func (c *Collection) BuildWeek(week string) (*Digest, error) {
	w, n, free := cstr(week)
	defer free()
	var p *C.dg_digest
	if err := call(func() C.int { return C.dg_digest_build_week(c.p, w, n, &p) }); err != nil {
		return nil, err
	}
	return &Digest{p}, nil
}

func (d *Digest) Free() { C.dg_digest_free(d.p); d.p = nil }

func (d *Digest) PostCount() (int, error) {
	var n C.size_t
	err := call(func() C.int { return C.dg_digest_post_count(d.p, &n) })
	return int(n), err
}

type RenderFormat int

const (
	Markdown RenderFormat = C.DG_RENDER_MARKDOWN
	JSON     RenderFormat = C.DG_RENDER_JSON
)

// Render copies the rendered digest into a Go string and frees the buffer.
func (d *Digest) Render(format RenderFormat) (string, error) {
	var b *C.dg_buffer
	if err := call(func() C.int {
		return C.dg_digest_render(d.p, C.dg_render_format(format), &b)
	}); err != nil {
		return "", err
	}
	defer C.dg_buffer_free(b)
	return goString(C.dg_buffer_data(b), C.dg_buffer_size(b)), nil
}

// ---- dates ---------------------------------------------------------------------------------

type Calendar int

const (
	Gregorian Calendar = C.DG_CALENDAR_GREGORIAN
	Persian   Calendar = C.DG_CALENDAR_PERSIAN
)

// Date is what dg_date_parse reads from a text.
type Date struct {
	Year, Month, Day                      int
	HasTime                               bool
	Seconds                               int
	HasOffset                             bool
	OffsetMinutes                         int
	Calendar                              Calendar
	WrittenYear, WrittenMonth, WrittenDay int
	Begin, End                            int
}

// ParseDate reads `text` as one date with the default options.
func ParseDate(text string) (Date, error) {
	p, n, free := cstr(text)
	defer free()
	var d C.dg_date
	if err := call(func() C.int { return C.dg_date_parse(p, n, nil, &d) }); err != nil {
		return Date{}, err
	}
	return Date{
		Year: int(d.year), Month: int(d.month), Day: int(d.day),
		HasTime: d.has_time != 0, Seconds: int(d.seconds),
		HasOffset: d.has_offset != 0, OffsetMinutes: int(d.utc_offset_minutes),
		Calendar:    Calendar(d.calendar),
		WrittenYear: int(d.written_year), WrittenMonth: int(d.written_month),
		WrittenDay: int(d.written_day),
		Begin:      int(d.begin), End: int(d.end),
	}, nil
}
