#include "exporters/neo4j_exporter.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/exporters/stored_graph_fixture.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

std::map<std::string, std::string> Export(const StoredGraph& graph) {
  std::map<std::string, std::string> files;
  REQUIRE(WriteNeo4jFiles(graph, &files).ok());
  return files;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::vector<std::string> Names(const std::map<std::string, std::string>& files) {
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.first);
  return names;
}

AtomicWriteOptions Fast() {
  AtomicWriteOptions options;
  options.sync = false;
  return options;
}

TEST_CASE("Neo4j files match the golden files byte for byte", "[exporters]") {
  const auto files = Export(testing::SampleStoredGraph());
  CHECK(Names(files) == std::vector<std::string>{"articles.csv",
                                                 "events.csv",
                                                 "import.sh",
                                                 "located_Organization_Place.csv",
                                                 "located_Place_Place.csv",
                                                 "mentions_Organization_Article.csv",
                                                 "mentions_Person_Article.csv",
                                                 "mentions_Place_Article.csv",
                                                 "organizations.csv",
                                                 "persons.csv",
                                                 "places.csv",
                                                 "places_Event_Organization.csv",
                                                 "queries.cypher",
                                                 "roles_Organization_Event.csv",
                                                 "roles_Person_Event.csv",
                                                 "same_Event_Event.csv",
                                                 "ties_Person_Person.csv"});
  for (const auto& f : files) {
    INFO(f.first);
    testing::CheckGolden("neo4j/" + f.first, f.second);
  }
  CHECK(Export(testing::SampleStoredGraph()) == files);  // deterministic
}

TEST_CASE("Neo4j files have typed headers and import.sh names them all", "[exporters]") {
  const auto files = Export(testing::SampleStoredGraph());
  CHECK(files.at("persons.csv").rfind(
            "id:ID(Person),:LABEL,name,aliases:string[],description,named:boolean,gender,age:int,schemaType,"
            "documents:long[],articles:string[]\n",
            0) == 0);
  CHECK(files.at("ties_Person_Person.csv").rfind(":START_ID(Person),:END_ID(Person),:TYPE,tieId:long,", 0) == 0);
  // (6 child 1) runs from the parent; stated as "child".
  CHECK(files.at("ties_Person_Person.csv").find("\n1,6,\"PARENT_OF\",2,\"child\",\"son\",false,,") !=
        std::string::npos);
  CHECK(files.at("ties_Person_Person.csv").find(",\"nephew\",true,1\x1F" "2,\"infer.nephew\",") != std::string::npos);
  CHECK(files.at("organizations.csv").find("\n3,\"Organization\x1FGovernmentOrganization\",") != std::string::npos);
  const std::string& script = files.at("import.sh");
  CHECK(script.find("exec neo4j-admin database import full \\\n") != std::string::npos);
  for (const auto& f : files) {
    if (f.first.size() < 4 || f.first.compare(f.first.size() - 4, 4, ".csv") != 0) continue;
    INFO(f.first);
    CHECK(script.find("\"$DIR/" + f.first + "\"") != std::string::npos);
  }
  CHECK(files.at("queries.cypher").find("// query: relatives\n") != std::string::npos);
}

TEST_CASE("Neo4j files of an empty graph still hold the node files and the family ties file", "[exporters]") {
  const auto files = Export(StoredGraph());
  CHECK(Names(files) == std::vector<std::string>{"articles.csv", "events.csv", "import.sh", "organizations.csv",
                                                 "persons.csv", "places.csv", "queries.cypher",
                                                 "ties_Person_Person.csv"});
  CHECK(files.at("persons.csv").find('\n') == files.at("persons.csv").size() - 1);  // the header alone
}

TEST_CASE("Neo4j CSV keeps names with quotes, commas and line breaks", "[exporters]") {
  const auto files = Export(testing::EscapingStoredGraph());
  const std::string& persons = files.at("persons.csv");
  CHECK(persons.find("\"Ay\xC5\x9F" "e \"\"G\xC3\xBCl\"\" <\xC3\x96zt\xC3\xBCrk> & Sons\"") != std::string::npos);
  CHECK(persons.find("\"O'Brien \\ Back\\slash\\N\",\"Line\nBreak\x1Ftab\there\"") != std::string::npos);
  CHECK(persons.find("\"ctrl\xEF\xBF\xBD" "char\x7F" "del\"") != std::string::npos);
  CHECK(files.at("articles.csv").find("\"dir/\"\"odd\"\" & <name>.txt\"") != std::string::npos);
}

TEST_CASE("JoinInside keeps writes inside the directory", "[exporters]") {
  std::string path;
  REQUIRE(JoinInside("out", "persons.csv", &path).ok());
  CHECK(path == "out/persons.csv");
  REQUIRE(JoinInside("out/", "import.sh", &path).ok());
  CHECK(path == "out/import.sh");
  for (const std::string& bad : {std::string(""), std::string("."), std::string(".."), std::string("../x.csv"),
                                 std::string("a/b.csv"), std::string("/etc/passwd"), std::string("x\0y", 3)}) {
    INFO(bad);
    CHECK(JoinInside("out", bad, &path).code() == StatusCode::kInvalidInput);
  }
}

TEST_CASE("WriteNeo4jDirectory creates the directory and writes every file", "[exporters]") {
  testing::TempDir dir;
  const std::string out = dir.File("neo4j");
  const StoredGraph graph = testing::SampleStoredGraph();
  REQUIRE(WriteNeo4jDirectory(graph, out, Fast()).ok());
  for (const auto& f : Export(graph)) {
    INFO(f.first);
    CHECK(ReadFile(out + "/" + f.first) == f.second);
  }
  // Again, over the first export.
  REQUIRE(WriteNeo4jDirectory(testing::EscapingStoredGraph(), out, Fast()).ok());
  CHECK(ReadFile(out + "/persons.csv") == Export(testing::EscapingStoredGraph()).at("persons.csv"));
}

TEST_CASE("WriteNeo4jDirectory replaces a symlink instead of writing through it", "[exporters]") {
  testing::TempDir dir;
  const std::string out = dir.File("neo4j");
  const std::string outside = dir.File("outside.txt");
  REQUIRE(mkdir(out.c_str(), 0755) == 0);
  { std::ofstream(outside) << "keep me"; }
  REQUIRE(symlink(outside.c_str(), (out + "/persons.csv").c_str()) == 0);
  REQUIRE(WriteNeo4jDirectory(testing::SampleStoredGraph(), out, Fast()).ok());
  CHECK(ReadFile(outside) == "keep me");
  struct stat info;
  REQUIRE(lstat((out + "/persons.csv").c_str(), &info) == 0);
  CHECK(S_ISREG(info.st_mode));
}

TEST_CASE("WriteNeo4jDirectory reports failures and names the file", "[exporters]") {
  testing::TempDir dir;
  const StoredGraph graph = testing::SampleStoredGraph();
  Status missing_parent = WriteNeo4jDirectory(graph, dir.File("no/such/dir"), Fast());
  CHECK(missing_parent.code() == StatusCode::kIoError);
  CHECK(missing_parent.ToString().find("no/such/dir") != std::string::npos);
  { std::ofstream(dir.File("a-file")) << "x"; }
  CHECK(WriteNeo4jDirectory(graph, dir.File("a-file"), Fast()).code() == StatusCode::kIoError);
  CHECK(WriteNeo4jDirectory(graph, "", Fast()).code() == StatusCode::kInvalidInput);

  // A disk that fills up: the first file fails, nothing is left half-written.
  const std::string out = dir.File("neo4j");
  REQUIRE(WriteNeo4jDirectory(graph, out, Fast()).ok());
  AtomicWriteOptions failing = Fast();
  failing.fail_after_bytes = 20;
  Status s = WriteNeo4jDirectory(testing::EscapingStoredGraph(), out, failing);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.ToString().find(out + "/articles.csv") != std::string::npos);
  for (const auto& f : Export(graph)) {
    INFO(f.first);
    CHECK(ReadFile(out + "/" + f.first) == f.second);
  }
}

}  // namespace
}  // namespace kith
