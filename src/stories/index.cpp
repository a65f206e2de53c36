// NearDuplicateIndex: near-duplicate lookups for texts added one at a time,
// with the same shingles, signatures, LSH bands and verification as
// find_near_duplicates, kept in hash tables that grow without a rebuild.
//
// File format (little-endian): "DGNDX\n", u32 version (1), the options
// (f64 threshold; u32 permutations; u64 seed; u32 words, min_words, chars;
// u8 has_window, i32 window_days; u32 bands, rows), u64 entry count, then per
// entry: u32 id length and bytes, u8 has_date and u16 year u8 month u8 day,
// u32 cluster (the entry that heads its cluster, <= this entry), u32 shingle
// count and the sorted shingles, then `permutations` u32 signature values.
#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "digest/io.hpp"
#include "digest/normalize.hpp"
#include "digest/stories.hpp"
#include "stories/lsh.hpp"

namespace digest {

namespace {

constexpr std::string_view kMagic = "DGNDX\n";
constexpr std::uint32_t kVersion = 1;

struct Entry {
  std::string id;
  std::optional<Date> date;
  std::uint32_t cluster = 0;
  std::vector<std::uint32_t> shingles;
};

class Writer {
 public:
  void bytes(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
  template <class T>
  void le(T v) {
    static_assert(std::is_integral_v<T>);
    for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((std::make_unsigned_t<T>(v) >> (8 * i)) & 0xFF));
  }
  void f64(double d) { le(std::bit_cast<std::uint64_t>(d)); }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  bool le(T& v) {
    if (in_.size() - at_ < sizeof(T)) return fail("the file ends early");
    std::make_unsigned_t<T> u = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
      u |= std::make_unsigned_t<T>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    v = static_cast<T>(u);
    at_ += sizeof(T);
    return true;
  }
  bool f64(double& d) {
    std::uint64_t u = 0;
    if (!le(u)) return false;
    d = std::bit_cast<double>(u);
    return true;
  }
  bool text(std::string& s, std::size_t n) {
    if (in_.size() - at_ < n) return fail("the file ends early");
    s.assign(in_.substr(at_, n));
    at_ += n;
    return true;
  }
  bool fail(std::string why) {
    if (!error) {
      error = Error(ErrorCode::parse_error, "not a near-duplicate index: " + why);
      error->offset = at_;
    }
    return false;
  }
  std::size_t offset() const { return at_; }
  std::size_t left() const { return in_.size() - at_; }
  std::optional<Error> error;

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

struct NearDuplicateIndex::Impl {
  DuplicateOptions options;
  LshParams lsh;
  MinHasher hasher;
  std::vector<Entry> entries;
  std::vector<std::uint32_t> signatures;  // row-major
  std::vector<std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>> bands;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> by_id;

  explicit Impl(DuplicateOptions o)
      : options(std::move(o)),
        lsh(options.lsh ? *options.lsh : lsh_params(jaccard_from_similarity(options.threshold),
                                                     options.minhash.permutations)),
        hasher(options.minhash),
        bands(lsh.bands) {}

  struct Sketch {
    std::vector<std::uint32_t> shingles;
    std::vector<std::uint32_t> signature;
  };
  Sketch sketch(std::string_view text) const {
    Sketch s;
    Result<std::string> key = Normalizer::shared().search_key(text);
    if (key.ok()) s.shingles = hasher.shingles(*key);
    s.signature.resize(options.minhash.permutations);
    hasher.signature(s.shingles, s.signature);
    return s;
  }

  std::optional<std::pair<std::uint32_t, double>> best(const Sketch& s, const std::optional<Date>& date) const {
    if (s.shingles.empty()) return std::nullopt;
    std::unordered_set<std::uint32_t> seen;
    std::optional<std::pair<std::uint32_t, double>> found;
    for (std::size_t b = 0; b < lsh.bands; ++b) {
      auto it = bands[b].find(stories_detail::band_key(s.signature, lsh, b));
      if (it == bands[b].end()) continue;
      for (std::uint32_t i : it->second) {
        if (!seen.insert(i).second) continue;
        const Entry& e = entries[i];
        if (options.window_days && date && e.date &&
            std::labs((*date - *e.date).days()) > *options.window_days)
          continue;
        const double sim = similarity(s.shingles, e.shingles);
        if (sim < options.threshold - 1e-12) continue;
        if (!found || sim > found->second || (sim == found->second && i < found->first)) found = {{i, sim}};
      }
    }
    return found;
  }

  Match match_of(std::pair<std::uint32_t, double> m) const {
    return {entries[m.first].id, entries[entries[m.first].cluster].id, m.second};
  }

  void insert(Entry e, std::vector<std::uint32_t> signature) {
    const auto i = static_cast<std::uint32_t>(entries.size());
    for (std::size_t b = 0; b < lsh.bands && !e.shingles.empty(); ++b)
      bands[b][stories_detail::band_key(signature, lsh, b)].push_back(i);
    signatures.insert(signatures.end(), signature.begin(), signature.end());
    by_id.emplace(e.id, i);
    entries.push_back(std::move(e));
  }
};

NearDuplicateIndex::NearDuplicateIndex(DuplicateOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
NearDuplicateIndex::~NearDuplicateIndex() = default;
NearDuplicateIndex::NearDuplicateIndex(NearDuplicateIndex&&) noexcept = default;
NearDuplicateIndex& NearDuplicateIndex::operator=(NearDuplicateIndex&&) noexcept = default;

std::optional<NearDuplicateIndex::Match> NearDuplicateIndex::query(std::string_view text,
                                                                   std::optional<Date> date) const {
  const auto m = impl_->best(impl_->sketch(text), date);
  if (!m) return std::nullopt;
  return impl_->match_of(*m);
}

Result<std::optional<NearDuplicateIndex::Match>> NearDuplicateIndex::add(std::string_view id,
                                                                         std::string_view text,
                                                                         std::optional<Date> date) {
  if (id.empty()) return Error(ErrorCode::invalid_argument, "an index entry needs a non-empty id");
  if (impl_->by_id.count(id))
    return Error(ErrorCode::duplicate_id, "the index already has an entry with id '" + std::string(id) + "'");
  if (impl_->entries.size() >= std::numeric_limits<std::uint32_t>::max() - 1)
    return Error(ErrorCode::limit_exceeded, "the index is full (2^32 - 2 entries)");
  Impl::Sketch s = impl_->sketch(text);
  const auto m = impl_->best(s, date);
  Entry e;
  e.id = std::string(id);
  e.date = date;
  e.cluster = m ? impl_->entries[m->first].cluster : static_cast<std::uint32_t>(impl_->entries.size());
  e.shingles = std::move(s.shingles);
  std::optional<Match> out;
  if (m) out = impl_->match_of(*m);
  impl_->insert(std::move(e), std::move(s.signature));
  return out;
}

std::size_t NearDuplicateIndex::size() const { return impl_->entries.size(); }
const DuplicateOptions& NearDuplicateIndex::options() const { return impl_->options; }

Status NearDuplicateIndex::save(const std::string& path) const {
  return write_file_atomic(path, to_bytes());
}

Result<NearDuplicateIndex> NearDuplicateIndex::load(const std::string& path) {
  Result<std::string> bytes = read_file(path);
  if (!bytes.ok()) return std::move(bytes).error();
  Result<NearDuplicateIndex> index = from_bytes(*bytes);
  if (!index.ok()) {
    Error e = std::move(index).error();
    e.file = path;
    return e;
  }
  return index;
}

std::string NearDuplicateIndex::to_bytes() const {
  const Impl& m = *impl_;
  const DuplicateOptions& o = m.options;
  Writer w;
  w.bytes(kMagic.data(), kMagic.size());
  w.le(kVersion);
  w.f64(o.threshold);
  w.le(static_cast<std::uint32_t>(o.minhash.permutations));
  w.le(o.minhash.seed);
  w.le(static_cast<std::uint32_t>(o.minhash.shingles.words));
  w.le(static_cast<std::uint32_t>(o.minhash.shingles.min_words));
  w.le(static_cast<std::uint32_t>(o.minhash.shingles.chars));
  w.le(static_cast<std::uint8_t>(o.window_days.has_value()));
  w.le(static_cast<std::int32_t>(o.window_days.value_or(0)));
  w.le(static_cast<std::uint32_t>(m.lsh.bands));
  w.le(static_cast<std::uint32_t>(m.lsh.rows));
  w.le(static_cast<std::uint64_t>(m.entries.size()));
  const std::size_t perms = o.minhash.permutations;
  for (std::size_t i = 0; i < m.entries.size(); ++i) {
    const Entry& e = m.entries[i];
    w.le(static_cast<std::uint32_t>(e.id.size()));
    w.bytes(e.id.data(), e.id.size());
    w.le(static_cast<std::uint8_t>(e.date.has_value()));
    w.le(static_cast<std::uint16_t>(e.date ? static_cast<int>(e.date->year()) : 0));
    w.le(static_cast<std::uint8_t>(e.date ? static_cast<int>(e.date->month()) : 0));
    w.le(static_cast<std::uint8_t>(e.date ? static_cast<int>(e.date->day()) : 0));
    w.le(e.cluster);
    w.le(static_cast<std::uint32_t>(e.shingles.size()));
    for (std::uint32_t s : e.shingles) w.le(s);
    for (std::size_t k = 0; k < perms; ++k) w.le(m.signatures[i * perms + k]);
  }
  return std::move(w.out);
}

Result<NearDuplicateIndex> NearDuplicateIndex::from_bytes(std::string_view bytes) {
  Reader r(bytes);
  auto failed = [&]() -> Error {
    return r.error ? *r.error : Error(ErrorCode::parse_error, "not a near-duplicate index");
  };
  std::string magic;
  if (!r.text(magic, kMagic.size()) || magic != kMagic) {
    r.fail("it does not start with the index's signature");
    return failed();
  }
  std::uint32_t version = 0, perms = 0, words = 0, min_words = 0, chars = 0, bands = 0, rows = 0;
  std::uint8_t has_window = 0;
  std::int32_t window = 0;
  std::uint64_t count = 0;
  DuplicateOptions o;
  if (!r.le(version)) return failed();
  if (version != kVersion) {
    r.fail("version " + std::to_string(version) + " is not one this build reads (1)");
    return failed();
  }
  if (!r.f64(o.threshold) || !r.le(perms) || !r.le(o.minhash.seed) || !r.le(words) ||
      !r.le(min_words) || !r.le(chars) || !r.le(has_window) || !r.le(window) || !r.le(bands) ||
      !r.le(rows) || !r.le(count))
    return failed();
  o.minhash.permutations = perms;
  o.minhash.shingles = {words, min_words, chars};
  if (has_window) o.window_days = window;
  o.lsh = LshParams{bands, rows};
  if (Status st = stories_detail::check_threshold(o.threshold, perms); !st.ok()) {
    r.fail(st.error().message);
    return failed();
  }
  if (!stories_detail::resolve_lsh(o.lsh, jaccard_from_similarity(o.threshold), perms).ok() || words == 0 || chars == 0 ||
      words > 64 || chars > 64 || has_window > 1 || (!has_window && window != 0)) {
    // A window the file says it lacks must be written as 0: one index, one encoding.
    r.fail("its options are out of range");
    return failed();
  }
  // Each entry takes at least this many bytes: a count beyond the file is a lie.
  const std::size_t min_entry = 4 + 1 + 4 + 4 + 4 + 4 + std::size_t(perms) * 4;
  if (count > r.left() / min_entry) {
    r.fail("it counts more entries than the file holds");
    return failed();
  }
  NearDuplicateIndex index(o);
  Impl& m = *index.impl_;
  for (std::uint64_t i = 0; i < count; ++i) {
    Entry e;
    std::uint32_t id_len = 0, n_shingles = 0;
    std::uint8_t has_date = 0, month = 0, day = 0;
    std::uint16_t year = 0;
    const std::size_t entry_at = r.offset();
    if (!r.le(id_len) || !r.text(e.id, id_len) || !r.le(has_date) || !r.le(year) || !r.le(month) ||
        !r.le(day) || !r.le(e.cluster) || !r.le(n_shingles))
      return failed();
    if (e.id.empty() || m.by_id.count(e.id) || e.cluster > i || has_date > 1 ||
        n_shingles > r.left() / 4) {
      r.fail("entry " + std::to_string(i) + " (at byte " + std::to_string(entry_at) + ") is malformed");
      return failed();
    }
    if (has_date) {
      try {
        e.date = Date(year, month, day);
      } catch (const std::exception&) {
        r.fail("entry " + std::to_string(i) + " has an invalid date");
        return failed();
      }
    }
    e.shingles.resize(n_shingles);
    for (auto& s : e.shingles)
      if (!r.le(s)) return failed();
    if (!std::is_sorted(e.shingles.begin(), e.shingles.end()) ||
        std::adjacent_find(e.shingles.begin(), e.shingles.end()) != e.shingles.end()) {
      r.fail("entry " + std::to_string(i) + "'s shingles are not sorted and distinct");
      return failed();
    }
    if (e.cluster != i && m.entries[e.cluster].cluster != e.cluster) {
      r.fail("entry " + std::to_string(i) + " names a cluster head that is not one");
      return failed();
    }
    std::vector<std::uint32_t> sig(perms);
    for (auto& v : sig)
      if (!r.le(v)) return failed();
    m.insert(std::move(e), std::move(sig));
  }
  if (r.left() != 0) {
    r.fail("there are bytes after the last entry");
    return failed();
  }
  return index;
}

}  // namespace digest
