#include "text/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kith {
namespace {

// A file under the system temp directory, removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& name)
      : path_((std::filesystem::temp_directory_path() / ("kith_reader_test_" + name)).string()) {}
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  void Write(const std::string& bytes) const {
    std::ofstream out(path_, std::ios::binary);
    out << bytes;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Status Read(const std::string& bytes, Document* doc, std::vector<ReadWarning>* warnings = nullptr,
            ReadOptions options = ReadOptions()) {
  return ReadDocumentFromBytes("mem.txt", bytes, options, doc, warnings);
}

std::vector<std::size_t> Offsets(const std::vector<ReadWarning>& warnings) {
  std::vector<std::size_t> out;
  for (const ReadWarning& w : warnings) out.push_back(w.offset);
  return out;
}

TEST_CASE("reader keeps valid UTF-8 as it is", "[text]") {
  const std::string text =
      "Caf\xC3\xA9 owners in \xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B met on Monday "
      "\xE2\x82\xAC 5 \xF0\x9F\x98\x80.\n";
  Document doc;
  std::vector<ReadWarning> warnings;
  REQUIRE(Read(text, &doc, &warnings).ok());
  CHECK(doc.text == text);
  CHECK(warnings.empty());
  CHECK(doc.path == "mem.txt");
}

TEST_CASE("reader replaces invalid UTF-8 in place with one warning per run", "[text]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
    std::vector<std::size_t> offsets;
  };
  const std::vector<Case> cases = {
      {"stray byte", "ab\xFF" "cd", "ab?cd", {2}},
      {"lone continuation", "x\x80y", "x?y", {1}},
      {"truncated two-byte", "a\xC3(b", "a?(b", {1}},
      {"truncated three-byte is one run", "\xE2\x82 x", "?? x", {0}},
      {"overlong slash", "p\xC0\xAFq", "p??q", {1}},
      {"surrogate", "s\xED\xA0\x80t", "s???t", {1}},
      {"above U+10FFFF", "u\xF4\x90\x80\x80v", "u????v", {1}},
      {"two runs", "x\xFFy\xFEz", "x?y?z", {1, 3}},
      {"truncated at end", "end\xE2\x82", "end??", {3}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Document doc;
      std::vector<ReadWarning> warnings;
      REQUIRE(Read(c.input, &doc, &warnings).ok());
      CHECK(doc.text == c.expected);
      CHECK(doc.text.size() == c.input.size());
      CHECK(Offsets(warnings) == c.offsets);
      for (const ReadWarning& w : warnings) CHECK_THAT(w.message, Catch::Contains("invalid UTF-8"));
    }
  }
}

TEST_CASE("reader warning says how many bytes a run replaced", "[text]") {
  Document doc;
  std::vector<ReadWarning> warnings;
  REQUIRE(Read("ok \xFF\xFE\xFD ok", &doc, &warnings).ok());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].offset == 3);
  CHECK_THAT(warnings[0].message, Catch::Contains("3 bytes"));
}

TEST_CASE("reader caps invalid UTF-8 warnings and counts the rest", "[text]") {
  std::string input;
  for (int i = 0; i < 25; ++i) input += "ab\xFF";
  Document doc;
  std::vector<ReadWarning> warnings;
  REQUIRE(Read(input, &doc, &warnings).ok());
  REQUIRE(warnings.size() == 21);
  CHECK(warnings[19].offset == 19 * 3 + 2);
  CHECK(warnings[20].offset == 20 * 3 + 2);
  CHECK_THAT(warnings[20].message, Catch::Contains("and 5 more"));

  ReadOptions options;
  options.max_utf8_warnings = 2;
  warnings.clear();
  REQUIRE(Read(input, &doc, &warnings, options).ok());
  REQUIRE(warnings.size() == 3);
  CHECK_THAT(warnings[2].message, Catch::Contains("and 23 more"));
}

TEST_CASE("reader accepts a null warnings list", "[text]") {
  Document doc;
  REQUIRE(Read("bad \xFF byte here.", &doc, nullptr).ok());
  CHECK(doc.text == "bad ? byte here.");
}

TEST_CASE("reader turns the UTF-8 byte order mark into spaces", "[text]") {
  Document doc;
  REQUIRE(Read("\xEF\xBB\xBFThe council met on Tuesday.\n", &doc).ok());
  CHECK(doc.text == "   The council met on Tuesday.\n");
  REQUIRE(doc.content_lines.size() == 1);
  CHECK(doc.content_lines[0].begin == 3);
}

TEST_CASE("reader refuses UTF-16 and UTF-32 by their byte order marks", "[text]") {
  struct Case {
    std::string bytes;
    const char* encoding;
  };
  const std::vector<Case> cases = {
      {std::string("\xFF\xFE" "A\0B\0", 6), "UTF-16LE"},
      {std::string("\xFE\xFF\0A\0B", 6), "UTF-16BE"},
      {std::string("\xFF\xFE\0\0" "A\0\0\0", 8), "UTF-32LE"},
      {std::string("\0\0\xFE\xFF\0\0\0A", 8), "UTF-32BE"},
  };
  for (const Case& c : cases) {
    SECTION(c.encoding) {
      Document doc;
      const Status s = Read(c.bytes, &doc);
      REQUIRE_FALSE(s.ok());
      CHECK(s.code() == StatusCode::kInvalidInput);
      CHECK(s.file() == "mem.txt");
      CHECK_THAT(s.message(), Catch::Contains(c.encoding) && Catch::Contains("UTF-8 is expected"));
    }
  }
}

TEST_CASE("reader refuses a binary file at its first NUL byte", "[text]") {
  Document doc;
  const Status s = Read(std::string("abc\0def\0", 8), &doc);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message() == "binary file (NUL byte at offset 3)");
  CHECK(s.file() == "mem.txt");
}

TEST_CASE("reader refuses empty and whitespace-only documents", "[text]") {
  const std::vector<std::string> inputs = {"", " ", "\n\n", " \t\r\n  \r", "\xEF\xBB\xBF\n"};
  for (const std::string& input : inputs) {
    Document doc;
    const Status s = Read(input, &doc);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK(s.message() == "empty document");
  }
}

TEST_CASE("reader keeps CRLF and lone CR and splits lines on them", "[text]") {
  const std::string text = "First line ends here.\r\nSecond line ends here.\rThird line ends here.\n";
  Document doc;
  REQUIRE(Read(text, &doc).ok());
  CHECK(doc.text == text);
  REQUIRE(doc.content_lines.size() == 3);
  CHECK(doc.text.substr(doc.content_lines[0].begin, doc.content_lines[0].size()) == "First line ends here.");
  CHECK(doc.text.substr(doc.content_lines[1].begin, doc.content_lines[1].size()) == "Second line ends here.");
  CHECK(doc.text.substr(doc.content_lines[2].begin, doc.content_lines[2].size()) == "Third line ends here.");
}

TEST_CASE("reader refuses bytes larger than max_bytes naming both sizes", "[text]") {
  ReadOptions options;
  options.max_bytes = 10;
  Document doc;
  const Status s = ReadDocumentFromBytes("-", "0123456789A", options, &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.file() == "-");
  CHECK_THAT(s.message(), Catch::Contains("11 bytes") && Catch::Contains("limit 10 bytes"));
  REQUIRE(ReadDocumentFromBytes("-", "A sentence", options, &doc, nullptr).ok());
}

TEST_CASE("reader checks a file's size before reading it", "[text]") {
  TempFile file("large.txt");
  file.Write("x");
  // A sparse 200 MiB file: refused by its size, never read.
  std::filesystem::resize_file(file.path(), std::uintmax_t{200} * 1024 * 1024);
  Document doc;
  const Status s = ReadDocumentFile(file.path(), ReadOptions(), &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.file() == file.path());
  CHECK_THAT(s.message(), Catch::Contains("209715200 bytes") &&
                              Catch::Contains("limit " + std::to_string(kDefaultMaxDocumentBytes) + " bytes"));
  CHECK(doc.text.empty());
}

TEST_CASE("reader reads a file from disk", "[text]") {
  TempFile file("small.txt");
  file.Write("Storm Hits Coastal Towns Overnight\n\nThe storm reached the coast at midnight.\n");
  Document doc;
  std::vector<ReadWarning> warnings;
  REQUIRE(ReadDocumentFile(file.path(), ReadOptions(), &doc, &warnings).ok());
  CHECK(doc.path == file.path());
  CHECK(doc.meta.title == "Storm Hits Coastal Towns Overnight");
  CHECK(doc.headline_lines.size() == 1);
  CHECK(doc.content_lines.size() == 1);
  CHECK(warnings.empty());
}

TEST_CASE("reader reports a missing file as not found", "[text]") {
  Document doc;
  const Status s = ReadDocumentFile("/nonexistent/kith/article.txt", ReadOptions(), &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.file() == "/nonexistent/kith/article.txt");
}

TEST_CASE("reader refuses a directory", "[text]") {
  Document doc;
  const Status s = ReadDocumentFile(std::filesystem::temp_directory_path().string(), ReadOptions(), &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
}

TEST_CASE("reader parses front matter then classifies lines", "[text]") {
  const std::string text =
      "---\ntitle: Bridge Reopens\ndate: March 3, 2020\n---\nShare\n\nThe bridge reopened to traffic on Tuesday.\n";
  std::vector<LexiconEntry> cues(1);
  cues[0].text = "Share";
  cues[0].attributes = {{"match", "line"}, {"kind", "navigation"}};
  ReadOptions options;
  options.furniture_cues = &cues;
  Document doc;
  REQUIRE(ReadDocumentFromBytes("a.txt", text, options, &doc, nullptr).ok());
  CHECK(doc.meta.title == "Bridge Reopens");
  CHECK(doc.meta.date == "2020-03-03");
  REQUIRE(doc.furniture.size() == 1);
  CHECK(doc.furniture[0].rule == "cue-line");
  REQUIRE(doc.content_lines.size() == 1);

  options.parse_front_matter = false;
  REQUIRE(ReadDocumentFromBytes("a.txt", text, options, &doc, nullptr).ok());
  CHECK(doc.meta.date.empty());
  CHECK(doc.body == Span{0, text.size()});
}

TEST_CASE("reader takes a dateline's date when front matter gives none", "[text]") {
  Document doc;
  REQUIRE(Read("Bridge Reopens\n\nOSH, March 3, 2020 --\n\nThe bridge reopened on Tuesday.\n", &doc).ok());
  CHECK(doc.meta.date == "2020-03-03");
  REQUIRE(Read("---\ndate: 2021-01-05\n---\nOSH, March 3, 2020 --\nThe bridge reopened.\n", &doc).ok());
  CHECK(doc.meta.date == "2021-01-05");
}

TEST_CASE("reader reports malformed front matter with line and column", "[text]") {
  Document doc;
  const Status s = Read("---\ntitle: A\nno colon here\n---\nBody text.\n", &doc);
  REQUIRE_FALSE(s.ok());
  CHECK(s.file() == "mem.txt");
  CHECK(s.line() == 3);
  CHECK(s.column() == 1);
}

TEST_CASE("reader reads a FIFO nobody writes to as empty instead of blocking", "[text]") {
  TempFile fifo("fifo.txt");
  REQUIRE(mkfifo(fifo.path().c_str(), 0644) == 0);
  Document doc;
  const Status s = ReadDocumentFile(fifo.path(), ReadOptions(), &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message() == "empty document (a FIFO: nothing was written to it)");
}

TEST_CASE("reader names a dangling symbolic link and a symbolic link loop", "[text]") {
  TempFile dangling("dangling.txt");
  REQUIRE(symlink("/nonexistent/kith/target.txt", dangling.path().c_str()) == 0);
  Document doc;
  Status s = ReadDocumentFile(dangling.path(), ReadOptions(), &doc, nullptr);
  CHECK(s.code() == StatusCode::kNotFound);
  CHECK(s.message() == "dangling symbolic link: its target \"/nonexistent/kith/target.txt\" does not exist");

  TempFile loop("loop.txt");
  REQUIRE(symlink(loop.path().c_str(), loop.path().c_str()) == 0);
  s = ReadDocumentFile(loop.path(), ReadOptions(), &doc, nullptr);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK_THAT(s.message(), Catch::Contains("a symbolic link loop"));
  CHECK(s.file() == loop.path());
}

TEST_CASE("reader reports a failing read with the byte offset reached", "[text]") {
  // Root can read anything, but not /proc/self/mem at offset 0 (unmapped): EIO.
  Document doc;
  const Status s = ReadDocumentFile("/proc/self/mem", ReadOptions(), &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == "read failed at byte 0: Input/output error");
}

TEST_CASE("reader refuses a device past the size limit without holding more than the limit", "[text]") {
  ReadOptions options;
  options.max_bytes = 1000;
  Document doc;
  const Status s = ReadDocumentFile("/dev/zero", options, &doc, nullptr);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "file too large: more than 1000 bytes (limit 1000 bytes; kith ingest --max-bytes raises it)");
}

TEST_CASE("ReadAllLimited reads to the end, stops one byte past the limit, and never reads less", "[text]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "0123456789", 10) == 10);
  close(fds[1]);
  std::string out;
  REQUIRE(ReadAllLimited(fds[0], "-", 10, &out).ok());
  CHECK(out == "0123456789");
  close(fds[0]);

  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "0123456789", 10) == 10);
  close(fds[1]);
  const Status s = ReadAllLimited(fds[0], "-", 9, &out);
  CHECK(s.message() == "file too large: more than 9 bytes (limit 9 bytes; kith ingest --max-bytes raises it)");
  CHECK(out.empty());
  close(fds[0]);

  // No limit at all (SIZE_MAX) must still read.
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "abc", 3) == 3);
  close(fds[1]);
  REQUIRE(ReadAllLimited(fds[0], "-", static_cast<std::size_t>(-1), &out).ok());
  CHECK(out == "abc");
  close(fds[0]);
}

TEST_CASE("reader names UTF-16 without a byte order mark", "[text]") {
  const std::string le("T\0h\0e\0 \0c\0o\0u\0r\0t\0", 18);
  const std::string be("\0T\0h\0e\0 \0c\0o\0u\0r\0t", 18);
  Document doc;
  Status s = Read(le, &doc);
  CHECK(s.message() ==
        "binary file (NUL byte at offset 1); it looks like UTF-16LE without a byte order mark: UTF-8 is expected, "
        "convert it, e.g. iconv -f UTF-16LE -t UTF-8");
  s = Read(be, &doc);
  CHECK_THAT(s.message(), Catch::StartsWith("binary file (NUL byte at offset 0); it looks like UTF-16BE"));
  // A binary file with a few NULs is just binary.
  s = Read(std::string("GIF89a\0\0\x01\x02 some bytes here", 26), &doc);
  CHECK(s.message() == "binary file (NUL byte at offset 6)");
}

}  // namespace
}  // namespace kith
