#include "query/family_path.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/content_hash.h"
#include "store/store.h"

namespace kith {
namespace {

// One article's graph, written by hand: persons and the family ties between them.
class Article {
 public:
  Article(const std::string& path, const std::string& text) {
    doc_.path = path;
    doc_.text = text;
    doc_.body = Span{0, text.size()};
    graph_.sentences = {SentenceRecord{Span{0, text.size()}}};
  }

  int Person(const std::string& name, const std::string& gender) {
    Entity e;
    e.kind = EntityKind::kPerson;
    e.type = "Person";
    e.name = name;
    e.gender = gender;
    graph_.entities.push_back(e);
    const int index = static_cast<int>(graph_.entities.size() - 1);
    graph_.mentions.push_back(Mention{index, Evidence{0, Span{0, doc_.text.size()}, "test.person"}});
    return index;
  }

  int Tie(int subject, const std::string& type, int object, bool inferred = false, std::vector<int> sources = {}) {
    Relation r;
    r.subject = subject;
    r.type = type;
    r.object = object;
    r.term = type;
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

class PathStore {
 public:
  PathStore() {
    const Status s = Store::Open(":memory:", StoreOptions(), &store_);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }
  Store* get() { return store_.get(); }
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

  // The path from a to b as "A -link-> B -link-> C" (names), "" when none; `*found` set.
  std::string Path(const std::string& a, const std::string& b, bool* found, std::vector<PathStep>* steps) {
    const Status s = FindFamilyPath(db(), Id(a), Id(b), found, steps);
    INFO(s.ToString());
    REQUIRE(s.ok());
    std::string out;
    for (const PathStep& step : *steps) {
      if (out.empty()) out = Name(step.from);
      out += " -" + step.link + (step.inferred ? "*" : "") + "-> " + Name(step.to);
    }
    return out;
  }

 private:
  std::string Name(std::int64_t id) {
    std::string name;
    REQUIRE(db()->QueryText("SELECT COALESCE(name, '') FROM entities WHERE id = " + std::to_string(id), &name).ok());
    return name;
  }

  std::unique_ptr<Store> store_;
};

// a.txt: Marat is Aigerim's husband; Arman is her son; she is Dana's mother;
//        Arman and Dana are siblings (inferred).
// b.txt: Gulnara is Aigerim's mother; Yerlan is Gulnara's husband.
// c.txt: Bolat and Saule Nur, spouses, related to nobody above.
void AddFamily(Store* store) {
  Article a("samples/a.txt", "Aigerim Sadykova, her husband and their children spoke.");
  const int aigerim = a.Person("Aigerim Sadykova", "female");
  const int marat = a.Person("Marat Sadykov", "male");
  const int arman = a.Person("Arman Sadykov", "male");
  const int dana = a.Person("Dana Sadykova", "female");
  a.Tie(marat, "spouse", aigerim);
  const int son = a.Tie(arman, "child", aigerim);
  const int mother = a.Tie(aigerim, "parent", dana);
  a.Tie(arman, "sibling", dana, true, {son, mother});
  a.PutInto(store);

  Article b("samples/b.txt", "Gulnara Sadykova, her husband and her daughter Aigerim.");
  const int gulnara = b.Person("Gulnara Sadykova", "female");
  const int yerlan = b.Person("Yerlan Sadykov", "male");
  const int aigerim_b = b.Person("Aigerim Sadykova", "female");
  b.Tie(gulnara, "parent", aigerim_b);
  b.Tie(yerlan, "spouse", gulnara);
  b.PutInto(store);

  Article c("samples/c.txt", "Bolat Nur and his wife Saule Nur.");
  const int bolat = c.Person("Bolat Nur", "male");
  const int saule = c.Person("Saule Nur", "female");
  c.Tie(saule, "spouse", bolat);
  c.PutInto(store);
}

TEST_CASE("FindFamilyPath from a person to herself is found and empty", "[query]") {
  PathStore s;
  AddFamily(s.get());
  bool found = false;
  std::vector<PathStep> steps{PathStep{}};
  REQUIRE(FindFamilyPath(s.db(), s.Id("Aigerim Sadykova"), s.Id("Aigerim Sadykova"), &found, &steps).ok());
  CHECK(found);
  CHECK(steps.empty());
}

TEST_CASE("FindFamilyPath steps say what each next person is of the one before", "[query]") {
  struct Case {
    const char* from;
    const char* to;
    const char* path;
  };
  const Case cases[] = {
      // Stated as "Arman child Aigerim": walked from Arman, Aigerim is his parent; back, he is her child.
      {"Arman Sadykov", "Aigerim Sadykova", "Arman Sadykov -parent-> Aigerim Sadykova"},
      {"Aigerim Sadykova", "Arman Sadykov", "Aigerim Sadykova -child-> Arman Sadykov"},
      // Stated as "Aigerim parent Dana".
      {"Aigerim Sadykova", "Dana Sadykova", "Aigerim Sadykova -child-> Dana Sadykova"},
      {"Dana Sadykova", "Aigerim Sadykova", "Dana Sadykova -parent-> Aigerim Sadykova"},
      // Spouses and siblings read the same both ways; '*' marks an inferred tie.
      {"Marat Sadykov", "Aigerim Sadykova", "Marat Sadykov -spouse-> Aigerim Sadykova"},
      {"Aigerim Sadykova", "Marat Sadykov", "Aigerim Sadykova -spouse-> Marat Sadykov"},
      {"Dana Sadykova", "Arman Sadykov", "Dana Sadykova -sibling*-> Arman Sadykov"},
      {"Arman Sadykov", "Dana Sadykova", "Arman Sadykov -sibling*-> Dana Sadykova"},
      // Longer chains, across articles.
      {"Marat Sadykov", "Dana Sadykova", "Marat Sadykov -spouse-> Aigerim Sadykova -child-> Dana Sadykova"},
      {"Arman Sadykov", "Yerlan Sadykov",
       "Arman Sadykov -parent-> Aigerim Sadykova -parent-> Gulnara Sadykova -spouse-> Yerlan Sadykov"},
      {"Yerlan Sadykov", "Dana Sadykova",
       "Yerlan Sadykov -spouse-> Gulnara Sadykova -child-> Aigerim Sadykova -child-> Dana Sadykova"},
  };
  PathStore s;
  AddFamily(s.get());
  for (const Case& c : cases) {
    INFO(c.from << " -> " << c.to);
    bool found = false;
    std::vector<PathStep> steps;
    CHECK(s.Path(c.from, c.to, &found, &steps) == c.path);
    CHECK(found);
    REQUIRE_FALSE(steps.empty());
    CHECK(steps.front().from == s.Id(c.from));
    CHECK(steps.back().to == s.Id(c.to));
    for (std::size_t i = 1; i < steps.size(); ++i) CHECK(steps[i - 1].to == steps[i].from);
  }
}

TEST_CASE("FindFamilyPath finds no path between unrelated families", "[query]") {
  PathStore s;
  AddFamily(s.get());
  bool found = true;
  std::vector<PathStep> steps{PathStep{}};
  CHECK(s.Path("Arman Sadykov", "Saule Nur", &found, &steps).empty());
  CHECK_FALSE(found);
  CHECK(steps.empty());
  // Unknown ids are persons without ties.
  REQUIRE(FindFamilyPath(s.db(), s.Id("Arman Sadykov"), 999999, &found, &steps).ok());
  CHECK_FALSE(found);
  REQUIRE(FindFamilyPath(s.db(), 999998, 999999, &found, &steps).ok());
  CHECK_FALSE(found);
}

TEST_CASE("FindFamilyPath on an empty store", "[query]") {
  PathStore s;
  bool found = true;
  std::vector<PathStep> steps;
  REQUIRE(FindFamilyPath(s.db(), 1, 2, &found, &steps).ok());
  CHECK_FALSE(found);
  CHECK(steps.empty());
}

// FindFamilyPath groups ties by (subject, type, object), so one tie stated
// once as inferred ("Arman sibling Dana", a.txt) and once outright from the
// other side ("Dana sibling Arman", d.txt) gives two parallel edges, and the
// path takes whichever the BFS meets first: here the inferred one, although
// the tie is stated (FindRelatives reads the same two rows as not inferred).
TEST_CASE("FindFamilyPath: a tie stated outright is not inferred, whichever way round it was stated",
          "[query][!mayfail]") {
  PathStore s;
  AddFamily(s.get());
  Article d("samples/d.txt", "Dana Sadykova and her brother Arman Sadykov.");
  const int dana = d.Person("Dana Sadykova", "female");
  const int arman = d.Person("Arman Sadykov", "male");
  d.Tie(dana, "sibling", arman);
  d.PutInto(s.get());
  for (const auto& [from, to] : {std::pair<const char*, const char*>{"Arman Sadykov", "Dana Sadykova"},
                                 std::pair<const char*, const char*>{"Dana Sadykova", "Arman Sadykov"}}) {
    INFO(from << " -> " << to);
    bool found = false;
    std::vector<PathStep> steps;
    s.Path(from, to, &found, &steps);
    CHECK(found);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].link == "sibling");
    CHECK_FALSE(steps[0].inferred);
  }
}

}  // namespace
}  // namespace kith
