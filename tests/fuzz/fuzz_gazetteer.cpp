// libFuzzer target for the gazetteer: arbitrary bytes as a JSON dictionary,
// and as text to match against a fixed dictionary, with the invariants every
// match must keep (in range, ordered, non-overlapping, known entity).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "digest/entities.hpp"
#include "digest/json.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

const digest::Gazetteer& fixed() {
  static digest::Gazetteer* g = [] {
    auto* gz = new digest::Gazetteer();
    (void)gz->add("org.a", std::vector<digest::GazetteerAlias>{
                               {"MEK", true}, {"Mojahedin-e Khalq", false}, {"سازمان مجاهدین خلق", false}});
    (void)gz->add("outlet.k", std::vector<std::string>{"Kavir Daily", "کویر دیلی", "a", "a b", "s"});
    (void)gz->add("num", std::vector<std::string>{"17", "Group 17"});
    gz->compile();
    return gz;
  }();
  return *g;
}

void check_matches(const digest::Gazetteer& g, std::string_view text) {
  auto r = g.find(text);
  check(r.ok());
  std::size_t last_end = 0;
  for (const auto& m : *r) {
    check(m.begin < m.end && m.end <= text.size());
    check(m.begin >= last_end);
    last_end = m.end;
    check(m.entity_index < g.entity_count());
    check(g.entities()[m.entity_index].id == m.entity_id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_matches(fixed(), text);
  (void)fixed().find_in_key(text);

  auto g = digest::gazetteer_from_json(text);
  if (g.ok()) {
    check_matches(*g, text);
    auto again = digest::gazetteer_from_json(digest::gazetteer_to_json(*g));
    check(again.ok());
    check(again->alias_count() == g->alias_count());
  } else {
    check(!g.error().message.empty());
    if (g.error().offset) check(*g.error().offset <= size);
  }
  return 0;
}
