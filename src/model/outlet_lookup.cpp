#include "digest/outlet_lookup.hpp"

namespace digest {

OutletLookup::~OutletLookup() = default;

}  // namespace digest
