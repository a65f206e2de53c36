#include "digest/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <utility>

namespace digest {

namespace {

Error io_error(const std::string& path, const std::string& what, int err) {
  Error e(err == ENOENT ? ErrorCode::file_not_found : ErrorCode::io_error,
          what + ": " + std::strerror(err));
  e.file = path;
  return e;
}

// Closes a descriptor on every path out of a function.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  int release() {
    int f = fd;
    fd = -1;
    return f;
  }
};

std::string folder_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  Fd f;
  do {
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (f.fd < 0 && errno == EINTR);
  if (f.fd < 0) return io_error(path, "cannot open", errno);
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) return io_error(path, "cannot stat", errno);
  if (S_ISDIR(st.st_mode)) return io_error(path, "cannot read", EISDIR);
  auto too_big = [&] {
    Error e(ErrorCode::limit_exceeded,
            "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
    e.file = path;
    return e;
  };
  std::string out;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return too_big();
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error(path, "read failed", errno);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) return too_big();
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

Result<AtomicFile> AtomicFile::open(const std::string& path) {
  if (path.empty()) return io_error(path, "cannot write", ENOENT);
  // Unique per process, thread and call: two savers never share a temporary.
  static std::atomic<unsigned long> counter{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" +
                    std::to_string(counter.fetch_add(1)) + "-" +
                    std::to_string(static_cast<unsigned long long>(stamp) & 0xFFFFFF);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return io_error(path, "cannot create a temporary file beside it", errno);
  // Keep the target's permissions when it exists.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) (void)::fchmod(fd, st.st_mode & 07777);
  return AtomicFile(path, std::move(tmp), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temporary_(std::move(other.temporary_)), fd_(std::exchange(other.fd_, -1)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    temporary_ = std::move(other.temporary_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() noexcept {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temporary_.c_str());
  fd_ = -1;
}

Status AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) return Error(ErrorCode::invalid_argument, "the file is closed");
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      discard();
      return io_error(path_, "write failed", err);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

Status AtomicFile::commit() {
  if (fd_ < 0) return Error(ErrorCode::invalid_argument, "the file is closed");
  if (::fsync(fd_) != 0) {
    int err = errno;
    discard();
    return io_error(path_, "fsync failed", err);
  }
  int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temporary_.c_str());
    return io_error(path_, "close failed", err);
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    int err = errno;
    ::unlink(temporary_.c_str());
    return io_error(path_, "cannot rename into place", err);
  }
  // Make the rename itself durable.
  Fd dir;
  dir.fd = ::open(folder_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir.fd >= 0) (void)::fsync(dir.fd);
  return {};
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  Result<AtomicFile> f = AtomicFile::open(path);
  if (!f) return std::move(f).error();
  if (Status st = f->write(bytes); !st) return st;
  return f->commit();
}

}  // namespace digest
