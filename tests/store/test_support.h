// Test support for the store tests: a temporary directory that removes
// itself, and a small document with its graph that tests vary.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "graph/document_graph.h"
#include "text/document.h"

namespace kith {
namespace testing {

// A fresh directory under $TMPDIR (or /tmp), removed with its files on scope exit.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/kith_test_XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const char* made = mkdtemp(buf.data());
    path_ = made != nullptr ? made : "";
  }
  ~TempDir() {
    if (!path_.empty()) {
      const std::string command = "rm -rf '" + path_ + "'";
      (void)std::system(command.c_str());
    }
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Span of the first occurrence of `needle` in `text` (must occur).
inline Span Find(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  Span span;
  span.begin = at == std::string::npos ? 0 : at;
  span.end = at == std::string::npos ? 0 : at + needle.size();
  return span;
}

inline Evidence Ev(const std::string& text, const std::string& needle, int sentence, const std::string& rule) {
  Evidence e;
  e.sentence = sentence;
  e.span = Find(text, needle);
  e.rule = rule;
  return e;
}

// A document about a family protest, at `path`, with a graph of:
// 0 Saltanat Seitkali (person, female), 1 Yerbolat Seitkali (person, male, 45),
// 2 Chinese Consulate in Almaty (GovernmentOrganization, located in 3),
// 3 Almaty (City), 4 unnamed son of Saltanat (male);
// relations: 1 sibling of 0 (younger brother), 4 child of 0, 4 relative of 1 (inferred from 0 and 1);
// one Protest event by 0 and 1 at 2 on --02-22 with attribute term.
struct Sample {
  Document doc;
  DocumentGraph graph;
};

inline Sample MakeSample(const std::string& path, const std::string& extra_text = "") {
  Sample s;
  s.doc.path = path;
  s.doc.text =
      "Saltanat Seitkali protested at the Chinese Consulate in Almaty on February 22. "
      "Her younger brother Yerbolat Seitkali, 45, joined her. Her son was detained." +
      extra_text;
  s.doc.meta.title = "Protest in Almaty";
  s.doc.meta.date = "2021-02-23";
  s.doc.meta.url = "https://example.org/a";
  s.doc.meta.source = "Example News";
  s.doc.body = Span{0, s.doc.text.size()};
  const std::string& t = s.doc.text;
  const std::size_t first_end = t.find(". ") + 1;
  const std::size_t second_end = t.find(". ", first_end) + 1;
  s.graph.sentences = {SentenceRecord{Span{0, first_end}}, SentenceRecord{Span{first_end + 1, second_end}},
                       SentenceRecord{Span{second_end + 1, t.size()}}};

  Entity saltanat;
  saltanat.kind = EntityKind::kPerson;
  saltanat.type = "Person";
  saltanat.name = "Saltanat Seitkali";
  saltanat.gender = "female";
  Entity yerbolat;
  yerbolat.kind = EntityKind::kPerson;
  yerbolat.type = "Person";
  yerbolat.name = "Yerbolat Seitkali";
  yerbolat.aliases = {"Yerbolat"};
  yerbolat.gender = "male";
  yerbolat.age = 45;
  Entity consulate;
  consulate.kind = EntityKind::kOrganization;
  consulate.type = "GovernmentOrganization";
  consulate.name = "Chinese Consulate in Almaty";
  consulate.aliases = {"Chinese Consulate"};
  consulate.located_in = 3;
  Entity almaty;
  almaty.kind = EntityKind::kPlace;
  almaty.type = "City";
  almaty.name = "Almaty";
  Entity son;
  son.kind = EntityKind::kPerson;
  son.type = "Person";
  son.gender = "male";
  son.description = "son of Saltanat Seitkali";
  s.graph.entities = {saltanat, yerbolat, consulate, almaty, son};

  s.graph.mentions = {
      Mention{0, Ev(t, "Saltanat Seitkali", 0, "ner.person")},
      Mention{2, Ev(t, "Chinese Consulate in Almaty", 0, "ner.org")},
      Mention{3, Ev(t, "Almaty", 0, "ner.place")},
      Mention{1, Ev(t, "Yerbolat Seitkali", 1, "ner.person")},
      Mention{4, Ev(t, "Her son", 2, "kin.unnamed")},
  };

  Relation sibling;
  sibling.subject = 1;
  sibling.type = "sibling";
  sibling.object = 0;
  sibling.term = "younger brother";
  sibling.evidence = Ev(t, "Her younger brother Yerbolat Seitkali", 1, "kin.appositive");
  Relation child;
  child.subject = 4;
  child.type = "child";
  child.object = 0;
  child.term = "son";
  child.evidence = Ev(t, "Her son", 2, "kin.possessive");
  Relation nephew;
  nephew.subject = 4;
  nephew.type = "relative";
  nephew.object = 1;
  nephew.term = "nephew";
  nephew.inferred = true;
  nephew.sources = {0, 1};
  nephew.evidence = Ev(t, "Her son", 2, "infer.nephew");
  s.graph.relations = {sibling, child, nephew};

  Event protest;
  protest.kind = "Protest";
  protest.date = "--02-22";
  protest.date_precision = "day";
  protest.place = 2;
  protest.roles = {EventRole{"protester", 0}, EventRole{"protester", 1}};
  protest.attributes = {{"term", "P1D"}};
  protest.evidence = Ev(t, "Saltanat Seitkali protested at the Chinese Consulate in Almaty on February 22.", 0,
                        "event.protest");
  Event detention;
  detention.kind = "Detention";
  detention.roles = {EventRole{"detainee", 4}};
  detention.evidence = Ev(t, "Her son was detained.", 2, "event.detention");
  s.graph.events = {protest, detention};
  return s;
}

}  // namespace testing
}  // namespace kith
