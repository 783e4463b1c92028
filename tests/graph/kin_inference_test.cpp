#include "graph/kin_inference.h"
#include "graph/kin_composition.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace kith {
namespace {

// A graph of `n` named persons "P0", "P1", ... (InferKinship reads ties between named persons).
DocumentGraph Persons(int n) {
  DocumentGraph g;
  g.sentences = {SentenceRecord{Span{0, 10}}, SentenceRecord{Span{11, 20}}};
  for (int i = 0; i < n; ++i) {
    Entity e;
    e.kind = EntityKind::kPerson;
    e.type = "Person";
    e.name = "P" + std::to_string(i);
    g.entities.push_back(e);
  }
  return g;
}

// A stated tie `subject` is `type` of `object`, with evidence in sentence `sentence`.
void Tie(DocumentGraph* g, int subject, const std::string& type, int object, const std::string& term, int sentence) {
  Relation r;
  r.subject = subject;
  r.type = type;
  r.object = object;
  r.term = term;
  r.evidence.sentence = sentence;
  r.evidence.span = g->sentences[static_cast<std::size_t>(sentence)].span;
  r.evidence.rule = "kin.test";
  g->relations.push_back(r);
}

// One line per relation: "subject type object [inferred rule sources]".
std::string Render(const DocumentGraph& g) {
  std::string out;
  for (const Relation& r : g.relations) {
    out += std::to_string(r.subject) + " " + r.type + " " + std::to_string(r.object);
    if (r.inferred) {
      out += " inferred " + r.evidence.rule + " [";
      for (std::size_t i = 0; i < r.sources.size(); ++i) out += (i ? "," : "") + std::to_string(r.sources[i]);
      out += "]";
    }
    out += "\n";
  }
  return out;
}

// True when the graph ties a and b as siblings (either direction).
bool Siblings(const DocumentGraph& g, int a, int b) {
  return std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& r) {
    return r.type == "sibling" && ((r.subject == a && r.object == b) || (r.subject == b && r.object == a));
  });
}

// True when the graph states or infers that p is a parent of c (as "parent" or as "child").
bool ParentOf(const DocumentGraph& g, int p, int c) {
  return std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& r) {
    return (r.type == "parent" && r.subject == p && r.object == c) ||
           (r.type == "child" && r.subject == c && r.object == p);
  });
}

const Relation* Inferred(const DocumentGraph& g, const std::string& rule) {
  for (const Relation& r : g.relations) {
    if (r.inferred && r.evidence.rule == rule) return &r;
  }
  return nullptr;
}

TEST_CASE("InferKinship makes children of one parent siblings, citing both ties", "[graph]") {
  // 0 is the mother of 1 ("parent"), and 2 is her son ("child").
  DocumentGraph g = Persons(3);
  Tie(&g, 0, "parent", 1, "mother", 0);
  Tie(&g, 2, "child", 0, "son", 1);
  CHECK(InferKinship(&g) == 1);
  INFO(Render(g));
  REQUIRE(g.relations.size() == 3);
  const Relation* r = Inferred(g, "infer.shared-parent");
  REQUIRE(r != nullptr);
  CHECK(r->type == "sibling");
  CHECK(Siblings(g, 1, 2));
  std::vector<int> sources = r->sources;
  std::sort(sources.begin(), sources.end());
  CHECK(sources == std::vector<int>{0, 1});
  CHECK(r->evidence.sentence >= 0);
  CHECK_FALSE(g.relations[0].inferred);
  CHECK_FALSE(g.relations[1].inferred);
}

TEST_CASE("InferKinship makes a parent's one spouse the child's other parent", "[graph]") {
  // 0 is the wife of 1, and the mother of 2.
  DocumentGraph g = Persons(3);
  g.entities[0].gender = "female";
  g.entities[1].gender = "male";
  Tie(&g, 0, "spouse", 1, "wife", 0);
  Tie(&g, 0, "parent", 2, "mother", 1);
  InferKinship(&g);
  INFO(Render(g));
  const Relation* r = Inferred(g, "infer.parent-is-parents-spouse");
  REQUIRE(r != nullptr);
  CHECK(ParentOf(g, 1, 2));
  CHECK(r->term == "father");
  std::vector<int> sources = r->sources;
  std::sort(sources.begin(), sources.end());
  CHECK(sources == std::vector<int>{0, 1});
}

TEST_CASE("InferKinship leaves a parent's spouse alone when the tie says nothing of the child", "[graph]") {
  SECTION("a former spouse") {
    DocumentGraph g = Persons(3);
    Tie(&g, 0, "spouse", 1, "ex-wife", 0);
    Tie(&g, 0, "parent", 2, "mother", 1);
    InferKinship(&g);
    INFO(Render(g));
    CHECK_FALSE(ParentOf(g, 1, 2));
  }
  SECTION("a parent with two spouses") {
    DocumentGraph g = Persons(4);
    Tie(&g, 0, "spouse", 1, "wife", 0);
    Tie(&g, 0, "spouse", 3, "wife", 0);
    Tie(&g, 0, "parent", 2, "mother", 1);
    InferKinship(&g);
    INFO(Render(g));
    CHECK_FALSE(ParentOf(g, 1, 2));
    CHECK_FALSE(ParentOf(g, 3, 2));
  }
  SECTION("a child with a parent of the spouse's gender") {
    DocumentGraph g = Persons(4);
    g.entities[1].gender = "male";
    g.entities[3].gender = "male";
    Tie(&g, 0, "spouse", 1, "wife", 0);
    Tie(&g, 0, "parent", 2, "mother", 1);
    Tie(&g, 3, "parent", 2, "father", 1);
    InferKinship(&g);
    INFO(Render(g));
    CHECK_FALSE(ParentOf(g, 1, 2));
  }
  SECTION("an unnamed child") {
    DocumentGraph g = Persons(3);
    g.entities[2].name.clear();
    g.entities[2].description = "son of P0";
    Tie(&g, 0, "spouse", 1, "wife", 0);
    Tie(&g, 0, "parent", 2, "mother", 1);
    CHECK(InferKinship(&g) == 0);
  }
}

TEST_CASE("InferKinship ties every pair of three children once", "[graph]") {
  DocumentGraph g = Persons(4);
  Tie(&g, 0, "parent", 1, "father", 0);
  Tie(&g, 0, "parent", 2, "father", 0);
  Tie(&g, 3, "child", 0, "daughter", 1);
  CHECK(InferKinship(&g) == 3);
  INFO(Render(g));
  CHECK(Siblings(g, 1, 2));
  CHECK(Siblings(g, 1, 3));
  CHECK(Siblings(g, 2, 3));
  for (const Relation& r : g.relations) {
    if (!r.inferred) continue;
    CHECK(r.evidence.rule == "infer.shared-parent");
    REQUIRE(r.sources.size() == 2);
    for (int s : r.sources) CHECK_FALSE(g.relations[static_cast<std::size_t>(s)].inferred);
  }
}

TEST_CASE("InferKinship makes a stated sibling of a parent's child that parent's child", "[graph]") {
  // 0 is the mother of 1; 2 is 1's brother.
  DocumentGraph g = Persons(3);
  Tie(&g, 0, "parent", 1, "mother", 0);
  Tie(&g, 2, "sibling", 1, "brother", 1);
  CHECK(InferKinship(&g) == 1);
  INFO(Render(g));
  REQUIRE(g.relations.size() == 3);
  const Relation* r = Inferred(g, "infer.parent-of-sibling");
  REQUIRE(r != nullptr);
  CHECK(r->subject == 0);
  CHECK(r->type == "parent");
  CHECK(r->object == 2);
  std::vector<int> sources = r->sources;
  std::sort(sources.begin(), sources.end());
  CHECK(sources == std::vector<int>{0, 1});
  CHECK(r->evidence.sentence == 1);  // where the sibling was stated
  // 1 and 2 are stated siblings already: no inferred sibling tie on top.
  CHECK(Inferred(g, "infer.shared-parent") == nullptr);
}

TEST_CASE("InferKinship: a half-sibling of a parent's child does not become that parent's child", "[graph]") {
  // 0 is the mother of 1; 2 is 1's half-brother, perhaps by their father.
  DocumentGraph g = Persons(3);
  Tie(&g, 0, "parent", 1, "mother", 0);
  Tie(&g, 2, "sibling", 1, "half-brother", 1);
  CHECK(InferKinship(&g) == 0);
  INFO(Render(g));
  CHECK_FALSE(ParentOf(g, 0, 2));
}

TEST_CASE("InferKinship reads a 'child' tie and a sibling stated either way round", "[graph]") {
  // 1 is 0's son; 1 is 2's brother (the sibling tie names 1 as subject).
  DocumentGraph g = Persons(3);
  Tie(&g, 1, "child", 0, "son", 0);
  Tie(&g, 1, "sibling", 2, "brother", 1);
  CHECK(InferKinship(&g) == 1);
  INFO(Render(g));
  CHECK(ParentOf(g, 0, 2));
  const Relation* r = Inferred(g, "infer.parent-of-sibling");
  REQUIRE(r != nullptr);
  CHECK(r->subject == 0);
  CHECK(r->object == 2);
}

// The inferred "parent" tie copies the term of the tie it came from: when that
// tie was stated from the child's side ("1 is 0's son"), the parent tie
// (0 parent 2) gets the term "son", and `kith relatives` shows 0 as 2's parent
// with the kin word "son".
TEST_CASE("InferKinship gives an inferred parent tie a parent's term", "[graph]") {
  DocumentGraph g = Persons(3);
  Tie(&g, 1, "child", 0, "son", 0);
  Tie(&g, 1, "sibling", 2, "brother", 1);
  InferKinship(&g);
  INFO(Render(g));
  const Relation* r = Inferred(g, "infer.parent-of-sibling");
  REQUIRE(r != nullptr);
  INFO("term: " << r->term);
  CHECK((r->term == "parent" || r->term == "mother" || r->term == "father" || r->term.empty()));
}

TEST_CASE("InferKinship adds nothing that is already stated", "[graph]") {
  SECTION("siblings stated") {
    DocumentGraph g = Persons(3);
    Tie(&g, 0, "parent", 1, "mother", 0);
    Tie(&g, 0, "parent", 2, "mother", 0);
    Tie(&g, 2, "sibling", 1, "sister", 1);
    CHECK(InferKinship(&g) == 0);
    CHECK(g.relations.size() == 3);
  }
  SECTION("both children and their sibling tie stated, in mixed directions") {
    DocumentGraph g = Persons(3);
    Tie(&g, 1, "child", 0, "son", 0);
    Tie(&g, 0, "parent", 2, "father", 0);
    Tie(&g, 1, "sibling", 2, "brother", 1);
    CHECK(InferKinship(&g) == 0);
    INFO(Render(g));
    CHECK(g.relations.size() == 3);
  }
  SECTION("no family ties, or only spouses") {
    DocumentGraph g = Persons(3);
    CHECK(InferKinship(&g) == 0);
    Tie(&g, 0, "spouse", 1, "wife", 0);
    Tie(&g, 2, "relative", 1, "cousin", 1);
    CHECK(InferKinship(&g) == 0);
    CHECK(g.relations.size() == 2);
  }
  SECTION("running it twice adds nothing the second time") {
    DocumentGraph g = Persons(4);
    Tie(&g, 0, "parent", 1, "mother", 0);
    Tie(&g, 0, "parent", 2, "mother", 0);
    Tie(&g, 3, "sibling", 1, "brother", 1);
    const int first = InferKinship(&g);
    CHECK(first >= 1);
    INFO(Render(g));
    const std::size_t after_first = g.relations.size();
    CHECK(InferKinship(&g) == 0);
    CHECK(g.relations.size() == after_first);
  }
}

TEST_CASE("InferKinship: a parent's stated sibling does not become the parent's child", "[graph]") {
  // 0 is the mother of 1, and 0's own sister is 2: 2 is no child of 0.
  DocumentGraph g = Persons(3);
  Tie(&g, 0, "parent", 1, "mother", 0);
  Tie(&g, 2, "sibling", 0, "sister", 1);
  InferKinship(&g);
  INFO(Render(g));
  CHECK_FALSE(ParentOf(g, 0, 2));
  CHECK_FALSE(Siblings(g, 1, 2));
}

TEST_CASE("InferKinship: a sibling of a parent's child is a sibling of the other children too", "[graph]") {
  // 0 is the father of 1 and 2; 3 is 1's brother: 3 is 0's child and 2's sibling.
  DocumentGraph g = Persons(4);
  Tie(&g, 0, "parent", 1, "father", 0);
  Tie(&g, 0, "parent", 2, "father", 0);
  Tie(&g, 3, "sibling", 1, "brother", 1);
  InferKinship(&g);
  INFO(Render(g));
  CHECK(ParentOf(g, 0, 3));
  CHECK(Siblings(g, 1, 2));
  CHECK(Siblings(g, 2, 3));
  // One tie per pair.
  int sibling_ties_1_3 = 0;
  for (const Relation& r : g.relations) {
    if (r.type == "sibling" && ((r.subject == 1 && r.object == 3) || (r.subject == 3 && r.object == 1))) {
      ++sibling_ties_1_3;
    }
  }
  CHECK(sibling_ties_1_3 == 1);
}

TEST_CASE("InferKinship: a parent-in-law is the parent of one's one spouse", "[graph]") {
  // P0's father-in-law P1; P0 is married to P2, whose brother is P3.
  DocumentGraph g = Persons(4);
  Tie(&g, 1, "relative", 0, "father-in-law", 0);
  Tie(&g, 2, "spouse", 0, "husband", 0);
  Tie(&g, 3, "sibling", 2, "brother", 1);
  InferKinship(&g);
  INFO(Render(g));
  CHECK(ParentOf(g, 1, 2));
  CHECK(ParentOf(g, 1, 3));  // and so of the spouse's stated sibling
  CHECK_FALSE(ParentOf(g, 1, 0));
  // Two spouses, or a former father-in-law, say nothing of whose parent.
  DocumentGraph two = Persons(4);
  Tie(&two, 1, "relative", 0, "father-in-law", 0);
  Tie(&two, 2, "spouse", 0, "husband", 0);
  Tie(&two, 3, "spouse", 0, "husband", 1);
  InferKinship(&two);
  INFO(Render(two));
  CHECK_FALSE(ParentOf(two, 1, 2));
  DocumentGraph former = Persons(3);
  Tie(&former, 1, "relative", 0, "former father-in-law", 0);
  Tie(&former, 2, "spouse", 0, "husband", 0);
  InferKinship(&former);
  CHECK_FALSE(ParentOf(former, 1, 2));
}

TEST_CASE("InferKinship: a maternal grandparent is the mother's parent, a paternal one the father's", "[graph]") {
  // P0's maternal grandmother P1; P0's parents are P2 (female) and P3 (male).
  DocumentGraph g = Persons(5);
  g.entities[2].gender = "female";
  g.entities[3].gender = "male";
  Tie(&g, 2, "parent", 0, "mother", 0);
  Tie(&g, 3, "parent", 0, "father", 0);
  Tie(&g, 1, "relative", 0, "maternal grandmother", 1);
  Tie(&g, 4, "relative", 0, "paternal grandfather", 1);
  InferKinship(&g);
  INFO(Render(g));
  CHECK(ParentOf(g, 1, 2));
  CHECK_FALSE(ParentOf(g, 1, 3));
  CHECK(ParentOf(g, 4, 3));
  CHECK_FALSE(ParentOf(g, 4, 2));
  // A grandmother of no side, or with no mother known, is no one's parent here.
  DocumentGraph h = Persons(3);
  h.entities[2].gender = "male";
  Tie(&h, 2, "parent", 0, "father", 0);
  Tie(&h, 1, "relative", 0, "grandmother", 1);
  InferKinship(&h);
  CHECK_FALSE(ParentOf(h, 1, 2));
}

TEST_CASE("InferKinship: a maternal uncle is the mother's sibling, a paternal aunt the father's", "[graph]") {
  // P0's maternal uncle P1 and paternal aunt P4; P0's parents are P2 (female) and P3 (male).
  DocumentGraph g = Persons(5);
  g.entities[1].gender = "male";
  g.entities[2].gender = "female";
  g.entities[3].gender = "male";
  Tie(&g, 2, "parent", 0, "mother", 0);
  Tie(&g, 3, "parent", 0, "father", 0);
  Tie(&g, 1, "relative", 0, "maternal uncle", 1);
  Tie(&g, 4, "relative", 0, "paternal aunt", 1);
  InferKinship(&g);
  INFO(Render(g));
  CHECK(Siblings(g, 1, 2));
  CHECK_FALSE(Siblings(g, 1, 3));
  CHECK(Siblings(g, 4, 3));
  CHECK_FALSE(Siblings(g, 4, 2));
  const Relation* r = Inferred(g, "infer.uncle-or-aunt-is-parents-sibling");
  REQUIRE(r != nullptr);
  CHECK(r->term == "brother");
  // An uncle of no stated side ties to no parent.
  DocumentGraph plain = Persons(3);
  plain.entities[2].gender = "female";
  Tie(&plain, 2, "parent", 0, "mother", 0);
  Tie(&plain, 1, "relative", 0, "uncle", 1);
  InferKinship(&plain);
  CHECK_FALSE(Siblings(plain, 1, 2));
}

TEST_CASE("InferKinship: a step-child is the child of one's one spouse, not one's own", "[graph]") {
  // P0's stepson P1; P0 is married to P2.
  DocumentGraph g = Persons(3);
  g.entities[0].gender = "female";
  g.entities[2].gender = "male";
  Tie(&g, 1, "relative", 0, "stepson", 0);
  Tie(&g, 2, "spouse", 0, "husband", 0);
  InferKinship(&g);
  INFO(Render(g));
  CHECK(ParentOf(g, 2, 1));
  CHECK_FALSE(ParentOf(g, 0, 1));  // the spouse's child, but no child of the step-mother
}

}  // namespace
TEST_CASE("ComposeGrandparents makes a parent's parent a grandparent, citing both ties", "[graph]") {
  DocumentGraph g = Persons(3);
  g.entities[0].gender = "female";
  Tie(&g, 0, "parent", 1, "mother", 0);  // P0 is P1's mother
  Tie(&g, 2, "child", 1, "daughter", 1);  // P2 is P1's daughter
  CHECK(ComposeGrandparents(&g) == 1);
  INFO(Render(g));
  REQUIRE(g.relations.size() == 3);
  const Relation& r = g.relations[2];
  CHECK(r.subject == 0);
  CHECK(r.type == "relative");
  CHECK(r.object == 2);
  CHECK(r.term == "grandmother");
  CHECK(r.inferred);
  CHECK(r.evidence.rule == "infer.grandparent");
  CHECK(r.sources == std::vector<int>{1, 0});
  CHECK(r.evidence.sentence == 1);
}

TEST_CASE("ComposeGrandparents leaves tied pairs, spouses and siblings alone", "[graph]") {
  SECTION("the grandparent tie is stated") {
    DocumentGraph g = Persons(3);
    Tie(&g, 0, "parent", 1, "father", 0);
    Tie(&g, 1, "parent", 2, "father", 0);
    Tie(&g, 2, "relative", 0, "grandson", 1);
    CHECK(ComposeGrandparents(&g) == 0);
  }
  SECTION("a parent's sibling or spouse is no grandparent") {
    DocumentGraph g = Persons(4);
    Tie(&g, 0, "parent", 1, "father", 0);
    Tie(&g, 2, "sibling", 0, "brother", 0);
    Tie(&g, 3, "spouse", 0, "wife", 1);
    CHECK(ComposeGrandparents(&g) == 0);
  }
  SECTION("running it twice adds nothing the second time") {
    DocumentGraph g = Persons(3);
    Tie(&g, 0, "parent", 1, "father", 0);
    Tie(&g, 1, "parent", 2, "father", 0);
    CHECK(ComposeGrandparents(&g) == 1);
    CHECK(g.relations[2].term == "grandparent");
    CHECK(ComposeGrandparents(&g) == 0);
  }
}

}  // namespace kith
