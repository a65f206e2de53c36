// Internal: the anchors of a post for linking stories across languages --
// what survives translation: gazetteer entities, numbers, dates (written or
// named by weekday) and names. Names are compared by a consonant skeleton of
// their Latin key, so "Dashtaran", "Dachtaran" and "دشتران" meet; in Arabic
// script, which has no case, a word counts as a name only when its skeleton
// is that of a name written in a cased script somewhere in the collection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "digest/model.hpp"

namespace digest {
class Gazetteer;
class Normalizer;
}  // namespace digest

namespace digest::stories_detail {

// Only this much of a post (title, excerpt, body) is read for anchors: a
// news text is far shorter, and a huge one must not stall the linker.
inline constexpr std::size_t kMaxScanBytes = 256 * 1024;

// What one post's text yields on its own, before the collection is seen.
struct PostScan {
  std::vector<std::string> entities;  // entity ids, distinct
  std::vector<std::string> numbers;   // canonical ASCII ("42", "4.5"), distinct
  // Dates mentioned (written, or a weekday resolved against the post's own
  // date), with a factor: 0.5 for dates more than a day after the post
  // (deadlines and appointments, which many stories point at), else 1.
  std::vector<std::pair<Date, float>> dates;
  // Words of cased scripts, one entry per distinct Latin key, with how they
  // were written in this post.
  struct CasedWord {
    std::string key;               // Normalizer::latin_key
    bool capital_inside = false;   // capitalised inside a sentence
    bool capital_initial = false;  // capitalised where any word would be
    bool lower = false;            // written in lower case somewhere
    bool acronym = false;          // written all in capitals (2+ letters)
  };
  std::vector<CasedWord> cased;
  // Words in Arabic script, in text order (search keys), for name matching.
  struct AbjadWord {
    std::string key;
    bool joins_next = false;  // the next word follows after spaces only (a bigram may span both)
  };
  std::vector<AbjadWord> abjad;
};

// Scans one post: title, excerpt and body, read up to kMaxScanBytes.
// `language` is the post's (or its source's) BCP 47 tag, "" when unknown; it
// chooses the weekday names that are read. Never fails: unreadable parts give
// no anchors.
PostScan scan_post(const Post& post, std::string_view language, const Gazetteer* gazetteer,
                   const Normalizer& normalizer);

// Consonant skeleton of a Latin key written in a cased script: vowels gone,
// letters that Arabic script merges merged (c q g k; p b; v f; sh ch s; ...),
// w and y kept only before a vowel, a final h dropped, doubles collapsed.
std::string cased_skeleton(std::string_view latin_key);
// The skeletons a Latin key of Arabic-script text may stand for: as
// cased_skeleton, except that each w and y (و ی, consonant or long vowel) is
// tried both ways. At most 8, the first the one with every w and y kept.
std::vector<std::string> abjad_skeletons(std::string_view latin_key);

// Names across the collection: which cased words are names (capitalised
// inside sentences at least once, and in at least as many posts capitalised
// as in lower case; not month or weekday names), their identities
// (skeleton, or "=" + key when the skeleton is under 3 letters or the word
// is an acronym) and display keys; and Arabic-script words matched to them.
class NameVocabulary {
 public:
  explicit NameVocabulary(const Normalizer& normalizer) : normalizer_(normalizer) {}

  void count(const PostScan& scan);  // every post, before finish()
  void finish();

  // The name identities of one post's words, distinct.
  std::vector<std::string> names_of(const PostScan& scan);
  // The Latin key a name identity is shown as.
  std::string_view display(std::string_view identity) const;

 private:
  struct Stats {
    std::uint32_t capital_inside = 0, capital = 0, lower = 0, acronym = 0;
  };
  std::string identity_of(std::string_view key) const;  // "" when not a name
  const std::string& latin_of_abjad(const std::string& key);
  const std::string& match_abjad(const std::string& latin);  // a skeleton identity, or ""

  const Normalizer& normalizer_;
  std::unordered_map<std::string, Stats> stats_;
  std::unordered_map<std::string, std::string> identity_;  // cased key -> identity
  std::unordered_map<std::string, std::string> display_;   // identity -> display key
  std::unordered_set<std::string> skeletons_;              // identities Arabic script may match
  std::unordered_map<std::string, std::string> latin_cache_;  // Arabic-script key -> Latin key
  std::unordered_map<std::string, std::string> match_cache_;  // Latin key -> identity or ""
  std::unordered_set<std::string> stop_;  // Arabic-script words never taken for names
  std::vector<std::string> prefixes_;     // Arabic-script prefixes, longest first
};

}  // namespace digest::stories_detail
