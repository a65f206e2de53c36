// The source registry as JSON: read by the importer (a registry's sources
// are a collection's sources) and written by the one writer. Format:
// docs/entities.md.
#include "digest/json.hpp"
#include "digest/sources.hpp"
#include "json/importer.hpp"
#include "json/writer.hpp"
#include "digest/io.hpp"

namespace digest {


Result<SourceRegistry> source_registry_from_json(std::string_view json) {
  // The importer reads the sources, with the same rules (and the same code)
  // as a collection's sources; the registry then checks what it adds.
  Collection scratch;
  ImportOptions options;
  json_detail::Importer importer(scratch, options);
  auto read = importer.import_sources_document(json);
  if (!read.ok()) return std::move(read).error();
  return SourceRegistry::from_sources(scratch.sources());
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
  for (const Source& s : registry.sources()) json_detail::write_source(w, s);
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
