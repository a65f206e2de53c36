// The collection's flat id index and the digest set that checking and
// streaming keep in place of records (src/model/id_index.cpp, id_set.cpp).
#include <gtest/gtest.h>

#include <string>

#include "digest/model.hpp"
#include "model/id_set.hpp"

using namespace digest;

namespace {

Post post(std::string id) {
  Post p;
  p.id = std::move(id);
  return p;
}

TEST(IdIndex, FindsEveryIdAcrossGrowthAndRejectsEachAgain) {
  Collection c;
  const int n = 50'000;  // many doublings from the smallest table
  for (int i = 0; i < n; ++i) ASSERT_TRUE(c.add_post(post("p" + std::to_string(i))).ok()) << i;
  for (int i = 0; i < n; i += 7) {
    const Post* p = c.find_post("p" + std::to_string(i));
    ASSERT_NE(p, nullptr) << i;
    EXPECT_EQ(p->id, "p" + std::to_string(i));
    EXPECT_EQ(p - c.posts().data(), i);  // the index points at the post, not a copy
  }
  EXPECT_EQ(c.find_post("p" + std::to_string(n)), nullptr);
  EXPECT_EQ(c.find_post(""), nullptr);
  EXPECT_EQ(c.find_post("p1 "), nullptr);
  auto again = c.add_post(post("p4242"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(c.size(), std::size_t(n));  // a refused post changes nothing
}

TEST(IdIndex, IdsThatDifferOnlyInBytesAfterANulOrInLengthAreDistinct) {
  Collection c;
  const std::string with_nul("a\0b", 3), other_nul("a\0c", 3);
  ASSERT_TRUE(c.add_post(post(with_nul)).ok());
  ASSERT_TRUE(c.add_post(post(other_nul)).ok());
  ASSERT_TRUE(c.add_post(post("a")).ok());
  ASSERT_TRUE(c.add_post(post(std::string(5000, 'x'))).ok());
  EXPECT_EQ(c.find_post(with_nul)->id, with_nul);
  EXPECT_EQ(c.find_post(other_nul)->id, other_nul);
  EXPECT_EQ(c.find_post(std::string(4999, 'x')), nullptr);
  EXPECT_FALSE(c.add_post(post(std::string(5000, 'x'))).ok());
}

TEST(IdIndex, MergedAndClearedCollectionsKeepAWorkingIndex) {
  Collection a, b;
  for (int i = 0; i < 3000; ++i) ASSERT_TRUE(a.add_post(post("a" + std::to_string(i))).ok());
  for (int i = 0; i < 3000; ++i) ASSERT_TRUE(b.add_post(post("b" + std::to_string(i))).ok());
  ASSERT_TRUE(a.merge(std::move(b)).ok());
  EXPECT_NE(a.find_post("b2999"), nullptr);
  EXPECT_EQ(a.find_post("b2999")->id, "b2999");
  EXPECT_FALSE(a.add_post(post("b0")).ok());
  Collection moved = std::move(a);
  EXPECT_NE(moved.find_post("a17"), nullptr);
  moved.clear();
  EXPECT_EQ(moved.find_post("a17"), nullptr);
  EXPECT_TRUE(moved.add_post(post("a17")).ok());
  EXPECT_EQ(moved.find_post("a17")->id, "a17");
}

TEST(IdIndex, ReserveKeepsWhatIsThere) {
  Collection c;
  ASSERT_TRUE(c.add_post(post("one")).ok());
  c.reserve(100'000);
  EXPECT_NE(c.find_post("one"), nullptr);
  EXPECT_FALSE(c.add_post(post("one")).ok());
}

TEST(IdSet, InsertReportsRepeatsAndSurvivesGrowth) {
  detail::IdSet s;
  EXPECT_FALSE(s.contains("x"));
  for (int i = 0; i < 20'000; ++i) ASSERT_TRUE(s.insert("id-" + std::to_string(i)));
  for (int i = 0; i < 20'000; i += 3) ASSERT_FALSE(s.insert("id-" + std::to_string(i)));
  EXPECT_TRUE(s.contains("id-19999"));
  EXPECT_FALSE(s.contains("id-20000"));
  EXPECT_TRUE(s.insert(""));  // the set does not judge ids; the importer does
  EXPECT_FALSE(s.insert(""));
  EXPECT_TRUE(s.insert(std::string("\xff\xfe", 2)));
  EXPECT_EQ(s.size(), 20'002u);
  s.clear();
  EXPECT_FALSE(s.contains("id-1"));
  EXPECT_TRUE(s.insert("id-1"));
}

}  // namespace
