// Stories across languages (src/stories/links.cpp): anchors, scores, links
// and the stories they make, on the example collection (fictional Sarvan
// water accord, en/fa/ar/fr) against hand-written labels
// (tests/data/stories/example_stories.json), and on hostile input. The
// duplicates are built here (singletons, or a hand-made cluster), so these
// tests do not depend on the near-duplicate finder.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/normalize.hpp"
#include "digest/stories.hpp"
#include "stories/anchors.hpp"
#include "stories/links.hpp"

using namespace digest;
using digest::stories_detail::link_stories;

namespace {

// Every post its own cluster.
DuplicateResult singletons(std::size_t n) {
  DuplicateResult d;
  for (std::size_t i = 0; i < n; ++i) {
    Cluster c;
    c.representative = i;
    c.members = {i};
    d.clusters.push_back(c);
    d.cluster_of.push_back(static_cast<std::uint32_t>(i));
  }
  return d;
}

const Collection& example() {
  static const Collection c = [] {
    Collection c;
    auto r = import_file(c, DIGEST_EXAMPLES_DATA "/collection.json");
    EXPECT_TRUE(r.ok()) << r.error().to_string();
    return c;
  }();
  return c;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    auto r = load_gazetteer(DIGEST_EXAMPLES_DATA "/entities.json");
    EXPECT_TRUE(r.ok()) << r.error().to_string();
    return r.ok() ? std::move(r).value() : Gazetteer();
  }();
  return g;
}

// The "labels" object of the ground truth: post id -> event label. The file
// is ours and holds plain ASCII strings, so a small reader does.
std::map<std::string, std::string> labels() {
  std::ifstream in(DIGEST_TEST_DATA "/stories/example_stories.json");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  std::map<std::string, std::string> out;
  std::size_t at = s.find("\"labels\"");
  if (at == std::string::npos) return out;
  at = s.find('{', at);
  std::size_t end = s.find('}', at);
  auto next_string = [&](std::size_t& pos) -> std::string {
    std::size_t b = s.find('"', pos);
    if (b == std::string::npos || b > end) return {};
    std::size_t e = s.find('"', b + 1);
    pos = e + 1;
    return s.substr(b + 1, e - b - 1);
  };
  std::size_t pos = at;
  while (true) {
    std::string k = next_string(pos);
    if (k.empty()) break;
    std::string v = next_string(pos);
    out[k] = v;
  }
  return out;
}

struct PairScores {
  double precision = 0, recall = 0;
  std::size_t true_pairs = 0, predicted = 0, correct = 0;
};

// Pair precision and recall of "same story" against the labels, over pairs
// of posts in different languages (or all pairs).
PairScores pair_scores(const Collection& c, const StoryResult& r, bool cross_only) {
  auto truth = labels();
  PairScores s;
  auto posts = c.posts();
  for (std::size_t i = 0; i < posts.size(); ++i) {
    for (std::size_t j = i + 1; j < posts.size(); ++j) {
      if (cross_only && posts[i].language == posts[j].language) continue;
      bool same = truth.at(posts[i].id) == truth.at(posts[j].id);
      bool predicted = r.story_of[i] == r.story_of[j];
      s.true_pairs += same;
      s.predicted += predicted;
      s.correct += same && predicted;
    }
  }
  s.precision = s.predicted ? double(s.correct) / double(s.predicted) : 1.0;
  s.recall = s.true_pairs ? double(s.correct) / double(s.true_pairs) : 1.0;
  return s;
}

StoryResult run(const Collection& c, const StoryOptions& o) {
  auto r = link_stories(c, singletons(c.size()), o);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.ok() ? std::move(r).value() : StoryResult{};
}

// The invariants every result keeps.
void expect_well_formed(const Collection& c, const StoryResult& r, const StoryOptions& o) {
  const std::size_t n = c.size();
  ASSERT_EQ(r.story_of.size(), n);
  std::vector<int> seen(n, 0);
  std::size_t prev_first = 0;
  for (std::size_t s = 0; s < r.stories.size(); ++s) {
    const Story& st = r.stories[s];
    ASSERT_FALSE(st.posts.empty());
    EXPECT_TRUE(std::is_sorted(st.posts.begin(), st.posts.end()));
    if (s > 0) EXPECT_GT(st.posts.front(), prev_first) << "stories ordered by their first post";
    prev_first = st.posts.front();
    for (std::size_t p : st.posts) {
      ++seen[p];
      EXPECT_EQ(r.story_of[p], s);
    }
    // Clusters: whole, and exactly the story's posts.
    std::set<std::size_t> from_clusters;
    for (std::size_t cl : st.clusters) {
      ASSERT_LT(cl, r.duplicates.clusters.size());
      for (std::size_t m : r.duplicates.clusters[cl].members) from_clusters.insert(m);
    }
    EXPECT_EQ(from_clusters, std::set<std::size_t>(st.posts.begin(), st.posts.end()));
    // Links: a spanning tree over the clusters, each explained.
    ASSERT_EQ(st.links.size(), st.clusters.size() - 1);
    std::map<std::size_t, std::size_t> parent;
    for (std::size_t cl : st.clusters) parent[cl] = cl;
    auto find = [&](std::size_t x) {
      while (parent[x] != x) x = parent[x];
      return x;
    };
    for (const StoryLink& l : st.links) {
      EXPECT_LT(l.a, l.b);
      EXPECT_EQ(r.story_of[l.a], s);
      EXPECT_EQ(r.story_of[l.b], s);
      EXPECT_GE(l.score, o.link_threshold);
      EXPECT_LE(l.score, 1.0);
      EXPECT_FALSE(l.shared.empty());
      for (const auto& a : l.shared) {
        bool known = a.rfind("entity:", 0) == 0 || a.rfind("name:", 0) == 0 ||
                     a.rfind("number:", 0) == 0 || a.rfind("date:", 0) == 0;
        EXPECT_TRUE(known) << a;
      }
      auto da = c.posts()[l.a].digest_date(), db = c.posts()[l.b].digest_date();
      if (da && db) EXPECT_LE(std::abs((*da - *db).days()), o.window_days);
      if (o.across_languages_only) EXPECT_NE(c.posts()[l.a].language, c.posts()[l.b].language);
      std::size_t x = find(r.duplicates.cluster_of[l.a]), y = find(r.duplicates.cluster_of[l.b]);
      EXPECT_NE(x, y) << "a link joins two parts, never closes a cycle";
      parent[x] = y;
    }
    // Representative: earliest dated, then longest, then first.
    const Post& rep = c.posts()[st.representative];
    EXPECT_EQ(st.id, "story-" + rep.id);
    for (std::size_t p : st.posts) {
      auto dp = c.posts()[p].digest_date(), dr = rep.digest_date();
      if (dp && dr) EXPECT_GE(*dp, *dr);
      if (dp) EXPECT_TRUE(dr.has_value());
    }
  }
  for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i], 1) << "post " << i;
}

std::string describe(const Collection& c, const StoryResult& r) {
  std::ostringstream os;
  for (const Story& s : r.stories) {
    if (s.posts.size() < 2) continue;
    os << s.id << ":";
    for (std::size_t p : s.posts) os << " " << c.posts()[p].id;
    os << "\n";
    for (const StoryLink& l : s.links) {
      os << "  " << c.posts()[l.a].id << " ~ " << c.posts()[l.b].id << " " << l.score << " [";
      for (const auto& a : l.shared) os << " " << a;
      os << " ]\n";
    }
  }
  return os.str();
}

Post make_post(std::string id, std::string language, std::string date, std::string title,
               std::string body = {}) {
  Post p;
  p.id = std::move(id);
  p.language = std::move(language);
  if (!date.empty()) p.published_on = DateTime::from_iso(date).value();
  p.title = std::move(title);
  p.body = std::move(body);
  return p;
}

}  // namespace

// ---- the example collection against the labels ------------------------------------

TEST(StoryLinks, ExampleWithGazetteer) {
  StoryOptions o;
  o.entities = &gazetteer();
  StoryResult r = run(example(), o);
  expect_well_formed(example(), r, o);
  PairScores cross = pair_scores(example(), r, true);
  PairScores all = pair_scores(example(), r, false);
  std::cout << "[with gazetteer] cross-language pairs: precision " << cross.precision << " recall "
            << cross.recall << " (" << cross.correct << "/" << cross.predicted << " predicted, "
            << cross.true_pairs << " true); all pairs: precision " << all.precision << " recall "
            << all.recall << "\n";
  EXPECT_GE(cross.precision, 0.9) << describe(example(), r);
  EXPECT_GE(cross.recall, 0.85) << describe(example(), r);
  EXPECT_GE(all.precision, 0.9);
  EXPECT_GE(all.recall, 0.85);
}

TEST(StoryLinks, ExampleWithoutGazetteer) {
  // Names alone (skeletons of Latin keys, matched into Arabic script), with
  // numbers and dates.
  StoryOptions o;
  StoryResult r = run(example(), o);
  expect_well_formed(example(), r, o);
  PairScores cross = pair_scores(example(), r, true);
  PairScores all = pair_scores(example(), r, false);
  std::cout << "[without gazetteer] cross-language pairs: precision " << cross.precision
            << " recall " << cross.recall << " (" << cross.correct << "/" << cross.predicted
            << " predicted, " << cross.true_pairs << " true); all pairs: precision "
            << all.precision << " recall " << all.recall << "\n";
  EXPECT_GE(cross.precision, 0.9) << describe(example(), r);
  EXPECT_GE(cross.recall, 0.85) << describe(example(), r);
}

TEST(StoryLinks, ExampleThroughClusterStories) {
  // The whole path: near-duplicate clusters (the wire copy of the signing
  // announcement and its republication are one), then links.
  StoryOptions o;
  o.entities = &gazetteer();
  auto r = cluster_stories(example(), o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  expect_well_formed(example(), *r, o);
  PairScores cross = pair_scores(example(), *r, true);
  std::cout << "[cluster_stories] cross-language pairs: precision " << cross.precision
            << " recall " << cross.recall << "\n";
  EXPECT_GE(cross.precision, 0.9) << describe(example(), *r);
  EXPECT_GE(cross.recall, 0.85) << describe(example(), *r);
}

TEST(StoryLinks, SigningStoryIsExplained) {
  // The signing, reported in four languages, is one story; its links name
  // what the posts share.
  StoryOptions o;
  o.entities = &gazetteer();
  StoryResult r = run(example(), o);
  const Post* fa = example().find_post("kavir-2021-08-18-signed");
  const Post* ar = example().find_post("wadi-2021-08-18-signed");
  const Post* fr = example().find_post("courrier-2021-08-19-signature");
  const Post* en = example().find_post("bws-2021-08-18-signed");
  ASSERT_TRUE(fa && ar && fr && en);
  auto index = [&](const Post* p) {
    return static_cast<std::size_t>(p - example().posts().data());
  };
  const std::uint32_t s = r.story_of[index(en)];
  EXPECT_EQ(r.story_of[index(fa)], s);
  EXPECT_EQ(r.story_of[index(ar)], s);
  EXPECT_EQ(r.story_of[index(fr)], s);
  std::set<std::string> shared;
  for (const StoryLink& l : r.stories[s].links) shared.insert(l.shared.begin(), l.shared.end());
  EXPECT_TRUE(shared.count("date:2021-08-18")) << describe(example(), r);
  EXPECT_TRUE(shared.count("entity:zarvand"));
  EXPECT_EQ(r.stories[s].id, "story-bws-2021-08-17-signing-set");
}

TEST(StoryLinks, WindowRespected) {
  for (int window : {0, 1, 3, 10}) {
    StoryOptions o;
    o.entities = &gazetteer();
    o.window_days = window;
    StoryResult r = run(example(), o);
    expect_well_formed(example(), r, o);  // checks each link's window
  }
  // A wider window never gives fewer links.
  StoryOptions narrow, wide;
  narrow.window_days = 1;
  wide.window_days = 5;
  EXPECT_GE(run(example(), wide).stories.size(), 1u);
  EXPECT_LE(run(example(), wide).stories.size(), run(example(), narrow).stories.size());
}

TEST(StoryLinks, AcrossLanguagesOnly) {
  StoryOptions o;
  o.entities = &gazetteer();
  o.across_languages_only = true;
  StoryResult r = run(example(), o);
  expect_well_formed(example(), r, o);
  std::size_t links = 0;
  for (const Story& s : r.stories) links += s.links.size();
  EXPECT_GT(links, 5u);
}

TEST(StoryLinks, ThresholdOneAndZero) {
  StoryOptions o;
  o.entities = &gazetteer();
  o.link_threshold = 1.0;
  StoryResult strict = run(example(), o);
  expect_well_formed(example(), strict, o);
  o.link_threshold = 0.0;
  StoryResult loose = run(example(), o);
  expect_well_formed(example(), loose, o);
  EXPECT_LE(loose.stories.size(), strict.stories.size());
}

TEST(StoryLinks, Deterministic) {
  StoryOptions o;
  o.entities = &gazetteer();
  StoryResult a = run(example(), o), b = run(example(), o);
  ASSERT_EQ(a.stories.size(), b.stories.size());
  EXPECT_EQ(a.story_of, b.story_of);
  for (std::size_t s = 0; s < a.stories.size(); ++s) {
    EXPECT_EQ(a.stories[s].id, b.stories[s].id);
    EXPECT_EQ(a.stories[s].posts, b.stories[s].posts);
    ASSERT_EQ(a.stories[s].links.size(), b.stories[s].links.size());
    for (std::size_t l = 0; l < a.stories[s].links.size(); ++l) {
      EXPECT_EQ(a.stories[s].links[l].a, b.stories[s].links[l].a);
      EXPECT_EQ(a.stories[s].links[l].b, b.stories[s].links[l].b);
      EXPECT_EQ(a.stories[s].links[l].score, b.stories[s].links[l].score);
      EXPECT_EQ(a.stories[s].links[l].shared, b.stories[s].links[l].shared);
    }
  }
  // One thread or several: the same result.
  StoryOptions one = o, many = o;
  one.duplicates.threads = 1;
  many.duplicates.threads = 4;
  EXPECT_EQ(run(example(), one).story_of, run(example(), many).story_of);
  // The same posts in reverse order make the same stories (as sets of ids).
  Collection reversed;
  auto posts = example().posts();
  for (std::size_t i = posts.size(); i-- > 0;) ASSERT_TRUE(reversed.add_post(posts[i]).ok());
  for (const Source& s : example().sources()) ASSERT_TRUE(reversed.add_source(s).ok());
  StoryResult c = run(reversed, o);
  auto groups = [](const Collection& col, const StoryResult& r) {
    std::set<std::set<std::string>> out;
    for (const Story& s : r.stories) {
      std::set<std::string> ids;
      for (std::size_t p : s.posts) ids.insert(col.posts()[p].id);
      out.insert(ids);
    }
    return out;
  };
  EXPECT_EQ(groups(example(), a), groups(reversed, c));
}

// ---- clusters are never split -------------------------------------------------------

TEST(StoryLinks, ClusterIsNeverSplit) {
  // A hand-made cluster of two posts about different events (the draft and
  // the ratification, weeks apart): whatever the anchors say, they stay in
  // one story, and the other posts of both events join it through them.
  const Collection& c = example();
  std::size_t draft = 0, ratified = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.posts()[i].id == "bws-2021-08-09-draft-accord") draft = i;
    if (c.posts()[i].id == "wadi-2021-09-02-ratification") ratified = i;
  }
  DuplicateResult d;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i == ratified) continue;
    Cluster cl;
    cl.representative = i;
    cl.members = {i};
    if (i == draft) cl.members = {draft, ratified};
    d.clusters.push_back(cl);
  }
  d.cluster_of.assign(c.size(), 0);
  for (std::size_t k = 0; k < d.clusters.size(); ++k)
    for (std::size_t m : d.clusters[k].members) d.cluster_of[m] = static_cast<std::uint32_t>(k);
  StoryOptions o;
  o.entities = &gazetteer();
  auto r = link_stories(c, d, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  expect_well_formed(c, *r, o);
  EXPECT_EQ(r->story_of[draft], r->story_of[ratified]);
  const Story& s = r->stories[r->story_of[draft]];
  EXPECT_EQ(s.clusters.size(), s.links.size() + 1);
  // The Persian draft and the French ratification came in with them.
  std::set<std::string> ids;
  for (std::size_t p : s.posts) ids.insert(c.posts()[p].id);
  EXPECT_TRUE(ids.count("kavir-2021-08-10-draft"));
  EXPECT_TRUE(ids.count("echo-2021-09-03-ratification"));
  EXPECT_EQ(r->duplicates.clusters.size(), d.clusters.size());
}

TEST(StoryLinks, DuplicatesMustFitTheCollection) {
  StoryOptions o;
  DuplicateResult d = singletons(example().size() - 1);
  auto r = link_stories(example(), d, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  d = singletons(example().size());
  d.clusters[1].members = {0};  // post 0 twice, post 1 nowhere
  r = link_stories(example(), d, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  d = singletons(example().size());
  d.clusters[2].representative = 5;
  EXPECT_FALSE(link_stories(example(), d, o).ok());
}

TEST(StoryLinks, InvalidOptions) {
  StoryOptions o;
  o.window_days = -1;
  EXPECT_EQ(link_stories(example(), singletons(example().size()), o).error().code,
            ErrorCode::invalid_argument);
  for (double t : {-0.1, 1.5, std::nan("")}) {
    StoryOptions p;
    p.link_threshold = t;
    EXPECT_EQ(link_stories(example(), singletons(example().size()), p).error().code,
              ErrorCode::invalid_argument);
  }
}

// ---- small and hostile input -----------------------------------------------------------

TEST(StoryLinks, EmptyCollection) {
  Collection empty;
  auto r = link_stories(empty, DuplicateResult{}, StoryOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->stories.empty());
  EXPECT_TRUE(r->story_of.empty());
}

TEST(StoryLinks, PostsWithoutTextOrDate) {
  Collection c;
  ASSERT_TRUE(c.add_post(make_post("bare", "", "", "")).ok());
  ASSERT_TRUE(c.add_post(make_post(
                  "undated-en", "en", "", "Harwick Ferry Union strike ends after 17 days",
                  "The Harwick Ferry Union ended its 17-day strike on 3 May 2022."))
                  .ok());
  ASSERT_TRUE(c.add_post(make_post(
                  "dated-fr", "fr", "2022-05-04",
                  "Fin de la grève du Harwick Ferry Union après 17 jours",
                  "Le syndicat Harwick Ferry Union a mis fin le 3 mai 2022 à 17 jours de grève."))
                  .ok());
  ASSERT_TRUE(c.add_post(make_post("title-only", "en", "2022-05-04", "Weather")).ok());
  StoryOptions o;
  auto r = link_stories(c, singletons(c.size()), o);
  ASSERT_TRUE(r.ok());
  expect_well_formed(c, *r, o);
  EXPECT_EQ(r->stories.size(), 3u);
  // The undated post is compared with every post: it joins the French one.
  EXPECT_EQ(r->story_of[1], r->story_of[2]);
  EXPECT_EQ(r->stories[r->story_of[1]].representative, 2u) << "a dated post represents first";
  EXPECT_NE(r->story_of[0], r->story_of[1]);
}

TEST(StoryLinks, HostileText) {
  Collection c;
  std::string invalid = "Sarvan \xFF\xFE accord \xC3 signed in Zarvand \xE2\x80 on 18 August 2021";
  std::string bidi =
      "\u202EZarvand\u202C \u2066Sarvan\u2069 accord \u200F18 August 2021\u200E signed";
  std::string huge;  // 7 MB, of which the first 256 KiB are read
  for (int i = 0; i < 120000; ++i)
    huge += "Zarvand 42 Sarvan ۴۲ ٣٥ 18 August 2021 دشتران Kelvara. ";
  ASSERT_TRUE(c.add_post(make_post("invalid", "en", "2021-08-18", invalid, invalid)).ok());
  ASSERT_TRUE(c.add_post(make_post("bidi", "en", "2021-08-18", bidi, bidi)).ok());
  ASSERT_TRUE(c.add_post(make_post("huge", "en", "2021-08-19", "Huge", huge)).ok());
  std::string nul("Zarvand\0Sarvan", 14);
  ASSERT_TRUE(c.add_post(make_post("nul", "en", "2021-08-19", nul)).ok());
  StoryOptions o;
  auto t0 = std::chrono::steady_clock::now();
  auto r = link_stories(c, singletons(c.size()), o);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.ok());
  expect_well_formed(c, *r, o);
  EXPECT_LT(secs, 10.0);
  for (const Story& s : r->stories)
    for (const StoryLink& l : s.links)
      for (const auto& a : l.shared)
        for (unsigned char ch : a)
          EXPECT_TRUE(ch >= 0x20 && ch < 0x7F) << "anchors are ASCII: " << a;
}

TEST(StoryLinks, ManyPostsStayFast) {
  // The example 100 times over (ids and dates shifted by a week each copy):
  // blocking keeps the work near-linear.
  Collection big;
  const int copies = 100;
  for (int k = 0; k < copies; ++k) {
    for (const Post& p : example().posts()) {
      Post q = p;
      q.id += "-" + std::to_string(k);
      if (q.posted_on) q.posted_on->date += boost::gregorian::days(7 * k);
      if (q.published_on) q.published_on->date += boost::gregorian::days(7 * k);
      ASSERT_TRUE(big.add_post(std::move(q)).ok());
    }
  }
  for (const Source& s : example().sources()) ASSERT_TRUE(big.add_source(s).ok());
  StoryOptions o;
  o.entities = &gazetteer();
  auto t0 = std::chrono::steady_clock::now();
  auto r = link_stories(big, singletons(big.size()), o);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.ok());
  std::cout << "[speed] " << big.size() << " posts linked in " << secs << " s, "
            << r->stories.size() << " stories\n";
  EXPECT_LT(secs, 30.0);
  std::size_t links = 0;
  for (const Story& s : r->stories) links += s.links.size();
  EXPECT_EQ(links + r->stories.size(), big.size());
}

// ---- anchors -------------------------------------------------------------------------

TEST(StoryLinksAnchors, SkeletonsMeetAcrossScripts) {
  using stories_detail::abjad_skeletons;
  using stories_detail::cased_skeleton;
  const Normalizer& n = Normalizer::shared();
  auto meets = [&](std::string_view cased, std::string_view abjad) {
    std::string sk = cased_skeleton(n.latin_key(cased).value());
    auto v = abjad_skeletons(n.latin_key(abjad).value());
    return std::find(v.begin(), v.end(), sk) != v.end();
  };
  EXPECT_TRUE(meets("Dashtaran", "دشتران"));
  EXPECT_TRUE(meets("Kelvara", "کلواره"));
  EXPECT_TRUE(meets("Kelvara", "كلفارة"));
  EXPECT_TRUE(meets("Zarvand", "زروند"));
  EXPECT_TRUE(meets("Vasseur", "واسور"));
  EXPECT_TRUE(meets("Qarawani", "قروانی"));
  EXPECT_TRUE(meets("Kalantari", "کلانتری"));
  EXPECT_TRUE(meets("Tamrah", "تمرة"));
  EXPECT_TRUE(meets("Farahzad", "فرح زاد"));
  EXPECT_FALSE(meets("Kelvara", "زروند"));
  EXPECT_FALSE(meets("Dashtaran", "تمره"));
  EXPECT_EQ(cased_skeleton("dashtaran"), cased_skeleton("dachtaran"));
  EXPECT_EQ(cased_skeleton("sarvan"), cased_skeleton("sarvane"));
  EXPECT_NE(cased_skeleton("sarvan"), cased_skeleton("zarvand"));
  EXPECT_LE(abjad_skeletons("wawywyyw").size(), 8u);
  EXPECT_EQ(cased_skeleton(""), "");
}

TEST(StoryLinksAnchors, NumbersDatesWeekdaysAndBylines) {
  Post p = make_post("p", "en", "2021-08-19", "Three provinces sign accord",
                     "Ana Quell, Ferry Post, 19 August 2021: The provinces signed on Wednesday. "
                     "Shares are 42 percent, 4.5 percent, 1,200 cubic metres, 1.234.567 and "
                     "7,654.50 litres; version 2.1.3 "
                     "and 1 or 0 do not count. A vote follows on 2 September.");
  p.excerpt = "Harlan Deep said the shares hold.";
  auto s = stories_detail::scan_post(p, "en", nullptr, Normalizer::shared());
  std::set<std::string> nums(s.numbers.begin(), s.numbers.end());
  EXPECT_EQ(nums, (std::set<std::string>{"42", "4.5", "1200", "1234567", "7654.5"}));
  std::map<std::string, float> dates;
  for (auto& [d, f] : s.dates) dates[DateTime(d).date_iso()] = f;
  EXPECT_EQ(dates.count("2021-08-19"), 0u) << "the byline's date is left out";
  ASSERT_EQ(dates.count("2021-08-18"), 1u) << "Wednesday before Thursday 19 August";
  EXPECT_EQ(dates["2021-08-18"], 1.0f);
  ASSERT_EQ(dates.count("2021-09-02"), 1u);
  EXPECT_EQ(dates["2021-09-02"], 0.5f) << "a date ahead of the post weighs half";
  bool quell = false;
  for (const auto& w : s.cased) quell |= w.key == "quell" || w.key == "ferry";
  EXPECT_FALSE(quell) << "byline names are left out";

  Post ar = make_post("ar", "ar", "2021-08-12", "مسودة",
                      "حصص ٤٢ بالمئة لدشتران و٣٥ بالمئة لكلفارة و٢٣ بالمئة، "
                      "و١٬٢٠٠ و٤٫٥ يوم الأربعاء");
  auto a = stories_detail::scan_post(ar, "ar", nullptr, Normalizer::shared());
  std::set<std::string> anums(a.numbers.begin(), a.numbers.end());
  EXPECT_EQ(anums, (std::set<std::string>{"42", "35", "23", "1200", "4.5"}));
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(DateTime(a.dates[0].first).date_iso(), "2021-08-11");  // Wednesday before Thursday 12th
}

TEST(StoryLinksAnchors, NamesNeedCapitalsInsideSentences) {
  // "Accord" capitalised once, lower case elsewhere, is a word; "Orlen" is
  // a name and its Persian spelling is found; a Persian verb that happens to
  // share a skeleton with "Accord" is not.
  Collection c;
  ASSERT_TRUE(c.add_post(make_post(
                  "en1", "en", "2022-03-01", "Talks",
                  "Mayor Orlen Vask met the Accord team. The accord was read."))
                  .ok());
  ASSERT_TRUE(c.add_post(make_post("en2", "en", "2022-03-01", "More talks",
                                   "Officials said the accord holds; Orlen Vask agreed with "
                                   "Ilya Farahvand of the Lower Reach group.")).ok());
  ASSERT_TRUE(c.add_post(make_post("fa1", "fa", "2022-03-02", "گفتگو",
                                   "اورلن واسک با هیئت دیدار کرد و توافق را امضا کرد. "
                                   "ایلیا فرح‌وند هم آمد.")).ok());
  std::vector<stories_detail::PostScan> scans;
  stories_detail::NameVocabulary v(Normalizer::shared());
  for (const Post& p : c.posts()) {
    scans.push_back(stories_detail::scan_post(p, p.language, nullptr, Normalizer::shared()));
    v.count(scans.back());
  }
  v.finish();
  std::set<std::string> en1, fa1;
  for (const auto& id : v.names_of(scans[0])) en1.insert(std::string(v.display(id)));
  for (const auto& id : v.names_of(scans[2])) fa1.insert(std::string(v.display(id)));
  EXPECT_TRUE(en1.count("orlen"));
  EXPECT_TRUE(en1.count("vask"));
  EXPECT_FALSE(en1.count("accord"));
  EXPECT_FALSE(en1.count("mayor")) << "capitalised only at a sentence start";
  EXPECT_TRUE(fa1.count("orlen"));
  EXPECT_TRUE(fa1.count("vask"));
  EXPECT_FALSE(fa1.count("accord"));
  // "فرح‌وند" is two tokens, one name; "ایلیا فرح" is not "Lower".
  EXPECT_TRUE(fa1.count("farahvand"));
  EXPECT_FALSE(fa1.count("lower"));
}
