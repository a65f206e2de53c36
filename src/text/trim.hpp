// Trimming ASCII whitespace (space, tab, CR, LF, FF, VT): the one definition
// the readers share. Unicode spaces are the normaliser's business.
#pragma once

#include <string_view>

namespace digest::detail {

constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace digest::detail
