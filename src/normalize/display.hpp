// Internal: the typographic clean-up of the `display` form.
#pragma once

#include <string>

namespace digest::detail {

// Whitespace runs collapsed (and trimmed), zero-width characters removed,
// ZWNJ kept once between two Arabic-script letters, controls removed,
// hyphens to '-', dashes to en dash (digit–digit) or em dash, ellipses to '…'.
std::u32string display_clean(const std::u32string& in);

}  // namespace digest::detail
