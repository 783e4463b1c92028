// Test support for the exporter tests: StoredGraphs built by hand (no store
// involved, so golden files depend on the exporters alone), and golden-file
// comparison.
//
// Golden files live in tests/exporters/golden/. To rewrite them after an
// intended change of output, run the tests with KITH_UPDATE_GOLDEN=1 and
// review the diff.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "store/graph_snapshot.h"

namespace kith {
namespace testing {

inline StoredEvidence StoredEvidenceOf(std::int64_t document, int sentence, std::size_t begin, std::size_t end,
                               const std::string& rule) {
  StoredEvidence e;
  e.document_id = document;
  e.sentence = sentence;
  e.span = Span{begin, end};
  e.rule = rule;
  return e;
}

inline StoredEntity StoredEntityOf(std::int64_t id, EntityKind kind, const std::string& type, const std::string& name,
                           const std::string& gender = "") {
  StoredEntity e;
  e.id = id;
  e.kind = kind;
  e.type = type;
  e.name = name;
  e.gender = gender;
  e.documents = {1};
  return e;
}

inline StoredRelation StoredTieOf(std::int64_t id, std::int64_t subject, const std::string& type, std::int64_t object,
                          const std::string& term, int sentence) {
  StoredRelation r;
  r.id = id;
  r.subject = subject;
  r.type = type;
  r.object = object;
  r.term = term;
  r.evidence = StoredEvidenceOf(1, sentence, 10 * static_cast<std::size_t>(id), 10 * static_cast<std::size_t>(id) + 8,
                        "kin.test");
  return r;
}

// Two articles about one family:
//  1 Saltanat Seitkali (female), 2 Yerbolat Seitkali (male, 45, alias Yerbolat),
//  3 Chinese Consulate in Almaty (GovernmentOrganization, in 4), 4 Almaty
//  (City, part of 5), 5 Kazakhstan (Country), 6 unnamed son of Saltanat
//  (male), 7 Aigerim Seitkali (female), 8 Daniyar (no family ties);
// ties: 1 (2 sibling 1, "younger brother"), 2 (6 child 1, "son"),
//  3 (6 relative 2, "nephew", inferred from 1 and 2), 4 (7 spouse 2, "wife",
//  in article 2), 5 (1 parent 6, "mother", article 2: a second statement of tie 2);
// events: 1 Protest by 1 and 2 at 3, --02-22, term P1D, 11 people; 2 Detention
//  of 6 with agent 3; 3 Fine of 1 at 3 on 2021-02-24, 150000 KZT (article 1) and
//  4 the same fine reported by article 2 (same_as each other).
inline StoredGraph SampleStoredGraph() {
  StoredGraph g;
  StoredDocument a;
  a.id = 1;
  a.content_hash = std::string(64, 'a');
  a.path = "samples/a.txt";
  a.title = "Protest in Almaty";
  a.date = "2021-02-23";
  a.url = "https://example.org/a";
  a.source = "Example News";
  a.byte_length = 400;
  StoredDocument b = a;
  b.id = 2;
  b.content_hash = std::string(64, 'b');
  b.path = "samples/b.txt";
  b.title = "The Seitkali family";
  b.date = "2021-03-01";
  b.url = "";
  b.byte_length = 300;
  g.documents = {a, b};

  g.entities = {StoredEntityOf(1, EntityKind::kPerson, "Person", "Saltanat Seitkali", "female"),
                StoredEntityOf(2, EntityKind::kPerson, "Person", "Yerbolat Seitkali", "male"),
                StoredEntityOf(3, EntityKind::kOrganization, "GovernmentOrganization", "Chinese Consulate in Almaty"),
                StoredEntityOf(4, EntityKind::kPlace, "City", "Almaty"),
                StoredEntityOf(5, EntityKind::kPlace, "Country", "Kazakhstan"),
                StoredEntityOf(6, EntityKind::kPerson, "Person", "", "male"),
                StoredEntityOf(7, EntityKind::kPerson, "Person", "Aigerim Seitkali", "female"),
                StoredEntityOf(8, EntityKind::kPerson, "Person", "Daniyar", "male")};
  g.entities[0].documents = {1, 2};
  g.entities[1].aliases = {"Yerbolat"};
  g.entities[1].age = 45;
  g.entities[1].documents = {1, 2};
  g.entities[2].aliases = {"Chinese Consulate"};
  g.entities[2].located_in = 4;
  g.entities[3].located_in = 5;
  g.entities[5].description = "son of Saltanat Seitkali";
  g.entities[5].origin_document_id = 1;
  g.entities[6].documents = {2};

  g.relations = {StoredTieOf(1, 2, "sibling", 1, "younger brother", 1), StoredTieOf(2, 6, "child", 1, "son", 2),
                 StoredTieOf(3, 6, "relative", 2, "nephew", 2), StoredTieOf(4, 7, "spouse", 2, "wife", 0),
                 StoredTieOf(5, 1, "parent", 6, "mother", 1)};
  g.relations[2].inferred = true;
  g.relations[2].sources = {1, 2};
  g.relations[2].evidence.rule = "infer.nephew";
  g.relations[3].evidence.document_id = 2;
  g.relations[4].evidence.document_id = 2;

  StoredEvent protest;
  protest.id = 1;
  protest.kind = "Protest";
  protest.date = "--02-22";
  protest.date_precision = "day";
  protest.place = 3;
  protest.roles = {StoredEventRole{"protester", 1}, StoredEventRole{"protester", 2}};
  protest.attributes = {{"term", "P1D"}, {"participant_count", "11"}};
  protest.evidence = StoredEvidenceOf(1, 0, 0, 75, "event.protest");
  StoredEvent detention;
  detention.id = 2;
  detention.kind = "Detention";
  detention.roles = {StoredEventRole{"detainee", 6}, StoredEventRole{"agent", 3}};
  detention.evidence = StoredEvidenceOf(1, 2, 130, 151, "event.detention");
  StoredEvent fine;
  fine.id = 3;
  fine.kind = "Fine";
  fine.date = "2021-02-24";
  fine.date_precision = "day";
  fine.place = 3;
  fine.roles = {StoredEventRole{"fined", 1}};
  fine.attributes = {{"amount", "150000"}, {"currency", "KZT"}};
  fine.evidence = StoredEvidenceOf(1, 2, 152, 190, "event.passive");
  fine.same_as = {4};
  StoredEvent reported_again = fine;
  reported_again.id = 4;
  reported_again.evidence = StoredEvidenceOf(2, 0, 0, 40, "event.active-object");
  reported_again.same_as = {3};
  g.events = {protest, detention, fine, reported_again};
  return g;
}

// SampleStoredGraph() with names that every format must escape.
inline StoredGraph EscapingStoredGraph() {
  StoredGraph g = SampleStoredGraph();
  g.entities[0].name = "Ay\xC5\x9F" "e \"G\xC3\xBCl\" <\xC3\x96zt\xC3\xBCrk> & Sons";
  g.entities[1].name = "O'Brien \\ Back\\slash\\N";
  g.entities[1].aliases = {"Line\nBreak", "tab\there"};
  g.entities[2].name = "node";
  g.entities[3].name = "strict";
  g.entities[6].name = "Ana \xF0\x9F\x98\x80 Mar\xC3\xAD" "a";
  g.entities[7].name = "ctrl\x01" "char\x7F" "del";
  g.entities[5].description = "son of \"node\" & <strict>";
  g.relations[0].term = "younger \"brother\" <&>";
  g.documents[0].title = "Title \xE2\x9C\x8A & <tags>";
  g.documents[0].path = "dir/\"odd\" & <name>.txt";
  return g;
}

inline std::string GoldenPath(const std::string& name) {
  return std::string(KITH_SOURCE_DIR) + "/tests/exporters/golden/" + name;
}

// Compares `actual` with the golden file byte for byte (or rewrites the file
// when KITH_UPDATE_GOLDEN is set).
inline void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("KITH_UPDATE_GOLDEN");
  if (update != nullptr && *update != '\0' && std::string(update) != "0") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE(out.good());
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (KITH_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}

}  // namespace testing
}  // namespace kith
