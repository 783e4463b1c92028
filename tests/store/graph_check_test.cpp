#include "store/graph_check.h"

#include <catch2/catch.hpp>

#include "tests/store/test_support.h"

namespace kith {
namespace {

TEST_CASE("CheckDocumentGraph accepts a well-formed graph and an empty one", "[store]") {
  const testing::Sample sample = testing::MakeSample("a.txt");
  CHECK(CheckDocumentGraph(sample.doc, sample.graph).ok());
  CHECK(CheckDocumentGraph(sample.doc, DocumentGraph()).ok());
}

TEST_CASE("CheckDocumentGraph locates a bad fact at its evidence", "[store]") {
  testing::Sample sample = testing::MakeSample("dir/a.txt");
  sample.doc.text.insert(0, "Title\n\n");
  for (auto& m : sample.graph.mentions) m.evidence.span = testing::Find(sample.doc.text, "Almaty");
  sample.graph.mentions[2].entity = 42;
  Status s = CheckDocumentGraph(sample.doc, sample.graph);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.ToString().rfind("dir/a.txt:3:", 0) == 0);
  CHECK(s.message() == "document graph: mention 2: entity 42 is not an entity index (5 entities)");
}

TEST_CASE("CheckDocumentGraph rejects an unnamed person with aliases", "[store]") {
  testing::Sample sample = testing::MakeSample("a.txt");
  sample.graph.entities[4].aliases = {"the son"};
  Status s = CheckDocumentGraph(sample.doc, sample.graph);
  CHECK(s.message().find("entity 4: unnamed person with alias \"the son\"") != std::string::npos);
}

}  // namespace
}  // namespace kith
