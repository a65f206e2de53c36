// The bad-input matrix: every importer and parser against every family of
// bad input (empty, blank, truncated, ill-formed UTF-8, wrong types, huge,
// deeply nested, control and bidi characters). Each must answer with an
// error value, or (for the finders that return "nothing found") with
// nothing; never crash. An error is one bounded, escaped, well-formed line
// with a position inside the input, and leaves its target unchanged.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "digest/attribution.hpp"
#include "digest/dates.hpp"
#include "digest/digest.hpp"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/normalize.hpp"
#include "digest/sources.hpp"
#include "text/utf8.hpp"

namespace {

using namespace digest;

struct BadInput {
  std::string name;
  std::string text;
};

std::vector<BadInput> bad_inputs() {
  const std::string good =
      R"({"digestcore": 1, "sources": [{"id": "s", "name": "Ess"}], "posts": [{"id": "a", "title": "T", "posted_on": "2021-08-17"}]})";
  std::vector<BadInput> v = {
      {"empty", ""},
      {"blank", " \n\t "},
      {"invalid utf-8 (lone continuation)", "{\"digestcore\": 1, \"posts\": [{\"id\": \"\x80\"}]}"},
      {"invalid utf-8 (overlong)", "{\"digestcore\": 1, \"posts\": [{\"id\": \"\xC0\xAF\"}]}"},
      {"invalid utf-8 (surrogate)", "{\"digestcore\": 1, \"posts\": [{\"id\": \"\xED\xA0\x80\"}]}"},
      {"invalid utf-8 (truncated sequence)", "{\"digestcore\": 1, \"posts\": [{\"id\": \"\xE2\x82\"}]}"},
      {"wrong types", R"({"digestcore": 1, "sources": 7, "posts": [{"id": 5, "title": []}]})"},
      {"wrong root", R"("just a string")"},
      {"deeply nested", std::string(100000, '[') + std::string(100000, ']')},
      {"deeply nested object", std::string(50000, '{') + "\"a\":1" + std::string(50000, '}')},
      {"huge string", "{\"digestcore\": 1, \"posts\": [{\"id\": \"" + std::string(8 << 20, 'x') +
                          "\", \"title\": 3}]}"},
      {"control characters", std::string("{\"digestcore\": 1, \"posts\": [{\"id\": \"a\x1b[2J\x07\", \"title\": \"\x01\"}]}")},
      {"bidi override", "{\"digestcore\": 1, \"posts\": [{\"id\": \"\xE2\x80\xAEgpj.exe\", \"title\": 1}]}"},
      {"NUL byte", std::string("{\"digestcore\": 1, \"posts\": [{\"id\": \"a\0b\"}]}", 37)},
      {"not JSON", "<rss><channel></channel></rss>"},
      {"lone surrogate escape", R"({"digestcore": 1, "posts": [{"id": "a", "x": "\udc00"}]})"},
  };
  for (std::size_t cut : {1u, 10u, 40u, 80u, 117u})
    v.push_back({"truncated at " + std::to_string(cut), good.substr(0, cut)});
  return v;
}

// What an error must look like.
void check_error(const Error& e, const std::string& input, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_NE(e.code, ErrorCode::ok);
  const std::string line = e.to_string();
  EXPECT_EQ(line.find('\n'), std::string::npos) << line.substr(0, 300);
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_LT(line.size(), 4096u);
  EXPECT_FALSE(detail::first_invalid_utf8(line).has_value());
  EXPECT_FALSE(detail::first_invalid_utf8(e.message).has_value());
  EXPECT_FALSE(detail::first_invalid_utf8(e.field).has_value());
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 && u != 0x7F) << "control byte " << int(u) << " in " << line.substr(0, 200);
  }
  EXPECT_EQ(line.find("\xE2\x80\xAE"), std::string::npos);  // no bidi override
  if (e.offset) EXPECT_LE(*e.offset, input.size());
}

struct Parser {
  std::string name;
  // Returns the error, or nullopt when the input was accepted.
  std::function<std::optional<Error>(const std::string&)> run;
  bool must_fail;  // every bad input is an error (else: accepted is fine)
};

std::vector<Parser> parsers() {
  std::vector<Parser> p;
  for (auto [name, format] : {std::pair{"import own", JsonFormat::own},
                              std::pair{"import detect", JsonFormat::detect},
                              std::pair{"import JSON Lines", JsonFormat::json_lines},
                              std::pair{"import JSON Feed", JsonFormat::json_feed},
                              std::pair{"import WordPress", JsonFormat::wordpress}}) {
    for (bool skip : {false, true}) {
      p.push_back({std::string(name) + (skip ? " (skip)" : ""),
                   [format, skip](const std::string& s) -> std::optional<Error> {
                     Collection c;
                     Post keep;
                     keep.id = "keep";
                     (void)c.add_post(keep);
                     const Collection before = c;
                     ImportOptions o;
                     o.format = format;
                     o.skip_bad_records = skip;
                     auto r = import_json(c, s, o);
                     if (r.ok()) {
                       for (const Error& e : r->skipped) check_error(e, s, "skipped record");
                       return std::nullopt;
                     }
                     EXPECT_EQ(c, before) << "a failed import changed the collection";
                     return r.error();
                   },
                   false});
    }
  }
  p.push_back({"source registry", [](const std::string& s) -> std::optional<Error> {
                 auto r = source_registry_from_json(s);
                 if (r.ok()) return std::nullopt;
                 return r.error();
               },
               false});
  p.push_back({"gazetteer", [](const std::string& s) -> std::optional<Error> {
                 Gazetteer g;
                 (void)g.add("keep", std::vector<std::string>{"Keep"});
                 const std::size_t before = g.alias_count();
                 Status st = gazetteer_add_json(g, s);
                 if (st.ok()) return std::nullopt;
                 EXPECT_EQ(g.alias_count(), before) << "a failed add changed the gazetteer";
                 return st.error();
               },
               false});
  p.push_back({"ISO 8601", [](const std::string& s) -> std::optional<Error> {
                 auto r = DateTime::from_iso(s);
                 if (r.ok()) return std::nullopt;
                 return r.error();
               },
               true});
  p.push_back({"ISO week", [](const std::string& s) -> std::optional<Error> {
                 auto r = parse_iso_week(s);
                 if (r.ok()) return std::nullopt;
                 return r.error();
               },
               true});
  p.push_back({"normaliser (strict)", [](const std::string& s) -> std::optional<Error> {
                 NormalizerOptions o;
                 o.utf8 = Utf8Mode::strict;
                 Normalizer n(o);
                 auto k = n.search_key(s);
                 if (!k.ok()) return k.error();
                 EXPECT_FALSE(detail::first_invalid_utf8(*k).has_value());
                 auto d = n.normalize(s, NormalForm::display);
                 if (!d.ok()) return d.error();
                 return std::nullopt;
               },
               false});
  return p;
}

TEST(BadInputMatrix, EveryParserEveryFamily) {
  const auto inputs = bad_inputs();
  std::size_t errors = 0, pairs = 0;
  for (const Parser& parser : parsers()) {
    for (const BadInput& in : inputs) {
      const std::string where = parser.name + " / " + in.name;
      std::optional<Error> e = parser.run(in.text);
      ++pairs;
      if (e) {
        ++errors;
        check_error(*e, in.text, where);
      } else {
        EXPECT_FALSE(parser.must_fail) << where << ": accepted";
      }
    }
  }
  // Nearly every pair is an error (a few inputs are fine for some parsers:
  // skip mode, the normaliser's valid text): the matrix checks errors.
  EXPECT_GT(errors * 10, pairs * 8) << errors << " errors of " << pairs;
}

// The finders answer "nothing" or something sound: spans inside the text,
// well-formed UTF-8 out, whatever came in.
TEST(BadInputMatrix, FindersNeverFailAndStayInBounds) {
  DateParser dates;
  const Normalizer& lenient = Normalizer::shared();
  for (const BadInput& in : bad_inputs()) {
    SCOPED_TRACE(in.name);
    const std::string& s = in.text;
    for (const DateMatch& m : dates.find_dates(s)) {
      EXPECT_LE(m.begin, m.end);
      EXPECT_LE(m.end, s.size());
    }
    (void)dates.parse(s);
    if (auto a = parse_attribution(s)) {
      EXPECT_LE(a->header_span.end, s.size());
      EXPECT_LE(a->excerpt_span.end, s.size());
    }
    Post p;
    p.id = "x";
    p.excerpt = s;
    (void)apply_attribution(p);
    auto k = lenient.search_key(s);
    if (k.ok()) EXPECT_FALSE(detail::first_invalid_utf8(*k).has_value());
    auto t = lenient.tokens(s);
    if (t.ok())
      for (const Token& tok : *t) EXPECT_LE(tok.end, s.size());
  }
}

}  // namespace
