// The question attribution parsing asks of a list of outlets: "which known
// outlet does this text name?". It lives on the model floor so that the
// asker (attribution) and the answerers (the source registry, SimpleOutletList)
// depend on it and not on each other.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "digest/export.h"

namespace digest {

class DG_API OutletLookup {
 public:
  virtual ~OutletLookup();
  // The source id of the outlet that `text` names (its name or an alias), or
  // nullopt. `text` is as written (any case, marks, script variants).
  virtual std::optional<std::string> find_outlet(std::string_view text) const = 0;
};

}  // namespace digest
