// The names of the digest options, as the CLI, the JSON codec and the
// bindings spell them. Readers take any ASCII case and a few synonyms.
#include <array>
#include <utility>

#include "digest/digest.hpp"

namespace digest {

namespace {

bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<std::string_view, E>, N>& names,
                        std::string_view name) {
  for (const auto& [n, e] : names)
    if (same(name, n)) return e;
  return std::nullopt;
}

}  // namespace

std::string_view group_by_name(GroupBy g) {
  switch (g) {
    case GroupBy::none: return "none";
    case GroupBy::source: return "source";
    case GroupBy::entity: return "entity";
    case GroupBy::story: return "story";
  }
  return "none";
}

std::string_view rank_name(Rank r) {
  switch (r) {
    case Rank::date: return "date";
    case Rank::newest: return "newest";
    case Rank::outlets: return "outlets";
    case Rank::entities: return "entities";
  }
  return "date";
}

std::optional<GroupBy> group_by_from_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, GroupBy>, 5> names{{
      {"none", GroupBy::none}, {"flat", GroupBy::none}, {"source", GroupBy::source},
      {"entity", GroupBy::entity}, {"story", GroupBy::story}}};
  return lookup(names, name);
}

std::optional<Rank> rank_from_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Rank>, 5> names{{
      {"date", Rank::date}, {"oldest", Rank::date}, {"newest", Rank::newest},
      {"outlets", Rank::outlets}, {"entities", Rank::entities}}};
  return lookup(names, name);
}

}  // namespace digest
