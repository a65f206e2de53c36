// Internal to the entities and sources modules: the JSON readers' outputs,
// so that the matching core does not depend on simdjson.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "digest/entities.hpp"
#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest::detail {

struct ParsedEntity {
  GazetteerEntity entity;
  std::size_t offset = 0;  // byte offset of the entity object in the JSON
};
// {"entities": [...]} or [...]; see docs/entities.md.
Result<std::vector<ParsedEntity>> parse_gazetteer_json(std::string_view json);

struct ParsedSource {
  Source source;
  std::size_t offset = 0;  // byte offset of the source object in the JSON
};
// {"sources": [...]} (other members ignored) or [...].
Result<std::vector<ParsedSource>> parse_sources_json(std::string_view json);

}  // namespace digest::detail
