// Bad input through the real `kith ingest`: every bad article gets a message
// naming it (with a byte offset where one helps), the rest of the run goes
// on, nothing already stored changes, and the exit status is 1.
//
// The tests run as root in CI, where permissions do not stop reading, so
// unreadable files are simulated by what root cannot read either: a FIFO no
// process writes to, a dangling symbolic link, a symbolic link loop, a
// directory where a file is expected, and /proc/self/mem (whose first page
// is unmapped: read(2) fails with EIO).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/input_files.h"
#include "tests/reliability/reliability_support.h"
#include "text/reader.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

namespace fs = std::filesystem;
namespace fs = std::filesystem;
using reliability::DumpTables;
using reliability::ProjectRules;
using reliability::RunKith;
using reliability::RunResult;
using reliability::TempDir;
using reliability::WriteFile;

const char* const kGoodA =
    "Activist Aliya Serikqyzy spoke outside the Chinese Consulate in Almaty. Her son, Arman Bekuly, was detained.\n";
const char* const kGoodB =
    "One of the protesters, Aigerim Sadykova, told reporters in Almaty. Sadykova's husband was detained.\n";

struct BadFile {
  const char* name;     // file name inside the input directory
  const char* expect;   // a part of the message kith must print for it
};

// Creates, in `dir`, every kind of bad article kith must survive.
void MakeBadFiles(const std::string& dir) {
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/blank.txt", "   \n\t\r\n  \n");
  WriteFile(dir + "/binary.txt", std::string("Header\0\x01\x02 rest", 14));
  WriteFile(dir + "/utf16_bom.txt", std::string("\xFF\xFE" "A\0l\0m\0a\0t\0y\0", 14));
  WriteFile(dir + "/utf16_no_bom.txt", std::string("A\0l\0m\0a\0t\0y\0 \0c\0o\0u\0r\0t\0", 24));
  WriteFile(dir + "/utf32_bom.txt", std::string("\xFF\xFE\0\0" "A\0\0\0", 8));
  WriteFile(dir + "/bad_front_matter.txt", "---\ntitle: A\nno colon on this line\n---\nBody text here.\n");
  REQUIRE(mkfifo((dir + "/fifo.txt").c_str(), 0644) == 0);
  REQUIRE(symlink("does-not-exist.txt", (dir + "/dangling.txt").c_str()) == 0);
  REQUIRE(symlink("loop_b.txt", (dir + "/loop_a.txt").c_str()) == 0);
  REQUIRE(symlink("loop_a.txt", (dir + "/loop_b.txt").c_str()) == 0);
  REQUIRE(symlink("/proc/self/mem", (dir + "/unreadable.txt").c_str()) == 0);
  // A directory loop: walked once, never followed.
  REQUIRE(symlink(".", (dir + "/self_loop").c_str()) == 0);
}

const std::vector<BadFile> kBadFiles = {
    {"empty.txt", "empty document"},
    {"blank.txt", "empty document"},
    {"binary.txt", "binary file (NUL byte at offset 6)"},
    {"utf16_bom.txt", "UTF-16LE (byte order mark); UTF-8 is expected"},
    {"utf16_no_bom.txt", "looks like UTF-16LE without a byte order mark"},
    {"utf32_bom.txt", "UTF-32LE"},
    {"bad_front_matter.txt", ":3:1: error:"},
    {"fifo.txt", "a FIFO: nothing was written to it"},
    {"dangling.txt", "dangling symbolic link: its target \"does-not-exist.txt\" does not exist"},
    {"loop_a.txt", "a symbolic link loop"},
    {"loop_b.txt", "a symbolic link loop"},
    {"unreadable.txt", "read failed at byte 0"},
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every row `before` had is still in `after` (sqlite_sequence may count on).
void CheckNothingStoredChanged(const std::map<std::string, std::multiset<std::string>>& before,
                               const std::map<std::string, std::multiset<std::string>>& after) {
  for (const auto& [table, rows] : before) {
    if (table == "sqlite_sequence") continue;
    INFO("table " << table);
    const auto found = after.find(table);
    REQUIRE(found != after.end());
    for (const std::string& row : rows) {
      INFO("row " << row);
      CHECK(found->second.count(row) >= rows.count(row));
    }
  }
}

TEST_CASE("Bad articles in a directory are each reported by name and the rest is stored", "[reliability]") {
  TempDir dir;
  const std::string db = dir.File("kith.db");
  WriteFile(dir.File("first/a.txt"), kGoodA);
  RunResult r = RunKith({"ingest", "--db", db, "--rules", ProjectRules(), dir.File("first/a.txt")}, dir.path());
  REQUIRE(r.code == 0);
  const auto before = DumpTables(db);
  REQUIRE(before.at("documents").size() == 1);

  const std::string in = dir.File("in");
  WriteFile(in + "/good.txt", kGoodB);
  WriteFile(in + "/bad_utf8.txt", "Marat Serikuly \xFF\xFE spoke in Almaty on Monday.\n");
  MakeBadFiles(in);
  r = RunKith({"ingest", "--db", db, "--rules", ProjectRules(), in}, dir.path());
  INFO(r.err);
  CHECK(r.code == 1);
  for (const BadFile& bad : kBadFiles) {
    INFO(bad.name);
    CHECK(Contains(r.err, "kith: " + in + "/" + bad.name));
    CHECK(Contains(r.err, bad.expect));
  }
  // Invalid UTF-8 is repaired, not refused: a warning with the byte offset.
  CHECK(Contains(r.err, in + "/bad_utf8.txt: warning: invalid UTF-8: 2 bytes replaced by '?' (byte 15)"));
  CHECK(Contains(r.err, "2 new, 0 replaced, 0 unchanged; " + std::to_string(kBadFiles.size()) + " failed"));

  const auto after = DumpTables(db);
  CheckNothingStoredChanged(before, after);
  CHECK(after.at("documents").size() == 3);
  CHECK(reliability::QueryOne(db, "PRAGMA integrity_check") == "ok");
  CHECK(reliability::QueryOne(db, "SELECT count(*) FROM pragma_foreign_key_check") == "0");

  // Again: the good ones are unchanged, the bad ones fail the same way.
  r = RunKith({"ingest", "--db", db, "--rules", ProjectRules(), in}, dir.path());
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "0 new, 0 replaced, 2 unchanged; " + std::to_string(kBadFiles.size()) + " failed"));
  CHECK(DumpTables(db).at("documents") == after.at("documents"));
}

TEST_CASE("Bad paths named on the command line are reported and the rest is stored", "[reliability]") {
  TempDir dir;
  const std::string db = dir.File("kith.db");
  MakeBadFiles(dir.path());
  WriteFile(dir.File("good.txt"), kGoodA);
  REQUIRE(mkdir(dir.File("folder.txt").c_str(), 0755) == 0);  // a directory where a file is expected: walked
  const RunResult r = RunKith({"ingest", "--db", db, "--rules", ProjectRules(), dir.File("fifo.txt"),
                               dir.File("loop_a.txt"), dir.File("dangling.txt"), dir.File("unreadable.txt"),
                               dir.File("missing.txt"), dir.File("folder.txt"), dir.File("good.txt")},
                              dir.path());
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(Contains(r.err, dir.File("fifo.txt") + ": error: empty document (a FIFO"));
  CHECK(Contains(r.err, dir.File("loop_a.txt") + ": error: cannot open: Too many levels of symbolic links"));
  CHECK(Contains(r.err, dir.File("dangling.txt") + ": error: dangling symbolic link"));
  CHECK(Contains(r.err, dir.File("unreadable.txt") + ": error: read failed at byte 0: Input/output error"));
  CHECK(Contains(r.err, dir.File("missing.txt") + ": error: no such file or directory"));
  CHECK(Contains(r.err, "1 new, 0 replaced, 0 unchanged; 5 failed"));
}

TEST_CASE("A pipe named as a path is read like a file", "[reliability]") {
  TempDir dir;
  // What the shell's <(...) gives: a path to a pipe whose writer exists from the start.
  const RunResult r = reliability::Run(
      "/bin/sh",
      {"-c", "printf '%s' \"$1\" | \"$2\" ingest --db \"$3\" --rules \"$4\" /dev/stdin", "sh", kGoodA, KITH_BINARY,
       dir.File("kith.db"), ProjectRules()},
      dir.path());
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(Contains(r.err, "1 new"));
}

TEST_CASE("Standard input is bounded by --max-bytes and an empty one is refused", "[reliability]") {
  TempDir dir;
  WriteFile(dir.File("big.txt"), std::string(5000, 'a') + "\n");
  WriteFile(dir.File("empty.txt"), "");
  RunResult r = RunKith({"ingest", "--db", dir.File("kith.db"), "--rules", ProjectRules(), "--max-bytes", "4096", "-"},
                        dir.path(), dir.File("big.txt"));
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "-: error: file too large: more than 4096 bytes (limit 4096 bytes"));
  r = RunKith({"ingest", "--db", dir.File("kith.db"), "--rules", ProjectRules(), "-"}, dir.path(), dir.File("empty.txt"));
  CHECK(r.code == 1);
  CHECK(Contains(r.err, "-: error: empty document"));
  for (const char* bad : {"0", "-5", "12abc", "", "99999999999999999999"}) {
    r = RunKith({"ingest", "--db", dir.File("kith.db"), "--max-bytes", bad, "-"}, dir.path());
    INFO(bad);
    CHECK(r.code == 2);
    CHECK(Contains(r.err, "--max-bytes takes a positive number of bytes"));
  }
}

TEST_CASE("The size limit refuses a large article by its size, naming both sizes", "[reliability]") {
  TempDir dir;
  // Sparse: 100 MiB on paper, nothing read.
  const std::string path = dir.File("huge.txt");
  WriteFile(path, "x");
  fs::resize_file(path, std::uintmax_t{100} * 1024 * 1024);
  WriteFile(dir.File("good.txt"), kGoodA);
  const RunResult r =
      RunKith({"ingest", "--db", dir.File("kith.db"), "--rules", ProjectRules(), path, dir.File("good.txt")}, dir.path());
  CHECK(r.code == 1);
  CHECK(Contains(r.err, path + ": error: file too large: 104857600 bytes (limit " +
                            std::to_string(kDefaultMaxDocumentBytes) + " bytes"));
  CHECK(Contains(r.err, "1 new"));
}

TEST_CASE("A database path that is a directory or not a database stops the run before it starts", "[reliability]") {
  TempDir dir;
  WriteFile(dir.File("a.txt"), kGoodA);
  REQUIRE(mkdir(dir.File("db_dir").c_str(), 0755) == 0);
  RunResult r = RunKith({"ingest", "--db", dir.File("db_dir"), "--rules", ProjectRules(), dir.File("a.txt")}, dir.path());
  CHECK(r.code == 2);
  CHECK(Contains(r.err, dir.File("db_dir") + ": error: is a directory, not a database file"));

  WriteFile(dir.File("notes.db"), std::string(8192, 'n'));
  r = RunKith({"ingest", "--db", dir.File("notes.db"), "--rules", ProjectRules(), dir.File("a.txt")}, dir.path());
  CHECK(r.code == 2);
  CHECK(Contains(r.err, dir.File("notes.db") + ": error:"));
  CHECK(Contains(r.err, "not an SQLite database"));
  CHECK(reliability::ReadFile(dir.File("notes.db")) == std::string(8192, 'n'));

  r = RunKith({"export", "--db", dir.File("absent.db"), "--format", "jsonld", "--output", dir.File("o.jsonld")},
              dir.path());
  CHECK(r.code == 2);
  CHECK(Contains(r.err, dir.File("absent.db") + ": error: no such database file"));
  CHECK_FALSE(fs::exists(dir.File("absent.db")));
}

// One line of 10 MB (no line breaks at all): the line-based stages (line
// classifier, tokenizer, sentence splitter) stay linear and keep spans in
// bounds. (The default size limit refuses such an article in `kith ingest`;
// the slow end-to-end run is tests/reliability/large_inputs.py.)
TEST_CASE("A one-line 10 MB article goes through the reader, tokenizer and sentence splitter", "[reliability]") {
  const std::string sentence = "Aigerim Sadykova said her son, Marat, was detained in Almaty on March 3. ";
  std::string text;
  while (text.size() < 10 * 1024 * 1024) text += sentence;
  ReadOptions options;
  options.max_bytes = text.size();
  Document doc;
  REQUIRE(ReadDocumentFromBytes("one-line.txt", text, options, &doc, nullptr).ok());
  REQUIRE(doc.content_lines.size() + doc.headline_lines.size() + doc.furniture.size() == 1);
  std::vector<Token> tokens;
  Tokenizer().Tokenize(doc.text, doc.body, &tokens);
  CHECK(tokens.size() > 1000000);
  const std::vector<SentenceSpan> sentences = SplitSentences(tokens);
  CHECK(sentences.size() > 100000);
  std::size_t previous_end = 0;
  bool ordered = true;
  for (const Token& t : tokens) {
    ordered = ordered && t.span.begin >= previous_end && t.span.end <= doc.text.size() && t.span.begin < t.span.end;
    previous_end = t.span.end;
  }
  CHECK(ordered);
  CHECK(sentences.back().last == tokens.size());
}

}  // namespace
}  // namespace kith
