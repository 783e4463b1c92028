#include "text/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/dateline.h"
#include "text/front_matter.h"

namespace kith {
namespace {

Status InvalidInput(const std::string& path, std::string message) {
  return Status::At(StatusCode::kInvalidInput, path, 0, 0, std::move(message));
}

std::string TooLargeMessage(std::size_t size, std::size_t limit, bool at_least) {
  return std::string("file too large: ") + (at_least ? "more than " : "") + std::to_string(size) +
         " bytes (limit " + std::to_string(limit) + " bytes; kith ingest --max-bytes raises it)";
}

// Closes a POSIX descriptor on scope exit.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

const char* FileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// The Status for a failed open(2) of `path`, saying what is (not) there.
Status OpenError(const std::string& path, int err) {
  struct stat link {};
  if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    target.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return Status::At(StatusCode::kNotFound, path, 0, 0,
                      "dangling symbolic link: its target \"" + target + "\" does not exist");
  }
  if (err == ENOENT || err == ENOTDIR) {
    return Status::At(StatusCode::kNotFound, path, 0, 0, std::string("cannot open: ") + std::strerror(err));
  }
  if (err == ELOOP) {
    return Status::At(StatusCode::kIoError, path, 0, 0,
                      std::string("cannot open: ") + std::strerror(err) + " (a symbolic link loop)");
  }
  if (err == ENXIO) {  // a socket, or a device with nothing behind it
    return Status::At(StatusCode::kInvalidInput, path, 0, 0, "not a readable file (a socket or an absent device)");
  }
  return Status::At(StatusCode::kIoError, path, 0, 0, std::string("cannot open: ") + std::strerror(err));
}

// UTF-16 without a byte order mark: text that is mostly ASCII has a NUL in
// every other byte. Returns "UTF-16LE", "UTF-16BE" or nullptr.
const char* GuessBomlessUtf16(const std::string& bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t even_nuls = 0;
  std::size_t odd_nuls = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even_nuls : odd_nuls);
  }
  const std::size_t pairs = n / 2;
  if (odd_nuls * 10 >= pairs * 7 && even_nuls * 10 <= pairs) return "UTF-16LE";
  if (even_nuls * 10 >= pairs * 7 && odd_nuls * 10 <= pairs) return "UTF-16BE";
  return nullptr;
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if none
// does (RFC 3629 table 3-7: exact second-byte ranges exclude overlong forms,
// surrogates and code points above U+10FFFF).
std::size_t ValidSequenceLength(const std::string& s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

bool StartsWithBytes(const std::string& s, const char* prefix, std::size_t n) {
  return s.size() >= n && std::memcmp(s.data(), prefix, n) == 0;
}

// Refuses UTF-16 and UTF-32 input, recognised by its byte order mark. UTF-32
// LE is tested before UTF-16 LE because its BOM starts with UTF-16 LE's.
Status CheckNotWideEncoding(const std::string& path, const std::string& bytes) {
  struct Bom {
    const char* bytes;
    std::size_t size;
    const char* name;
  };
  static const Bom kBoms[] = {
      {"\xFF\xFE\x00\x00", 4, "UTF-32LE"},
      {"\x00\x00\xFE\xFF", 4, "UTF-32BE"},
      {"\xFF\xFE", 2, "UTF-16LE"},
      {"\xFE\xFF", 2, "UTF-16BE"},
  };
  for (const Bom& bom : kBoms) {
    if (StartsWithBytes(bytes, bom.bytes, bom.size)) {
      return InvalidInput(path, std::string("file is ") + bom.name +
                                    " (byte order mark); UTF-8 is expected: convert it, e.g. "
                                    "iconv -f " + bom.name + " -t UTF-8");
    }
  }
  return Status::Ok();
}

bool IsBlank(const std::string& bytes) {
  for (char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') return false;
  }
  return true;
}

}  // namespace

std::size_t RepairUtf8InPlace(std::string* bytes, std::size_t max_warnings,
                              std::vector<ReadWarning>* warnings) {
  std::string& s = *bytes;
  std::size_t replaced = 0;
  std::size_t runs = 0;
  std::size_t first_unreported = 0;  // offset of the first run past the cap
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = ValidSequenceLength(s, i);
    if (len > 0) {
      i += len;
      continue;
    }
    // A run of bad bytes: each becomes '?' so offsets stay those of the file.
    const std::size_t run_begin = i;
    while (i < s.size() && ValidSequenceLength(s, i) == 0) {
      s[i] = '?';
      ++i;
    }
    const std::size_t run_size = i - run_begin;
    replaced += run_size;
    ++runs;
    if (runs <= max_warnings) {
      if (warnings != nullptr) {
        warnings->push_back({run_begin, "invalid UTF-8: " + std::to_string(run_size) + " byte" +
                                            (run_size == 1 ? "" : "s") + " replaced by '?'"});
      }
    } else if (runs == max_warnings + 1) {
      first_unreported = run_begin;
    }
  }
  if (runs > max_warnings && warnings != nullptr) {
    const std::size_t more = runs - max_warnings;
    warnings->push_back({first_unreported, "and " + std::to_string(more) + " more run" +
                                               (more == 1 ? "" : "s") + " of invalid UTF-8"});
  }
  return replaced;
}

Status ReadDocumentFromBytes(const std::string& path, std::string bytes, const ReadOptions& options,
                             Document* out, std::vector<ReadWarning>* warnings) {
  *out = Document();
  out->path = path;
  if (bytes.size() > options.max_bytes) {
    return InvalidInput(path, TooLargeMessage(bytes.size(), options.max_bytes, false));
  }
  KITH_RETURN_IF_ERROR(CheckNotWideEncoding(path, bytes));
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string::npos) {
    std::string message = "binary file (NUL byte at offset " + std::to_string(nul) + ")";
    if (const char* utf16 = GuessBomlessUtf16(bytes)) {
      message += "; it looks like " + std::string(utf16) +
                 " without a byte order mark: UTF-8 is expected, convert it, e.g. iconv -f " + utf16 +
                 " -t UTF-8";
    }
    return InvalidInput(path, std::move(message));
  }
  // The UTF-8 BOM is not text; spaces keep every later offset unchanged.
  if (StartsWithBytes(bytes, "\xEF\xBB\xBF", 3)) bytes.replace(0, 3, "   ");
  RepairUtf8InPlace(&bytes, options.max_utf8_warnings, warnings);
  if (IsBlank(bytes)) return InvalidInput(path, "empty document");

  out->text = std::move(bytes);
  if (options.parse_front_matter) {
    KITH_RETURN_IF_ERROR(ParseFrontMatter(out));
    if (out->meta.date.empty()) out->meta.date = DatelineDate(out->text, out->body);
  } else {
    out->body = Span{0, out->text.size()};
  }
  if (options.classify_lines) ClassifyDocumentLines(options, out);
  return Status::Ok();
}

void ClassifyDocumentLines(const ReadOptions& options, Document* doc) {
  static const std::vector<LexiconEntry> kNoCues;
  if (options.compiled_cues != nullptr) {
    ClassifyLines(*options.compiled_cues, options.line_options, doc);
  } else {
    ClassifyLines(options.furniture_cues != nullptr ? *options.furniture_cues : kNoCues, options.line_options, doc);
  }
}

Status ReadAllLimited(int fd, const std::string& name, std::size_t max_bytes, std::string* out) {
  out->clear();
  char buffer[1 << 16];
  for (;;) {
    // Never ask for more than one byte past the limit: that byte is enough to refuse.
    const std::size_t left = max_bytes - std::min(max_bytes, out->size());
    const std::size_t want = left >= sizeof buffer ? sizeof buffer : left + 1;
    const ssize_t n = ::read(fd, buffer, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      return Status::At(StatusCode::kIoError, name, 0, 0,
                        "read failed at byte " + std::to_string(out->size()) + ": " + std::strerror(err));
    }
    if (n == 0) return Status::Ok();
    out->append(buffer, static_cast<std::size_t>(n));
    if (out->size() > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return InvalidInput(name, TooLargeMessage(max_bytes, max_bytes, true));
    }
  }
}

Status ReadDocumentFile(const std::string& path, const ReadOptions& options, Document* out,
                        std::vector<ReadWarning>* warnings) {
  *out = Document();
  out->path = path;
  // O_NONBLOCK so that opening a FIFO nobody writes to returns at once; it is
  // cleared below, and such a FIFO then reads as empty instead of blocking.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno);
  FdCloser closer(fd);
  // fstat of the open file, not stat of the path: what is checked is what is read.
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    return Status::At(StatusCode::kIoError, path, 0, 0, std::string("cannot stat: ") + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) return InvalidInput(path, "is a directory, not a file");
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
    return InvalidInput(path, std::string("is ") + FileTypeName(st.st_mode) + ", not a file");
  }
  // Size first, so a huge file is refused without reading it. Pipes and
  // devices report no useful size; ReadAllLimited enforces the limit.
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > options.max_bytes) {
    return InvalidInput(path,
                        TooLargeMessage(static_cast<std::size_t>(st.st_size), options.max_bytes, false));
  }
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    const int err = errno;
    return Status::At(StatusCode::kIoError, path, 0, 0, std::string("cannot read: ") + std::strerror(err));
  }
  std::string bytes;
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
  KITH_RETURN_IF_ERROR(ReadAllLimited(fd, path, options.max_bytes, &bytes));
  if (bytes.empty() && S_ISFIFO(st.st_mode)) {
    return InvalidInput(path, "empty document (a FIFO: nothing was written to it)");
  }
  return ReadDocumentFromBytes(path, std::move(bytes), options, out, warnings);
}

}  // namespace kith
