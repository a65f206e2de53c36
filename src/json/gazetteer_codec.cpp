// The gazetteer as JSON: the reader (simdjson On-Demand, through the shared
// reader helpers) and the writer. Format: docs/entities.md.
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "json/reader.hpp"
#include "json/writer.hpp"
#include "digest/io.hpp"

namespace digest {

namespace {

using namespace detail::json;

constexpr std::size_t kMaxGazetteerDepth = 32;

struct ParsedEntity {
  GazetteerEntity entity;
  std::size_t offset = 0;  // byte offset of the entity object in the JSON
};

class EntityReader {
 public:
  explicit EntityReader(std::string_view json) : in_(json) {}

  Result<std::vector<ParsedEntity>> run() {
    if (auto e = parser_.allocate(in_.padded.size() + 64, kMaxGazetteerDepth))
      return make_error(code_of(e), simdjson::error_message(e), {}, std::nullopt);
    if (auto e = parser_.iterate(in_.padded).get(doc_))
      return make_error(code_of(e), simdjson::error_message(e), {}, std::size_t{0});
    od::json_type t;
    if (auto e = doc_.type().get(t)) return doc_error(in_, doc_, e);
    std::vector<ParsedEntity> out;
    if (t == od::json_type::array) {
      od::array arr;
      if (auto e = doc_.get_array().get(arr)) return doc_error(in_, doc_, e);
      if (Status s = read_entities(arr, "", out); !s) return std::move(s).error();
    } else if (t == od::json_type::object) {
      od::object obj;
      if (auto e = doc_.get_object().get(obj)) return doc_error(in_, doc_, e);
      bool seen = false;
      for (auto field : obj) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return doc_error(in_, doc_, e);
        if (key != "entities") continue;  // other members are ignored
        od::value v;
        if (auto e = field.value().get(v)) return doc_error(in_, doc_, e, "entities");
        od::array arr;
        if (auto e = v.get_array().get(arr))
          return error_at(in_, doc_, v, e, "entities", "an array of entities");
        if (Status s = read_entities(arr, "entities", out); !s) return std::move(s).error();
        seen = true;
      }
      if (!seen)
        return make_error(ErrorCode::missing_field, "no \"entities\" array", "entities",
                          std::size_t{0});
    } else {
      return make_error(ErrorCode::wrong_type,
                        "expected an object with \"entities\" or an array of entities", {},
                        std::size_t{0});
    }
    if (auto off = trailing_content(in_, doc_))
      return make_error(ErrorCode::parse_error, "trailing content after the JSON value", {},
                        *off);
    return out;
  }

 private:
  Status read_entities(od::array& arr, const std::string& base, std::vector<ParsedEntity>& out) {
    std::size_t i = 0;
    for (auto item : arr) {
      const std::string field = index_field(base, i++);
      od::value v;
      if (auto e = item.get(v)) return doc_error(in_, doc_, e, field);
      if (Status s = read_entity(v, field, out); !s) return s;
    }
    return {};
  }

  Status read_entity(od::value v, const std::string& field, std::vector<ParsedEntity>& out) {
    ParsedEntity pe;
    pe.offset = in_.offset_of(v.raw_json_token().data());
    od::object obj;
    if (auto e = v.get_object().get(obj)) return error_at(in_, doc_, v, e, field, "an object");
    bool has_id = false;
    for (auto member : obj) {
      std::string_view key;
      if (auto e = member.unescaped_key().get(key)) return doc_error(in_, doc_, e, field);
      const std::string mfield = member_field(field, key);
      od::value mv;
      if (auto e = member.value().get(mv)) return doc_error(in_, doc_, e, mfield);
      if (key == "id") {
        if (Status s = get_string(in_, doc_, mv, pe.entity.id, mfield); !s) return s;
        has_id = true;
      } else if (key == "name") {
        if (Status s = get_string(in_, doc_, mv, pe.entity.name, mfield); !s) return s;
      } else if (key == "type") {
        if (Status s = get_string(in_, doc_, mv, pe.entity.type, mfield); !s) return s;
      } else if (key == "aliases") {
        if (Status s = read_aliases(mv, mfield, pe.entity.aliases); !s) return s;
      }
      // other members are ignored
    }
    if (!has_id)
      return make_error(ErrorCode::missing_field, "entity without \"id\"",
                        member_field(field, "id"), pe.offset);
    if (pe.entity.id.empty())
      return make_error(ErrorCode::invalid_argument, "empty entity id", member_field(field, "id"),
                        pe.offset);
    out.push_back(std::move(pe));
    return {};
  }

  Status read_aliases(od::value v, const std::string& field, std::vector<GazetteerAlias>& out) {
    od::array arr;
    if (auto e = v.get_array().get(arr)) return error_at(in_, doc_, v, e, field, "an array");
    std::size_t i = 0;
    for (auto item : arr) {
      const std::string afield = index_field(field, i++);
      od::value av;
      if (auto e = item.get(av)) return doc_error(in_, doc_, e, afield);
      od::json_type t;
      if (auto e = av.type().get(t)) return error_at(in_, doc_, av, e, afield);
      GazetteerAlias alias;
      if (t == od::json_type::string) {
        if (Status s = get_string(in_, doc_, av, alias.text, afield); !s) return s;
      } else if (t == od::json_type::object) {
        const std::size_t at = in_.offset_of(av.raw_json_token().data());
        od::object obj;
        if (auto e = av.get_object().get(obj)) return error_at(in_, doc_, av, e, afield);
        bool has_text = false;
        for (auto member : obj) {
          std::string_view key;
          if (auto e = member.unescaped_key().get(key)) return doc_error(in_, doc_, e, afield);
          const std::string mfield = member_field(afield, key);
          od::value mv;
          if (auto e = member.value().get(mv)) return doc_error(in_, doc_, e, mfield);
          if (key == "text") {
            if (Status s = get_string(in_, doc_, mv, alias.text, mfield); !s) return s;
            has_text = true;
          } else if (key == "case_sensitive") {
            bool b = false;
            if (auto e = mv.get_bool().get(b)) return error_at(in_, doc_, mv, e, mfield, "true or false");
            alias.case_sensitive = b;
          }
        }
        if (!has_text)
          return make_error(ErrorCode::missing_field, "alias object without \"text\"",
                            member_field(afield, "text"), at);
      } else {
        return error_at(in_, doc_, av, simdjson::INCORRECT_TYPE, afield,
                        "a string or {\"text\", \"case_sensitive\"}");
      }
      out.push_back(std::move(alias));
    }
    return {};
  }

  Input in_;
  od::parser parser_;
  od::document doc_;
};

Result<std::vector<ParsedEntity>> parse_gazetteer_json(std::string_view json) {
  if (json.empty()) return make_error(ErrorCode::parse_error, "empty input", {}, std::size_t{0});
  if (Status s = check_utf8(json); !s) return std::move(s).error();
  if (Status s = check_depth(json, kMaxGazetteerDepth); !s) return std::move(s).error();
  EntityReader reader(json);
  return reader.run();
}

}  // namespace

Status gazetteer_add_json(Gazetteer& gazetteer, std::string_view json) {
  auto parsed = parse_gazetteer_json(json);
  if (!parsed.ok()) return std::move(parsed).error();
  std::vector<GazetteerEntity> list;
  std::vector<std::size_t> offsets;
  list.reserve(parsed->size());
  offsets.reserve(parsed->size());
  for (auto& pe : *parsed) {
    list.push_back(std::move(pe.entity));
    offsets.push_back(pe.offset);
  }
  return gazetteer.add_all(list, offsets);
}

Result<Gazetteer> gazetteer_from_json(std::string_view json) {
  Gazetteer g;
  if (Status s = gazetteer_add_json(g, json); !s) return std::move(s).error();
  return g;
}

Status gazetteer_add_file(Gazetteer& gazetteer, const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return std::move(bytes).error();
  Status s = gazetteer_add_json(gazetteer, *bytes);
  if (!s) {
    Error e = std::move(s).error();
    e.file = path;
    return e;
  }
  return {};
}

Result<Gazetteer> load_gazetteer(const std::string& path) {
  Gazetteer g;
  if (Status s = gazetteer_add_file(g, path); !s) return std::move(s).error();
  return g;
}

std::string gazetteer_to_json(const Gazetteer& gazetteer, bool pretty) {
  std::string out;
  json_detail::Writer w(out, pretty);
  w.open('{');
  w.key("entities");
  w.open('[');
  for (const GazetteerEntity& e : gazetteer.entities()) {
    w.open('{');
    w.member("id", e.id);
    w.member_if("name", e.name);
    w.member_if("type", e.type);
    w.key("aliases");
    w.open('[');
    for (const GazetteerAlias& a : e.aliases) {
      if (a.case_sensitive) {
        w.open('{');
        w.member("text", a.text);
        w.bool_member("case_sensitive", true);
        w.close('}');
      } else {
        w.string(a.text);
      }
    }
    w.close(']');
    w.close('}');
  }
  w.close(']');
  w.close('}');
  out += '\n';
  return out;
}

Status save_gazetteer(const Gazetteer& gazetteer, const std::string& path, bool pretty) {
  return write_file_atomic(path, gazetteer_to_json(gazetteer, pretty));
}

}  // namespace digest
