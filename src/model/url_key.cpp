// The public face of the text floor's URL key (model.hpp), so that faces and
// callers match posts by the same key the merge uses.
#include "digest/model.hpp"
#include "text/url.hpp"

namespace digest {

std::string canonical_url(std::string_view url) { return detail::canonical_url(url); }

}  // namespace digest
