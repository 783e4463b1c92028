#include "query/person_lookup.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "graph/graph_builder.h"
#include "store/content_hash.h"
#include "store/store.h"
#include "text/reader.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

// The spelling-insensitive keys of the real transliteration lexicon, as `kith relatives` uses them.
NameKey Keys() { return NameKey(Rules().lexicon("transliteration")); }

// The identity key the graph builder gives a person's full name.
std::string IdentityKey(const std::string& name) {
  const NameKey keys = Keys();
  std::string key;
  for (const Token& t : Rules().tokenizer().Tokenize(name)) {
    if (t.kind == TokenKind::kWord) key += (key.empty() ? "" : " ") + keys.Key(t.lower);
  }
  return "person:" + key;
}

class Lookup {
 public:
  Lookup() {
    const Status s = Store::Open(":memory:", StoreOptions(), &store_);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }

  // Stores an article whose graph holds `entities` (and nothing else), every mention the whole text.
  void PutEntities(const std::string& path, const std::string& text, const std::vector<Entity>& entities) {
    DocumentGraph g;
    g.sentences = {SentenceRecord{Span{0, text.size()}}};
    g.entities = entities;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      g.mentions.push_back(Mention{static_cast<int>(i), Evidence{0, Span{0, text.size()}, "test.mention"}});
    }
    // Unnamed persons are kept by a tie to the first entity.
    for (std::size_t i = 1; i < entities.size(); ++i) {
      if (!entities[i].name.empty()) continue;
      Relation r;
      r.subject = static_cast<int>(i);
      r.type = "child";
      r.object = 0;
      r.term = "son";
      r.evidence = Evidence{0, Span{0, text.size()}, "kin.test"};
      g.relations.push_back(r);
    }
    PutGraph(path, text, g);
  }

  void PutGraph(const std::string& path, const std::string& text, const DocumentGraph& g) {
    Document doc;
    doc.path = path;
    doc.text = text;
    doc.body = Span{0, text.size()};
    Store::PutOutcome outcome;
    const Status s = store_->PutDocument(doc, ContentHash(text), g, &outcome);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }

  // Names (DisplayName) of the persons `query` finds, in the order given.
  std::vector<std::string> Find(const std::string& query) {
    std::vector<PersonRef> found;
    const Status s = FindPersons(store_->database(), query, Keys(), &found);
    INFO(query << ": " << s.ToString());
    REQUIRE(s.ok());
    std::vector<std::string> names;
    for (const PersonRef& p : found) names.push_back(DisplayName(p));
    return names;
  }

  Database* db() { return store_->database(); }

 private:
  std::unique_ptr<Store> store_;
};

Entity Person(const std::string& name, std::vector<std::string> aliases = {}, bool with_identity_key = true) {
  Entity e;
  e.kind = EntityKind::kPerson;
  e.type = "Person";
  e.name = name;
  e.aliases = std::move(aliases);
  if (with_identity_key && !name.empty()) e.identity_key = IdentityKey(name);
  return e;
}

Entity Unnamed(const std::string& description) {
  Entity e;
  e.kind = EntityKind::kPerson;
  e.type = "Person";
  e.gender = "male";
  e.description = description;
  return e;
}

Entity Organization(const std::string& name) {
  Entity e;
  e.kind = EntityKind::kOrganization;
  e.type = "NGO";
  e.name = name;
  return e;
}

// a.txt: Aigerim Sadykova (also "Aigerim"), Dana Sadykova and her unnamed son,
//        Qasym Zhumabaiuly, the Sadykova Foundation (an organization);
// b.txt: Aigerim Sadykova again, Aigerim Bekova, Talgat Omar.
void AddPeople(Lookup* l) {
  l->PutEntities("samples/a.txt", "Aigerim Sadykova, Dana Sadykova and her son met Qasym Zhumabaiuly at the foundation.",
         {Person("Dana Sadykova"), Person("Aigerim Sadykova", {"Aigerim"}), Unnamed("son of Dana Sadykova"),
          Person("Qasym Zhumabaiuly", {"Zhumabaiuly"}), Organization("Sadykova Foundation")});
  l->PutEntities("samples/b.txt", "Aigerim Sadykova met Aigerim Bekova and Talgat Omar.",
         {Person("Aigerim Sadykova"), Person("Aigerim Bekova"), Person("Talgat Omar")});
}

using Names = std::vector<std::string>;

TEST_CASE("FindPersons finds a person by full name, in any case and spacing", "[query]") {
  Lookup l;
  AddPeople(&l);
  for (const char* query : {"Aigerim Sadykova", "aigerim sadykova", "  AIGERIM   Sadykova "}) {
    INFO(query);
    CHECK(l.Find(query) == Names{"Aigerim Sadykova"});
  }
  CHECK(l.Find("Talgat Omar") == Names{"Talgat Omar"});
}

TEST_CASE("FindPersons finds a person by an alias before any word match", "[query]") {
  Lookup l;
  AddPeople(&l);
  // "Aigerim" is an alias of Aigerim Sadykova only; Aigerim Bekova has it as a word.
  CHECK(l.Find("Aigerim") == Names{"Aigerim Sadykova"});
  CHECK(l.Find("zhumabaiuly") == Names{"Qasym Zhumabaiuly"});
}

TEST_CASE("FindPersons finds a spelling variant by the transliteration keys", "[query]") {
  Lookup l;
  AddPeople(&l);
  // The header's own example.
  CHECK(l.Find("Kasym Zhumabayuly") == Names{"Qasym Zhumabaiuly"});
  CHECK(l.Find("Kasym Zhumabaiuly") == Names{"Qasym Zhumabaiuly"});
  CHECK(l.Find("Aygerim Sadiqova") == Names{"Aigerim Sadykova"});
  // A spelling variant of one word alone is no full name: nothing.
  CHECK(l.Find("Kasym").empty());
}

TEST_CASE("FindPersons finds persons by one word of their names, several when ambiguous", "[query]") {
  Lookup l;
  AddPeople(&l);
  // Both Sadykovas, in id order; not the organization with the same word.
  CHECK(l.Find("Sadykova") == Names{"Dana Sadykova", "Aigerim Sadykova"});
  CHECK(l.Find("Bekova") == Names{"Aigerim Bekova"});
  CHECK(l.Find("Talgat") == Names{"Talgat Omar"});
  // Whole words only.
  CHECK(l.Find("Sadyk").empty());
  CHECK(l.Find("Omar Talgat").empty());
}

TEST_CASE("FindPersons: one person named in two articles is one result", "[query]") {
  Lookup l;
  AddPeople(&l);
  std::vector<PersonRef> found;
  REQUIRE(FindPersons(l.db(), "Aigerim Sadykova", Keys(), &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].id > 0);
  CHECK(found[0].name == "Aigerim Sadykova");
  CHECK(found[0].description.empty());
}

TEST_CASE("FindPersons finds nobody for an unknown name or an organization", "[query]") {
  Lookup l;
  AddPeople(&l);
  CHECK(l.Find("Bolat Nur").empty());
  CHECK(l.Find("Sadykova Foundation").empty());
  CHECK(l.Find("Foundation").empty());
  // Unnamed persons have no names to find them by.
  CHECK(l.Find("son of Dana Sadykova").empty());
}

TEST_CASE("FindPersons rejects an empty name and clears its output", "[query]") {
  Lookup l;
  AddPeople(&l);
  std::vector<PersonRef> found{PersonRef{42, "x", ""}};
  CHECK_FALSE(FindPersons(l.db(), "", Keys(), &found).ok());
  CHECK_FALSE(FindPersons(l.db(), "   ", Keys(), &found).ok());
  found = {PersonRef{42, "x", ""}};
  REQUIRE(FindPersons(l.db(), "Nobody", Keys(), &found).ok());
  CHECK(found.empty());
}

TEST_CASE("DisplayName shows a name, or the description in parentheses", "[query]") {
  CHECK(DisplayName(PersonRef{1, "Aigerim Sadykova", ""}) == "Aigerim Sadykova");
  CHECK(DisplayName(PersonRef{2, "", "son of Dana Sadykova"}) == "(son of Dana Sadykova)");
  const std::string bare = DisplayName(PersonRef{3, "", ""});
  CHECK(bare.front() == '(');
  CHECK(bare.find('3') != std::string::npos);
}

TEST_CASE("FindPersons finds a person stored from a real extraction by a spelling variant", "[query]") {
  Lookup l;
  const std::string text = "Activist Qasym Zhumabaiuly spoke. Zhumabaiuly was detained.\n";
  Document doc;
  ReadOptions read;
  const Status rs = ReadDocumentFromBytes("samples/q.txt", text, read, &doc, nullptr);
  REQUIRE(rs.ok());
  Extraction ex;
  REQUIRE(Extract(doc, Rules(), ExtractOptions(), &ex).ok());
  const DocumentGraph g = BuildDocumentGraph(doc.text, ex, Rules());
  l.PutGraph("samples/q.txt", doc.text, g);
  CHECK(l.Find("Qasym Zhumabaiuly") == Names{"Qasym Zhumabaiuly"});
  CHECK(l.Find("Kasym Zhumabayuly") == Names{"Qasym Zhumabaiuly"});
  CHECK(l.Find("Zhumabaiuly") == Names{"Qasym Zhumabaiuly"});
}

}  // namespace
}  // namespace kith
