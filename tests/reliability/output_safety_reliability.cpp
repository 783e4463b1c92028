// Output safety through the real binary: names made of SQL round-trip through
// ingest, the database, export and the queries (every statement binds its
// values); exports write only what was asked, replace a file atomically
// (temp + rename: a hard link to the old file keeps the old bytes), and
// never write outside the requested directory whatever the data holds.
#include <sys/stat.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include <set>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/reliability/reliability_support.h"

namespace kith {
namespace {

namespace fs = std::filesystem;

using reliability::ReadFile;
using reliability::RunKith;
using reliability::RunResult;
using reliability::TempDir;
using reliability::WriteFile;

const char* const kRobert = "Robert'); DROP TABLE persons;-- Smith";
const char* const kAlice = "Alice O'Hara'; DELETE FROM entities; --x Jones";
const char* const kEscaper = "../../../escape\\..\\x Path";

// Rules that make a person of any quoted text after "named", and a child tie
// between two such persons: the only way ingest could store these names.
std::string MakeQuotedNameRules(const TempDir& dir) {
  const std::string rules = dir.File("rules");
  fs::create_directories(rules + "/lexicons");
  fs::copy_file(reliability::ProjectRules() + "/lexicons/abbreviations.txt", rules + "/lexicons/abbreviations.txt");
  WriteFile(rules + "/30_quoted.json", R"({"stage": 30,
    "macros": {"QUOTED": [{"not": [{"text": "\""}], "op": "+"}]},
    "rules": [{"id": "test.quoted-person",
               "pattern": [{"lower": "named"}, {"text": "\""}, {"as": "name", "use": "QUOTED"}, {"text": "\""}],
               "create": {"mention": {"label": "Person", "span": "name"}}}]})");
  WriteFile(rules + "/60_son.json", R"({"stage": 60,
    "rules": [{"id": "test.son-of",
               "pattern": [{"as": "child", "mention": "Person"}, {"text": "\""}, {"lower": "is"}, {"lower": "the"},
                           {"lower": "son"}, {"lower": "of"}, {"lower": "named"}, {"text": "\""},
                           {"as": "parent", "mention": "Person"}],
               "create": {"relation": {"type": "child", "subject": "child", "object": "parent",
                                       "attributes": {"term": "son"}}}}]})");
  return rules;
}

std::string Article() {
  return std::string("A man named \"") + kRobert + "\" is the son of named \"" + kAlice + "\".\n" +
         "A clerk named \"" + kEscaper + "\" watched.\n";
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("Names made of SQL round-trip through ingest, export and the queries", "[reliability]") {
  TempDir dir;
  const std::string rules = MakeQuotedNameRules(dir);
  const std::string db = dir.File("kith.db");
  WriteFile(dir.File("a.txt"), Article());
  RunResult r = RunKith({"ingest", "--db", db, "--rules", rules, dir.File("a.txt")}, dir.path());
  INFO(r.err);
  REQUIRE(r.code == 0);

  // Stored verbatim, and every table is still there.
  CHECK(reliability::QueryOne(db, std::string("SELECT count(*) FROM entities WHERE name = '") +
                                      "Robert''); DROP TABLE persons;-- Smith'") == "1");
  CHECK(reliability::QueryOne(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                  "('documents', 'entities', 'entity_names', 'mentions', 'relations')") == "5");
  CHECK(reliability::QueryOne(db, "SELECT count(*) FROM entities") == "3");
  CHECK(reliability::QueryOne(db, "SELECT count(*) FROM relations") == "1");
  CHECK(reliability::QueryOne(db, "PRAGMA integrity_check") == "ok");

  // JSON-LD export: the names come back as JSON strings, exactly.
  r = RunKith({"export", "--db", db, "--format", "jsonld", "--output", "-"}, dir.path());
  REQUIRE(r.code == 0);
  rapidjson::Document json;
  json.Parse(r.out.c_str(), r.out.size());
  REQUIRE_FALSE(json.HasParseError());
  std::set<std::string> names;
  const rapidjson::Value& nodes = json["@graph"];
  for (const rapidjson::Value& node : nodes.GetArray()) {
    if (node.HasMember("name") && node["name"].IsString()) names.insert(node["name"].GetString());
  }
  CHECK(names.count(kRobert) == 1);
  CHECK(names.count(kAlice) == 1);
  CHECK(names.count(kEscaper) == 1);

  // The queries find them by those names and print them back.
  r = RunKith({"relatives", "--db", db, kRobert, "--format", "json"}, dir.path());
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(Contains(r.out, "Alice O'Hara'; DELETE FROM entities; --x Jones"));
  r = RunKith({"relatives", "--db", db, kAlice}, dir.path());
  CHECK(r.code == 0);
  CHECK(Contains(r.out, std::string("son: ") + kRobert));
  r = RunKith({"path", "--db", db, kRobert, kAlice}, dir.path());
  CHECK(r.code == 0);
  CHECK(Contains(r.out, kRobert));
  r = RunKith({"explain", "--db", db, kAlice}, dir.path());
  CHECK(r.code == 0);
  CHECK(Contains(r.out, kAlice));
  // A name that is SQL but matches nobody finds nobody (no wildcard, no injection).
  r = RunKith({"relatives", "--db", db, "x' OR '1'='1"}, dir.path());
  CHECK(r.code != 0);
  r = RunKith({"relatives", "--db", db, "%"}, dir.path());
  CHECK(r.code != 0);
  CHECK(reliability::QueryOne(db, "SELECT count(*) FROM entities") == "3");
}

// Every regular file under `root`, relative to it.
std::set<std::string> FilesUnder(const std::string& root) {
  std::set<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_directory()) out.insert(fs::relative(entry.path(), root).string());
  }
  return out;
}

TEST_CASE("Exports write only the requested file or directory, whatever the names hold", "[reliability]") {
  TempDir dir;
  const std::string rules = MakeQuotedNameRules(dir);
  const std::string db = dir.File("work/kith.db");
  fs::create_directories(dir.File("work"));
  WriteFile(dir.File("work/a.txt"), Article());
  REQUIRE(RunKith({"ingest", "--db", db, "--rules", rules, dir.File("work/a.txt")}, dir.path()).code == 0);
  const std::set<std::string> before = FilesUnder(dir.path());

  fs::create_directories(dir.File("out"));
  for (const char* format : {"jsonld", "graphml", "dot"}) {
    const std::string output = dir.File(std::string("out/graph.") + format);
    const RunResult r = RunKith({"export", "--db", db, "--format", format, "--output", output}, dir.path());
    INFO(format << ": " << r.err);
    CHECK(r.code == 0);
  }
  const RunResult r = RunKith({"export", "--db", db, "--format", "neo4j", "--output", dir.File("out/neo4j")}, dir.path());
  INFO(r.err);
  CHECK(r.code == 0);

  std::set<std::string> after = FilesUnder(dir.path());
  for (const std::string& f : before) after.erase(f);
  after.erase(".run_stdout");
  after.erase(".run_stderr");
  for (const std::string& f : after) {
    INFO(f);
    CHECK(f.rfind("out/", 0) == 0);  // nothing outside out/
    CHECK(f.find(".tmp.") == std::string::npos);  // no temporary file left behind
  }
  CHECK(after.count("out/graph.jsonld") == 1);
  CHECK(after.count("out/graph.graphml") == 1);
  CHECK(after.count("out/graph.dot") == 1);
  CHECK(after.count("out/neo4j/import.sh") == 1);
  CHECK_FALSE(fs::exists(dir.File("escape")));
  CHECK_FALSE(fs::exists("/tmp/escape"));
}

TEST_CASE("An export replaces an existing file atomically and refuses a directory", "[reliability]") {
  TempDir dir;
  const std::string rules = MakeQuotedNameRules(dir);
  const std::string db = dir.File("kith.db");
  WriteFile(dir.File("a.txt"), Article());
  REQUIRE(RunKith({"ingest", "--db", db, "--rules", rules, dir.File("a.txt")}, dir.path()).code == 0);

  const std::string output = dir.File("graph.jsonld");
  WriteFile(output, "old contents\n");
  chmod(output.c_str(), 0600);
  // A second name for the old file: an in-place rewrite would change it too.
  REQUIRE(link(output.c_str(), dir.File("old-link").c_str()) == 0);
  RunResult r = RunKith({"export", "--db", db, "--format", "jsonld", "--output", output}, dir.path());
  REQUIRE(r.code == 0);
  CHECK(ReadFile(dir.File("old-link")) == "old contents\n");
  const std::string fresh = ReadFile(output);
  CHECK(Contains(fresh, kRobert));
  struct stat st {};
  REQUIRE(stat(output.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);  // the replaced file's permissions are kept

  // A directory where the file should go: refused, left as it was.
  fs::create_directories(dir.File("taken.jsonld/inside"));
  r = RunKith({"export", "--db", db, "--format", "jsonld", "--output", dir.File("taken.jsonld")}, dir.path());
  CHECK(r.code != 0);
  CHECK(Contains(r.err, dir.File("taken.jsonld")));
  CHECK(fs::is_directory(dir.File("taken.jsonld/inside")));
  // A directory that does not exist: refused, naming the path, nothing created.
  r = RunKith({"export", "--db", db, "--format", "jsonld", "--output", dir.File("no/such/dir/g.jsonld")}, dir.path());
  CHECK(r.code != 0);
  CHECK(Contains(r.err, dir.File("no/such/dir/g.jsonld")));
  CHECK_FALSE(fs::exists(dir.File("no")));
  // The file given before is intact after the failures.
  CHECK(ReadFile(output) == fresh);
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

}  // namespace
}  // namespace kith
