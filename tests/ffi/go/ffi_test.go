package ffi

// The same steps as tests/ffi/test_ctypes.py, from Go: import the example
// collection, curate it with the registry, the gazetteer and attribution
// filling, build the digest of 2021-W33, render it, parse dates, handle
// errors. Run by ctest as ffi.go (tests/ffi/run_go_test.cmake), which sets:
//   DIGEST_FFI_DATA  examples/data
//   DIGEST_FFI_OUT   where go.md and go.json are written
//   DIGEST_FFI_CLI   the digestcore CLI, to compare the renders with (optional)

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const week = "2021-W33"

func env(t *testing.T, name string) string {
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set (run this test through ctest: ffi.go)", name)
	}
	return v
}

func TestMain(m *testing.M) {
	if out := os.Getenv("DIGEST_FFI_OUT"); out != "" {
		for _, name := range []string{"go.md", "go.json"} { // no stale output
			os.Remove(filepath.Join(out, name))
		}
	}
	os.Exit(m.Run())
}

// of packs a (value, error) pair so that must can take it with t:
// must(t, of(NewCollection())) fails the test on an error.
type result[T any] struct {
	v   T
	err error
}

func of[T any](v T, err error) result[T] { return result[T]{v, err} }

func must[T any](t *testing.T, r result[T]) T {
	t.Helper()
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r.v
}

func TestVersion(t *testing.T) {
	var major, minor, patch uint
	if _, err := fmt.Sscanf(Version(), "%d.%d.%d", &major, &minor, &patch); err != nil {
		t.Fatalf("dg_version() = %q: %v", Version(), err)
	}
	if n := major*10000 + minor*100 + patch; VersionNumber() != n || HeaderVersionNumber() != n {
		t.Fatalf("versions disagree: %q, %d at run time, %d in the headers",
			Version(), VersionNumber(), HeaderVersionNumber())
	}
}

func cliRender(t *testing.T, data, format string) string {
	cli := os.Getenv("DIGEST_FFI_CLI")
	if cli == "" {
		return ""
	}
	cmd := exec.Command(cli, "digest", filepath.Join(data, "collection.json"),
		"--week", week, "--format", format,
		"--sources", filepath.Join(data, "sources.json"),
		"--entities", filepath.Join(data, "entities.json"), "--attribution")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, stderr.String())
	}
	return string(out)
}

func TestImportCurateDigestRender(t *testing.T) {
	data := env(t, "DIGEST_FFI_DATA")
	outDir := env(t, "DIGEST_FFI_OUT")

	c := must(t, of(NewCollection()))
	defer c.Free()
	if added := must(t, of(c.ImportFile(filepath.Join(data, "collection.json")))); added != 40 {
		t.Fatalf("imported %d posts, want 40", added)
	}

	registry := must(t, of(LoadRegistry(filepath.Join(data, "sources.json"))))
	defer registry.Free()
	gazetteer := must(t, of(LoadGazetteer(filepath.Join(data, "entities.json"))))
	defer gazetteer.Free()
	if n := must(t, of(registry.Count())); n != 10 {
		t.Fatalf("registry has %d sources, want 10", n)
	}
	if n := must(t, of(gazetteer.EntityCount())); n == 0 {
		t.Fatal("gazetteer is empty")
	}
	if p := must(t, of(DefaultEntityTagPrefix())); p != "entity:" {
		t.Fatalf("default entity tag prefix %q", p)
	}

	report := must(t, of(c.Curate(CurateOptions{
		FillFromAttribution: true, Sources: registry, Entities: gazetteer})))
	if report.PostsAttributed == 0 || report.PostsFiled == 0 || report.EntityTagsAdded == 0 {
		t.Fatalf("curate did too little: %+v", report)
	}

	tags := 0
	for i := 0; i < must(t, of(c.PostCount())); i++ {
		post := must(t, of(c.PostAt(i)))
		if must(t, of(post.Get(PostSource))) == "" {
			t.Errorf("post %s has no source after curation", must(t, of(post.Get(PostID))))
		}
		for _, tag := range must(t, of(post.Tags())) {
			if strings.HasPrefix(tag, "entity:") {
				tags++
			}
		}
	}
	if tags != report.EntityTagsAdded {
		t.Fatalf("%d entity tags on the posts, the report says %d", tags, report.EntityTagsAdded)
	}

	d := must(t, of(c.BuildWeek(week)))
	defer d.Free()
	if n := must(t, of(d.PostCount())); n == 0 {
		t.Fatal("the digest of 2021-W33 is empty")
	}
	md := must(t, of(d.Render(Markdown)))
	js := must(t, of(d.Render(JSON)))
	if !strings.HasPrefix(md, "# ") || !strings.Contains(md, "# Weekly Digest – Aug 22, 2021") ||
		!strings.Contains(md, "Harbor Street Tribune") {
		t.Fatalf("unexpected Markdown:\n%s", md)
	}
	if !strings.Contains(js, `"entity:`) {
		t.Fatal("the JSON render lacks the entity tags")
	}

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"go.md": md, "go.json": js} {
		if err := os.WriteFile(filepath.Join(outDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := cliRender(t, data, "markdown"); want != "" && md != want {
		t.Errorf("Markdown differs from the CLI's:\n--- go\n%s\n--- cli\n%s", md, want)
	}
	if want := cliRender(t, data, "json"); want != "" && js != want {
		t.Errorf("JSON differs from the CLI's")
	}
}

func TestParseDates(t *testing.T) {
	text := "۱۹ شهریور ۱۴۰۰" // Solar Hijri
	d := must(t, of(ParseDate(text)))
	if d.Year != 2021 || d.Month != 9 || d.Day != 10 || d.Calendar != Persian ||
		d.WrittenYear != 1400 || d.WrittenMonth != 6 || d.WrittenDay != 19 ||
		d.Begin != 0 || d.End != len(text) {
		t.Fatalf("%q read as %+v", text, d)
	}

	d = must(t, of(ParseDate("Tue, 17 Aug 2021 09:30:00 +0430")))
	if d.Year != 2021 || d.Month != 8 || d.Day != 17 || d.Calendar != Gregorian ||
		!d.HasTime || d.Seconds != 9*3600+30*60 || !d.HasOffset || d.OffsetMinutes != 270 {
		t.Fatalf("RFC 2822 date read as %+v", d)
	}

	_, err := ParseDate("no date here")
	var e *Error
	if !errors.As(err, &e) || e.Name != "DG_E_NOT_FOUND" {
		t.Fatalf("a text without a date gave %v", err)
	}
}

func TestErrorsAreValuesWithPositions(t *testing.T) {
	c := must(t, of(NewCollection()))
	defer c.Free()

	bad := `{"digestcore": 1, "posts": [{"id": "x", "title": `
	_, err := c.ImportJSON(bad)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("malformed JSON gave %v", err)
	}
	if e.Name != "DG_E_PARSE" || e.Line != 1 || e.Offset < 0 || e.Offset > int64(len(bad)) ||
		!strings.Contains(e.Message, fmt.Sprintf("byte %d", e.Offset)) {
		t.Fatalf("malformed JSON: %+v", e)
	}

	bad = `{"digestcore": 1, "posts": [{"id": 5}]}`
	_, err = c.ImportJSON(bad)
	if !errors.As(err, &e) {
		t.Fatalf("a number for an id gave %v", err)
	}
	if e.Name != "DG_E_WRONG_TYPE" || e.Offset != int64(strings.Index(bad, "5")) ||
		!strings.Contains(e.Field, "posts[0].id") {
		t.Fatalf("wrong type: %+v", e)
	}

	if n := must(t, of(c.PostCount())); n != 0 {
		t.Fatalf("a failed import left %d posts", n)
	}
	if _, err := c.ImportFile("/nonexistent/x.json"); !errors.As(err, &e) ||
		e.Name != "DG_E_FILE_NOT_FOUND" || !strings.Contains(e.Message, "/nonexistent/x.json") {
		t.Fatalf("a missing file gave %v", err)
	}
	if StatusName(-12345) != "DG_E_UNKNOWN" {
		t.Fatalf("dg_status_name(-12345) = %q", StatusName(-12345))
	}
}
