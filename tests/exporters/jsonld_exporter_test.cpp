#include "exporters/jsonld_exporter.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/content_hash.h"
#include "store/store.h"
#include "tests/exporters/stored_graph_fixture.h"
#include "tests/store/test_support.h"

namespace kith {
namespace {

StoredGraph GraphOf(const std::vector<testing::Sample>& samples) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(":memory:", StoreOptions(), &store).ok());
  for (const auto& sample : samples) {
    Store::PutOutcome outcome;
    Status s = store->PutDocument(sample.doc, ContentHash(sample.doc.text), sample.graph, &outcome);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }
  StoredGraph graph;
  REQUIRE(ReadGraph(*store, &graph).ok());
  return graph;
}

std::string Export(const StoredGraph& graph) {
  std::string out;
  Status s = WriteJsonLd(graph, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

struct Parsed {
  rapidjson::Document doc;
  std::map<std::string, const rapidjson::Value*> nodes;  // by @id

  explicit Parsed(const std::string& json) {
    doc.Parse(json.c_str(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    REQUIRE(doc.HasMember("@graph"));
    for (const auto& node : doc["@graph"].GetArray()) nodes[node["@id"].GetString()] = &node;
  }
  const rapidjson::Value& Node(const std::string& id) const {
    auto it = nodes.find(id);
    INFO("node " << id);
    REQUIRE(it != nodes.end());
    return *it->second;
  }
  // The node whose schema.org name is `name`.
  const rapidjson::Value& NodeNamed(const std::string& name) const {
    for (const auto& kv : nodes) {
      const auto& n = *kv.second;
      if (n.HasMember("name") && n["name"].IsString() && n["name"].GetString() == name) return n;
    }
    FAIL("no node named " << name);
    return *nodes.begin()->second;
  }
};

// The string values (or @id values) of `key` on `node`.
std::vector<std::string> Values(const rapidjson::Value& node, const char* key) {
  std::vector<std::string> out;
  if (!node.HasMember(key)) return out;
  const rapidjson::Value& v = node[key];
  auto one = [&out](const rapidjson::Value& x) {
    if (x.IsString()) out.push_back(x.GetString());
    if (x.IsObject() && x.HasMember("@id")) out.push_back(x["@id"].GetString());
  };
  if (v.IsArray()) {
    for (const auto& x : v.GetArray()) one(x);
  } else {
    one(v);
  }
  return out;
}

std::string Id(const rapidjson::Value& node) { return node["@id"].GetString(); }

TEST_CASE("JSON-LD context is inline and defines the vocabularies", "[exporters]") {
  Parsed p(Export(GraphOf({testing::MakeSample("a.txt")})));
  const rapidjson::Value& context = p.doc["@context"];
  REQUIRE(context.IsObject());  // never a URL to fetch
  CHECK(std::string(context["@vocab"].GetString()) == "http://schema.org/");
  CHECK(std::string(context["schema"].GetString()) == "http://schema.org/");
  CHECK(std::string(context["kith"].GetString()) == "https://w3id.org/kith/vocab#");
  CHECK(std::string(context["prov"].GetString()) == "http://www.w3.org/ns/prov#");
  for (const char* term : {"parent", "children", "sibling", "spouse", "relatedTo", "location", "kith:relative",
                           "kith:anchor", "prov:wasDerivedFrom"}) {
    INFO(term);
    REQUIRE(context.HasMember(term));
    CHECK(std::string(context[term]["@type"].GetString()) == "@id");
  }
}

TEST_CASE("JSON-LD family ties follow schema.org's direction", "[exporters]") {
  testing::Sample sample = testing::MakeSample("a.txt");
  // A further tie for the test: Yerbolat is a parent of the son.
  Relation parent;
  parent.subject = 1;
  parent.type = "parent";
  parent.object = 4;
  parent.evidence = testing::Ev(sample.doc.text, "Her son", 2, "test.parent");
  sample.graph.relations.push_back(parent);
  Parsed p(Export(GraphOf({sample})));
  const auto& saltanat = p.NodeNamed("Saltanat Seitkali");
  const auto& yerbolat = p.NodeNamed("Yerbolat Seitkali");
  std::string son_id;
  for (const auto& kv : p.nodes) {
    const auto& n = *kv.second;
    if (n.HasMember("description") && std::string(n["description"].GetString()) == "son of Saltanat Seitkali") {
      son_id = kv.first;
    }
  }
  REQUIRE(!son_id.empty());
  const auto& son = p.Node(son_id);

  // (Yerbolat, sibling, Saltanat): both ways.
  CHECK(Values(yerbolat, "sibling") == std::vector<std::string>{Id(saltanat)});
  CHECK(Values(saltanat, "sibling") == std::vector<std::string>{Id(yerbolat)});
  // (son, child, Saltanat): son parent Saltanat, Saltanat children son.
  // (Yerbolat, parent, son): son parent Yerbolat, Yerbolat children son.
  const auto son_parents = Values(son, "parent");
  CHECK(std::count(son_parents.begin(), son_parents.end(), Id(saltanat)) == 1);
  CHECK(std::count(son_parents.begin(), son_parents.end(), Id(yerbolat)) == 1);
  CHECK(Values(saltanat, "children") == std::vector<std::string>{son_id});
  CHECK(Values(yerbolat, "children") == std::vector<std::string>{son_id});
  CHECK(Values(saltanat, "parent").empty());
  // (son, relative, Yerbolat): relatedTo both ways.
  CHECK(Values(son, "relatedTo") == std::vector<std::string>{Id(yerbolat)});
  CHECK(Values(yerbolat, "relatedTo") == std::vector<std::string>{son_id});
  CHECK(Id(saltanat).rfind("kith:person/", 0) == 0);
}

TEST_CASE("JSON-LD tie nodes carry their evidence", "[exporters]") {
  Parsed p(Export(GraphOf({testing::MakeSample("a.txt")})));
  const auto& saltanat = p.NodeNamed("Saltanat Seitkali");
  const auto& yerbolat = p.NodeNamed("Yerbolat Seitkali");
  const rapidjson::Value* tie = nullptr;
  const rapidjson::Value* inferred = nullptr;
  for (const auto& kv : p.nodes) {
    const auto& n = *kv.second;
    if (!n["@type"].IsString() || std::string(n["@type"].GetString()) != "kith:FamilyTie") continue;
    if (std::string(n["kith:relation"].GetString()) == "sibling") tie = &n;
    if (n["kith:inferred"].GetBool()) inferred = &n;
  }
  REQUIRE(tie != nullptr);
  CHECK(Values(*tie, "kith:relative") == std::vector<std::string>{Id(yerbolat)});
  CHECK(Values(*tie, "kith:anchor") == std::vector<std::string>{Id(saltanat)});
  CHECK(std::string((*tie)["kith:kinTerm"].GetString()) == "younger brother");
  CHECK(std::string((*tie)["kith:rule"].GetString()) == "kin.appositive");
  CHECK((*tie)["kith:sentence"].GetInt() == 1);
  CHECK((*tie)["kith:begin"].GetInt() < (*tie)["kith:end"].GetInt());
  // Derived from its article and from the sentence node, which is part of the article.
  const auto sources = Values(*tie, "prov:wasDerivedFrom");
  REQUIRE(sources.size() == 2);
  CHECK(std::string(p.Node(sources[0])["@type"].GetString()) == "NewsArticle");
  CHECK(sources[1] == sources[0] + "/sentence/1");
  const auto& sentence = p.Node(sources[1]);
  CHECK(std::string(sentence["@type"].GetString()) == "kith:ArticleSentence");
  CHECK(Values(sentence, "isPartOf") == std::vector<std::string>{sources[0]});
  CHECK(sentence["kith:sentenceIndex"].GetInt() == 1);
  REQUIRE(inferred != nullptr);
  CHECK(Values(*inferred, "kith:inferredFrom").size() == 2);
}

TEST_CASE("JSON-LD unnamed persons have a description and no name", "[exporters]") {
  Parsed p(Export(GraphOf({testing::MakeSample("a.txt")})));
  int unnamed = 0;
  for (const auto& kv : p.nodes) {
    const auto& n = *kv.second;
    if (!n["@type"].IsString() || std::string(n["@type"].GetString()) != "Person") continue;
    if (n.HasMember("name")) {
      CHECK(n["name"].GetStringLength() > 0);
      continue;
    }
    ++unnamed;
    CHECK_FALSE(n.HasMember("alternateName"));
    CHECK(std::string(n["description"].GetString()) == "son of Saltanat Seitkali");
    CHECK(std::string(n["gender"]["@id"].GetString()) == "http://schema.org/Male");
  }
  CHECK(unnamed == 1);
  const auto& yerbolat = p.NodeNamed("Yerbolat Seitkali");
  CHECK(Values(yerbolat, "alternateName") == std::vector<std::string>{"Yerbolat"});
  CHECK(yerbolat["kith:age"].GetInt() == 45);
  CHECK(std::string(p.NodeNamed("Saltanat Seitkali")["gender"]["@id"].GetString()) == "http://schema.org/Female");
}

TEST_CASE("JSON-LD organizations, places and documents", "[exporters]") {
  Parsed p(Export(GraphOf({testing::MakeSample("a.txt")})));
  const auto& consulate = p.NodeNamed("Chinese Consulate in Almaty");
  const auto& almaty = p.NodeNamed("Almaty");
  CHECK(std::string(consulate["@type"].GetString()) == "GovernmentOrganization");
  CHECK(Id(consulate).rfind("kith:organization/", 0) == 0);
  CHECK(Values(consulate, "alternateName") == std::vector<std::string>{"Chinese Consulate"});
  CHECK(Values(consulate, "location") == std::vector<std::string>{Id(almaty)});
  CHECK(std::string(almaty["@type"].GetString()) == "City");
  CHECK(Id(almaty).rfind("kith:place/", 0) == 0);
  const auto& article = p.Node("kith:document/1");
  CHECK(std::string(article["@type"].GetString()) == "NewsArticle");
  CHECK(std::string(article["headline"].GetString()) == "Protest in Almaty");
  CHECK(std::string(article["datePublished"].GetString()) == "2021-02-23");
  CHECK(std::string(article["url"].GetString()) == "https://example.org/a");
  CHECK(std::string(article["publisher"]["name"].GetString()) == "Example News");
  CHECK(std::string(article["kith:path"].GetString()) == "a.txt");
  CHECK(std::string(article["kith:contentHash"].GetString()).size() == 64);
  CHECK(Values(almaty, "kith:mentionedIn") == std::vector<std::string>{"kith:document/1"});
}

TEST_CASE("JSON-LD events are typed, dated, placed and name their participants", "[exporters]") {
  Parsed p(Export(GraphOf({testing::MakeSample("a.txt")})));
  const auto& consulate = p.NodeNamed("Chinese Consulate in Almaty");
  const auto& protest = p.Node("kith:event/1");
  CHECK(Values(protest, "@type") == std::vector<std::string>{"Event", "kith:Protest"});
  CHECK(std::string(protest["startDate"].GetString()) == "--02-22");
  CHECK(Values(protest, "location") == std::vector<std::string>{Id(consulate)});
  CHECK(Values(protest, "kith:protester") ==
        std::vector<std::string>{Id(p.NodeNamed("Saltanat Seitkali")), Id(p.NodeNamed("Yerbolat Seitkali"))});
  CHECK(Values(protest, "kith:term") == std::vector<std::string>{"P1D"});
  CHECK(std::string(protest["kith:rule"].GetString()) == "event.protest");
  CHECK(Values(protest, "prov:wasDerivedFrom") ==
        std::vector<std::string>{"kith:document/1", "kith:document/1/sentence/0"});
  const auto& detention = p.Node("kith:event/2");
  CHECK(Values(detention, "@type") == std::vector<std::string>{"Event", "kith:Detention"});
  CHECK_FALSE(detention.HasMember("startDate"));
  CHECK(Values(detention, "kith:detainee").size() == 1);
}

TEST_CASE("JSON-LD role and attribute names become safe camelCase properties", "[exporters]") {
  testing::Sample sample = testing::MakeSample("a.txt");
  sample.graph.events[1].kind = "travel ban";
  sample.graph.events[1].roles = {EventRole{"released person", 4}, EventRole{"rule", 4}};
  sample.graph.events[1].attributes = {{"charge", "\"separatism\""}, {"begin", "x"}};
  Parsed p(Export(GraphOf({sample})));
  const auto& event = p.Node("kith:event/2");
  CHECK(Values(event, "@type") == std::vector<std::string>{"Event", "kith:TravelBan"});
  CHECK(Values(event, "kith:releasedPerson").size() == 1);
  CHECK(Values(event, "kith:roleRule").size() == 1);
  CHECK(Values(event, "kith:attributeBegin") == std::vector<std::string>{"x"});
  CHECK(Values(event, "kith:charge") == std::vector<std::string>{"\"separatism\""});
  CHECK(std::string(event["kith:rule"].GetString()) == "event.detention");
}

TEST_CASE("JSON-LD output is deterministic", "[exporters]") {
  const std::vector<testing::Sample> samples = {testing::MakeSample("a.txt"), testing::MakeSample("b.txt", " B.")};
  const StoredGraph graph = GraphOf(samples);
  const std::string first = Export(graph);
  CHECK(Export(graph) == first);
  // A second store built the same way exports the same bytes.
  CHECK(Export(GraphOf(samples)) == first);
  CHECK(first.back() == '\n');
}

TEST_CASE("JSON-LD escapes quotes and control characters and repairs bad UTF-8", "[exporters]") {
  testing::Sample sample = testing::MakeSample("a.txt");
  sample.graph.entities[0].name = std::string("Saltanat \"K\\\" \x01\t\n Seitkali \xFF\xC0\xAF end");
  sample.graph.entities[1].aliases = {std::string("Qa\0lyp", 6), "\xED\xA0\x80surrogate"};
  sample.doc.meta.title = "\xE2\x80\x9CQuoted\xE2\x80\x9D headline \xE2\x82";
  const std::string json = Export(GraphOf({sample}));
  Parsed p(json);
  const auto& node = p.NodeNamed("Saltanat \"K\\\" \x01\t\n Seitkali \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
  CHECK(std::string(node["@type"].GetString()) == "Person");
  const auto& yerbolat = p.NodeNamed("Yerbolat Seitkali");
  const auto& aliases = yerbolat["alternateName"];
  REQUIRE(aliases.Size() == 2);
  CHECK(std::string(aliases[0].GetString(), aliases[0].GetStringLength()) == std::string("Qa\0lyp", 6));
  CHECK(std::string(aliases[1].GetString()) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDsurrogate");
  CHECK(std::string(p.Node("kith:document/1")["headline"].GetString()) ==
        "\xE2\x80\x9CQuoted\xE2\x80\x9D headline \xEF\xBF\xBD");
  // No raw control character survives in the text.
  CHECK(std::none_of(json.begin(), json.end(),
                     [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x20; }));
}

TEST_CASE("WriteJsonLdFile writes the same bytes to a file", "[exporters]") {
  testing::TempDir dir;
  const StoredGraph graph = GraphOf({testing::MakeSample("a.txt")});
  const std::string path = dir.File("out.jsonld");
  REQUIRE(WriteJsonLdFile(graph, path).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  CHECK(contents.str() == Export(graph));
  Status s = WriteJsonLdFile(graph, dir.File("no/such/dir/out.jsonld"));
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.ToString().find("no/such/dir/out.jsonld") != std::string::npos);
}

TEST_CASE("JSON-LD output matches the golden file byte for byte", "[exporters]") {
  testing::CheckGolden("sample.jsonld", Export(testing::SampleStoredGraph()));
}

TEST_CASE("JSON-LD points every tie and event to its sentence, once per sentence", "[exporters]") {
  StoredGraph graph = testing::SampleStoredGraph();
  graph.relations[1].evidence.sentence = -1;  // unknown sentence: the article alone
  Parsed p(Export(graph));
  CHECK(Values(p.Node("kith:tie/2"), "prov:wasDerivedFrom") == std::vector<std::string>{"kith:document/1"});
  CHECK(Values(p.Node("kith:tie/4"), "prov:wasDerivedFrom") ==
        std::vector<std::string>{"kith:document/2", "kith:document/2/sentence/0"});
  std::vector<std::string> sentences;
  for (const auto& kv : p.nodes) {
    const auto& n = *kv.second;
    if (n["@type"].IsString() && std::string(n["@type"].GetString()) == "kith:ArticleSentence") {
      sentences.push_back(kv.first);
    }
  }
  // Ties 1, 3 (sentence 1 and 2 of article 1), 4, 5 (sentences 0 and 1 of article 2), events (0 and 2).
  CHECK(sentences == std::vector<std::string>{"kith:document/1/sentence/0", "kith:document/1/sentence/1",
                                              "kith:document/1/sentence/2", "kith:document/2/sentence/0",
                                              "kith:document/2/sentence/1"});
  CHECK(Values(p.Node("kith:tie/3"), "kith:inferredFrom") == std::vector<std::string>{"kith:tie/1", "kith:tie/2"});
}

TEST_CASE("JSON-LD names with quotes, markup, line breaks and emoji read back exactly", "[exporters]") {
  const StoredGraph graph = testing::EscapingStoredGraph();
  Parsed p(Export(graph));
  for (const StoredEntity& e : graph.entities) {
    if (e.name.empty()) continue;
    INFO(e.name);
    const auto& node = p.NodeNamed(e.name);
    CHECK(Id(node).find("/" + std::to_string(e.id)) != std::string::npos);
  }
  CHECK(Values(p.NodeNamed("O'Brien \\ Back\\slash\\N"), "alternateName") ==
        std::vector<std::string>{"Line\nBreak", "tab\there"});
  CHECK(std::string(p.Node("kith:tie/1")["kith:kinTerm"].GetString()) == "younger \"brother\" <&>");
  CHECK(std::string(p.Node("kith:document/1")["kith:path"].GetString()) == "dir/\"odd\" & <name>.txt");
}

TEST_CASE("Every kith term the JSON-LD export writes is in schema/kith-vocab.jsonld", "[exporters]") {
  std::ifstream in(std::string(KITH_SOURCE_DIR) + "/schema/kith-vocab.jsonld", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document vocab;
  vocab.Parse(text.str().c_str());
  REQUIRE_FALSE(vocab.HasParseError());
  std::set<std::string> documented;
  for (const auto& term : vocab["@graph"].GetArray()) documented.insert(term["@id"].GetString());

  Parsed p(Export(testing::SampleStoredGraph()));
  std::set<std::string> used;
  for (const auto& kv : p.nodes) {
    const auto& n = *kv.second;
    for (auto m = n.MemberBegin(); m != n.MemberEnd(); ++m) {
      const std::string key = m->name.GetString();
      if (key.rfind("kith:", 0) == 0) used.insert(key);
    }
    for (const std::string& type : Values(n, "@type")) {
      if (type.rfind("kith:", 0) == 0) used.insert(type);
    }
  }
  for (const std::string& term : used) {
    INFO(term);
    CHECK(documented.count(term) == 1);
  }
}

TEST_CASE("JSON-LD of an empty graph is a valid document", "[exporters]") {
  Parsed p(Export(StoredGraph()));
  CHECK(p.doc["@graph"].GetArray().Size() == 0);
}

}  // namespace
}  // namespace kith
