// Extra fields as one JSON object, for interchange formats that hold them in
// a single text column (Arrow). Read by the importer, written by the writer.
#include "digest/json.hpp"
#include "json/importer.hpp"
#include "json/writer.hpp"

namespace digest {

std::string extra_fields_to_json(std::span<const ExtraField> extra) {
  std::string out;
  json_detail::Writer w(out, false);
  w.open('{');
  for (const ExtraField& x : extra) {
    w.key(x.name);
    w.extra(x.raw_json);
  }
  w.close('}');
  return out;
}

Result<std::vector<ExtraField>> extra_fields_from_json(std::string_view json) {
  Collection unused;
  ImportOptions options;  // the importer keeps a reference: it must outlive it
  json_detail::Importer importer(unused, options);
  std::vector<ExtraField> out;
  if (Status s = importer.import_extra_object(json, out); !s) return std::move(s).error();
  return out;
}

}  // namespace digest
