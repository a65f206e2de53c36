// libFuzzer target for the gazetteer: arbitrary bytes as a JSON dictionary,
// and as text to match against a fixed dictionary, with the invariants every
// match must keep (in range, ordered, non-overlapping, known entity). An
// accepted dictionary saves to valid JSON that reads back with the same
// entities and aliases and saves to the same text; a rejected one gives a
// positioned one-line error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "fuzz_common.hpp"

namespace {

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
  FUZZ_CHECK(r.ok());
  std::size_t last_end = 0;
  for (const auto& m : *r) {
    FUZZ_CHECK(m.begin < m.end && m.end <= text.size());
    FUZZ_CHECK(m.begin >= last_end);
    last_end = m.end;
    FUZZ_CHECK(m.entity_index < g.entity_count());
    FUZZ_CHECK(g.entities()[m.entity_index].id == m.entity_id);
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
    for (bool pretty : {true, false}) {
      std::string json = digest::gazetteer_to_json(*g, pretty);
      fuzz::check_json_output(json);
      auto again = digest::gazetteer_from_json(json);
      FUZZ_CHECK(again.ok());
      FUZZ_CHECK(again->alias_count() == g->alias_count());
      FUZZ_CHECK(again->entity_count() == g->entity_count());
      for (std::size_t i = 0; i < g->entity_count(); ++i)
        FUZZ_CHECK(again->entities()[i] == g->entities()[i]);
      FUZZ_CHECK(digest::gazetteer_to_json(*again, pretty) == json);  // a fixed point
    }
  } else {
    fuzz::check_error(g.error(), size);
  }
  return 0;
}
