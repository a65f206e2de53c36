// The source registry as JSON: the reader (simdjson On-Demand, through the
// shared reader helpers) and the writer. Format: docs/entities.md.
#include "digest/json.hpp"
#include "digest/sources.hpp"
#include "json/reader.hpp"
#include "json/writer.hpp"
#include "digest/io.hpp"

namespace digest {

namespace {

using namespace detail::json;

struct ParsedSource {
  Source source;
  std::size_t offset = 0;  // byte offset of the source object in the JSON
};

constexpr std::size_t kMaxDepth = 64;

class SourceReader {
 public:
  explicit SourceReader(std::string_view json) : in_(json) {}

  Result<std::vector<ParsedSource>> run() {
    if (auto e = parser_.allocate(in_.padded.size() + 64, kMaxDepth))
      return make_error(code_of(e), simdjson::error_message(e), {}, std::nullopt);
    if (auto e = parser_.iterate(in_.padded).get(doc_))
      return make_error(code_of(e), simdjson::error_message(e), {}, std::size_t{0});
    od::json_type t;
    if (auto e = doc_.type().get(t)) return doc_error(in_, doc_, e);
    std::vector<ParsedSource> out;
    if (t == od::json_type::array) {
      od::array arr;
      if (auto e = doc_.get_array().get(arr)) return doc_error(in_, doc_, e);
      if (Status s = read_sources(arr, "", out); !s) return std::move(s).error();
    } else if (t == od::json_type::object) {
      od::object obj;
      if (auto e = doc_.get_object().get(obj)) return doc_error(in_, doc_, e);
      bool seen = false;
      for (auto field : obj) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return doc_error(in_, doc_, e);
        if (key != "sources") continue;  // e.g. a collection's "posts"
        od::value v;
        if (auto e = field.value().get(v)) return doc_error(in_, doc_, e, "sources");
        od::array arr;
        if (auto e = v.get_array().get(arr))
          return error_at(in_, doc_, v, e, "sources", "an array of sources");
        if (Status s = read_sources(arr, "sources", out); !s) return std::move(s).error();
        seen = true;
      }
      if (!seen)
        return make_error(ErrorCode::missing_field, "no \"sources\" array", "sources",
                          std::size_t{0});
    } else {
      return make_error(ErrorCode::wrong_type,
                        "expected an object with \"sources\" or an array of sources", {},
                        std::size_t{0});
    }
    if (auto off = trailing_content(in_, doc_))
      return make_error(ErrorCode::parse_error, "trailing content after the JSON value", {},
                        *off);
    return out;
  }

 private:
  Status read_sources(od::array& arr, const std::string& base, std::vector<ParsedSource>& out) {
    std::size_t i = 0;
    for (auto item : arr) {
      const std::string field = index_field(base, i++);
      od::value v;
      if (auto e = item.get(v)) return doc_error(in_, doc_, e, field);
      if (Status s = read_source(v, field, out); !s) return s;
    }
    return {};
  }

  Status read_source(od::value v, const std::string& field, std::vector<ParsedSource>& out) {
    ParsedSource ps;
    ps.offset = in_.offset_of(v.raw_json_token().data());
    od::object obj;
    if (auto e = v.get_object().get(obj)) return error_at(in_, doc_, v, e, field, "an object");
    bool has_id = false;
    std::string domain;
    bool has_url = false, has_domain = false;
    std::string domain_raw;
    for (auto member : obj) {
      std::string_view key;
      if (auto e = member.unescaped_key().get(key)) return doc_error(in_, doc_, e, field);
      const std::string name(key);
      const std::string mfield = member_field(field, name);
      od::value mv;
      if (auto e = member.value().get(mv)) return doc_error(in_, doc_, e, mfield);
      Source& s = ps.source;
      Status st;
      if (name == "id") {
        st = get_string(in_, doc_, mv, s.id, mfield);
        has_id = true;
      } else if (name == "name") {
        st = get_string(in_, doc_, mv, s.name, mfield);
      } else if (name == "url") {
        st = get_string(in_, doc_, mv, s.url, mfield);
        has_url = true;
      } else if (name == "domain") {
        std::string_view raw = mv.raw_json_token();
        {
          while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' ||
                                  raw.back() == '\r' || raw.back() == '\t'))
            raw.remove_suffix(1);
          domain_raw.assign(raw);
        }
        st = get_string(in_, doc_, mv, domain, mfield);
        has_domain = true;
      } else if (name == "language") {
        st = get_string(in_, doc_, mv, s.language, mfield);
      } else if (name == "country") {
        st = get_string(in_, doc_, mv, s.country, mfield);
      } else if (name == "aliases") {
        od::array arr;
        if (auto e = mv.get_array().get(arr))
          return error_at(in_, doc_, mv, e, mfield, "an array of strings");
        std::size_t i = 0;
        for (auto item : arr) {
          const std::string afield = index_field(mfield, i++);
          od::value av;
          if (auto e = item.get(av)) return doc_error(in_, doc_, e, afield);
          std::string alias;
          if (Status as = get_string(in_, doc_, av, alias, afield); !as) return as;
          s.aliases.push_back(std::move(alias));
        }
      } else {
        ExtraField extra;
        extra.name = name;
        st = raw_value(in_, doc_, mv, extra.raw_json, mfield);
        if (st) s.extra.push_back(std::move(extra));
      }
      if (!st) return st;
    }
    if (has_domain) {
      if (!has_url) ps.source.url = domain;
      else ps.source.extra.push_back(ExtraField{"domain", domain_raw});
    }
    if (!has_id)
      return make_error(ErrorCode::missing_field, "source without \"id\"",
                        member_field(field, "id"), ps.offset);
    if (ps.source.id.empty())
      return make_error(ErrorCode::invalid_argument, "empty source id",
                        member_field(field, "id"), ps.offset);
    out.push_back(std::move(ps));
    return {};
  }

  Input in_;
  od::parser parser_;
  od::document doc_;
};

Result<std::vector<ParsedSource>> parse_sources_json(std::string_view json) {
  if (json.empty()) return make_error(ErrorCode::parse_error, "empty input", {}, std::size_t{0});
  if (Status s = check_utf8(json); !s) return std::move(s).error();
  if (Status s = check_depth(json, kMaxDepth); !s) return std::move(s).error();
  SourceReader reader(json);
  return reader.run();
}

void write_source(json_detail::Writer& w, const Source& s) {
  w.open('{');
  w.member("id", s.id);
  w.member_if("name", s.name);
  w.strings_if("aliases", s.aliases);
  w.member_if("url", s.url);
  w.member_if("language", s.language);
  w.member_if("country", s.country);
  for (const ExtraField& e : s.extra) {
    w.key(e.name);
    w.extra(e.raw_json.empty() ? std::string_view("null") : std::string_view(e.raw_json));
  }
  w.close('}');
}

}  // namespace

Result<SourceRegistry> source_registry_from_json(std::string_view json) {
  auto parsed = parse_sources_json(json);
  if (!parsed.ok()) return std::move(parsed).error();
  SourceRegistry r;
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    ParsedSource& ps = (*parsed)[i];
    if (Status s = r.add(std::move(ps.source)); !s) {
      Error e = std::move(s).error();
      e.field = "sources[" + std::to_string(i) + "]" + (e.field.empty() ? "" : "." + e.field);
      e.offset = ps.offset;
      return e;
    }
  }
  return r;
}

Result<SourceRegistry> load_source_registry(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return std::move(bytes).error();
  auto r = source_registry_from_json(*bytes);
  if (!r.ok()) {
    Error e = std::move(r).error();
    e.file = path;
    return e;
  }
  return r;
}

std::string source_registry_to_json(const SourceRegistry& registry, bool pretty) {
  std::string out;
  json_detail::Writer w(out, pretty);
  w.open('{');
  w.key("sources");
  w.open('[');
  for (const Source& s : registry.sources()) write_source(w, s);
  w.close(']');
  w.close('}');
  out += '\n';
  return out;
}

Status save_source_registry(const SourceRegistry& registry, const std::string& path,
                            bool pretty) {
  return write_file_atomic(path, source_registry_to_json(registry, pretty));
}

}  // namespace digest
