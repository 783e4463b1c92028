#include "text/reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>
#include <utility>

#include <sys/stat.h>

#include "text/front_matter.h"

namespace kith {
namespace {

Status InvalidInput(const std::string& path, std::string message) {
  return Status::At(StatusCode::kInvalidInput, path, 0, 0, std::move(message));
}

std::string TooLargeMessage(std::size_t size, std::size_t limit, bool at_least) {
  return std::string("file too large: ") + (at_least ? "more than " : "") + std::to_string(size) +
         " bytes (limit " + std::to_string(limit) + " bytes, see ReadOptions::max_bytes)";
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
    return InvalidInput(path, "binary file (NUL byte at offset " + std::to_string(nul) + ")");
  }
  // The UTF-8 BOM is not text; spaces keep every later offset unchanged.
  if (StartsWithBytes(bytes, "\xEF\xBB\xBF", 3)) bytes.replace(0, 3, "   ");
  RepairUtf8InPlace(&bytes, options.max_utf8_warnings, warnings);
  if (IsBlank(bytes)) return InvalidInput(path, "empty document");

  out->text = std::move(bytes);
  if (options.parse_front_matter) {
    KITH_RETURN_IF_ERROR(ParseFrontMatter(out));
  } else {
    out->body = Span{0, out->text.size()};
  }
  static const std::vector<LexiconEntry> kNoCues;
  ClassifyLines(options.furniture_cues != nullptr ? *options.furniture_cues : kNoCues,
                options.line_options, out);
  return Status::Ok();
}

Status ReadDocumentFile(const std::string& path, const ReadOptions& options, Document* out,
                        std::vector<ReadWarning>* warnings) {
  *out = Document();
  out->path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    const StatusCode code = (err == ENOENT || err == ENOTDIR) ? StatusCode::kNotFound : StatusCode::kIoError;
    return Status::At(code, path, 0, 0, std::string("cannot open: ") + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::At(StatusCode::kInvalidInput, path, 0, 0, "is a directory, not a file");
  }
  // Size first, so a huge file is refused without reading it. Pipes and
  // devices report no useful size; the read loop below enforces the limit.
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > options.max_bytes) {
    return InvalidInput(path,
                        TooLargeMessage(static_cast<std::size_t>(st.st_size), options.max_bytes, false));
  }

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) {
    const int err = errno;
    const StatusCode code = err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError;
    return Status::At(code, path, 0, 0, std::string("cannot open: ") + std::strerror(err));
  }
  std::string bytes;
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    bytes.append(buffer, n);
    if (bytes.size() > options.max_bytes) {
      // The file grew after stat, or is not a regular file.
      return InvalidInput(path, TooLargeMessage(options.max_bytes, options.max_bytes, true));
    }
    if (n < sizeof buffer) break;
  }
  if (std::ferror(file.get())) {
    const int err = errno;
    return Status::At(StatusCode::kIoError, path, 0, 0, std::string("read failed: ") + std::strerror(err));
  }
  return ReadDocumentFromBytes(path, std::move(bytes), options, out, warnings);
}

}  // namespace kith
