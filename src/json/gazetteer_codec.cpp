// The gazetteer as JSON: read by the importer, written by the one writer.
// Format: docs/entities.md.
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "json/importer.hpp"
#include "json/writer.hpp"
#include "digest/io.hpp"

namespace digest {

namespace {
// Gazetteers nest shallowly; a deep one is hostile.
constexpr std::size_t kMaxGazetteerDepth = 32;
}  // namespace

Status gazetteer_add_json(Gazetteer& gazetteer, std::string_view json) {
  // Read by the importer (same paths, offsets and limits as collections);
  // the gazetteer checks and adds them all or nothing, and names a bad
  // entity's field as "entities[i].…" with that entity's offset.
  Collection unused;
  ImportOptions options;
  options.max_depth = kMaxGazetteerDepth;
  json_detail::Importer importer(unused, options);
  std::vector<GazetteerEntity> list;
  std::vector<std::size_t> offsets;
  if (Status s = importer.import_gazetteer_document(json, list, offsets); !s) return s;
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
