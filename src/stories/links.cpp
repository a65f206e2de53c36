// Stories across languages: near-duplicate clusters linked by the anchors
// their posts share (stories/anchors.hpp), weighted by kind and by rarity,
// within a date window; a story is a connected component, its links a
// maximum spanning tree of the cluster graph.
//
// Score of two posts p, q (each a vector of anchor weights w = kind weight x
// context factor x IDF over clusters, anchors found in one cluster only left
// out): cosine(p, q) x min(1, mass / kFullEvidence), where mass is the sum
// over shared anchors of sqrt(w_p w_q). The cosine asks "is most of what
// each says shared?"; the second factor asks "is there enough of it?", so
// that two short posts sharing one date are not a story. Two clusters score
// the best of their posts' pairs.
#include "stories/links.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "digest/normalize.hpp"
#include "stories/anchors.hpp"
#include "stories/parallel.hpp"

namespace digest::stories_detail {
namespace {

enum class Kind : std::uint8_t { entity, name, number, date };

// Entities and names identify; a shared date says "the same day"; a shared
// number is weaker alone (percentages and counts recur).
double kind_weight(Kind k) { return k == Kind::number ? 0.7 : 1.0; }

// Shared evidence (in units of the largest IDF weight, that of an anchor
// in a single cluster) at which the score stops being held down.
constexpr double kFullEvidence = 2.0;

// Blocking: an anchor proposes no pairs for a post when more than this many
// other posts within the window share it (too common there to tell stories
// apart; it still counts in the score of pairs proposed by rarer anchors).
constexpr std::size_t kLocalCap = 64;

struct Weighted {
  std::uint32_t anchor = 0;
  double w = 0;
};

std::string primary_language(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Status check_clusters(std::size_t n, const DuplicateResult& d) {
  auto bad = [](std::string what) {
    return Error(ErrorCode::invalid_argument, "duplicates do not fit the collection: " + what);
  };
  if (d.cluster_of.size() != n)
    return bad("cluster_of has " + std::to_string(d.cluster_of.size()) + " entries for " +
               std::to_string(n) + " posts");
  std::vector<char> seen(n, 0);
  for (std::size_t c = 0; c < d.clusters.size(); ++c) {
    const Cluster& cl = d.clusters[c];
    if (cl.members.empty()) return bad("cluster " + std::to_string(c) + " is empty");
    for (std::size_t m : cl.members) {
      if (m >= n || seen[m] || d.cluster_of[m] != c)
        return bad("post " + std::to_string(m) + " in cluster " + std::to_string(c));
      seen[m] = 1;
    }
    if (std::find(cl.members.begin(), cl.members.end(), cl.representative) == cl.members.end())
      return bad("cluster " + std::to_string(c) + " has a representative outside it");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!seen[i]) return bad("post " + std::to_string(i) + " is in no cluster");
  }
  return {};
}

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    parent[std::max(a, b)] = std::min(a, b);
    return true;
  }
};

struct Edge {
  double score = 0;
  std::uint32_t ca = 0, cb = 0;  // clusters, ca < cb
  std::uint32_t a = 0, b = 0;    // posts
};

}  // namespace

Result<StoryResult> link_stories(const Collection& collection, DuplicateResult duplicates,
                                 const StoryOptions& options) {
  if (options.window_days < 0)
    return Error(ErrorCode::invalid_argument, "window_days must be 0 or more");
  if (!(options.link_threshold >= 0.0 && options.link_threshold <= 1.0))
    return Error(ErrorCode::invalid_argument, "link_threshold must be in [0, 1]");
  const auto posts = collection.posts();
  const std::size_t n = posts.size();
  if (auto st = check_clusters(n, duplicates); !st) return std::move(st).error();

  // ---- anchors ------------------------------------------------------------------
  const Normalizer& normalizer = Normalizer::shared();
  std::vector<std::string> language(n);  // primary subtag, "" unknown
  std::vector<PostScan> scans(n);
  // Posts are read on the duplicates' threads (the normaliser, the gazetteer
  // and the date parser are safe to share); names need them all, so after.
  parallel_chunks(n, thread_count(options.duplicates.threads, n, 64), 64,
                  [&](std::size_t b, std::size_t e) {
                    for (std::size_t i = b; i < e; ++i) {
                      std::string_view tag = posts[i].language;
                      const Source* src = tag.empty() ? collection.find_source(posts[i].source)
                                                      : nullptr;
                      if (src) tag = src->language;
                      language[i] = primary_language(tag);
                      scans[i] = scan_post(posts[i], tag, options.entities, normalizer);
                    }
                  });
  NameVocabulary names(normalizer);
  for (const PostScan& s : scans) names.count(s);
  names.finish();

  std::unordered_map<std::string, std::uint32_t> anchor_id;
  std::vector<std::string> anchor_text;
  std::vector<Kind> anchor_kind;
  std::vector<std::vector<std::pair<std::uint32_t, float>>> raw(n);  // (anchor, context factor)
  auto intern = [&](std::string text, Kind kind) {
    auto next = static_cast<std::uint32_t>(anchor_text.size());
    auto [it, fresh] = anchor_id.try_emplace(std::move(text), next);
    if (fresh) {
      anchor_text.push_back(it->first);
      anchor_kind.push_back(kind);
    }
    return it->second;
  };
  for (std::size_t i = 0; i < n; ++i) {
    PostScan& s = scans[i];
    for (const auto& e : s.entities)
      raw[i].emplace_back(intern("entity:" + e, Kind::entity), 1.0f);
    for (const auto& id : names.names_of(s))
      raw[i].emplace_back(intern("name:" + std::string(names.display(id)), Kind::name), 1.0f);
    for (const auto& num : s.numbers)
      raw[i].emplace_back(intern("number:" + num, Kind::number), 1.0f);
    for (const auto& [d, f] : s.dates)
      raw[i].emplace_back(intern("date:" + DateTime(d).date_iso(), Kind::date), f);
    s = PostScan{};  // no longer needed
    // Each list above is distinct and the kinds' prefixes differ: one entry
    // per anchor already.
    std::sort(raw[i].begin(), raw[i].end());
  }

  // ---- weights: kind x context x rarity over clusters -------------------------
  const std::size_t clusters = duplicates.clusters.size();
  std::vector<std::uint32_t> df(anchor_text.size(), 0);
  {
    std::vector<std::uint32_t> seen(anchor_text.size(), static_cast<std::uint32_t>(-1));
    for (std::size_t c = 0; c < clusters; ++c) {
      for (std::size_t m : duplicates.clusters[c].members) {
        for (const auto& [a, f] : raw[m]) {
          if (seen[a] != c) {
            seen[a] = static_cast<std::uint32_t>(c);
            ++df[a];
          }
        }
      }
    }
  }
  const double log_n = std::log(static_cast<double>(clusters) + 1.0);
  std::vector<std::vector<Weighted>> vec(n);
  std::vector<double> norm(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& [a, f] : raw[i]) {
      if (df[a] < 2) continue;  // in one cluster only: can never be shared
      double idf = std::log((static_cast<double>(clusters) + 1.0) / df[a]) / log_n;
      double w = kind_weight(anchor_kind[a]) * f * idf;
      if (w <= 0) continue;
      vec[i].push_back({a, w});
      norm[i] += w * w;
    }
    norm[i] = std::sqrt(norm[i]);
    raw[i] = {};
  }

  // ---- candidate pairs: a shared anchor, within the window -----------------------
  std::vector<long> day(n, 0);
  std::vector<char> dated(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (auto d = posts[i].digest_date()) {
      day[i] = static_cast<long>(d->julian_day());
      dated[i] = 1;
    }
  }
  const long window = options.window_days;
  auto may_link = [&](std::uint32_t a, std::uint32_t b) {
    if (duplicates.cluster_of[a] == duplicates.cluster_of[b]) return false;
    if (dated[a] && dated[b] && std::labs(day[a] - day[b]) > window) return false;
    if (options.across_languages_only && !language[a].empty() && language[a] == language[b])
      return false;
    return true;
  };
  std::vector<std::vector<std::uint32_t>> postings(anchor_text.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (const Weighted& x : vec[i]) postings[x.anchor].push_back(static_cast<std::uint32_t>(i));
  }
  std::vector<std::uint64_t> candidates;
  auto propose = [&](std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    if (may_link(a, b)) candidates.push_back((std::uint64_t{a} << 32) | b);
  };
  std::vector<std::uint32_t> by_day, undated;
  for (auto& list : postings) {
    if (list.size() < 2) continue;
    by_day.clear();
    undated.clear();
    for (std::uint32_t p : list) (dated[p] ? by_day : undated).push_back(p);
    std::sort(by_day.begin(), by_day.end(), [&](std::uint32_t x, std::uint32_t y) {
      return day[x] != day[y] ? day[x] < day[y] : x < y;
    });
    std::size_t end = 0;
    for (std::size_t i = 0; i < by_day.size(); ++i) {
      end = std::max(end, i + 1);
      while (end < by_day.size() && day[by_day[end]] - day[by_day[i]] <= window) ++end;
      if (end - i - 1 > kLocalCap) continue;
      for (std::size_t j = i + 1; j < end; ++j) propose(by_day[i], by_day[j]);
    }
    // Undated posts may belong with any day.
    if (!undated.empty() && list.size() - 1 <= kLocalCap) {
      for (std::size_t i = 0; i < undated.size(); ++i) {
        for (std::uint32_t p : by_day) propose(undated[i], p);
        for (std::size_t j = i + 1; j < undated.size(); ++j) propose(undated[i], undated[j]);
      }
    }
    list = {};
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // ---- scores ---------------------------------------------------------------------
  auto score = [&](std::uint32_t a, std::uint32_t b) {
    double dot = 0, mass = 0;
    const auto& va = vec[a];
    const auto& vb = vec[b];
    for (std::size_t i = 0, j = 0; i < va.size() && j < vb.size();) {
      if (va[i].anchor < vb[j].anchor) {
        ++i;
      } else if (vb[j].anchor < va[i].anchor) {
        ++j;
      } else {
        dot += va[i].w * vb[j].w;
        mass += std::sqrt(va[i].w * vb[j].w);
        ++i;
        ++j;
      }
    }
    if (dot <= 0 || norm[a] <= 0 || norm[b] <= 0) return 0.0;
    double cosine = std::min(1.0, dot / (norm[a] * norm[b]));
    return cosine * std::min(1.0, mass / kFullEvidence);
  };
  std::vector<Edge> edges;
  for (std::uint64_t c : candidates) {
    auto a = static_cast<std::uint32_t>(c >> 32), b = static_cast<std::uint32_t>(c);
    double s = score(a, b);
    if (s <= 0 || s < options.link_threshold) continue;
    std::uint32_t ca = duplicates.cluster_of[a], cb = duplicates.cluster_of[b];
    if (ca > cb) {
      std::swap(ca, cb);
      std::swap(a, b);
    }
    edges.push_back({s, ca, cb, a, b});
  }
  candidates = {};
  // Best pair of posts per pair of clusters, then strongest first (Kruskal):
  // each story's links are a maximum spanning tree.
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.ca != y.ca) return x.ca < y.ca;
    if (x.cb != y.cb) return x.cb < y.cb;
    if (x.score != y.score) return x.score > y.score;
    return std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });
  auto same_clusters = [](const Edge& x, const Edge& y) { return x.ca == y.ca && x.cb == y.cb; };
  edges.erase(std::unique(edges.begin(), edges.end(), same_clusters), edges.end());
  std::stable_sort(edges.begin(), edges.end(),
                   [](const Edge& x, const Edge& y) { return x.score > y.score; });
  UnionFind uf(clusters);
  std::vector<Edge> tree;
  for (const Edge& e : edges) {
    if (uf.unite(e.ca, e.cb)) tree.push_back(e);
  }

  // ---- stories ----------------------------------------------------------------------
  StoryResult out;
  out.story_of.assign(n, 0);
  std::vector<std::int64_t> story_of_root(clusters, -1);
  for (std::size_t p = 0; p < n; ++p) {
    std::uint32_t root = uf.find(duplicates.cluster_of[p]);
    if (story_of_root[root] < 0) {
      story_of_root[root] = static_cast<std::int64_t>(out.stories.size());
      out.stories.emplace_back();
    }
    auto s = static_cast<std::size_t>(story_of_root[root]);
    out.story_of[p] = static_cast<std::uint32_t>(s);
    out.stories[s].posts.push_back(p);  // ascending: p runs in order
  }
  for (std::size_t c = 0; c < clusters; ++c)
    out.stories[static_cast<std::size_t>(story_of_root[uf.find(static_cast<std::uint32_t>(c))])]
        .clusters.push_back(c);
  for (const Edge& e : tree) {
    StoryLink link;
    link.a = std::min(e.a, e.b);
    link.b = std::max(e.a, e.b);
    link.score = e.score;
    // The shared anchors, strongest contribution first.
    std::vector<std::pair<double, std::uint32_t>> shared;
    const auto& va = vec[e.a];
    const auto& vb = vec[e.b];
    for (std::size_t i = 0, j = 0; i < va.size() && j < vb.size();) {
      if (va[i].anchor < vb[j].anchor) {
        ++i;
      } else if (vb[j].anchor < va[i].anchor) {
        ++j;
      } else {
        shared.emplace_back(va[i].w * vb[j].w, va[i].anchor);
        ++i;
        ++j;
      }
    }
    std::sort(shared.begin(), shared.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      return anchor_text[x.second] < anchor_text[y.second];
    });
    for (const auto& [w, a] : shared) link.shared.push_back(anchor_text[a]);
    out.stories[out.story_of[e.a]].links.push_back(std::move(link));
  }
  for (Story& s : out.stories) {
    // Earliest dated, then longest text, then first.
    auto length = [&](std::size_t p) {
      return posts[p].title.size() + posts[p].excerpt.size() + posts[p].body.size();
    };
    std::size_t best = s.posts.front();
    for (std::size_t p : s.posts) {
      if (p == best) continue;
      if (dated[p] != dated[best]) {
        if (dated[p]) best = p;
        continue;
      }
      if (dated[p] && day[p] != day[best]) {
        if (day[p] < day[best]) best = p;
        continue;
      }
      if (length(p) > length(best)) best = p;
    }
    s.representative = best;
    s.id = "story-" + posts[best].id;
  }
  out.duplicates = std::move(duplicates);
  return out;
}

}  // namespace digest::stories_detail
