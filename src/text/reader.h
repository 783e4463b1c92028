// Reader: turns a file (or stdin's bytes) into a Document.
//
// The reader keeps every byte offset of the input valid: the UTF-8 byte order
// mark becomes three spaces and each byte of invalid UTF-8 becomes '?', in
// place, so a Span into Document::text is also a span into the file on disk.
// Line ends (LF, CRLF, lone CR) are kept as they are. After the bytes are
// checked the reader parses front matter (front_matter.h), takes the date of
// a dateline when the front matter gives none (dateline.h), and classifies the
// body's lines (line_classifier.h).
//
// Thread-safety: the functions are reentrant; they share no state.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"
#include "text/document.h"
#include "text/line_classifier.h"

namespace kith {

// The default size limit of an article: 8 MiB, a hundred times the longest
// news feature. Extraction holds about 35 bytes of memory per input byte, so
// the limit also bounds a run's memory (about 300 MB at the limit).
inline constexpr std::size_t kDefaultMaxDocumentBytes = std::size_t{8} * 1024 * 1024;

struct ReadOptions {
  // Largest input accepted, in bytes. A larger regular file is refused
  // before it is read (its size is checked first), naming both sizes; a pipe
  // or device is read up to max_bytes + 1 bytes and then refused, so memory
  // stays bounded whatever the input. Default kDefaultMaxDocumentBytes.
  std::size_t max_bytes = kDefaultMaxDocumentBytes;
  // Most warnings reported about runs of invalid UTF-8; past this one more
  // warning says "and N more". Default 20.
  std::size_t max_utf8_warnings = 20;
  // Parse an optional front matter block at the top (front_matter.h), and
  // read a dateline's date when it gives none (dateline.h). Default true; when
  // false, meta stays empty and body is the whole text.
  bool parse_front_matter = true;
  // Furniture cue phrases (rules/lexicons/furniture.txt) for ClassifyLines.
  // Not owned; must outlive the call. nullptr = no phrase rules (the
  // shape-based rules still run). Default nullptr.
  const std::vector<LexiconEntry>* furniture_cues = nullptr;
  // The same cues compiled with `line_options` (used instead of furniture_cues
  // when set, so many documents share one compilation). Not owned.
  const FurnitureCues* compiled_cues = nullptr;
  // Thresholds of the line classifier. Default: LineClassifierOptions{}.
  LineClassifierOptions line_options;
  // Classify the lines (page furniture) while reading. Default true; false
  // leaves that to ClassifyDocumentLines(), e.g. for a caller that first
  // checks by its content hash whether the article needs reading at all.
  bool classify_lines = true;
};

// Classifies the lines of a document read with classify_lines = false, with
// the cues and thresholds of `options`.
void ClassifyDocumentLines(const ReadOptions& options, Document* doc);

// Something the reader repaired rather than refused.
struct ReadWarning {
  std::size_t offset = 0;  // byte offset into the input (= into Document::text)
  std::string message;
};

// Reads the file at `path` into `*out` (replacing its contents) and appends
// repairs to `*warnings` (may be nullptr: warnings are then dropped).
// `path` may name a regular file, or a pipe or character device (e.g. from
// the shell's <(...)); a FIFO that no process writes to reads as empty
// rather than blocking. Errors (Status::file() = path): kNotFound when
// nothing is there (a dangling symbolic link says so); kIoError when it
// cannot be opened (permissions, a symbolic link loop) or a read fails (the
// message gives the byte offset reached); kInvalidInput when it is a
// directory or a socket, is larger than max_bytes, is binary (a NUL byte;
// UTF-16 without a byte order mark is recognised and named), is UTF-16 or
// UTF-32 (by its byte order mark), is empty or whitespace only ("empty
// document"), or has malformed front matter (then with line and column).
// On error `*out` is unspecified.
Status ReadDocumentFile(const std::string& path, const ReadOptions& options, Document* out,
                        std::vector<ReadWarning>* warnings);

// The same for bytes already in memory, e.g. stdin read by the CLI with path
// "-". `path` only names the input in the Document and in messages.
Status ReadDocumentFromBytes(const std::string& path, std::string bytes, const ReadOptions& options,
                             Document* out, std::vector<ReadWarning>* warnings);

// Reads the open descriptor `fd` to its end into *out (replacing it), for
// standard input. Reads at most max_bytes + 1 bytes: a longer input is
// refused (kInvalidInput "more than max_bytes") without reading the rest, so
// memory stays bounded. A read error is kIoError with the byte offset
// reached. `name` names the input in the Status. Does not close `fd`.
Status ReadAllLimited(int fd, const std::string& name, std::size_t max_bytes, std::string* out);

// Replaces each byte that is not part of a well-formed UTF-8 sequence (RFC
// 3629: no overlong forms, no surrogates, nothing above U+10FFFF) with '?'.
// Appends one warning per run of consecutive bad bytes, at most `max_warnings`
// of them plus one "and N more" warning. Returns the number of bytes replaced.
std::size_t RepairUtf8InPlace(std::string* bytes, std::size_t max_warnings,
                              std::vector<ReadWarning>* warnings);

}  // namespace kith
