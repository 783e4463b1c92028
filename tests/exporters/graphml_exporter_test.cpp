#include "exporters/graphml_exporter.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/exporters/stored_graph_fixture.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

std::string Export(const StoredGraph& graph) {
  std::string out;
  REQUIRE(WriteGraphml(graph, &out).ok());
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("GraphML output matches the golden file byte for byte", "[exporters]") {
  testing::CheckGolden("sample.graphml", Export(testing::SampleStoredGraph()));
}

TEST_CASE("GraphML output is deterministic", "[exporters]") {
  const std::string first = Export(testing::SampleStoredGraph());
  CHECK(Export(testing::SampleStoredGraph()) == first);
  CHECK(first.back() == '\n');
}

TEST_CASE("GraphML follows the APOC and Gephi conventions", "[exporters]") {
  const std::string xml = Export(testing::SampleStoredGraph());
  CHECK(xml.find("<key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"v_age\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"e_inferred\" for=\"edge\" attr.name=\"inferred\" attr.type=\"boolean\"/>") !=
        std::string::npos);
  // Every edge: a label attribute, and the label data first.
  CHECK(Count(xml, "<edge ") == 17);
  CHECK(Count(xml, "\" label=\"") == 17);
  std::size_t at = 0;
  while ((at = xml.find("<edge ", at)) != std::string::npos) {
    const std::size_t close = xml.find(">\n", at);
    const std::size_t label = xml.find("label=\"", at);
    const std::string type = xml.substr(label + 7, xml.find('"', label + 7) - label - 7);
    INFO(xml.substr(at, 200));
    const std::string first = "      <data key=\"label\">" + type + "</data>";
    CHECK(xml.compare(close + 2, first.size(), first) == 0);
    at = close;
  }
  CHECK(xml.find("<node id=\"person-1\" labels=\":Person\">\n      <data key=\"v_label\">Saltanat Seitkali</data>") !=
        std::string::npos);
  CHECK(xml.find("<node id=\"organization-3\" labels=\":Organization:GovernmentOrganization\">") != std::string::npos);
  CHECK(xml.find("<node id=\"event-1\" labels=\":Event:Protest\">") != std::string::npos);
  // A child tie points from the parent, and says it was stated as "child".
  CHECK(xml.find("<edge id=\"tie-2\" source=\"person-1\" target=\"person-6\" label=\"PARENT_OF\">\n"
                 "      <data key=\"label\">PARENT_OF</data>\n"
                 "      <data key=\"e_relation\">child</data>\n"
                 "      <data key=\"e_term\">son</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"e_inferred_from\">[1,2]</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"v_description\">son of Saltanat Seitkali</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"v_named\">false</data>") != std::string::npos);
}

TEST_CASE("GraphML escapes names and never writes a character XML forbids", "[exporters]") {
  const std::string xml = Export(testing::EscapingStoredGraph());
  CHECK(xml.find("Ay\xC5\x9F" "e &quot;G\xC3\xBCl&quot; &lt;\xC3\x96zt\xC3\xBCrk&gt; &amp; Sons") !=
        std::string::npos);
  CHECK(xml.find("O&apos;Brien \\ Back\\slash\\N") != std::string::npos);
  CHECK(xml.find("[&quot;Line\\nBreak&quot;,&quot;tab\\there&quot;]") != std::string::npos);  // JSON in XML
  CHECK(xml.find("ctrl\xEF\xBF\xBD" "char\x7F" "del") != std::string::npos);
  CHECK(xml.find("Ana \xF0\x9F\x98\x80 Mar\xC3\xAD" "a") != std::string::npos);
  CHECK(xml.find("younger &quot;brother&quot; &lt;&amp;&gt;") != std::string::npos);
  CHECK(std::none_of(xml.begin(), xml.end(), [](char c) {
    return c != '\n' && static_cast<unsigned char>(c) < 0x20;
  }));
}

TEST_CASE("GraphML of an empty graph declares its keys and an empty graph", "[exporters]") {
  const std::string xml = Export(StoredGraph());
  CHECK(xml.find("<graph id=\"kith\" edgedefault=\"directed\">\n  </graph>") != std::string::npos);
}

TEST_CASE("WriteGraphmlFile writes atomically and keeps the old file on failure", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("graph.graphml");
  const StoredGraph graph = testing::SampleStoredGraph();
  AtomicWriteOptions fast;
  fast.sync = false;
  REQUIRE(WriteGraphmlFile(graph, path, fast).ok());
  CHECK(ReadFile(path) == Export(graph));
  for (std::size_t fail_at : {std::size_t{0}, std::size_t{100}, std::size_t{5000}}) {
    AtomicWriteOptions failing = fast;
    failing.fail_after_bytes = fail_at;
    Status s = WriteGraphmlFile(testing::EscapingStoredGraph(), path, failing);
    INFO(fail_at << ": " << s.ToString());
    CHECK(s.code() == StatusCode::kIoError);
    CHECK(s.ToString().find(path) != std::string::npos);
    CHECK(ReadFile(path) == Export(graph));
  }
}

}  // namespace
}  // namespace kith
