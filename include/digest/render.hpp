// Renderers: a Digest to Markdown or JSON.
#pragma once

#include <string>

#include "digest/digest.hpp"

namespace digest {

DG_API std::string render_markdown(const Digest& digest);
DG_API std::string render_json(const Digest& digest, bool pretty = true);

}  // namespace digest
