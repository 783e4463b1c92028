#include "query/relatives.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/content_hash.h"
#include "store/store.h"

namespace kith {
namespace {

// One article's graph, written by hand: persons and the family ties between
// them, every fact's evidence the article's one sentence.
class Article {
 public:
  Article(const std::string& path, const std::string& text) {
    doc_.path = path;
    doc_.text = text;
    doc_.body = Span{0, text.size()};
    graph_.sentences = {SentenceRecord{Span{0, text.size()}}};
  }

  int Person(const std::string& name, const std::string& gender, const std::string& description = "") {
    Entity e;
    e.kind = EntityKind::kPerson;
    e.type = "Person";
    e.name = name;
    e.gender = gender;
    e.description = description;
    graph_.entities.push_back(e);
    const int index = static_cast<int>(graph_.entities.size() - 1);
    graph_.mentions.push_back(Mention{index, Evidence{0, Span{0, doc_.text.size()}, "test.person"}});
    return index;
  }

  // `subject` is `type` of `object`; returns the relation's index.
  int Tie(int subject, const std::string& type, int object, const std::string& term, bool inferred = false,
          std::vector<int> sources = {}) {
    Relation r;
    r.subject = subject;
    r.type = type;
    r.object = object;
    r.term = term;
    r.inferred = inferred;
    r.sources = std::move(sources);
    r.evidence = Evidence{0, Span{0, doc_.text.size()}, inferred ? "infer.test" : "kin.test"};
    graph_.relations.push_back(r);
    return static_cast<int>(graph_.relations.size() - 1);
  }

  void PutInto(Store* store) const {
    Store::PutOutcome outcome;
    const Status s = store->PutDocument(doc_, ContentHash(doc_.text), graph_, &outcome);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }

 private:
  Document doc_;
  DocumentGraph graph_;
};

// Two articles about the Sadykov family:
//   a.txt: Marat is Aigerim's husband; Arman is her son; she is Dana's mother;
//          Arman and Dana are siblings (inferred); Nurlan is her cousin;
//          an unnamed son of Dana.
//   b.txt: Gulnara is Aigerim's mother; Yerlan is Gulnara's husband; Arman is
//          Aigerim's son (stated again).
class Family {
 public:
  Family() {
    const Status s = Store::Open(":memory:", StoreOptions(), &store_);
    INFO(s.ToString());
    REQUIRE(s.ok());
    Article a("samples/a.txt", "Aigerim Sadykova, her husband and their children spoke.");
    const int aigerim = a.Person("Aigerim Sadykova", "female");
    const int marat = a.Person("Marat Sadykov", "male");
    const int arman = a.Person("Arman Sadykov", "male");
    const int dana = a.Person("Dana Sadykova", "female");
    const int nurlan = a.Person("Nurlan Sadykov", "male");
    const int grandson = a.Person("", "male", "son of Dana Sadykova");
    a.Tie(marat, "spouse", aigerim, "husband");
    const int son = a.Tie(arman, "child", aigerim, "son");
    const int mother = a.Tie(aigerim, "parent", dana, "mother");
    a.Tie(arman, "sibling", dana, "sibling", true, {son, mother});
    a.Tie(nurlan, "relative", aigerim, "cousin");
    a.Tie(grandson, "child", dana, "son");
    a.PutInto(store_.get());

    Article b("samples/b.txt", "Gulnara Sadykova, her husband, her daughter Aigerim and grandson Arman.");
    const int gulnara = b.Person("Gulnara Sadykova", "female");
    const int yerlan = b.Person("Yerlan Sadykov", "male");
    const int aigerim_b = b.Person("Aigerim Sadykova", "female");
    const int arman_b = b.Person("Arman Sadykov", "male");
    b.Tie(gulnara, "parent", aigerim_b, "mother");
    b.Tie(yerlan, "spouse", gulnara, "husband");
    b.Tie(arman_b, "child", aigerim_b, "son");
    b.PutInto(store_.get());
  }

  Database* db() { return store_->database(); }

  std::int64_t Id(const std::string& name) {
    Statement stmt;
    REQUIRE(db()->Prepare("SELECT id FROM entities WHERE name = ?1 AND kind = 'person'", &stmt).ok());
    REQUIRE(stmt.BindText(1, name).ok());
    bool row = false;
    REQUIRE(stmt.Step(&row).ok());
    INFO(name);
    REQUIRE(row);
    return stmt.ColumnInt64(0);
  }

  std::int64_t UnnamedId() {
    std::int64_t id = 0;
    REQUIRE(db()->QueryInt64("SELECT id FROM entities WHERE name IS NULL", &id).ok());
    return id;
  }

  std::vector<RelativeRow> Relatives(const std::string& name, const std::string& link = "any", int depth = 1) {
    RelativesOptions options;
    options.link = link;
    options.depth = depth;
    std::vector<RelativeRow> rows;
    const Status s = FindRelatives(db(), Id(name), options, &rows);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return rows;
  }

 private:
  std::unique_ptr<Store> store_;
};

// "name link term depth [inferred]" per row, sorted by name for stable comparison.
std::vector<std::string> Lines(const std::vector<RelativeRow>& rows) {
  std::map<std::string, std::string> by_name;
  for (const RelativeRow& r : rows) {
    const std::string name = r.name.empty() ? "(" + r.description + ")" : r.name;
    by_name[name] = name + " " + r.link + " " + r.term + " " + std::to_string(r.depth) + (r.inferred ? " inferred" : "");
  }
  std::vector<std::string> out;
  for (const auto& kv : by_name) out.push_back(kv.second);
  return out;
}

const RelativeRow* Row(const std::vector<RelativeRow>& rows, const std::string& name) {
  for (const RelativeRow& r : rows) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

TEST_CASE("FindRelatives lists every relative once with link and kin word", "[query]") {
  Family f;
  const std::vector<RelativeRow> rows = f.Relatives("Aigerim Sadykova");
  // A kin word stated from the other side ("Aigerim is Dana's mother") reads as the relative's own.
  CHECK(Lines(rows) == std::vector<std::string>{
                           "Arman Sadykov child son 1",
                           "Dana Sadykova child daughter 1",
                           "Gulnara Sadykova parent mother 1",
                           "Marat Sadykov spouse husband 1",
                           "Nurlan Sadykov relative cousin 1",
                       });
  for (const RelativeRow& r : rows) {
    CHECK(r.via == f.Id("Aigerim Sadykova"));
    CHECK(r.id != f.Id("Aigerim Sadykova"));
  }
}

TEST_CASE("FindRelatives filters by link, gendered links by the relative's gender", "[query]") {
  struct Case {
    const char* person;
    const char* link;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {"Aigerim Sadykova", "parent", {"Gulnara Sadykova"}},
      {"Aigerim Sadykova", "mother", {"Gulnara Sadykova"}},
      {"Aigerim Sadykova", "father", {}},
      {"Aigerim Sadykova", "child", {"Arman Sadykov", "Dana Sadykova"}},
      {"Aigerim Sadykova", "son", {"Arman Sadykov"}},
      {"Aigerim Sadykova", "daughter", {"Dana Sadykova"}},
      {"Aigerim Sadykova", "spouse", {"Marat Sadykov"}},
      {"Aigerim Sadykova", "husband", {"Marat Sadykov"}},
      {"Aigerim Sadykova", "wife", {}},
      {"Marat Sadykov", "wife", {"Aigerim Sadykova"}},
      {"Marat Sadykov", "husband", {}},
      {"Aigerim Sadykova", "relative", {"Nurlan Sadykov"}},
      {"Aigerim Sadykova", "sibling", {}},
      {"Arman Sadykov", "sibling", {"Dana Sadykova"}},
      {"Arman Sadykov", "sister", {"Dana Sadykova"}},
      {"Arman Sadykov", "brother", {}},
      {"Dana Sadykova", "brother", {"Arman Sadykov"}},
      {"Dana Sadykova", "mother", {"Aigerim Sadykova"}},
      {"Arman Sadykov", "mother", {"Aigerim Sadykova"}},
      {"Arman Sadykov", "parent", {"Aigerim Sadykova"}},
      {"Gulnara Sadykova", "daughter", {"Aigerim Sadykova"}},
      {"Gulnara Sadykova", "husband", {"Yerlan Sadykov"}},
  };
  Family f;
  for (const Case& c : cases) {
    INFO(c.person << " --link " << c.link);
    std::vector<std::string> names;
    for (const RelativeRow& r : f.Relatives(c.person, c.link)) names.push_back(r.name);
    std::sort(names.begin(), names.end());
    CHECK(names == c.names);
  }
}

TEST_CASE("FindRelatives: an unnamed relative comes with its description", "[query]") {
  Family f;
  const std::vector<RelativeRow> rows = f.Relatives("Dana Sadykova", "son");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == f.UnnamedId());
  CHECK(rows[0].name.empty());
  CHECK(rows[0].description == "son of Dana Sadykova");
  CHECK(rows[0].gender == "male");
  CHECK(rows[0].link == "child");
  CHECK(rows[0].term == "son");
}

TEST_CASE("FindRelatives: inferred only when every stating tie was inferred", "[query]") {
  Family f;
  const std::vector<RelativeRow> rows = f.Relatives("Arman Sadykov");
  const RelativeRow* dana = Row(rows, "Dana Sadykova");
  REQUIRE(dana != nullptr);
  CHECK(dana->link == "sibling");
  CHECK(dana->inferred);
  const RelativeRow* aigerim = Row(rows, "Aigerim Sadykova");
  REQUIRE(aigerim != nullptr);
  CHECK_FALSE(aigerim->inferred);
  CHECK(aigerim->link == "parent");
  CHECK(aigerim->term == "mother");
}

TEST_CASE("FindRelatives lists the articles that state a tie, sorted", "[query]") {
  Family f;
  const std::vector<RelativeRow> rows = f.Relatives("Aigerim Sadykova");
  const RelativeRow* arman = Row(rows, "Arman Sadykov");
  REQUIRE(arman != nullptr);
  CHECK(arman->articles == std::vector<std::string>{"samples/a.txt", "samples/b.txt"});
  const RelativeRow* gulnara = Row(rows, "Gulnara Sadykova");
  REQUIRE(gulnara != nullptr);
  CHECK(gulnara->articles == std::vector<std::string>{"samples/b.txt"});
  const RelativeRow* marat = Row(rows, "Marat Sadykov");
  REQUIRE(marat != nullptr);
  CHECK(marat->articles == std::vector<std::string>{"samples/a.txt"});
}

TEST_CASE("FindRelatives at depth 2 reaches relatives of relatives once, at their smallest depth", "[query]") {
  Family f;
  const std::vector<RelativeRow> rows = f.Relatives("Aigerim Sadykova", "any", 2);
  CHECK(Lines(rows) == std::vector<std::string>{
                           "(son of Dana Sadykova) child son 2",
                           "Arman Sadykov child son 1",
                           "Dana Sadykova child daughter 1",
                           "Gulnara Sadykova parent mother 1",
                           "Marat Sadykov spouse husband 1",
                           "Nurlan Sadykov relative cousin 1",
                           "Yerlan Sadykov spouse husband 2",
                       });
  // Depth 1 rows come first; depth 2 rows name the person they were reached from.
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].depth <= rows[i].depth);
  const RelativeRow* yerlan = Row(rows, "Yerlan Sadykov");
  REQUIRE(yerlan != nullptr);
  CHECK(yerlan->via == f.Id("Gulnara Sadykova"));
  // Arman and Dana are siblings, but both are at depth 1: neither appears again.
  int arman_rows = 0;
  for (const RelativeRow& r : rows) arman_rows += r.name == "Arman Sadykov";
  CHECK(arman_rows == 1);
}

TEST_CASE("FindRelatives at depth 2 filters by the link from the person reached from", "[query]") {
  Family f;
  std::vector<std::string> names;
  for (const RelativeRow& r : f.Relatives("Marat Sadykov", "mother", 2)) {
    names.push_back(r.name + "@" + std::to_string(r.depth));
  }
  std::sort(names.begin(), names.end());
  // Marat's wife Aigerim is at depth 1 (not a mother of Marat); her mother Gulnara at depth 2.
  CHECK(names == std::vector<std::string>{"Gulnara Sadykova@2"});
}

TEST_CASE("FindRelatives of a person without ties is empty", "[query]") {
  Family f;
  RelativesOptions options;
  std::vector<RelativeRow> rows{RelativeRow{}};
  REQUIRE(FindRelatives(f.db(), 999999, options, &rows).ok());
  CHECK(rows.empty());
}

TEST_CASE("FindRelatives rejects an unknown link and a depth below 1", "[query]") {
  Family f;
  RelativesOptions options;
  std::vector<RelativeRow> rows;
  options.link = "cousin";
  Status s = FindRelatives(f.db(), f.Id("Aigerim Sadykova"), options, &rows);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message().find("cousin") != std::string::npos);
  options.link = "any";
  options.depth = 0;
  s = FindRelatives(f.db(), f.Id("Aigerim Sadykova"), options, &rows);
  CHECK(s.code() == StatusCode::kInvalidInput);
}

TEST_CASE("IsKnownLink accepts the documented links only", "[query]") {
  for (const char* link : {"any", "parent", "child", "sibling", "spouse", "relative", "mother", "father", "son",
                           "daughter", "brother", "sister", "husband", "wife"}) {
    INFO(link);
    CHECK(IsKnownLink(link));
  }
  for (const char* link : {"", "Any", "cousin", "parents", "grandmother"}) {
    INFO(link);
    CHECK_FALSE(IsKnownLink(link));
  }
}

}  // namespace
}  // namespace kith
