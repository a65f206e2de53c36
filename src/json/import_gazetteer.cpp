// Gazetteer documents (docs/entities.md): {"entities": [...]} or a bare
// array of entities, read by the same importer as collections and
// registries, so errors carry the same paths, offsets and limits.
#include "json/importer.hpp"

namespace digest::json_detail {

namespace {

enum EntityField : int { kEntId, kEntName, kEntType, kEntAliases };

int entity_field(std::string_view k) {
  if (k == "id") return kEntId;
  if (k == "name") return kEntName;
  if (k == "type") return kEntType;
  if (k == "aliases") return kEntAliases;
  return -1;
}

}  // namespace

void Importer::read_alias(od::value& v, GazetteerAlias& alias, std::size_t level) {
  od::json_type t = type_of(v);
  if (t == od::json_type::string) {
    get_string(v, alias.text, level, false);
    return;
  }
  if (t != od::json_type::object) wrong_type(v, "a string or {\"text\", \"case_sensitive\"}", level);
  const char* at = loc(v);
  od::object o = get_object(v, level);
  bool has_text = false, has_case = false;
  each_field(o, [&](std::string_view key, od::value& m) {
    if (key == "text") {
      if (has_text) fail(ErrorCode::parse_error, "duplicate member", loc(m));
      has_text = true;
      get_string(m, alias.text, level + 1, false);
    } else if (key == "case_sensitive") {
      if (has_case) fail(ErrorCode::parse_error, "duplicate member", loc(m));
      has_case = true;
      bool b = false;
      if (auto e = m.get_bool().get(b)) {
        if (e == simdjson::INCORRECT_TYPE) wrong_type(m, "true or false", level + 1);
        fail_json(e, loc(m));
      }
      alias.case_sensitive = b;
    } else {
      take_raw(m, level + 1, false);  // checked, then ignored
    }
  });
  if (!has_text) {
    path_.push_back({"text", 0, false});
    fail(ErrorCode::missing_field, "alias object without \"text\"", at);
  }
}

void Importer::read_entity(od::value& v, std::size_t level) {
  const char* at = loc(v);
  od::object o = get_object(v, level);
  GazetteerEntity e;
  unsigned seen = 0;
  each_field(o, [&](std::string_view key, od::value& m) {
    int k = entity_field(key);
    if (k < 0) {
      take_raw(m, level + 1, false);  // checked, then ignored
      return;
    }
    if (seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(m));
    seen |= 1u << k;
    switch (k) {
      case kEntId:
        // An entity id, like a registry's, must be a non-empty string.
        get_string(m, e.id, level + 1, false);
        if (e.id.empty()) fail(ErrorCode::invalid_argument, "empty entity id", loc(m));
        break;
      case kEntName: get_string(m, e.name, level + 1); break;
      case kEntType: get_string(m, e.type, level + 1); break;
      case kEntAliases: {
        if (type_of(m) == od::json_type::null) break;
        od::array a = get_array(m, level + 1);
        each_element(a, [&](std::size_t, od::value& el) {
          e.aliases.emplace_back();
          read_alias(el, e.aliases.back(), level + 2);
        });
        break;
      }
      default: break;
    }
  });
  if (!(seen & (1u << kEntId))) {
    path_.push_back({"id", 0, false});
    fail(ErrorCode::missing_field, "entity without \"id\"", at);
  }
  entities_->push_back(std::move(e));
  entity_offsets_->push_back(static_cast<std::size_t>(at - buf_.data()) + shift_);
}

void Importer::run_gazetteer_document() {
  run_list_document("entities", [&](od::value& v, std::size_t level) { read_entity(v, level); });
}

void Importer::run_extra_object() {
  od::object root = root_object("an object of extra members");
  each_field(root, [&](std::string_view name, od::value& v) {
    std::string value = take_raw(v, 1, true);
    extra_->push_back({std::string(name), std::move(value)});
  });
  check_trailing();
}

}  // namespace digest::json_detail
