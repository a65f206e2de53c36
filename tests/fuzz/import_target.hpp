// The body of the importer targets (fuzz_json and fuzz_import_*): one
// input imported in one format, strict and skipping bad records, with the
// contracts every import keeps:
// - a failed import leaves the collection exactly as it was, and its error
//   is one safe line with a position inside the input;
// - skipping bad records never fails where the strict import succeeds, and
//   then gives the same collection and skips nothing;
// - the report counts what was added; checking only (validate_only) gives
//   the same answer and adds nothing; max_posts fails exactly the imports
//   that exceed it;
// - whatever imports exports (own format pretty and compact, JSON Lines,
//   JSON Feed) to valid JSON without lone surrogates that reads back equal,
//   and its posts go through an Arrow stream of small batches and read back
//   equal;
// - detection agrees with the format it names;
// - JSON Lines streamed from a file gives the same result as from memory
//   (for one input in eight).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/arrow.hpp"
#include "digest/json.hpp"
#include "fuzz_common.hpp"

namespace fuzz {

inline const digest::Collection& import_base() {
  static const digest::Collection c = [] {
    digest::Collection b;
    digest::Post p;
    p.id = "seed";
    p.title = "Seed post";
    (void)b.add_post(p);
    digest::Source s;
    s.id = "seed-source";
    (void)b.add_source(s);
    return b;
  }();
  return c;
}

inline digest::ImportOptions import_options(digest::JsonFormat format, bool skip) {
  digest::ImportOptions o;
  o.format = format;
  o.skip_bad_records = skip;
  o.max_depth = 16;
  o.max_line_bytes = 4096;
  return o;
}

// Every text of the collection is well-formed UTF-8 (the importer checks
// its input, and the HTML step must keep it so).
inline bool collection_utf8(const digest::Collection& c) {
  auto ok = [](const std::string& s) { return valid_utf8(s); };
  for (const auto& p : c.posts()) {
    for (const std::string* s : {&p.id, &p.title, &p.url, &p.source, &p.place, &p.excerpt,
                                 &p.body, &p.language})
      if (!ok(*s)) return false;
    for (const auto& v : {&p.authors, &p.tags})
      for (const auto& s : *v)
        if (!ok(s)) return false;
  }
  for (const auto& s : c.sources()) {
    for (const std::string* t : {&s.id, &s.name, &s.url, &s.language, &s.country})
      if (!ok(*t)) return false;
    for (const auto& a : s.aliases)
      if (!ok(a)) return false;
  }
  return true;
}

// Every export of `c` reads back equal to it.
inline void check_round_trips(const digest::Collection& c) {
  // Ill-formed text could not read back equal (exports write U+FFFD).
  FUZZ_CHECK(collection_utf8(c));
  using digest::JsonFormat;
  for (bool pretty : {true, false}) {
    digest::ExportOptions eo;
    eo.pretty = pretty;
    std::string own = digest::export_json(c, eo);
    check_json_output(own);
    digest::Collection back;
    auto r = digest::import_json(back, own);
    FUZZ_CHECK(r.ok());
    FUZZ_CHECK(back == c);
  }
  std::string lines = digest::export_json_lines(c);
  check_json_lines_output(lines);
  digest::Collection from_lines;
  FUZZ_CHECK(digest::import_json(from_lines, lines, format_only(JsonFormat::json_lines)).ok());
  FUZZ_CHECK(from_lines == c);

  std::string feed = digest::export_json_feed(c);
  check_json_output(feed);
  digest::Collection from_feed;
  FUZZ_CHECK(digest::import_json(from_feed, feed, format_only(JsonFormat::json_feed)).ok());
  FUZZ_CHECK(from_feed == c);

  // Posts pulled two at a time into batches of three rows.
  std::size_t at = 0;
  ArrowArrayStream arrow;
  FUZZ_CHECK(digest::export_posts_arrow_stream(
                 [&](std::vector<digest::Post>& out, std::size_t max) -> digest::Result<std::size_t> {
                   std::size_t n = 0;
                   for (; n < max && n < 2 && at < c.posts().size(); ++n) out.push_back(c.posts()[at++]);
                   return n;
                 },
                 &arrow, 3)
                 .ok());
  digest::Collection from_arrow;
  auto ra = digest::import_posts_arrow(from_arrow, &arrow);
  FUZZ_CHECK(ra.ok());
  FUZZ_CHECK(from_arrow.posts().size() == c.posts().size());
  for (std::size_t i = 0; i < c.posts().size() && i < from_arrow.posts().size(); ++i)
    FUZZ_CHECK(from_arrow.posts()[i] == c.posts()[i]);
}

// A scratch file for the streamed JSON Lines import, one per process.
inline const std::string& scratch_file() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string p = std::string(dir && *dir ? dir : "/tmp") + "/digest-fuzz-" +
                    std::to_string(static_cast<long>(getpid())) + ".jsonl";
    return p;
  }();
  return path;
}

inline void check_streamed_lines(std::string_view input, bool skip,
                                 const digest::Result<digest::ImportReport>& in_memory,
                                 const digest::Collection& memory_result) {
  const std::string& path = scratch_file();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;  // no scratch space: nothing to compare
  bool written = std::fwrite(input.data(), 1, input.size(), f) == input.size();
  written = std::fclose(f) == 0 && written;
  if (!written) {
    std::remove(path.c_str());
    return;
  }
  digest::Collection c = import_base();
  auto r = digest::import_file(c, path, import_options(digest::JsonFormat::json_lines, skip));
  std::remove(path.c_str());
  FUZZ_CHECK(r.ok() == in_memory.ok());
  FUZZ_CHECK(c == memory_result);
  if (r.ok()) {
    FUZZ_CHECK(r->posts_added == in_memory->posts_added);
    FUZZ_CHECK(r->sources_added == in_memory->sources_added);
    FUZZ_CHECK(r->skipped.size() == in_memory->skipped.size());
  } else {
    // The same error, at the same place when both give one.
    const digest::Error &a = r.error(), &b = in_memory.error();
    FUZZ_CHECK(a.code == b.code);
    if (a.line && b.line) FUZZ_CHECK(a.line == b.line);
    if (a.offset && b.offset) FUZZ_CHECK(*a.offset == *b.offset);
  }
}

inline void run_import(std::string_view input, digest::JsonFormat format, bool stream_lines) {
  const digest::Collection& base = import_base();
  digest::Collection strict = base;
  auto rs = digest::import_json(strict, input, import_options(format, false));
  if (rs.ok()) {
    FUZZ_CHECK(rs->skipped.empty());
    FUZZ_CHECK(rs->posts_added == strict.posts().size() - base.posts().size());
    FUZZ_CHECK(rs->sources_added == strict.sources().size() - base.sources().size());
  } else {
    FUZZ_CHECK(strict == base);
    check_error(rs.error(), input.size());
  }

  digest::Collection skipping = base;
  auto rk = digest::import_json(skipping, input, import_options(format, true));
  if (rk.ok()) {
    FUZZ_CHECK(rk->posts_added == skipping.posts().size() - base.posts().size());
    FUZZ_CHECK(rk->sources_added == skipping.sources().size() - base.sources().size());
    FUZZ_CHECK(rk->skipped_count == rk->skipped.size());  // far below max_skipped_kept
    for (const digest::Error& e : rk->skipped) check_error(e, input.size());
  } else {
    FUZZ_CHECK(skipping == base);
    check_error(rk.error(), input.size());
  }
  if (rs.ok()) {
    FUZZ_CHECK(rk.ok());
    FUZZ_CHECK(rk->skipped.empty());
    FUZZ_CHECK(skipping == strict);
  }

  // Checking only (validate_only) says what the import would say and adds
  // nothing.
  for (bool skip : {false, true}) {
    const auto& real = skip ? rk : rs;
    digest::Collection untouched = base;
    digest::ImportOptions vo = import_options(format, skip);
    vo.validate_only = true;
    auto rv = digest::import_json(untouched, input, vo);
    FUZZ_CHECK(untouched == base);
    FUZZ_CHECK(rv.ok() == real.ok());
    if (rv.ok()) {
      FUZZ_CHECK(rv->posts_added == real->posts_added);
      FUZZ_CHECK(rv->sources_added == real->sources_added);
      FUZZ_CHECK(rv->skipped_count == real->skipped_count);
    } else {
      FUZZ_CHECK(rv.error().code == real.error().code);
      FUZZ_CHECK(rv.error().offset == real.error().offset);
      check_error(rv.error(), input.size());
    }
  }

  // A limit on posts per import fails exactly the imports that exceed it.
  if (rs.ok()) {
    digest::Collection limited = base;
    digest::ImportOptions lo = import_options(format, false);
    lo.max_posts = 1;
    auto rl = digest::import_json(limited, input, lo);
    if (rs->posts_added > 1 || rs->sources_added > 1) {
      FUZZ_CHECK(!rl.ok() && rl.error().code == digest::ErrorCode::limit_exceeded);
      FUZZ_CHECK(limited == base);
      check_error(rl.error(), input.size());
    } else {
      FUZZ_CHECK(rl.ok() && limited == strict);
    }
  }

  if (digest::detect_json_format(input) == format) {
    digest::Collection detected = base;
    auto rd = digest::import_json(detected, input, import_options(digest::JsonFormat::detect, false));
    FUZZ_CHECK(rd.ok() == rs.ok());
    FUZZ_CHECK(detected == strict);
  }

  // Streaming (on_post) hands over what an import into an empty collection
  // adds, in order, and keeps only the sources; it fails where that import
  // fails (the posts before the failure have been handed over by then).
  // Under keep_first too, where duplicates go by id and canonical URL.
  for (int run = 0; run < 4; ++run) {
    const bool skip = run & 1;
    digest::ImportOptions po = import_options(format, skip);
    if (run & 2) po.on_duplicate = digest::OnDuplicate::keep_first;
    digest::Collection plain;
    auto rp = digest::import_json(plain, input, po);
    digest::Collection target;
    std::vector<digest::Post> handed;
    digest::ImportOptions so = po;
    so.on_post = [&](digest::Post&& p) { handed.push_back(std::move(p)); };
    auto rt = digest::import_json(target, input, so);
    FUZZ_CHECK(rt.ok() == rp.ok());
    FUZZ_CHECK(target.posts().empty());
    if (rp.ok() && rt.ok()) {
      FUZZ_CHECK(rt->posts_added == rp->posts_added && rt->skipped_count == rp->skipped_count);
      FUZZ_CHECK(rt->duplicates_kept_first == rp->duplicates_kept_first);
      FUZZ_CHECK(handed.size() == plain.posts().size());
      for (std::size_t i = 0; i < handed.size() && i < plain.posts().size(); ++i)
        FUZZ_CHECK(handed[i] == plain.posts()[i]);
      FUZZ_CHECK(target.sources().size() == plain.sources().size());
    } else if (!rp.ok() && !rt.ok()) {
      FUZZ_CHECK(rt.error().code == rp.error().code);
      check_error(rt.error(), input.size());
    }
  }

  // The file import allocates its 1 MiB read buffer each time, which costs
  // more than the rest of the target: only one input in eight (by a hash of
  // its bytes, so a replay checks the same ones) goes through it.
  if (stream_lines && std::hash<std::string_view>{}(input) % 8 == 0) {
    check_streamed_lines(input, false, rs, strict);
    check_streamed_lines(input, true, rk, skipping);
  }

  if (rs.ok()) check_round_trips(strict);
  else if (rk.ok()) check_round_trips(skipping);
}

}  // namespace fuzz
