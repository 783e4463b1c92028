// kith_fixture_db: writes a kith database whose names hold what exporters
// must escape (< > & " ' \, line breaks, non-ASCII letters, emoji, DOT
// keywords), for the client tests (tests/clients/test_escaping.py), plus a
// JSON file listing those strings as stored.
//
// usage: kith_fixture_db DB NAMES_JSON
// Exit status 0 on success, 1 on any failure (printed on stderr).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "graph/document_graph.h"
#include "store/content_hash.h"
#include "store/store.h"
#include "text/document.h"

namespace {

using kith::Entity;
using kith::EntityKind;
using kith::Event;
using kith::EventRole;
using kith::Evidence;
using kith::Relation;

struct Tie {
  int subject;
  const char* type;
  int object;
  const char* term;
  bool inferred;
  std::vector<int> sources;
};

Entity Make(EntityKind kind, const std::string& type, const std::string& name, const std::string& gender = "") {
  Entity e;
  e.kind = kind;
  e.type = type;
  e.name = name;
  e.gender = gender;
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kith_fixture_db DB NAMES_JSON\n";
    return 1;
  }
  std::vector<Entity> entities = {
      Make(EntityKind::kPerson, "Person", "Ay\xC5\x9F" "e \"G\xC3\xBCl\" <\xC3\x96zt\xC3\xBCrk> & Sons", "female"),
      Make(EntityKind::kPerson, "Person", "O'Brien \\ Back\\slash\\N", "male"),
      Make(EntityKind::kPerson, "Person", "Line\nBreak", "male"),
      Make(EntityKind::kPerson, "Person", "Ana \xF0\x9F\x98\x80 Mar\xC3\xAD" "a", "female"),
      Make(EntityKind::kPerson, "Person", "node"),
      Make(EntityKind::kPerson, "Person", "strict", "male"),
      Make(EntityKind::kPerson, "Person",
           "\xD0\x90\xD0\xB9\xD0\xB3\xD0\xB5\xD1\x80\xD0\xB8\xD0\xBC "
           "\xD0\xA1\xD0\xB5\xD0\xB9\xD1\x82\xD2\x9B\xD0\xB0\xD0\xBB\xD0\xB8",
           "female"),
      Make(EntityKind::kPerson, "Person", "semi;colon, comma", "male"),
      Make(EntityKind::kPerson, "Person", "", "male"),
      Make(EntityKind::kPerson, "Person", "Zhan Edge"),
      Make(EntityKind::kOrganization, "NGO", "Free <Speech> & \"Rights\" Org"),
      Make(EntityKind::kPlace, "City", "Almaty\\\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8B"),
      Make(EntityKind::kPlace, "Country", "Kazakhstan \xF0\x9F\x87\xB0\xF0\x9F\x87\xBF"),
  };
  entities[0].age = 41;
  entities[6].aliases = {"Aigerim"};
  entities[7].aliases = {"edge \"x\""};
  entities[8].description = "son of \"node\" & <strict>";
  entities[10].located_in = 11;
  entities[11].located_in = 12;
  for (Entity& e : entities) e.identity_key = e.name.empty() ? "" : "fixture:" + e.name;

  const std::vector<Tie> ties = {
      {0, "parent", 2, "mother", false, {}},
      {3, "child", 1, "daughter \"little\"", false, {}},
      {0, "spouse", 1, "wife & partner", false, {}},
      {2, "sibling", 3, "brother <half>", false, {}},
      {8, "child", 6, "son", false, {}},
      {6, "sibling", 7, "sister", false, {}},
      {4, "spouse", 5, "husband", false, {}},
      {8, "relative", 7, "nephew", true, {4, 5}},
      {9, "relative", 4, "cousin \\ 'second'", false, {}},
  };

  kith::Document doc;
  doc.path = "fixture/\"odd\" & <name>.txt";
  doc.meta.title = "Protest \"quoted\" & <tagged> \xE2\x9C\x8A";
  doc.meta.date = "2021-02-23";
  doc.meta.source = "Example <News> & Co";
  std::string text;
  std::vector<kith::Span> spans;  // one sentence per entity, naming it
  for (const Entity& e : entities) {
    const std::size_t begin = text.size();
    text += (e.name.empty() ? std::string("His son") : e.name) + " was there. ";
    spans.push_back(kith::Span{begin, text.size() - 1});
  }
  doc.text = text;
  doc.body = kith::Span{0, text.size()};

  kith::DocumentGraph graph;
  graph.entities = entities;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    graph.sentences.push_back(kith::SentenceRecord{spans[i]});
    Evidence ev;
    ev.sentence = static_cast<int>(i);
    ev.span = spans[i];
    ev.rule = "fixture.mention";
    graph.mentions.push_back(kith::Mention{static_cast<int>(i), ev});
  }
  for (const Tie& t : ties) {
    Relation r;
    r.subject = t.subject;
    r.type = t.type;
    r.object = t.object;
    r.term = t.term;
    r.inferred = t.inferred;
    r.sources = t.sources;
    r.evidence.sentence = t.subject;
    r.evidence.span = spans[static_cast<std::size_t>(t.subject)];
    r.evidence.rule = t.inferred ? "fixture.infer" : "fixture.tie";
    graph.relations.push_back(r);
  }
  Event protest;
  protest.kind = "Protest";
  protest.date = "2021-02-22";
  protest.date_precision = "day";
  protest.place = 10;
  protest.roles = {EventRole{"protester", 0}, EventRole{"protester", 3}};
  protest.attributes = {{"term", "P1D"}, {"charge", "\"separatism\" & <x>"}};
  protest.evidence = Evidence{0, spans[0], "fixture.protest"};
  Event detention;
  detention.kind = "Detention";
  detention.roles = {EventRole{"detainee", 8}, EventRole{"agent", 10}, EventRole{"place", 11}};
  detention.evidence = Evidence{8, spans[8], "fixture.detention"};
  graph.events = {protest, detention};

  kith::StoreOptions options;
  std::unique_ptr<kith::Store> store;
  kith::Status s = kith::Store::Open(argv[1], options, &store);
  kith::Store::PutOutcome outcome;
  if (s.ok()) s = store->PutDocument(doc, kith::ContentHash(doc.text), graph, &outcome);
  if (!s.ok()) {
    std::cerr << "kith_fixture_db: " << s.ToString() << "\n";
    return 1;
  }

  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  auto str = [&w](const std::string& v) { w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()), true); };
  auto list = [&](const char* key, EntityKind kind) {
    w.Key(key);
    w.StartArray();
    for (const Entity& e : entities) {
      if (e.kind == kind && !e.name.empty()) str(e.name);
    }
    w.EndArray();
  };
  w.StartObject();
  list("persons", EntityKind::kPerson);
  list("organizations", EntityKind::kOrganization);
  list("places", EntityKind::kPlace);
  w.Key("unnamed");
  w.StartArray();
  str(entities[8].description);
  w.EndArray();
  w.Key("aliases");
  w.StartArray();
  for (const Entity& e : entities) {
    for (const std::string& a : e.aliases) str(a);
  }
  w.EndArray();
  w.Key("terms");
  w.StartArray();
  for (const Tie& t : ties) str(t.term);
  w.EndArray();
  w.Key("title");
  str(doc.meta.title);
  w.Key("path");
  str(doc.path);
  w.Key("ties");
  w.Int(static_cast<int>(ties.size()));
  w.EndObject();
  std::ofstream out(argv[2], std::ios::binary);
  out << buffer.GetString() << "\n";
  out.close();
  if (!out) {
    std::cerr << "kith_fixture_db: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
