#include "exporters/dot_exporter.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/exporters/stored_graph_fixture.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

std::string Export(const StoredGraph& graph, const DotOptions& options = DotOptions()) {
  std::string out;
  Status s = WriteDot(graph, options, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

TEST_CASE("DOT output matches the golden files byte for byte", "[exporters]") {
  const StoredGraph graph = testing::SampleStoredGraph();
  testing::CheckGolden("sample.dot", Export(graph));
  DotOptions ego;
  ego.person = 2;
  ego.depth = 1;
  ego.with_events = true;
  testing::CheckGolden("sample_person2_depth1_events.dot", Export(graph, ego));
}

TEST_CASE("DOT output is deterministic", "[exporters]") {
  CHECK(Export(testing::SampleStoredGraph()) == Export(testing::SampleStoredGraph()));
}

TEST_CASE("DOT draws families the way people read them", "[exporters]") {
  const std::string dot = Export(testing::SampleStoredGraph());
  // Parent to child, whichever way it was stated; the two statements of one tie drawn once.
  CHECK(Has(dot, "\"person-1\" -> \"person-6\" [label=\"son, mother\"];"));
  // Spouses joined without arrowheads, and never held in one rank: with clusters, Graphviz
  // 2.43 then loses edges or stops ("trouble in init_rank") on larger graphs.
  CHECK(Has(dot, "\"person-2\" -> \"person-7\" [label=\"wife\", dir=none, penwidth=2];"));
  CHECK(!Has(dot, "rank=same"));
  CHECK(Has(dot, "\"person-1\" -> \"person-2\" [label=\"younger brother\", dir=none, style=dashed];"));
  CHECK(Has(dot, "\"person-2\" -> \"person-6\" [label=\"nephew\", dir=none, style=dotted, color=\"#adb5bd\", "
                 "fontcolor=\"#868e96\"];"));
  // Persons by gender and named-ness; the unnamed son shows his description.
  CHECK(Has(dot, "\"person-1\" [label=\"Saltanat Seitkali\", fillcolor=\"#f8d7da\"];"));
  CHECK(Has(dot, "\"person-2\" [label=\"Yerbolat Seitkali (45)\", fillcolor=\"#cfe2ff\"];"));
  CHECK(Has(dot, "\"person-6\" [label=\"son of Saltanat\\nSeitkali\", fillcolor=\"#cfe2ff\", "
                 "style=\"rounded,filled,dashed\", fontname=\"Helvetica-Oblique\"];"));
  // The family is a cluster; institutions and places are other shapes; no events by default.
  CHECK(Has(dot, "subgraph \"cluster_family_1\" {"));
  CHECK(Has(dot, "\"organization-3\" [label=\"Chinese Consulate in\\nAlmaty\", shape=box3d"));
  CHECK(Has(dot, "\"place-4\" [label=\"Almaty\", shape=ellipse"));
  CHECK_FALSE(Has(dot, "event-"));
  // A person with no drawn edge is left out of the whole-graph drawing.
  CHECK_FALSE(Has(dot, "person-8"));
}

TEST_CASE("DOT draws one person's family to a depth", "[exporters]") {
  const StoredGraph graph = testing::SampleStoredGraph();
  DotOptions options;
  options.person = 7;  // Aigerim: her husband at 1, his sister and nephew at 2
  options.depth = 0;
  std::string dot = Export(graph, options);
  CHECK(Has(dot, "\"person-7\" [label=\"Aigerim Seitkali\", fillcolor=\"#f8d7da\", penwidth=2.5];"));
  CHECK_FALSE(Has(dot, "person-2"));
  CHECK(Has(dot, "label=\"Family of Aigerim Seitkali: up to 0 ties away\""));
  options.depth = 1;
  dot = Export(graph, options);
  CHECK(Has(dot, "\"person-2\" ["));
  CHECK_FALSE(Has(dot, "\"person-1\" ["));
  CHECK_FALSE(Has(dot, "organization-3"));
  options.depth = 2;
  dot = Export(graph, options);
  CHECK(Has(dot, "\"person-1\" ["));
  CHECK(Has(dot, "\"person-6\" ["));
  CHECK_FALSE(Has(dot, "event-"));
  options.with_events = true;
  dot = Export(graph, options);
  CHECK(Has(dot, "\"event-1\" [label=\"Protest\\n--02-22\\n11 people\", shape=hexagon"));
  CHECK(Has(dot, "\"event-3\" [label=\"Fine\\n2021-02-24\\n150000 KZT\", shape=hexagon"));
  CHECK(Has(dot, "\"event-4\" -> \"event-3\" [label=\"same event\", dir=none"));  // two articles, one fine
  CHECK(Has(dot, "\"person-1\" -> \"event-1\" [label=\"protester\""));
  CHECK(Has(dot, "\"organization-3\" -> \"event-2\" [label=\"agent\""));  // a non-person participant
  CHECK(Has(dot, "\"event-1\" -> \"organization-3\" [style=dotted"));     // the event's place
  CHECK_FALSE(Has(dot, "place-4"));  // where the consulate is: not something the family did
  CHECK_FALSE(Has(dot, "person-8"));
  CHECK(Has(dot, "subgraph \"cluster_family_1\" {"));  // one person's family keeps its cluster
}

TEST_CASE("DOT draws the whole graph with events without family clusters", "[exporters]") {
  // Graphviz 2.43 places clusters tied together by many events only after many minutes, if at all.
  DotOptions options;
  options.with_events = true;
  const std::string dot = Export(testing::SampleStoredGraph(), options);
  CHECK(Has(dot, "\"event-1\" [label=\"Protest"));
  CHECK(Has(dot, "\"person-1\" -> \"person-6\" [label=\"son, mother\"];"));
  CHECK_FALSE(Has(dot, "subgraph"));
}

TEST_CASE("DOT rejects a bad person or depth", "[exporters]") {
  const StoredGraph graph = testing::SampleStoredGraph();
  std::string out = "unchanged";
  DotOptions options;
  options.person = 3;  // an organization
  CHECK(WriteDot(graph, options, &out).code() == StatusCode::kNotFound);
  options.person = 99;
  CHECK(WriteDot(graph, options, &out).code() == StatusCode::kNotFound);
  options.person = 1;
  options.depth = -1;
  CHECK(WriteDot(graph, options, &out).code() == StatusCode::kInvalidInput);
  CHECK(out == "unchanged");
}

TEST_CASE("DOT escapes every name", "[exporters]") {
  const std::string dot = Export(testing::EscapingStoredGraph(), DotOptions{0, 2, true});
  CHECK(Has(dot, "[label=\"Ay\xC5\x9F" "e \\\"G\xC3\xBCl\\\" <\xC3\x96zt\xC3\xBCrk> &amp;\\nSons\""));
  CHECK(Has(dot, "[label=\"O'Brien \\\\ Back\\\\slash\\\\N\\n(45)\""));  // wrapped at 22
  CHECK(Has(dot, "\"organization-3\" [label=\"node\""));
  CHECK(Has(dot, "\"place-4\" [label=\"strict\""));
  CHECK(Has(dot, "label=\"son of \\\"node\\\" &amp;\\n<strict>\""));
  CHECK(Has(dot, "label=\"younger \\\"brother\\\" <&amp;>\""));
  CHECK(Has(dot, "charset=\"UTF-8\""));
  // Only quoted strings carry names: no line of the file has an odd number of unescaped quotes.
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    int quotes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '"') {
        ++quotes;
      }
    }
    INFO(line);
    CHECK(quotes % 2 == 0);
  }
  CHECK(std::none_of(dot.begin(), dot.end(), [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x20; }));
}

TEST_CASE("DOT cuts a wide graph into rows, anchoring only the tops and bottoms of its blocks", "[exporters]") {
  StoredGraph graph;
  for (std::int64_t i = 1; i <= 40; ++i) {
    graph.entities.push_back(testing::StoredEntityOf(i, EntityKind::kPerson, "Person", "P" + std::to_string(i)));
  }
  for (std::int64_t i = 1; i <= 20; ++i) {
    graph.relations.push_back(testing::StoredTieOf(i, 2 * i - 1, "sibling", 2 * i, "brother", 0));
  }
  const std::string dot = Export(graph);
  CHECK(Has(dot, "\"row-0\" [style=invis"));
  CHECK(Has(dot, "\"row-1\" -> \"person-25\" [style=invis];"));
  CHECK_FALSE(Has(dot, "\"row-2\" -> "));
  CHECK(Has(dot, "\"person-40\" -> \"row-2\" [style=invis];"));
  // Each pair is drawn person-(2i-1) -> person-2i: the first is the top, the second the bottom.
  CHECK_FALSE(Has(dot, "\"row-1\" -> \"person-26\""));
  CHECK_FALSE(Has(dot, "\"person-25\" -> \"row-2\""));
  // With events the graph is left in one row: anchors into family boxes trip Graphviz's ranking.
  DotOptions with_events;
  with_events.with_events = true;
  CHECK_FALSE(Has(Export(graph, with_events), "\"row-"));
}

TEST_CASE("WriteDotFile writes atomically and keeps the old file on failure", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("graph.dot");
  AtomicWriteOptions fast;
  fast.sync = false;
  REQUIRE(WriteDotFile(testing::SampleStoredGraph(), DotOptions(), path, fast).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  CHECK(contents.str() == Export(testing::SampleStoredGraph()));
  fast.fail_after_bytes = 10;
  CHECK(WriteDotFile(testing::EscapingStoredGraph(), DotOptions(), path, fast).code() == StatusCode::kIoError);
  DotOptions bad;
  bad.person = 99;
  CHECK(WriteDotFile(testing::SampleStoredGraph(), bad, path).code() == StatusCode::kNotFound);
  std::ifstream again(path, std::ios::binary);
  std::stringstream after;
  after << again.rdbuf();
  CHECK(after.str() == contents.str());
}

}  // namespace
}  // namespace kith
