// Saves stay whole: a process killed (SIGKILL) at a random moment while it
// saves over and over leaves the old or the new file, never a mix.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "digest/io.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;
namespace fs = std::filesystem;

Collection make_collection(char fill, int posts) {
  Collection c;
  for (int i = 0; i < posts; ++i) {
    Post p;
    p.id = "p" + std::to_string(i);
    p.title = std::string(40, fill);
    p.excerpt = std::string(400, fill);
    (void)c.add_post(std::move(p));
  }
  return c;
}

TEST(AtomicSave, KilledMidSaveLeavesOldOrNew) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("digest_kill_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "collection.json").string();
  const Collection a = make_collection('a', 2000), b = make_collection('b', 2000);
  const std::string text_a = export_json(a), text_b = export_json(b);
  ASSERT_TRUE(export_file(a, path).ok());

  std::mt19937 rng(20211008);
  int killed_mid_run = 0;
  for (int round = 0; round < 40; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int i = 0;; ++i) (void)export_file(i % 2 ? a : b, path);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(2000 + rng() % 20000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    killed_mid_run += WIFSIGNALED(status);
    auto now = read_file(path);
    ASSERT_TRUE(now.ok()) << now.error().to_string();
    ASSERT_TRUE(*now == text_a || *now == text_b)
        << "round " << round << ": a torn file of " << now->size() << " bytes";
  }
  EXPECT_EQ(killed_mid_run, 40);
  // Only uniquely named temporaries can be left behind, never the target's name.
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(name == "collection.json" || name.rfind("collection.json.tmp-", 0) == 0) << name;
  }
  fs::remove_all(dir);
}

TEST(AtomicSave, ConcurrentSaversNeverShareATemporary) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("digest_race_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.json").string();
  const std::string x(100000, 'x'), y(150000, 'y');
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) EXPECT_TRUE(write_file_atomic(path, t % 2 ? x : y).ok());
    });
  for (auto& th : threads) th.join();
  auto now = read_file(path);
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(*now == x || *now == y);
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) ++n, (void)e;
  EXPECT_EQ(n, 1u);
  fs::remove_all(dir);
}

}  // namespace
