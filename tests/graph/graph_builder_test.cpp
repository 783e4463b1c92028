#include "graph/graph_builder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "text/reader.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

// ---------------------------------------------------------------------------
// Helpers over a DocumentGraph.

int EntityNamed(const DocumentGraph& g, const std::string& name) {
  for (std::size_t e = 0; e < g.entities.size(); ++e) {
    if (g.entities[e].name == name) return static_cast<int>(e);
  }
  return -1;
}

int CountKind(const DocumentGraph& g, EntityKind kind) {
  return static_cast<int>(std::count_if(g.entities.begin(), g.entities.end(),
                                        [&](const Entity& e) { return e.kind == kind; }));
}

// How many entities (unnamed relatives) the graph describes so ("father of X").
int CountDescribed(const DocumentGraph& g, const std::string& description) {
  return static_cast<int>(std::count_if(g.entities.begin(), g.entities.end(),
                                        [&](const Entity& e) { return e.description == description; }));
}

// The texts of the mentions of entity `e`, in graph order.
std::vector<std::string> MentionTexts(const std::string& text, const DocumentGraph& g, int e) {
  std::vector<std::string> out;
  for (const Mention& m : g.mentions) {
    if (m.entity == e) out.push_back(text.substr(m.evidence.span.begin, m.evidence.span.size()));
  }
  return out;
}

bool HasAlias(const Entity& e, const std::string& alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

// One line per entity: "kind type name [alias|alias] gender age located_in".
std::string Render(const DocumentGraph& g) {
  std::string out;
  for (const Entity& e : g.entities) {
    out += std::string(EntityKindName(e.kind)) + " " + e.type + " \"" + e.name + "\" [";
    for (std::size_t i = 0; i < e.aliases.size(); ++i) out += (i ? "|" : "") + e.aliases[i];
    out += "] " + e.gender + " " + std::to_string(e.age) + " " + std::to_string(e.located_in) + " " + e.description +
           "\n";
  }
  for (const Relation& r : g.relations) {
    out += "rel " + std::to_string(r.subject) + " " + r.type + " " + std::to_string(r.object) + " " + r.term + "\n";
  }
  return out;
}

// ---------------------------------------------------------------------------
// End to end: real rules over short articles.

struct Article {
  Document doc;
  DocumentGraph graph;
};

Article Build(const std::string& bytes) {
  Article a;
  ReadOptions read;
  if (const Lexicon* furniture = Rules().lexicon("furniture")) read.furniture_cues = &furniture->entries();
  const Status s = ReadDocumentFromBytes("article.txt", bytes, read, &a.doc, nullptr);
  INFO(s.ToString());
  REQUIRE(s.ok());
  Extraction ex;
  REQUIRE(Extract(a.doc, Rules(), ExtractOptions(), &ex).ok());
  a.graph = BuildDocumentGraph(a.doc.text, ex, Rules());
  return a;
}

TEST_CASE("Graph joins a person's full name and her surname", "[graph]") {
  const Article a =
      Build("One of the protesters, Aigerim Sadykova, told reporters. Sadykova's husband was detained.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Sadykova");
  REQUIRE(aigerim >= 0);
  const Entity& e = a.graph.entities[static_cast<std::size_t>(aigerim)];
  CHECK(e.kind == EntityKind::kPerson);
  CHECK(e.type == "Person");
  CHECK(e.aliases == std::vector<std::string>{"Sadykova"});
  CHECK(MentionTexts(a.doc.text, a.graph, aigerim) == std::vector<std::string>{"Aigerim Sadykova", "Sadykova"});
  CHECK(EntityNamed(a.graph, "Sadykova") < 0);
  // Mentions carry their sentence and rule.
  for (const Mention& m : a.graph.mentions) {
    if (m.entity != aigerim) continue;
    CHECK(m.evidence.sentence >= 0);
    CHECK_FALSE(m.evidence.rule.empty());
  }
  REQUIRE(a.graph.sentences.size() == 2);
  CHECK(a.doc.text.substr(a.graph.sentences[1].span.begin, a.graph.sentences[1].span.size()) ==
        "Sadykova's husband was detained.");
}

TEST_CASE("Graph names a place as running text writes it, not as a dateline shouts it", "[graph]") {
  const Article a = Build("MUNICH, Germany -- Aigul Serikova has lived in Munich since 2013.\n");
  INFO(Render(a.graph));
  const auto munich = std::find_if(a.graph.entities.begin(), a.graph.entities.end(),
                                   [](const Entity& e) { return e.name == "Munich" || e.name == "MUNICH"; });
  REQUIRE(munich != a.graph.entities.end());
  CHECK(munich->name == "Munich");
  CHECK(HasAlias(*munich, "MUNICH"));
}

TEST_CASE("Graph joins a place's bare name to the one area named after it, not a known city", "[graph]") {
  const Article a = Build(
      "Berik Sadykov was born in Emin County. In 2018 he went back to Emin to sell his house. His sister "
      "lives in Almaty and teaches in the Almaty region.\n");
  INFO(Render(a.graph));
  const int emin = EntityNamed(a.graph, "Emin County");
  REQUIRE(emin >= 0);
  CHECK(HasAlias(a.graph.entities[static_cast<std::size_t>(emin)], "Emin"));
  CHECK(EntityNamed(a.graph, "Emin") < 0);
  const int almaty = EntityNamed(a.graph, "Almaty");
  REQUIRE(almaty >= 0);
  REQUIRE(EntityNamed(a.graph, "Almaty region") >= 0);
  CHECK(almaty != EntityNamed(a.graph, "Almaty region"));
}

TEST_CASE("Graph keeps one organization for a consulate in a city, located there", "[graph]") {
  const Article a = Build(
      "Dozens of people picketed the Chinese Consulate in Almaty on Monday. "
      "The consulate did not respond to questions.\n");
  INFO(Render(a.graph));
  REQUIRE(CountKind(a.graph, EntityKind::kOrganization) == 1);
  const int consulate = EntityNamed(a.graph, "Chinese Consulate in Almaty");
  REQUIRE(consulate >= 0);
  const Entity& org = a.graph.entities[static_cast<std::size_t>(consulate)];
  CHECK(org.type == "GovernmentOrganization");
  const int almaty = EntityNamed(a.graph, "Almaty");
  REQUIRE(almaty >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(almaty)].kind == EntityKind::kPlace);
  CHECK(a.graph.entities[static_cast<std::size_t>(almaty)].type == "City");
  CHECK(org.located_in == almaty);
}

TEST_CASE("Graph links a bare 'the consulate' to the consulate named before", "[graph]") {
  // graph_builder joins a bare head word to the one organization with that
  // head, but no rule creates an Organization mention for "the consulate".
  const Article a = Build(
      "Dozens of people picketed the Chinese Consulate in Almaty on Monday. "
      "The consulate did not respond to questions.\n");
  INFO(Render(a.graph));
  const int consulate = EntityNamed(a.graph, "Chinese Consulate in Almaty");
  REQUIRE(consulate >= 0);
  const std::vector<std::string> texts = MentionTexts(a.doc.text, a.graph, consulate);
  CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) { return t == "The consulate" || t == "consulate"; }));
}

TEST_CASE("Graph gives -qyzy and -uly names their gender", "[graph]") {
  const Article a = Build("Activist Aliya Serikqyzy spoke. Her son, Arman Bekuly, was detained.\n");
  INFO(Render(a.graph));
  const int aliya = EntityNamed(a.graph, "Aliya Serikqyzy");
  const int arman = EntityNamed(a.graph, "Arman Bekuly");
  REQUIRE(aliya >= 0);
  REQUIRE(arman >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(aliya)].gender == "female");
  CHECK(a.graph.entities[static_cast<std::size_t>(arman)].gender == "male");
}

TEST_CASE("Graph does not make a place of the country in 'U.S. Embassy'", "[graph]") {
  const Article a = Build("Activist Aliya Serikqyzy said the U.S. Embassy had been informed.\n");
  INFO(Render(a.graph));
  CHECK(CountKind(a.graph, EntityKind::kPlace) == 0);
  CHECK(EntityNamed(a.graph, "United States") < 0);
  const int embassy = EntityNamed(a.graph, "U.S. Embassy");
  REQUIRE(embassy >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(embassy)].kind == EntityKind::kOrganization);
}

TEST_CASE("Graph joins 'X in Place' with a later 'X'", "[graph]") {
  const Article a = Build("Officials at the U.S. Embassy in Bishkek said so. The U.S. Embassy declined to comment.\n");
  INFO(Render(a.graph));
  REQUIRE(CountKind(a.graph, EntityKind::kOrganization) == 1);
  const int embassy = EntityNamed(a.graph, "U.S. Embassy in Bishkek");
  REQUIRE(embassy >= 0);
  const Entity& e = a.graph.entities[static_cast<std::size_t>(embassy)];
  CHECK(HasAlias(e, "U.S. Embassy"));
  CHECK(e.located_in == EntityNamed(a.graph, "Bishkek"));
  CHECK(MentionTexts(a.doc.text, a.graph, embassy).size() == 2);
}

TEST_CASE("Graph names known organizations canonically with their other names", "[graph]") {
  const Article a = Build("He told RFE/RL. Radio Free Europe/Radio Liberty reported it. Human Rights Watch agreed.\n");
  INFO(Render(a.graph));
  const int rferl = EntityNamed(a.graph, "Radio Free Europe/Radio Liberty");
  REQUIRE(rferl >= 0);
  const Entity& e = a.graph.entities[static_cast<std::size_t>(rferl)];
  CHECK(e.type == "NewsMediaOrganization");
  CHECK(HasAlias(e, "RFE/RL"));
  CHECK(MentionTexts(a.doc.text, a.graph, rferl).size() == 2);
  const int hrw = EntityNamed(a.graph, "Human Rights Watch");
  REQUIRE(hrw >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(hrw)].type == "NGO");
}

TEST_CASE("Graph reads an age and joins the surname", "[graph]") {
  const Article a = Build("One of them, 68-year-old Aisha Bek, fainted. Bek was taken to hospital.\n");
  INFO(Render(a.graph));
  const int aisha = EntityNamed(a.graph, "Aisha Bek");
  REQUIRE(aisha >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(aisha)].age == 68);
  CHECK(MentionTexts(a.doc.text, a.graph, aisha) == std::vector<std::string>{"Aisha Bek", "Bek"});
}

TEST_CASE("Graph places: countries by the gazetteer, ambiguous names only after a preposition", "[graph]") {
  const Article a = Build("She flew to Kazakhstan. Turkey is served at dinner.\n");
  INFO(Render(a.graph));
  REQUIRE(CountKind(a.graph, EntityKind::kPlace) == 1);
  const int kz = EntityNamed(a.graph, "Kazakhstan");
  REQUIRE(kz >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(kz)].type == "Country");
}

TEST_CASE("Graph states a kin tie between two named persons", "[graph]") {
  const Article a = Build("Activist Dana Omar's mother, Aliya Serikqyzy, spoke.\n");
  INFO(Render(a.graph));
  const int dana = EntityNamed(a.graph, "Dana Omar");
  const int aliya = EntityNamed(a.graph, "Aliya Serikqyzy");
  REQUIRE(dana >= 0);
  REQUIRE(aliya >= 0);
  const bool found = std::any_of(a.graph.relations.begin(), a.graph.relations.end(), [&](const Relation& r) {
    return (r.subject == aliya && r.type == "parent" && r.object == dana) ||
           (r.subject == dana && r.type == "child" && r.object == aliya);
  });
  CHECK(found);
}

// ---------------------------------------------------------------------------
// Mechanisms, over mentions placed by hand on real tokens.

class Handmade {
 public:
  explicit Handmade(std::string text) : text_(std::move(text)) { TokenizePlain(text_, Rules(), &ex_); }

  // Adds a mention over the `nth` occurrence of `phrase`; returns its token range.
  CaptureRange Add(const std::string& phrase, const std::string& label, std::map<std::string, std::string> attrs = {},
                   int nth = 0) {
    const CaptureRange r = Range(phrase, nth);
    ExtractedMention m;
    m.first = r.first;
    m.last = r.last;
    m.span = Span{ex_.tokens[r.first].span.begin, ex_.tokens[r.last - 1].span.end};
    m.label = label;
    m.attributes = std::move(attrs);
    m.rule = "test." + label;
    m.sentence = ex_.SentenceOf(r.first);
    ex_.mentions.push_back(std::move(m));
    std::stable_sort(ex_.mentions.begin(), ex_.mentions.end(), [](const ExtractedMention& a, const ExtractedMention& b) {
      return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    return r;
  }

  // The token range of the `nth` occurrence of `phrase`.
  CaptureRange Range(const std::string& phrase, int nth = 0) const {
    std::size_t at = text_.find(phrase);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = text_.find(phrase, at + 1);
    REQUIRE(at != std::string::npos);
    CaptureRange r;
    bool have_first = false;
    for (std::size_t t = 0; t < ex_.tokens.size(); ++t) {
      if (ex_.tokens[t].span.begin == at) {
        r.first = t;
        have_first = true;
      }
      if (have_first && ex_.tokens[t].span.end == at + phrase.size()) {
        r.last = t + 1;
        r.set = true;
        break;
      }
    }
    INFO(phrase);
    REQUIRE(r.set);
    return r;
  }

  Extraction& ex() { return ex_; }
  const std::string& text() const { return text_; }
  DocumentGraph Build() const { return BuildDocumentGraph(text_, ex_, Rules()); }

 private:
  std::string text_;
  Extraction ex_;
};

TEST_CASE("Graph persons join by full name, name part and NameKey", "[graph]") {
  Handmade h("Qasym Tokhtarov spoke. Kasym said Tokhtarov left. Qasym Tokhtarov returned.");
  h.Add("Qasym Tokhtarov", "Person");
  h.Add("Kasym", "Person");
  h.Add("Tokhtarov", "Person", {}, 1);
  h.Add("Qasym Tokhtarov", "Person", {}, 1);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 1);
  CHECK(g.entities[0].name == "Qasym Tokhtarov");
  CHECK(g.entities[0].aliases == std::vector<std::string>{"Tokhtarov", "Kasym"});
  CHECK(g.mentions.size() == 4);
  CHECK(g.entities[0].identity_key == "person:kasim toktar");
}

TEST_CASE("Graph drops a name part shared by two persons", "[graph]") {
  Handmade h("Aidana Serik and Marat Serik left. Serik said nothing. Dana spoke. Dana left.");
  h.Add("Aidana Serik", "Person");
  h.Add("Marat Serik", "Person");
  h.Add("Serik", "Person", {}, 2);
  h.Add("Dana", "Person");
  h.Add("Dana", "Person", {}, 1);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 3);
  CHECK(EntityNamed(g, "Aidana Serik") >= 0);
  CHECK(EntityNamed(g, "Marat Serik") >= 0);
  const int dana = EntityNamed(g, "Dana");
  REQUIRE(dana >= 0);
  CHECK(MentionTexts(h.text(), g, dana).size() == 2);
  CHECK(g.mentions.size() == 4);  // the ambiguous "Serik" is left out
}

TEST_CASE("Graph gives a surname shared by two relatives to the one introduced first", "[graph]") {
  Handmade h("Marat Serik was jailed. Serik's brother, Daniyar Serik, spoke. Serik appealed.");
  h.Add("Marat Serik", "Person");
  h.Add("Serik", "Person", {}, 1);
  h.Add("Daniyar Serik", "Person");
  h.Add("Serik", "Person", {}, 3);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  const int marat = EntityNamed(g, "Marat Serik");
  REQUIRE(marat >= 0);
  CHECK(MentionTexts(h.text(), g, marat) == std::vector<std::string>{"Marat Serik", "Serik", "Serik"});
  CHECK(MentionTexts(h.text(), g, EntityNamed(g, "Daniyar Serik")).size() == 1);
}

TEST_CASE("Graph gives a surname to the person whose relative is introduced beside him", "[graph]") {
  const Article a = Build(
      "Obul Ablet, 70, a retired teacher, died in prison, according to his son, Dilshat Ablet, who lives in "
      "Almaty. Mr. Ablet's daughter, Guzal Obul, was detained in 2018.\n");
  INFO(Render(a.graph));
  const int father = EntityNamed(a.graph, "Obul Ablet");
  const int son = EntityNamed(a.graph, "Dilshat Ablet");
  const int daughter = EntityNamed(a.graph, "Guzal Obul");
  REQUIRE(father >= 0);
  REQUIRE(son >= 0);
  REQUIRE(daughter >= 0);
  CHECK(HasAlias(a.graph.entities[static_cast<std::size_t>(father)], "Ablet"));
  const bool tied = std::any_of(a.graph.relations.begin(), a.graph.relations.end(), [&](const Relation& r) {
    return r.subject == daughter && r.type == "child" && r.object == father;
  });
  CHECK(tied);
}

// True when the graph ties `subject` as `type` of `object`, stated either way round.
bool Tied(const DocumentGraph& g, int subject, const std::string& type, int object) {
  const std::string inverse = type == "parent" ? "child" : type == "child" ? "parent" : type;
  return std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& r) {
    return (r.subject == subject && r.type == type && r.object == object) ||
           (r.subject == object && r.type == inverse && r.object == subject);
  });
}

// How many unnamed persons the graph ties as `type` of `anchor`, stated either way round.
int UnnamedTied(const DocumentGraph& g, const std::string& type, int anchor) {
  int n = 0;
  for (std::size_t e = 0; e < g.entities.size(); ++e) {
    if (g.entities[e].kind == EntityKind::kPerson && g.entities[e].name.empty() &&
        Tied(g, static_cast<int>(e), type, anchor)) {
      ++n;
    }
  }
  return n;
}

// How many unnamed persons of each gender ("" when unknown) the graph ties as `type` of `anchor`.
std::map<std::string, int> UnnamedTiedByGender(const DocumentGraph& g, const std::string& type, int anchor) {
  std::map<std::string, int> by_gender;
  for (std::size_t e = 0; e < g.entities.size(); ++e) {
    if (g.entities[e].kind == EntityKind::kPerson && g.entities[e].name.empty() &&
        Tied(g, static_cast<int>(e), type, anchor)) {
      ++by_gender[g.entities[e].gender];
    }
  }
  return by_gender;
}

TEST_CASE("Graph reads a couple's unnamed children with their ages and modifiers, and children a couple has",
          "[graph]") {
  const Article a = Build(
      "Aigerim Bolatqyzy, 38, and her husband, Nurlan Serikuly, 41, live in Almaty. Their two young sons go to "
      "school there. The couple also have an eight-year-old daughter.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bolatqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Serikuly");
  REQUIRE(aigerim >= 0);
  REQUIRE(nurlan >= 0);
  CHECK(UnnamedTied(a.graph, "child", aigerim) == 3);
  CHECK(UnnamedTied(a.graph, "child", nurlan) == 3);
}

TEST_CASE("Graph reads relatives set apart by 'of' and a possessive, named or not", "[graph]") {
  const Article a = Build(
      "Marat Seitkaliuly, a retired driver, says a cousin of his was detained in 2018. \"Two nephews of mine "
      "are still in a camp,\" said Aliya Nurlanqyzy. A brother of hers, Nurlan Bekov, was released in May.\n");
  INFO(Render(a.graph));
  const int marat = EntityNamed(a.graph, "Marat Seitkaliuly");
  const int aliya = EntityNamed(a.graph, "Aliya Nurlanqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Bekov");
  REQUIRE(marat >= 0);
  REQUIRE(aliya >= 0);
  REQUIRE(nurlan >= 0);
  CHECK(UnnamedTied(a.graph, "relative", marat) == 1);
  CHECK(UnnamedTied(a.graph, "relative", aliya) == 2);
  CHECK(Tied(a.graph, nurlan, "sibling", aliya));
  CHECK(UnnamedTied(a.graph, "sibling", aliya) == 0);
}

TEST_CASE("Graph does not take a child counted out of a group for whom a possessive means", "[graph]") {
  const Article a = Build(
      "Aigerim Tursynbekova, 44, sells apricots. Her husband, Nurlan Tursynbekov, was detained in 2017. Their "
      "three children, two boys and a girl, last saw their father in 2017. Her two nephews have not called "
      "since late 2017.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Tursynbekova");
  REQUIRE(aigerim >= 0);
  CHECK(UnnamedTied(a.graph, "relative", aigerim) == 2);
}

TEST_CASE("Graph reads a possessive after a long passage about a relative as the story's person", "[graph]") {
  const Article a = Build(
      "Aigerim Tursynbekova, 44, sells dried apricots at the bazaar. Her husband, Nurlan Tursynbekov, crossed into "
      "China on Oct. 3, 2017, to see his ailing father. Eleven days later men in plain clothes took him from his "
      "father's yard.\n\n"
      "In January 2019 a court gave him 12 years. The family learned the term from a neighbour. No court paper "
      "has reached them.\n\n"
      "The children last saw their father on a video call. Her two nephews have not picked up a phone since "
      "late 2017. He was detained in 2016.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Tursynbekova");
  REQUIRE(aigerim >= 0);
  CHECK(UnnamedTied(a.graph, "relative", aigerim) == 2);
}

TEST_CASE("Graph counts a relative of known gender among a group of the same kin", "[graph]") {
  const Article a = Build("Aigerim Tursynbekova, 44, sells apricots. She has three children. Her son was detained in 2018.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Tursynbekova");
  REQUIRE(aigerim >= 0);
  CHECK(UnnamedTied(a.graph, "child", aigerim) == 3);
  CHECK(UnnamedTiedByGender(a.graph, "child", aigerim)["male"] == 1);
}

TEST_CASE("Graph reads a group of relatives counted out by kind as the parts", "[graph]") {
  const Article a = Build(
      "Aigerim Tursynbekova, 44, sells apricots. Her husband, Nurlan Tursynbekov, was detained in 2017. Their "
      "three children, two boys and a girl, last saw their father in 2017.\n");
  INFO(Render(a.graph));
  for (const char* parent : {"Aigerim Tursynbekova", "Nurlan Tursynbekov"}) {
    INFO(parent);
    const int p = EntityNamed(a.graph, parent);
    REQUIRE(p >= 0);
    CHECK(UnnamedTied(a.graph, "child", p) == 3);
    std::map<std::string, int> by_gender = UnnamedTiedByGender(a.graph, "child", p);
    CHECK(by_gender["male"] == 2);
    CHECK(by_gender["female"] == 1);
  }
}

TEST_CASE("Graph reads 'we have two daughters' in a quote as the speaker's and the spouse's", "[graph]") {
  const Article a = Build(
      "Dilmurat Qurban, 46, and his wife, Zulpiye Emet, live in Munich. \"We have two daughters. Both were born "
      "here,\" Qurban said.\n");
  INFO(Render(a.graph));
  for (const char* parent : {"Dilmurat Qurban", "Zulpiye Emet"}) {
    INFO(parent);
    const int p = EntityNamed(a.graph, parent);
    REQUIRE(p >= 0);
    CHECK(UnnamedTied(a.graph, "child", p) == 2);
  }
}

TEST_CASE("Graph gives children 'they have' to the last couple when the sentence before names nobody", "[graph]") {
  const Article a = Build(
      "Dilmurat Qurban lives in Munich. His younger brother, Ablet Qurban, was detained in 2018. Ablet's wife, "
      "Gulnisa Abdulla, was taken two weeks later. She spent eleven months in a camp. They have two sons.\n");
  INFO(Render(a.graph));
  for (const char* parent : {"Ablet Qurban", "Gulnisa Abdulla"}) {
    INFO(parent);
    const int p = EntityNamed(a.graph, parent);
    REQUIRE(p >= 0);
    CHECK(UnnamedTied(a.graph, "child", p) == 2);
  }
}

TEST_CASE("Graph reads a group of relatives a couple has, counted out by kind", "[graph]") {
  const Article a = Build(
      "Ablet Qurban, 41, and his wife, Gulnisa Abdulla, live in Hotan. They have three children, two girls and a "
      "boy.\n");
  INFO(Render(a.graph));
  for (const char* parent : {"Ablet Qurban", "Gulnisa Abdulla"}) {
    INFO(parent);
    const int p = EntityNamed(a.graph, parent);
    REQUIRE(p >= 0);
    CHECK(UnnamedTied(a.graph, "child", p) == 3);
    std::map<std::string, int> by_gender = UnnamedTiedByGender(a.graph, "child", p);
    CHECK(by_gender["male"] == 1);
    CHECK(by_gender["female"] == 2);
  }
}

TEST_CASE("Graph reads 'Y, the younger sister,' as the sister mentioned before", "[graph]") {
  const Article a = Build(
      "Gaukhar Ospanova, a 61-year-old retired accountant from Talgar, has a younger sister in Urumqi. The two "
      "write every week. Saule Ospanqyzy, the younger sister, was detained in May 2018.\n");
  INFO(Render(a.graph));
  const int gaukhar = EntityNamed(a.graph, "Gaukhar Ospanova");
  const int saule = EntityNamed(a.graph, "Saule Ospanqyzy");
  REQUIRE(gaukhar >= 0);
  REQUIRE(saule >= 0);
  CHECK(Tied(a.graph, saule, "sibling", gaukhar));
  CHECK(UnnamedTied(a.graph, "sibling", gaukhar) == 0);
}

TEST_CASE("Graph gives a possessive it cannot resolve the person whose same relative was named last",
          "[graph]") {
  const Article a = Build(
      "Aigul Bekova, 48, lives in Tokmok. Her husband, Kubanych Osmonov, a mechanic, found work at a factory. "
      "His wife baked bread.\n\n"
      "In December 2017 he went back to Akto to sell the house his father had built. He was detained there in "
      "March 2018. For months nobody would tell the family where he was being held. Two years later, a court "
      "sentenced him to 13 years.\n\n"
      "His father, Myrzabek Toktorov, a retired herder, was taken in the spring of 2018.\n");
  INFO(Render(a.graph));
  const int son = EntityNamed(a.graph, "Kubanych Osmonov");
  const int father = EntityNamed(a.graph, "Myrzabek Toktorov");
  REQUIRE(son >= 0);
  REQUIRE(father >= 0);
  CHECK(Tied(a.graph, father, "parent", son));
  CHECK(UnnamedTied(a.graph, "parent", son) == 0);
}

TEST_CASE("Graph reads a list of relatives set off by semicolons as one person's", "[graph]") {
  const Article a = Build(
      "Three photographs hang in the kitchen of Gulzat Aitova, 48. They show her husband, Kubanych Osmonov, who "
      "is serving a 13-year sentence; her mother-in-law, Anarkul Sadykova, who may not leave the region; and her "
      "sister-in-law, Cholpon Osmonova, who now lives in Istanbul.\n");
  INFO(Render(a.graph));
  const int gulzat = EntityNamed(a.graph, "Gulzat Aitova");
  const int cholpon = EntityNamed(a.graph, "Cholpon Osmonova");
  const int anarkul = EntityNamed(a.graph, "Anarkul Sadykova");
  REQUIRE(gulzat >= 0);
  REQUIRE(cholpon >= 0);
  REQUIRE(anarkul >= 0);
  CHECK(Tied(a.graph, cholpon, "relative", gulzat));
  CHECK_FALSE(Tied(a.graph, cholpon, "relative", anarkul));
}

TEST_CASE("Graph reads relatives a person has, counted and then named, as that person's", "[graph]") {
  const Article a = Build(
      "Marat Bekov, 70, lives in Taraz. He has three sons: Arman, the eldest, then Timur, then Serik. His wife, "
      "Dana Omarova, has two brothers, Nurlan Omarov and Yerlan Omarov.\n");
  INFO(Render(a.graph));
  const int marat = EntityNamed(a.graph, "Marat Bekov");
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  REQUIRE(marat >= 0);
  REQUIRE(dana >= 0);
  for (const char* son : {"Arman", "Timur", "Serik"}) {
    const int e = EntityNamed(a.graph, son);
    REQUIRE(e >= 0);
    CHECK(Tied(a.graph, e, "child", marat));
  }
  CHECK(Tied(a.graph, EntityNamed(a.graph, "Nurlan Omarov"), "sibling", dana));
  CHECK(Tied(a.graph, EntityNamed(a.graph, "Yerlan Omarov"), "sibling", dana));
  CHECK(UnnamedTied(a.graph, "child", marat) == 0);
}

TEST_CASE("Graph reads 'The 36-year-old teacher' after a named person as that person, pronouns after too",
          "[graph]") {
  const Article a = Build(
      "\"My father is 70,\" Nazgul Asanbekova says. The 36-year-old music teacher came back to Balykchy on "
      "Wednesday. She also came back owing 5,000 soms. She was born in Mongolkure county. Several thousand ethnic "
      "Kyrgyz live there. In 2011 she married Bakyt Sultanaliev.\n");
  INFO(Render(a.graph));
  const int nazgul = EntityNamed(a.graph, "Nazgul Asanbekova");
  const int bakyt = EntityNamed(a.graph, "Bakyt Sultanaliev");
  REQUIRE(nazgul >= 0);
  REQUIRE(bakyt >= 0);
  CHECK(Tied(a.graph, bakyt, "spouse", nazgul));
}

TEST_CASE("Graph reads a transcript's speaker labels in capitals as the persons they name", "[graph]") {
  const Article a = Build(
      "CLAIRE DAWSON (presenter): My guest tonight is Dr. Dinara Grant, a family doctor in Leeds.\n\n"
      "DINARA GRANT: Thank you for having me.\n\n"
      "DAWSON: Let us start with your father.\n\n"
      "GRANT: My father was Serik Rakhimov. He was an electrician. My little brother, Timur, was born in "
      "Almaty.\n\n"
      "NOTE: This transcript was shortened.\n");
  INFO(Render(a.graph));
  const int dinara = EntityNamed(a.graph, "Dinara Grant");
  const int serik = EntityNamed(a.graph, "Serik Rakhimov");
  const int timur = EntityNamed(a.graph, "Timur");
  REQUIRE(dinara >= 0);
  REQUIRE(serik >= 0);
  REQUIRE(timur >= 0);
  CHECK(Tied(a.graph, serik, "parent", dinara));
  CHECK(Tied(a.graph, timur, "sibling", dinara));
}

TEST_CASE("Graph reads an answer's pronoun as whom the question before it asked about", "[graph]") {
  const Article a = Build(
      "CLAIRE DAWSON (presenter): My guest tonight is Aigerim Sultanova, a nurse in Leeds.\n\n"
      "AIGERIM SULTANOVA: Thank you for having me.\n\n"
      "DAWSON: Your father stayed in Almaty, and your brother Nurlan went to Ghulja.\n\n"
      "SULTANOVA: My father runs a shop in Almaty. He is 70.\n\n"
      "DAWSON: What happened to Nurlan?\n\n"
      "SULTANOVA: He was detained in Ghulja in March 2018.\n\n"
      "DAWSON: And your uncle?\n\n"
      "SULTANOVA: He was released in 2020.\n\n"
      "NOTE: This transcript was shortened.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Sultanova");
  const int nurlan = EntityNamed(a.graph, "Nurlan");
  REQUIRE(aigerim >= 0);
  REQUIRE(nurlan >= 0);
  const auto only_person_of = [&](const std::string& kind) {
    std::vector<int> persons;
    for (const Event& ev : a.graph.events) {
      if (ev.kind != kind) continue;
      for (const EventRole& r : ev.roles) persons.push_back(r.entity);
    }
    return persons.size() == 1 ? persons[0] : -1;
  };
  CHECK(only_person_of("Detention") == nurlan);
  const int released = only_person_of("Release");
  REQUIRE(released >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(released)].name.empty());
  const bool uncle = std::any_of(a.graph.relations.begin(), a.graph.relations.end(), [&](const Relation& r) {
    return r.term == "uncle" && ((r.subject == released && r.object == aigerim) ||
                                 (r.subject == aigerim && r.object == released));
  });
  CHECK(uncle);
}

TEST_CASE("Graph reads an outlet's label in an interview as the interviewer's", "[graph]") {
  const Article a = Build(
      "Aigerim Sultanova, 38, spoke to Radio Azattyq in Almaty.\n\n"
      "Radio Azattyq: What happened to your family?\n\n"
      "Sultanova: In 2017 my father-in-law, Bekbolat Omarov, called from Tekes.\n\n"
      "Radio Azattyq: Your father-in-law died last year.\n\n"
      "Sultanova: Yes, in Tekes. He was 74.\n");
  INFO(Render(a.graph));
  const int bekbolat = EntityNamed(a.graph, "Bekbolat Omarov");
  REQUIRE(bekbolat >= 0);
  const auto death = std::find_if(a.graph.events.begin(), a.graph.events.end(), [](const Event& e) { return e.kind == "Death"; });
  REQUIRE(death != a.graph.events.end());
  REQUIRE(death->roles.size() == 1);
  CHECK(death->roles[0].entity == bekbolat);
  CHECK(death->place < 0);  // the label is no place
}

TEST_CASE("Graph reads a dialogue dash in a labelled interview as a question or the interviewee's answer", "[graph]") {
  const Article a = Build(
      "Aigerim Sultanova, 38, spoke to Radio Azattyq in Almaty.\n\n"
      "Q: What happened to your family?\n\n"
      "A: In 2017 my father, Bekbolat Omarov, was detained.\n\n"
      "\u2014 And your brother?\n\n"
      "\u2014 He is older than my husband, Daniyar Omarov.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Sultanova");
  const int daniyar = EntityNamed(a.graph, "Daniyar Omarov");
  REQUIRE(aigerim >= 0);
  REQUIRE(daniyar >= 0);
  CHECK(Tied(a.graph, daniyar, "spouse", aigerim));
}

TEST_CASE("Graph reads a capitals label as the one person whose family name it is", "[graph]") {
  const Article a = Build(
      "HOST: My guest is Zulpiye Yasin, a nurse in Rotterdam.\n\n"
      "ZULPIYE YASIN: Thank you.\n\n"
      "HOST: Your father first.\n\n"
      "YASIN: His name is Yasin Tohti. He had a bookshop in Hotan.\n\n"
      "HOST: And your husband?\n\n"
      "YASIN: My husband, Erkin Nurmemet, is a teacher.\n");
  INFO(Render(a.graph));
  const int zulpiye = EntityNamed(a.graph, "Zulpiye Yasin");
  const int erkin = EntityNamed(a.graph, "Erkin Nurmemet");
  REQUIRE(zulpiye >= 0);
  REQUIRE(erkin >= 0);
  CHECK(Tied(a.graph, erkin, "spouse", zulpiye));
}

TEST_CASE("Graph reads a capitals label of a given name and an initial as the person so named", "[graph]") {
  const Article a = Build(
      "PRESENTER: Our correspondent was outside the consulate.\n\n"
      "REPORTER: Among the protesters was Gulzhamal Tursynbekova, who is 58. Next to her stood Nurlan Abilkairov.\n\n"
      "GULZHAMAL T.: This is my son, Erbol Tursynbek. He was taken away in April 2018.\n\n"
      "NURLAN A.: My wife, Meruert Sapargalikyzy, was detained at Khorgos.\n");
  INFO(Render(a.graph));
  const int gulzhamal = EntityNamed(a.graph, "Gulzhamal Tursynbekova");
  const int erbol = EntityNamed(a.graph, "Erbol Tursynbek");
  const int nurlan = EntityNamed(a.graph, "Nurlan Abilkairov");
  const int meruert = EntityNamed(a.graph, "Meruert Sapargalikyzy");
  REQUIRE(gulzhamal >= 0);
  REQUIRE(erbol >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(meruert >= 0);
  CHECK(Tied(a.graph, erbol, "child", gulzhamal));
  CHECK(Tied(a.graph, meruert, "spouse", nurlan));
}

TEST_CASE("Graph reads a named host's labels as questions and a shared family name as the speaker labelled in full", "[graph]") {
  const Article a = Build(
      "SAIDA KARIMOVA (host): Good evening, I'm Saida Karimova. My guest is Rustam Aliyev.\n\n"
      "RUSTAM ALIYEV: Thank you.\n\n"
      "KARIMOVA: Your father, Vagif Aliyev, was detained too.\n\n"
      "ALIYEV: Yes. My father is 70. Our cousin Emin Guliyev lives in Tabriz.\n");
  INFO(Render(a.graph));
  const int rustam = EntityNamed(a.graph, "Rustam Aliyev");
  const int vagif = EntityNamed(a.graph, "Vagif Aliyev");
  const int emin = EntityNamed(a.graph, "Emin Guliyev");
  const int saida = EntityNamed(a.graph, "Saida Karimova");
  REQUIRE(rustam >= 0);
  REQUIRE(vagif >= 0);
  REQUIRE(emin >= 0);
  REQUIRE(saida >= 0);
  CHECK(Tied(a.graph, vagif, "parent", rustam));  // "your": whom the host asks
  CHECK(Tied(a.graph, emin, "relative", rustam));  // "our": whom the family name labels
  for (const Relation& r : a.graph.relations) CHECK((r.subject != saida && r.object != saida));
}

TEST_CASE("Graph reads a possessive opening a kin apposition as someone other than the name before it", "[graph]") {
  const Article a = Build(
      "Gulnaz Yusup, 41, lives in Istanbul. She keeps a shop. The news came in 2019 from Rustem Yusup, 24, her "
      "half-brother and the youngest of Turghun Yusup's children, who had been studying in Almaty.\n");
  INFO(Render(a.graph));
  const int gulnaz = EntityNamed(a.graph, "Gulnaz Yusup");
  const int rustem = EntityNamed(a.graph, "Rustem Yusup");
  REQUIRE(gulnaz >= 0);
  REQUIRE(rustem >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(rustem)].gender == "male");
  CHECK(Tied(a.graph, rustem, "sibling", gulnaz));
}

TEST_CASE("Graph reads 'Y, 35, her brother and a neighbour' as a list, not an apposition", "[graph]") {
  const Article a = Build("Police in Osh detained Gulzat Osmon, 35, her brother and a neighbour on 4 April 2023.\n");
  INFO(Render(a.graph));
  const int gulzat = EntityNamed(a.graph, "Gulzat Osmon");
  REQUIRE(gulzat >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(gulzat)].gender == "female");
  const bool brother = std::any_of(a.graph.relations.begin(), a.graph.relations.end(), [&](const Relation& r) {
    return r.type == "sibling" && r.object == gulzat && a.graph.entities[static_cast<std::size_t>(r.subject)].name.empty();
  });
  CHECK(brother);
}

TEST_CASE("Graph reads a plain kin word as the relative named with a plain one, not a half-sibling", "[graph]") {
  const Article a = Build(
      "Gulnaz Yusup, 41, lives in Istanbul. Her brother, Erkin Yusup, is a trader. Rustem Yusup, 24, her "
      "half-brother, studies in Almaty. \"My brother was taken in March 2018,\" she says.\n");
  INFO(Render(a.graph));
  const int erkin = EntityNamed(a.graph, "Erkin Yusup");
  REQUIRE(erkin >= 0);
  const auto detention = std::find_if(a.graph.events.begin(), a.graph.events.end(),
                                      [](const Event& e) { return e.kind == "Detention"; });
  REQUIRE(detention != a.graph.events.end());
  REQUIRE(detention->roles.size() == 1);
  CHECK(detention->roles[0].entity == erkin);
}

TEST_CASE("Graph ties a relative of a group or a description named after 'of'", "[graph]") {
  const Article a = Build(
      "Nurlan Maratuly and his brother Serikbol Maratuly were held in 2018. The release was confirmed by a "
      "cousin of the brothers, Daulet Amanuly, who lives in Tekes.\n\n"
      "Former lawmaker Erkinbek Jusupov was jailed in 2023. Bakyt Jusupov, a cousin of the former lawmaker, "
      "read out a statement.\n");
  INFO(Render(a.graph));
  const int nurlan = EntityNamed(a.graph, "Nurlan Maratuly");
  const int serikbol = EntityNamed(a.graph, "Serikbol Maratuly");
  const int daulet = EntityNamed(a.graph, "Daulet Amanuly");
  const int erkinbek = EntityNamed(a.graph, "Erkinbek Jusupov");
  const int bakyt = EntityNamed(a.graph, "Bakyt Jusupov");
  REQUIRE(nurlan >= 0);
  REQUIRE(serikbol >= 0);
  REQUIRE(daulet >= 0);
  REQUIRE(erkinbek >= 0);
  REQUIRE(bakyt >= 0);
  CHECK(Tied(a.graph, daulet, "relative", nurlan));
  CHECK(Tied(a.graph, daulet, "relative", serikbol));
  CHECK(Tied(a.graph, bakyt, "relative", erkinbek));
}

TEST_CASE("Graph ties a relative of a description only to someone the text called so", "[graph]") {
  const Article a = Build(
      "Police detained the blogger Timur Sadykov in May. Bakyt Jusupov, a cousin of the former lawmaker, said "
      "the arrest was unlawful.\n");
  INFO(Render(a.graph));
  const int timur = EntityNamed(a.graph, "Timur Sadykov");
  const int bakyt = EntityNamed(a.graph, "Bakyt Jusupov");
  REQUIRE(timur >= 0);
  REQUIRE(bakyt >= 0);
  CHECK_FALSE(Tied(a.graph, bakyt, "relative", timur));
}

TEST_CASE("Graph ties a relative stated as a predicate to a description of someone the text called so", "[graph]") {
  const Article a = Build(
      "Davron Yusupov, a 52-year-old blogger from Namangan, died in prison. Gulnoza Saidova stood outside the "
      "court. Saidova, who lives in Tashkent, is a sister-in-law of the dead blogger.\n\n"
      "Aziz Tursunov, a teacher, was released. Malika Tursunova is a cousin of the jailed lawmaker.\n\n"
      "Police detained activist Serik Omarov. Activist Dana Bekova organised the picket. Aliya Omarova is a "
      "sister of the detained activist.\n");
  INFO(Render(a.graph));
  const int davron = EntityNamed(a.graph, "Davron Yusupov");
  const int gulnoza = EntityNamed(a.graph, "Gulnoza Saidova");
  const int aziz = EntityNamed(a.graph, "Aziz Tursunov");
  const int malika = EntityNamed(a.graph, "Malika Tursunova");
  REQUIRE(davron >= 0);
  REQUIRE(gulnoza >= 0);
  REQUIRE(aziz >= 0);
  REQUIRE(malika >= 0);
  CHECK(Tied(a.graph, gulnoza, "relative", davron));
  CHECK_FALSE(Tied(a.graph, malika, "relative", aziz));
  // Two activists named before: the description picks neither.
  const int dana = EntityNamed(a.graph, "Dana Bekova");
  const int aliya = EntityNamed(a.graph, "Aliya Omarova");
  REQUIRE(dana >= 0);
  REQUIRE(aliya >= 0);
  CHECK_FALSE(Tied(a.graph, aliya, "sibling", dana));
  // "the late president" is not a president the text does not tell has died.
  const Article b = Build(
      "President Rustam Nazarov pardoned 150 prisoners on Monday. Lola Ergasheva is a daughter of the late "
      "president.\n");
  INFO(Render(b.graph));
  const int rustam = EntityNamed(b.graph, "Rustam Nazarov");
  const int lola = EntityNamed(b.graph, "Lola Ergasheva");
  REQUIRE(rustam >= 0);
  REQUIRE(lola >= 0);
  CHECK_FALSE(Tied(b.graph, lola, "child", rustam));
  CHECK_FALSE(Tied(b.graph, rustam, "parent", lola));
}

TEST_CASE("Graph reads 'the elder X' as the older of the persons who share the name X", "[graph]") {
  SECTION("by the ages the article gives") {
    const Article a = Build(
        "Ayder Abdullayev, aged 29, was detained in Simferopol. His father, Ismet Abdullayev, 61, learned of it "
        "from neighbours. \"My son is a driver,\" the elder Abdullayev said.\n");
    INFO(Render(a.graph));
    const int ayder = EntityNamed(a.graph, "Ayder Abdullayev");
    REQUIRE(ayder >= 0);
    CHECK(UnnamedTied(a.graph, "child", ayder) == 0);
  }
  SECTION("by the kin word that introduced one of them") {
    const Article a = Build(
        "Ayder Abdullayev was detained in Simferopol. His father, Ismet Abdullayev, learned of it from neighbours. "
        "\"My son is a driver,\" the elder Abdullayev said.\n");
    INFO(Render(a.graph));
    const int ayder = EntityNamed(a.graph, "Ayder Abdullayev");
    REQUIRE(ayder >= 0);
    CHECK(UnnamedTied(a.graph, "child", ayder) == 0);
  }
}

TEST_CASE("Graph reads a quote of several paragraphs as the words of the one whose account is announced", "[graph]") {
  const Article a = Build(
      "Jemal Orazova, 34, has lived in Istanbul since 2016. Orazova agreed to speak on the record. Her account, "
      "lightly edited, follows.\n\n"
      "\"My brother is a mechanic. Our stepmother, Gulnara Orazova, went to the police.\n\n"
      "\"Our father, Aman Orazov, has diabetes. Nobody tells him anything.\"\n");
  INFO(Render(a.graph));
  const int jemal = EntityNamed(a.graph, "Jemal Orazova");
  const int gulnara = EntityNamed(a.graph, "Gulnara Orazova");
  const int aman = EntityNamed(a.graph, "Aman Orazov");
  REQUIRE(jemal >= 0);
  REQUIRE(gulnara >= 0);
  REQUIRE(aman >= 0);
  CHECK(Tied(a.graph, gulnara, "relative", jemal));
  CHECK(Tied(a.graph, aman, "parent", jemal));
}

TEST_CASE("Graph reads a possessive that opens a sentence as the owner of the relative named before, not the relative", "[graph]") {
  const Article a = Build(
      "Qairat Abilqasymuly crossed the border on Monday. The 63-year-old trader was met by his son-in-law, Daniyar "
      "Sultanov, who drove him to Almaty. His wife, Bakytgul Nurlanqyzy, 58, had not seen him since 2018.\n");
  INFO(Render(a.graph));
  const int qairat = EntityNamed(a.graph, "Qairat Abilqasymuly");
  const int daniyar = EntityNamed(a.graph, "Daniyar Sultanov");
  const int bakytgul = EntityNamed(a.graph, "Bakytgul Nurlanqyzy");
  REQUIRE(qairat >= 0);
  REQUIRE(daniyar >= 0);
  REQUIRE(bakytgul >= 0);
  CHECK(Tied(a.graph, bakytgul, "spouse", qairat));
  CHECK_FALSE(Tied(a.graph, bakytgul, "spouse", daniyar));
}

TEST_CASE("Graph gives no event the person it happens to as its agent too", "[graph]") {
  const Article a = Build(
      "Transcript, 4 May 2024.\n\n"
      "DANA SEITOVA: My guest today is Arman Tokhtarov, whose brother was jailed in 2022. Arman, when was your "
      "brother arrested?\n\n"
      "ARMAN TOKHTAROV: My brother, Serik Tokhtarov, was arrested in Bishkek on 5 October 2022.\n\n"
      "SEITOVA: Was he sentenced?\n\n"
      "TOKHTAROV: Yes, to eight years. My mother, Aliya Tokhtarova, visits him every month.\n");
  INFO(Render(a.graph));
  const int serik = EntityNamed(a.graph, "Serik Tokhtarov");
  REQUIRE(serik >= 0);
  bool detained = false;
  for (const Event& e : a.graph.events) {
    for (const EventRole& r : e.roles) {
      CHECK_FALSE((r.role == "agent" && r.entity == serik));
      detained = detained || (e.kind == "Detention" && r.role == "detainee" && r.entity == serik);
    }
  }
  CHECK(detained);
}

TEST_CASE("Graph leaves a shared family name's label open where the host addresses someone by it", "[graph]") {
  const Article a = Build(
      "Transcript, 5 April 2024.\n\n"
      "DAWSON: Rustam Aliyev's sister Leyla Aliyeva was detained in Baku. Rustam, what happened?\n\n"
      "RUSTAM ALIYEV: She was taken from her office in January.\n\n"
      "DAWSON: Their father, Vagif Aliyev, is also on the line. Mr Aliyev, what have you heard?\n\n"
      "ALIYEV: Nothing. My daughter has not been allowed a single visit.\n");
  INFO(Render(a.graph));
  const int rustam = EntityNamed(a.graph, "Rustam Aliyev");
  REQUIRE(rustam >= 0);
  for (const Relation& r : a.graph.relations) {
    const bool unnamed_daughter = r.type == "child" && r.object == rustam &&
                                  a.graph.entities[static_cast<std::size_t>(r.subject)].name.empty();
    CHECK_FALSE(unnamed_daughter);
  }
}

TEST_CASE("Graph names an unnamed relative by 'His name is X' in the next sentence", "[graph]") {
  const Article a = Build("Aigul Serikova lives in Almaty. Her father was detained in 2017. His name is Marat Serikov.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Serikova");
  const int marat = EntityNamed(a.graph, "Marat Serikov");
  REQUIRE(aigul >= 0);
  REQUIRE(marat >= 0);
  CHECK(Tied(a.graph, marat, "parent", aigul));
  CHECK(UnnamedTied(a.graph, "parent", aigul) == 0);
}

TEST_CASE("Graph reads 'A mother and son, X and Y, were fined' as X and Y fined, mother and son", "[graph]") {
  const Article a = Build(
      "Marat Omarov and Dana Omarova received fines of 196,600 tenge. A mother and son, Aigul Serikova, 58, and "
      "Nurlan Serikov, 29, were fined 78,640 tenge each.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Serikova");
  const int nurlan = EntityNamed(a.graph, "Nurlan Serikov");
  REQUIRE(aigul >= 0);
  REQUIRE(nurlan >= 0);
  CHECK(Tied(a.graph, aigul, "parent", nurlan));
  std::set<int> fined_with_aigul;
  for (const Event& ev : a.graph.events) {
    std::set<int> persons;
    for (const EventRole& r : ev.roles) persons.insert(r.entity);
    if (ev.kind == "Fine" && persons.count(aigul)) fined_with_aigul = persons;
  }
  CHECK(fined_with_aigul == std::set<int>{aigul, nurlan});
}

TEST_CASE("Graph reads a couple's 'girls' and 'boys' as their children", "[graph]") {
  const Article a = Build(
      "Dana Omarova, 36, and her husband, Arman Bekov, left Ghulja in 2019. Their two girls stayed with a "
      "neighbour, and she has not seen her boys since.\n");
  INFO(Render(a.graph));
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  const int arman = EntityNamed(a.graph, "Arman Bekov");
  REQUIRE(dana >= 0);
  REQUIRE(arman >= 0);
  CHECK(UnnamedTied(a.graph, "child", arman) >= 2);
  CHECK(UnnamedTied(a.graph, "child", dana) >= 3);
}

TEST_CASE("Graph reads unnamed relatives after 'whose' and in a coordination of kin terms", "[graph]") {
  const Article a = Build(
      "Activist Dana Omarova, 40, whose husband was detained in Kashgar in 2018, spoke in Taraz on Monday. She "
      "is raising her two sons and a daughter alone.\n");
  INFO(Render(a.graph));
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  REQUIRE(dana >= 0);
  CHECK(UnnamedTied(a.graph, "spouse", dana) == 1);
  CHECK(UnnamedTied(a.graph, "child", dana) == 3);
}

TEST_CASE("Graph reads 'she and B have two sons' as the sons of both", "[graph]") {
  const Article a = Build(
      "Activist Bagila Nurtazaqyzy, 35, spoke outside the akimat on Monday. She and teacher Yerbol Amanov, 42, "
      "have two sons.\n");
  INFO(Render(a.graph));
  const int bagila = EntityNamed(a.graph, "Bagila Nurtazaqyzy");
  const int yerbol = EntityNamed(a.graph, "Yerbol Amanov");
  REQUIRE(bagila >= 0);
  REQUIRE(yerbol >= 0);
  CHECK(UnnamedTied(a.graph, "child", bagila) == 2);
  CHECK(UnnamedTied(a.graph, "child", yerbol) == 2);
}

TEST_CASE("Graph ties two named persons by a kin predicate, with no unnamed relative", "[graph]") {
  const Article a = Build(
      "Dana Serikqyzy is also the grandmother of Arman Bolatuly, a student. Marat Omarov is Aliya Bekova's "
      "uncle.\n");
  INFO(Render(a.graph));
  const int dana = EntityNamed(a.graph, "Dana Serikqyzy");
  const int arman = EntityNamed(a.graph, "Arman Bolatuly");
  const int marat = EntityNamed(a.graph, "Marat Omarov");
  const int aliya = EntityNamed(a.graph, "Aliya Bekova");
  REQUIRE(dana >= 0);
  REQUIRE(arman >= 0);
  REQUIRE(marat >= 0);
  REQUIRE(aliya >= 0);
  CHECK(Tied(a.graph, dana, "relative", arman));
  CHECK(Tied(a.graph, marat, "relative", aliya));
  CHECK(CountDescribed(a.graph, "grandmother of Arman Bolatuly") == 0);
  CHECK(CountDescribed(a.graph, "uncle of Aliya Bekova") == 0);
}

TEST_CASE("Graph reads 'the couple's daughter' as the daughter of the spouses last named", "[graph]") {
  const Article a = Build(
      "Aigul Nurova and her husband Bakyt Serikov run a shop in Taraz. Activist Marat Omarov said "
      "his wife, Saule Omarova, was detained. \"They took her at night,\" Omarov said. Ms. Omarova and "
      "the couple's daughter, Aruzhan Maratqyzy, were questioned. The couple's two sons were not.\n");
  INFO(Render(a.graph));
  const int marat = EntityNamed(a.graph, "Marat Omarov");
  const int saule = EntityNamed(a.graph, "Saule Omarova");
  const int aruzhan = EntityNamed(a.graph, "Aruzhan Maratqyzy");
  const int aigul = EntityNamed(a.graph, "Aigul Nurova");
  REQUIRE(marat >= 0);
  REQUIRE(saule >= 0);
  REQUIRE(aruzhan >= 0);
  REQUIRE(aigul >= 0);
  CHECK(Tied(a.graph, aruzhan, "child", marat));
  CHECK(Tied(a.graph, aruzhan, "child", saule));
  CHECK_FALSE(Tied(a.graph, aruzhan, "child", aigul));
  int sons = 0;
  for (std::size_t e = 0; e < a.graph.entities.size(); ++e) {
    if (a.graph.entities[e].description != "son of Saule Omarova" && a.graph.entities[e].description != "son of Marat Omarov") continue;
    ++sons;
    CHECK(Tied(a.graph, static_cast<int>(e), "child", marat));
    CHECK(Tied(a.graph, static_cast<int>(e), "child", saule));
  }
  CHECK(sons == 2);
}

TEST_CASE("Graph reads 'their' after a person and her brother as the two of them", "[graph]") {
  const Article a = Build(
      "Obul Ablet, 70, died in prison, according to his son, Dilshat Ablet. Mr. Ablet's daughter, Guzal "
      "Obul, was held for a year. She cannot leave the country, her brother said. Their mother, Roza Kamal, "
      "lives in Ghulja.\n");
  INFO(Render(a.graph));
  const int dilshat = EntityNamed(a.graph, "Dilshat Ablet");
  const int guzal = EntityNamed(a.graph, "Guzal Obul");
  const int roza = EntityNamed(a.graph, "Roza Kamal");
  REQUIRE(dilshat >= 0);
  REQUIRE(guzal >= 0);
  REQUIRE(roza >= 0);
  CHECK(Tied(a.graph, roza, "parent", guzal));
  CHECK(Tied(a.graph, roza, "parent", dilshat));
}

TEST_CASE("Graph reads no pair into 'their' after a sentence that names someone else", "[graph]") {
  const Article a = Build(
      "Guzal Obul was held for a year. She cannot leave, her brother told activist Amina Sadyk. Their "
      "mother, Roza Kamal, lives in Ghulja.\n");
  INFO(Render(a.graph));
  const int roza = EntityNamed(a.graph, "Roza Kamal");
  REQUIRE(roza >= 0);
  CHECK_FALSE(Tied(a.graph, roza, "parent", EntityNamed(a.graph, "Guzal Obul")));
  CHECK_FALSE(Tied(a.graph, roza, "parent", EntityNamed(a.graph, "Amina Sadyk")));
}

TEST_CASE("Graph reads no pair into 'their' after someone spoken of in its own sentence", "[graph]") {
  const Article a = Build(
      "Dilshat Ablet moved to Almaty. His wife, Madina Orazova, is a nurse. He said his two daughters ask "
      "about their grandfather every day.\n");
  INFO(Render(a.graph));
  for (const Entity& e : a.graph.entities) CHECK(e.description.find("grandfather") == std::string::npos);
}

TEST_CASE("Graph takes a mother's unnamed husband for the father of her children", "[graph]") {
  const Article a = Build(
      "Obul Ablet, 70, died in prison, according to his son, Dilshat Ablet. Mr. Ablet's daughter, Guzal "
      "Obul, was held for a year. She cannot leave the country, her brother said. Their mother, Roza Kamal, "
      "may not collect her husband's belongings.\n");
  INFO(Render(a.graph));
  const int tursun = EntityNamed(a.graph, "Obul Ablet");
  const int roza = EntityNamed(a.graph, "Roza Kamal");
  REQUIRE(tursun >= 0);
  REQUIRE(roza >= 0);
  CHECK(Tied(a.graph, tursun, "spouse", roza));
  CHECK(CountDescribed(a.graph, "husband of Roza Kamal") == 0);
  for (const Relation& r : a.graph.relations) {
    if (r.type == "spouse") CHECK(r.inferred);
  }
}

TEST_CASE("Graph takes an unnamed relative for the one named person tied through a third", "[graph]") {
  const Article a = Build(
      "Roza Kamal, 43, lives in Almaty. Her husband, Dilshat Ablet, was detained after his mother, Guzal "
      "Nasir, fell ill. Her son, Arman Dilshatuly, 19, said his father had done nothing wrong. Roza Kamal's "
      "mother-in-law died in 2018.\n");
  INFO(Render(a.graph));
  const int roza = EntityNamed(a.graph, "Roza Kamal");
  const int dilshat = EntityNamed(a.graph, "Dilshat Ablet");
  const int guzal = EntityNamed(a.graph, "Guzal Nasir");
  const int arman = EntityNamed(a.graph, "Arman Dilshatuly");
  REQUIRE(roza >= 0);
  REQUIRE(arman >= 0);
  // "his father" is his mother's husband; "Roza Kamal's mother-in-law" her husband's mother.
  CHECK(Tied(a.graph, dilshat, "parent", arman));
  CHECK(Tied(a.graph, guzal, "relative", roza));
  CHECK(CountDescribed(a.graph, "father of Arman Dilshatuly") == 0);
  CHECK(CountDescribed(a.graph, "mother-in-law of Roza Kamal") == 0);
  for (const Relation& r : a.graph.relations) {
    if (r.type == "relative" || (r.type == "parent" && r.object == arman && r.subject == dilshat)) CHECK(r.inferred);
  }
  SECTION("not when two persons fit") {
    const Article b = Build(
        "Roza Kamal, 43, lives in Almaty. Her husband, Dilshat Ablet, is held. Her first husband, Omar Nur, died "
        "in 2001. Her son, Arman Bekov, 19, said his father had done nothing wrong.\n");
    INFO(Render(b.graph));
    CHECK(CountDescribed(b.graph, "father of Arman Bekov") == 1);
  }
}

TEST_CASE("Graph reads a kin term of two steps as a relative, and ties the named step", "[graph]") {
  const Article a = Build(
      "Dana Omarova, 38, lives in Almaty. Her father, Omar Seitov, was detained in 2018. Bolat Seitov, her "
      "father's younger brother, died in custody. They stayed in Osh with her husband's sister, Aliya Nur.\n");
  INFO(Render(a.graph));
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  const int omar = EntityNamed(a.graph, "Omar Seitov");
  const int bolat = EntityNamed(a.graph, "Bolat Seitov");
  const int aliya = EntityNamed(a.graph, "Aliya Nur");
  REQUIRE(dana >= 0);
  REQUIRE(bolat >= 0);
  REQUIRE(aliya >= 0);
  CHECK(Tied(a.graph, bolat, "relative", dana));
  CHECK(Tied(a.graph, bolat, "sibling", omar));  // her one named father's brother
  CHECK(Tied(a.graph, aliya, "relative", dana));
  CHECK(a.graph.entities[static_cast<std::size_t>(bolat)].gender == "male");
  // No husband is named, so the sister is tied to nobody else.
  CHECK_FALSE(Tied(a.graph, aliya, "sibling", omar));
  SECTION("'her' read as the mother herself is her daughter's") {
    const Article b = Build(
        "Mahira Osman, 40, spoke in Oslo. Her mother, Patima Rozi, was taken in 2018. She is 69. The man in "
        "the photograph is Abdulla Rozi, her mother's elder brother.\n");
    INFO(Render(b.graph));
    const int mahira = EntityNamed(b.graph, "Mahira Osman");
    const int patima = EntityNamed(b.graph, "Patima Rozi");
    const int abdulla = EntityNamed(b.graph, "Abdulla Rozi");
    REQUIRE(abdulla >= 0);
    CHECK(Tied(b.graph, abdulla, "relative", mahira));
    CHECK(Tied(b.graph, abdulla, "sibling", patima));
    CHECK_FALSE(Tied(b.graph, abdulla, "relative", patima));
  }
}

TEST_CASE("Graph reads a list of possessive relatives as relatives of one person", "[graph]") {
  const Article a = Build(
      "Gulnar Ospan, 44, lives in Oslo. She calls three people: her mother, Aisha Bek, her sister, Rahile "
      "Ospan, and her brother Memet.\n");
  INFO(Render(a.graph));
  const int gulnar = EntityNamed(a.graph, "Gulnar Ospan");
  const int aisha = EntityNamed(a.graph, "Aisha Bek");
  const int rahile = EntityNamed(a.graph, "Rahile Ospan");
  REQUIRE(gulnar >= 0);
  REQUIRE(aisha >= 0);
  REQUIRE(rahile >= 0);
  CHECK(Tied(a.graph, aisha, "parent", gulnar));
  CHECK(Tied(a.graph, rahile, "sibling", gulnar));
  // "her sister" is Rahile's kin word, not also Aisha's ("Aisha Bek, her sister,").
  CHECK_FALSE(Tied(a.graph, aisha, "sibling", gulnar));
}

TEST_CASE("Graph reads a step-tie as a relative, named or found through a spouse", "[graph]") {
  const Article a = Build(
      "Roza Kamal, 43, lives in Almaty. Her stepson, Arman Bekov, 19, was detained in 2019.\n");
  INFO(Render(a.graph));
  const int roza = EntityNamed(a.graph, "Roza Kamal");
  const int arman = EntityNamed(a.graph, "Arman Bekov");
  REQUIRE(roza >= 0);
  REQUIRE(arman >= 0);
  CHECK(Tied(a.graph, arman, "relative", roza));
  CHECK_FALSE(Tied(a.graph, arman, "child", roza));
  SECTION("an unnamed stepdaughter is the spouse's one named daughter") {
    const Article b = Build(
        "Roza Kamal, 43, lives in Almaty. Her husband, Dilshat Ablet, was detained in 2018. His daughter, Aida "
        "Dilshatqyzy, 20, studies in Almaty. Roza Kamal said her stepdaughter calls every week.\n");
    INFO(Render(b.graph));
    const int roza_b = EntityNamed(b.graph, "Roza Kamal");
    const int aida = EntityNamed(b.graph, "Aida Dilshatqyzy");
    REQUIRE(aida >= 0);
    CHECK(Tied(b.graph, aida, "relative", roza_b));
    CHECK(CountDescribed(b.graph, "stepdaughter of Roza Kamal") == 0);
  }
}

TEST_CASE("Graph keeps a mother's husband unnamed when her children's father is not known", "[graph]") {
  const Article a = Build(
      "Activist Roza Kamal, whose son Dilshat Ablet is held, spoke. She said her husband was detained too.\n");
  INFO(Render(a.graph));
  CHECK(CountDescribed(a.graph, "husband of Roza Kamal") == 1);
}

TEST_CASE("Graph reads 'the daughter of A and B' as the daughter of both", "[graph]") {
  const Article a = Build(
      "Aizhan Zhaksybek, 24, the daughter of Marat Zhaksybek and Gulnar Akhmet, was detained in Almaty. The son of "
      "Yerlan Sadyk and Dana Omarova, Arman Yerlanuly, was sentenced. The daughter of Bolat Kenzhe and "
      "Aliya Serikqyzy was detained with him.\n");
  INFO(Render(a.graph));
  const int aizhan = EntityNamed(a.graph, "Aizhan Zhaksybek");
  const int arman = EntityNamed(a.graph, "Arman Yerlanuly");
  const int bolat = EntityNamed(a.graph, "Bolat Kenzhe");
  const int aliya = EntityNamed(a.graph, "Aliya Serikqyzy");
  REQUIRE(aizhan >= 0);
  REQUIRE(arman >= 0);
  REQUIRE(bolat >= 0);
  REQUIRE(aliya >= 0);
  CHECK(Tied(a.graph, aizhan, "child", EntityNamed(a.graph, "Marat Zhaksybek")));
  CHECK(Tied(a.graph, aizhan, "child", EntityNamed(a.graph, "Gulnar Akhmet")));
  CHECK(Tied(a.graph, arman, "child", EntityNamed(a.graph, "Yerlan Sadyk")));
  CHECK(Tied(a.graph, arman, "child", EntityNamed(a.graph, "Dana Omarova")));
  int daughters = 0;
  for (std::size_t e = 0; e < a.graph.entities.size(); ++e) {
    if (a.graph.entities[e].name.empty() && a.graph.entities[e].description.rfind("daughter of ", 0) == 0) {
      ++daughters;  // one daughter of the two, not one of each
      CHECK(Tied(a.graph, static_cast<int>(e), "child", bolat));
      CHECK(Tied(a.graph, static_cast<int>(e), "child", aliya));
    }
  }
  CHECK(daughters == 1);
}

TEST_CASE("Graph keeps unnamed cousins of a person who has a closer named tie", "[graph]") {
  const Article a = Build(
      "Aigerim Sadykova's brother, Daniyar Sadykov, lives in Almaty. He said two of his cousins were "
      "detained. His relatives were questioned.\n");
  INFO(Render(a.graph));
  CHECK(CountDescribed(a.graph, "cousin of Daniyar Sadykov") == 2);
  CHECK(CountDescribed(a.graph, "relative of Daniyar Sadykov") == 0);  // a collective word for the ties already stated
}

TEST_CASE("Graph joins a mention that refers to a full name and a name ending a longer one", "[graph]") {
  Handmade h("Nurbek Abdimalik uulu said that Abdimalik uulu was tired. Nurbek slept.");
  h.Add("Nurbek Abdimalik uulu", "Person", {{"gender", "male"}});
  h.Add("Abdimalik uulu", "Person", {}, 1);
  h.Add("Nurbek", "Person", {{"refers", "Nurbek Abdimalik uulu"}}, 1);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 1);
  CHECK(g.entities[0].name == "Nurbek Abdimalik uulu");
  CHECK(g.entities[0].gender == "male");
  CHECK(HasAlias(g.entities[0], "Abdimalik uulu"));
  CHECK(HasAlias(g.entities[0], "Nurbek"));
  CHECK(g.mentions.size() == 3);
}

TEST_CASE("Graph joins a name with a patronymic in the middle and the name without it", "[graph]") {
  Handmade h("Zaure Omarova said so. Court papers name her Zaure Bolatovna Omarova. Asel Bolatovna Omarova spoke.");
  h.Add("Zaure Omarova", "Person", {});
  h.Add("Zaure Bolatovna Omarova", "Person", {{"gender", "female"}});
  h.Add("Asel Bolatovna Omarova", "Person", {});
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 2);
  CHECK(g.entities[0].name == "Zaure Bolatovna Omarova");
  CHECK(HasAlias(g.entities[0], "Zaure Omarova"));
  CHECK(g.entities[0].gender == "female");
  CHECK(g.entities[1].name == "Asel Bolatovna Omarova");
}

TEST_CASE("Graph joins a name whose patronymic is a word of its own and the name without it", "[graph]") {
  Handmade h("Nigar Huseynova is 34. Court papers name her Nigar Ilgar gizi Huseynova. Rashad Ilgar oglu Huseynov spoke.");
  h.Add("Nigar Huseynova", "Person", {});
  h.Add("Nigar Ilgar gizi Huseynova", "Person", {{"gender", "female"}});
  h.Add("Rashad Ilgar oglu Huseynov", "Person", {});
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 2);
  CHECK(g.entities[0].name == "Nigar Ilgar gizi Huseynova");
  CHECK(HasAlias(g.entities[0], "Nigar Huseynova"));
  CHECK(g.entities[1].name == "Rashad Ilgar oglu Huseynov");
}

TEST_CASE("Graph genders a person by a pronoun only when no one else may be meant", "[graph]") {
  const Article a = Build("Police detained Aigul Serik, 40, in May. Officers questioned her for a day.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Serik");
  REQUIRE(aigul >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(aigul)].gender == "female");
  SECTION("a possessive may stand for a possessor") {
    const Article b = Build(
        "Police detained Marat Serikov, 52, in May. Dana Omar, who chairs the network, said it had sent Marat "
        "Serikov's case to a UN body, which called for his release.\n");
    INFO(Render(b.graph));
    const int dana = EntityNamed(b.graph, "Dana Omar");
    REQUIRE(dana >= 0);
    CHECK(b.graph.entities[static_cast<std::size_t>(dana)].gender.empty());
  }
}

TEST_CASE("Graph: a sentence's later subject pronoun of one gender is its first one's person", "[graph]") {
  // "she married X, whom she had known": X is not "she".
  const Article a = Build(
      "Police detained Aigul Serik, 40, in May. In 2013 she married Erkin Tursun, an engineer whom she had known "
      "since school.\n");
  INFO(Render(a.graph));
  const int arman = EntityNamed(a.graph, "Erkin Tursun");
  REQUIRE(arman >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(arman)].gender != "female");
  SECTION("a possessive first sets no such limit") {
    const Article b = Build("His banner showed his cousin, Nazar Tursun, who taught in Ghulja until he was detained.\n");
    INFO(Render(b.graph));
    const int nazar = EntityNamed(b.graph, "Nazar Tursun");
    REQUIRE(nazar >= 0);
    CHECK(b.graph.entities[static_cast<std::size_t>(nazar)].gender == "male");
  }
}

TEST_CASE("Graph guesses a gender from a surname only where nothing else fixed it", "[graph]") {
  const Article a = Build(
      "Aiman Dauletqyzy came to Almaty in May. Nurlan Abdiyev flew in from Astana on Monday. She told lawmakers "
      "that her son had been detained.\n");
  INFO(Render(a.graph));
  const int aiman = EntityNamed(a.graph, "Aiman Dauletqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Abdiyev");
  REQUIRE(aiman >= 0);
  REQUIRE(nurlan >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(nurlan)].gender == "male");
  // "She" cannot be the man the sentence before names, so the son is Aiman's.
  CHECK(CountDescribed(a.graph, "son of Aiman Dauletqyzy") == 1);
  CHECK(CountDescribed(a.graph, "son of Nurlan Abdiyev") == 0);
  SECTION("mentions that disagree leave it empty") {
    Handmade h("Dana Omarova spoke. Dana Omarova left.");
    h.Add("Dana Omarova", "Person", {{"gender", "female"}});
    h.Add("Dana Omarova", "Person", {{"gender", "male"}}, 1);
    const DocumentGraph g = h.Build();
    INFO(Render(g));
    REQUIRE(g.entities.size() == 1);
    CHECK(g.entities[0].gender.empty());
  }
}

TEST_CASE("Graph person attributes: gender conflicts clear, ages parse, possessives drop", "[graph]") {
  Handmade h("Dana Omar spoke. Dana Omar left. Aisha Bek fainted. Aisha Bek's son came. Ivan Petrov, aged unknown.");
  h.Add("Dana Omar", "Person", {{"gender", "female"}});
  h.Add("Dana Omar", "Person", {{"gender", "male"}}, 1);
  h.Add("Aisha Bek", "Person", {{"age", "68-year-old"}, {"gender", "female"}});
  h.Add("Aisha Bek's", "Person", {{"gender", "female"}});
  h.Add("Ivan Petrov", "Person", {{"age", "unknown"}});
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(g.entities.size() == 3);
  const int dana = EntityNamed(g, "Dana Omar");
  const int aisha = EntityNamed(g, "Aisha Bek");
  const int ivan = EntityNamed(g, "Ivan Petrov");
  REQUIRE(dana >= 0);
  REQUIRE(aisha >= 0);
  REQUIRE(ivan >= 0);
  CHECK(g.entities[static_cast<std::size_t>(dana)].gender.empty());
  CHECK(g.entities[static_cast<std::size_t>(aisha)].gender == "female");
  CHECK(g.entities[static_cast<std::size_t>(aisha)].age == 68);
  CHECK(g.entities[static_cast<std::size_t>(aisha)].aliases.empty());
  CHECK(g.entities[static_cast<std::size_t>(ivan)].age == -1);
}

TEST_CASE("Graph organizations: located form, bare head, canonical names and types", "[graph]") {
  Handmade h(
      "They picketed the Chinese Consulate in Almaty. The Chinese Consulate said nothing. "
      "Later the consulate closed. HRW and Human Rights Watch spoke.");
  h.Add("Chinese Consulate in Almaty", "Organization", {{"type", "GovernmentOrganization"}});
  h.Add("Almaty", "Place", {{"type", "City"}});
  h.Add("Chinese Consulate", "Organization", {}, 1);
  h.Add("the consulate", "Organization");
  h.Add("HRW", "Organization", {{"canonical", "Human Rights Watch"}, {"type", "NGO"}});
  h.Add("Human Rights Watch", "Organization", {{"acronym", "HRW"}});
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(CountKind(g, EntityKind::kOrganization) == 2);
  const int consulate = EntityNamed(g, "Chinese Consulate in Almaty");
  REQUIRE(consulate >= 0);
  const Entity& c = g.entities[static_cast<std::size_t>(consulate)];
  CHECK(c.type == "GovernmentOrganization");
  CHECK(c.aliases == std::vector<std::string>{"Chinese Consulate", "consulate"});
  CHECK(c.located_in == EntityNamed(g, "Almaty"));
  CHECK(MentionTexts(h.text(), g, consulate) ==
        std::vector<std::string>{"Chinese Consulate in Almaty", "Chinese Consulate", "the consulate"});
  const int hrw = EntityNamed(g, "Human Rights Watch");
  REQUIRE(hrw >= 0);
  CHECK(g.entities[static_cast<std::size_t>(hrw)].type == "NGO");
  CHECK(g.entities[static_cast<std::size_t>(hrw)].aliases == std::vector<std::string>{"HRW"});
  CHECK(MentionTexts(h.text(), g, hrw).size() == 2);
}

TEST_CASE("Graph keeps an institution's number in its name, and two numbers apart", "[graph]") {
  Handmade h("He was moved from Penal Colony No. 21 to Penal Colony No. 6 last week.");
  h.Add("Penal Colony No. 21", "Organization", {{"type", "GovernmentOrganization"}});
  h.Add("Penal Colony No. 6", "Organization", {{"type", "GovernmentOrganization"}});
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  CHECK(CountKind(g, EntityKind::kOrganization) == 2);
  CHECK(EntityNamed(g, "Penal Colony No. 21") >= 0);
  CHECK(EntityNamed(g, "Penal Colony No. 6") >= 0);
}

TEST_CASE("Graph places inside an organization's name", "[graph]") {
  Handmade h("The U.S. Embassy and the Consulate in Almaty and Radio Free Asia spoke in the U.S. today.");
  h.Add("U.S. Embassy", "Organization");
  h.Add("U.S.", "Place", {{"canonical", "United States"}, {"type", "Country"}});
  h.Add("Consulate in Almaty", "Organization");
  h.Add("Almaty", "Place", {{"type", "City"}});
  h.Add("Radio Free Asia", "Organization");
  h.Add("Asia", "Place", {{"type", "Place"}});
  h.Add("U.S.", "Place", {{"canonical", "United States"}, {"type", "Country"}}, 1);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  CHECK(CountKind(g, EntityKind::kPlace) == 2);
  const int us = EntityNamed(g, "United States");
  REQUIRE(us >= 0);
  CHECK(g.entities[static_cast<std::size_t>(us)].aliases == std::vector<std::string>{"U.S."});
  CHECK(MentionTexts(h.text(), g, us) == std::vector<std::string>{"U.S."});
  CHECK(EntityNamed(g, "Asia") < 0);
  const int almaty = EntityNamed(g, "Almaty");
  REQUIRE(almaty >= 0);
  CHECK(g.entities[static_cast<std::size_t>(EntityNamed(g, "Consulate in Almaty"))].located_in == almaty);
  CHECK(g.entities[static_cast<std::size_t>(EntityNamed(g, "U.S. Embassy"))].located_in == -1);
}

TEST_CASE("Graph resolves relation and event arguments to entities", "[graph]") {
  Handmade h("Aliya Serikqyzy and her son Arman Bekuly protested in Almaty. Police detained Arman Bekuly.");
  const CaptureRange aliya = h.Add("Aliya Serikqyzy", "Person", {{"gender", "female"}});
  const CaptureRange arman = h.Add("Arman Bekuly", "Person", {{"gender", "male"}});
  const CaptureRange almaty = h.Add("Almaty", "Place", {{"type", "City"}});
  const CaptureRange arman2 = h.Add("Arman Bekuly", "Person", {}, 1);
  ExtractedRelation child;
  child.type = "child";
  child.subject = arman;
  child.object = aliya;
  child.attributes = {{"term", "son"}};
  child.rule = "test.kin";
  child.sentence = 0;
  h.ex().relations.push_back(child);
  ExtractedRelation self = child;  // both arguments are one person: dropped
  self.subject = arman2;
  self.object = arman;
  h.ex().relations.push_back(self);
  ExtractedRelation dangling = child;  // "Police" is no entity: dropped
  dangling.subject = h.Range("Police");
  h.ex().relations.push_back(dangling);
  ExtractedEvent protest;
  protest.kind = "Protest";
  protest.roles = {{"protester", aliya}, {"place", almaty}, {"nobody", h.Range("protested")}};
  protest.rule = "test.event";
  protest.sentence = 0;
  h.ex().events.push_back(protest);
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  const int a = EntityNamed(g, "Aliya Serikqyzy");
  const int b = EntityNamed(g, "Arman Bekuly");
  REQUIRE(a >= 0);
  REQUIRE(b >= 0);
  REQUIRE(g.relations.size() == 1);
  CHECK(g.relations[0].subject == b);
  CHECK(g.relations[0].type == "child");
  CHECK(g.relations[0].object == a);
  CHECK(g.relations[0].term == "son");
  CHECK(g.relations[0].evidence.rule == "test.kin");
  CHECK_FALSE(g.relations[0].inferred);
  REQUIRE(g.events.size() == 1);
  const Event& ev = g.events[0];
  CHECK(ev.kind == "Protest");
  CHECK(ev.place == EntityNamed(g, "Almaty"));
  REQUIRE(ev.roles.size() == 1);
  CHECK(ev.roles[0].role == "protester");
  CHECK(ev.roles[0].entity == a);
  CHECK(ev.evidence.rule == "test.event");
}

TEST_CASE("Graph sentences and mention evidence are byte spans of the text", "[graph]") {
  Handmade h("Dana Omar spoke. She left.");
  h.Add("Dana Omar", "Person");
  const DocumentGraph g = h.Build();
  REQUIRE(g.sentences.size() == 2);
  CHECK(g.sentences[0].span == Span{0, 16});
  CHECK(g.sentences[1].span == Span{17, 26});
  REQUIRE(g.mentions.size() == 1);
  CHECK(g.mentions[0].evidence.span == Span{0, 9});
  CHECK(g.mentions[0].evidence.sentence == 0);
  CHECK(g.mentions[0].evidence.rule == "test.Person");
}

// JoinOrganizations records joins as a map and merges them in key order, not
// transitively: when "the mission" joins "U.S. Mission" by its head and "U.S.
// Mission" joins "U.S. Embassy" by its head's other name, and the second has the smaller
// index, the first is merged into an already dropped entity and its mention is lost.
TEST_CASE("Graph joins a ministry's short name to the one body its other names fit", "[graph]") {
  const Article a = Build(
      "Relatives wrote to the Ministry of Foreign Affairs of Kazakhstan. The Foreign Ministry did not reply. "
      "In Bishkek, the Kyrgyz Interior Ministry said the Interior Ministry had no record.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Foreign Ministry") < 0);
  CHECK(EntityNamed(a.graph, "Ministry of Foreign Affairs of Kazakhstan") >= 0);
  CHECK(EntityNamed(a.graph, "Interior Ministry") < 0);
  CHECK(EntityNamed(a.graph, "Kyrgyz Interior Ministry") >= 0);
}

TEST_CASE("Graph keeps a ministry's short name apart when two bodies fit it", "[graph]") {
  const Article a = Build(
      "The Kazakh Foreign Ministry and the Chinese Foreign Ministry met. The Foreign Ministry said nothing.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Foreign Ministry") >= 0);
  CHECK(EntityNamed(a.graph, "Chinese Foreign Ministry") >= 0);
}

TEST_CASE("Graph joins a court's name with words left out to the one full name it fits", "[graph]") {
  const Article a = Build(
      "The Kizilsu Kyrgyz Autonomous Prefecture Intermediate People's Court tried him in Artux. In 2020 the "
      "Kizilsu Intermediate Court sentenced him. The Almaty City Court and the Almaty Regional Court heard "
      "the appeals; the Almaty Court said nothing.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Kizilsu Intermediate Court") < 0);
  CHECK(EntityNamed(a.graph, "Kizilsu Kyrgyz Autonomous Prefecture Intermediate People's Court") >= 0);
  CHECK(EntityNamed(a.graph, "Almaty City Court") >= 0);
  CHECK(EntityNamed(a.graph, "Almaty Regional Court") >= 0);
  CHECK(EntityNamed(a.graph, "Almaty Court") >= 0);  // two full names fit it
}

TEST_CASE("Graph joins a state body's names given in either order", "[graph]") {
  const Article a = Build(
      "She wrote to the Ministry of Foreign Affairs of the Kyrgyz Republic in August. In October the Kyrgyz "
      "Foreign Ministry replied. Kyrgyzstan's Ministry of Foreign Affairs has not commented since.\n");
  INFO(Render(a.graph));
  CHECK(CountKind(a.graph, EntityKind::kOrganization) == 1);
  CHECK(EntityNamed(a.graph, "Ministry of Foreign Affairs of the Kyrgyz Republic") >= 0);
}

TEST_CASE("Graph joins a state body's name to the one name of it with a seat", "[graph]") {
  const Article a = Build(
      "Relatives picketed the Kyrgyz Embassy in July. Questions sent to the Embassy of the Kyrgyz Republic in "
      "Kazakhstan went unanswered. The Chinese Embassy did not reply either, nor did the Embassy of the "
      "People's Republic of China in Kazakhstan.\n");
  INFO(Render(a.graph));
  CHECK(CountKind(a.graph, EntityKind::kOrganization) == 2);
  CHECK(EntityNamed(a.graph, "Embassy of the Kyrgyz Republic in Kazakhstan") >= 0);
  CHECK(EntityNamed(a.graph, "Embassy of the People's Republic of China in Kazakhstan") >= 0);
}

TEST_CASE("Graph keeps a state body's name apart when two names of it have seats", "[graph]") {
  const Article a = Build(
      "Relatives picketed the Kyrgyz Embassy in July. They wrote to the Embassy of the Kyrgyz Republic in "
      "Kazakhstan and to the Embassy of the Kyrgyz Republic in Uzbekistan.\n");
  INFO(Render(a.graph));
  CHECK(CountKind(a.graph, EntityKind::kOrganization) == 3);
}

TEST_CASE("Graph joins a ministry's bare head to the one body it heads with 'of' and a place", "[graph]") {
  const Article a = Build(
      "About 15 relatives stood outside the Ministry of Foreign Affairs on Monday. On Tuesday they stood "
      "outside the building of the Ministry of Foreign Affairs of the Republic of Kazakhstan again.\n");
  INFO(Render(a.graph));
  CHECK(CountKind(a.graph, EntityKind::kOrganization) == 1);
}

TEST_CASE("Graph organization joins are transitive", "[graph]") {
  Handmade h("The U.S. Embassy spoke. The U.S. Mission agreed. Then the mission closed.");
  h.Add("U.S. Embassy", "Organization");
  h.Add("U.S. Mission", "Organization", {{"head", "Mission"}});
  h.Add("the mission", "Organization");
  const DocumentGraph g = h.Build();
  INFO(Render(g));
  REQUIRE(CountKind(g, EntityKind::kOrganization) == 1);
  const int embassy = EntityNamed(g, "U.S. Embassy");
  REQUIRE(embassy >= 0);
  CHECK(MentionTexts(h.text(), g, embassy).size() == 3);
  CHECK(HasAlias(g.entities[static_cast<std::size_t>(embassy)], "mission"));
}


TEST_CASE("Graph reads 'Y, 39, her brother,' as the brother of the woman before", "[graph]") {
  const Article a = Build(
      "Aigerim Bolatqyzy, 44, a teacher, was fined on March 13. Nurlan Bolatuly, 39, her brother, was "
      "jailed for five days. \"He is innocent,\" said activist Dana Serik, her brother's lawyer.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bolatqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Bolatuly");
  const int dana = EntityNamed(a.graph, "Dana Serik");
  REQUIRE(aigerim >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(dana >= 0);
  CHECK(Tied(a.graph, nurlan, "sibling", aigerim));
  CHECK_FALSE(Tied(a.graph, dana, "sibling", aigerim));
}

TEST_CASE("Graph reads 'their father' with no group nearby as the father of the last siblings", "[graph]") {
  const Article a = Build(
      "Aigerim Bolatqyzy, 44, was fined on March 13. Nurlan Bolatuly, 39, her brother, was jailed. "
      "\"We only held a photograph,\" Aigerim Bolatqyzy said. \"My brother did nothing wrong.\" "
      "Their father, Bolat Kenzhe, was detained in 2018. A nephew of their father, Arman Kenzhe, was "
      "also taken away.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bolatqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Bolatuly");
  const int bolat = EntityNamed(a.graph, "Bolat Kenzhe");
  const int arman = EntityNamed(a.graph, "Arman Kenzhe");
  REQUIRE(aigerim >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(bolat >= 0);
  REQUIRE(arman >= 0);
  CHECK(Tied(a.graph, bolat, "parent", aigerim));
  CHECK(Tied(a.graph, bolat, "parent", nurlan));
  // "a nephew of their father, Arman": Arman is not their father.
  CHECK_FALSE(Tied(a.graph, arman, "parent", aigerim));
  CHECK_FALSE(Tied(a.graph, arman, "parent", nurlan));
}

TEST_CASE("Graph ties every person a plural kin term lists", "[graph]") {
  const Article a = Build(
      "Aigerim Bolatqyzy, 60, was fined on March 13. Her two sons, Nurlan Serikov and Arman Serikov, "
      "were jailed in 2019. In May she met Omar Bolatuly's daughters, her nieces Dana Omarova and Saule "
      "Omarova, for the first time.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bolatqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Serikov");
  const int arman = EntityNamed(a.graph, "Arman Serikov");
  const int omar = EntityNamed(a.graph, "Omar Bolatuly");
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  const int saule = EntityNamed(a.graph, "Saule Omarova");
  REQUIRE(aigerim >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(arman >= 0);
  REQUIRE(omar >= 0);
  REQUIRE(dana >= 0);
  REQUIRE(saule >= 0);
  CHECK(Tied(a.graph, nurlan, "child", aigerim));
  CHECK(Tied(a.graph, arman, "child", aigerim));
  CHECK(Tied(a.graph, dana, "child", omar));
  CHECK(Tied(a.graph, saule, "child", omar));
  CHECK(Tied(a.graph, dana, "relative", aigerim));
  CHECK(Tied(a.graph, saule, "relative", aigerim));
  // The sons are named: no unnamed sons besides them.
  for (const Entity& e : a.graph.entities) CHECK(e.description.find("son of") == std::string::npos);
}

TEST_CASE("Graph reads 'the brothers' uncle in Almaty, Y'", "[graph]") {
  const Article a = Build(
      "Nurlan Serikov, 22, and his brother, Arman Serikov, protested on March 3. The brothers' uncle in "
      "Almaty, Omar Bolatuly, sends them money.\n");
  INFO(Render(a.graph));
  const int nurlan = EntityNamed(a.graph, "Nurlan Serikov");
  const int arman = EntityNamed(a.graph, "Arman Serikov");
  const int omar = EntityNamed(a.graph, "Omar Bolatuly");
  REQUIRE(nurlan >= 0);
  REQUIRE(arman >= 0);
  REQUIRE(omar >= 0);
  CHECK(Tied(a.graph, omar, "relative", nurlan));
  CHECK(Tied(a.graph, omar, "relative", arman));
}

TEST_CASE("Graph gives 'The daughter, Y' the parents 'their daughter' had", "[graph]") {
  const Article a = Build(
      "Aigul Serikqyzy and her husband, Bolat Omarov, stood outside the court. With them stood their daughter. "
      "The daughter, 19-year-old Dana Bolatqyzy, was not detained.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Serikqyzy");
  const int bolat = EntityNamed(a.graph, "Bolat Omarov");
  const int dana = EntityNamed(a.graph, "Dana Bolatqyzy");
  REQUIRE(aigul >= 0);
  REQUIRE(bolat >= 0);
  REQUIRE(dana >= 0);
  CHECK(Tied(a.graph, dana, "child", aigul));
  CHECK(Tied(a.graph, dana, "child", bolat));
  CHECK(CountDescribed(a.graph, "daughter of Aigul Serikqyzy") == 0);
}

TEST_CASE("Graph reads 'our mother' in a quote as the speaker's mother alone", "[graph]") {
  const Article a = Build(
      "Aigul Serikqyzy and her husband, Bolat Omarov, stood outside the court. \"Our mother asks about him "
      "every night,\" Aigul said. \"Our son was there too,\" Aigul said.\n");
  INFO(Render(a.graph));
  CHECK(CountDescribed(a.graph, "mother of Aigul Serikqyzy") == 1);
  const int bolat = EntityNamed(a.graph, "Bolat Omarov");
  REQUIRE(bolat >= 0);
  bool son_of_bolat = false;
  bool mother_of_bolat = false;
  for (const Relation& r : a.graph.relations) {
    if (r.type == "child" && r.object == bolat) son_of_bolat = true;
    if (r.type == "parent" && r.object == bolat) mother_of_bolat = true;
  }
  CHECK(son_of_bolat);
  CHECK_FALSE(mother_of_bolat);
}

TEST_CASE("Graph takes an unnamed brother or father for the one person whose name says so", "[graph]") {
  const Article a = Build(
      "Aida Temirbek kyzy, 46, held up a photograph of her brother. Ulan Temirbek uulu, 41, was detained in "
      "2018. Aida Temirbek kyzy said her father was also held. Temirbek Asanov died in 2024.\n");
  INFO(Render(a.graph));
  const int aida = EntityNamed(a.graph, "Aida Temirbek kyzy");
  const int ulan = EntityNamed(a.graph, "Ulan Temirbek uulu");
  const int temirbek = EntityNamed(a.graph, "Temirbek Asanov");
  REQUIRE(aida >= 0);
  REQUIRE(ulan >= 0);
  REQUIRE(temirbek >= 0);
  CHECK(Tied(a.graph, ulan, "sibling", aida));
  CHECK(Tied(a.graph, temirbek, "parent", aida));
  CHECK(CountDescribed(a.graph, "brother of Aida Temirbek kyzy") == 0);
  CHECK(CountDescribed(a.graph, "father of Aida Temirbek kyzy") == 0);
  SECTION("not when two men share her patronymic") {
    const Article b = Build(
        "Aida Temirbek kyzy, 46, held up a photograph of her brother. Ulan Temirbek uulu and Marat Temirbekov "
        "were detained in 2018.\n");
    INFO(Render(b.graph));
    CHECK(CountDescribed(b.graph, "brother of Aida Temirbek kyzy") == 1);
  }
  SECTION("'his two sons' takes both men his given name fathered") {
    const Article c = Build(
        "Temirbek Asanov, 74, carried a banner with his two sons' faces. Ulan Temirbek uulu was detained in 2017. "
        "His father heard about it from a cousin. Marat Temirbek uulu was detained in 2018.\n");
    INFO(Render(c.graph));
    const int father = EntityNamed(c.graph, "Temirbek Asanov");
    const int elder = EntityNamed(c.graph, "Ulan Temirbek uulu");
    const int younger = EntityNamed(c.graph, "Marat Temirbek uulu");
    REQUIRE(father >= 0);
    REQUIRE(elder >= 0);
    REQUIRE(younger >= 0);
    CHECK(Tied(c.graph, father, "parent", elder));
    CHECK(Tied(c.graph, father, "parent", younger));
    CHECK(CountDescribed(c.graph, "son of Temirbek Asanov") == 0);
  }
}

TEST_CASE("Graph joins a birth name or a name on a document to the person it belongs to", "[graph]") {
  const Article a = Build(
      "Aigul Omarova, 66, runs a shop in Almaty. She was born Aigul Habibulla in Tacheng. The poet Ablet Tursun, "
      "whose Chinese name is Abulaiti Tuersun, was detained in 2019.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Omarova");
  const int ablet = EntityNamed(a.graph, "Ablet Tursun");
  REQUIRE(aigul >= 0);
  REQUIRE(ablet >= 0);
  // The name the article calls the person by stays the name; the other one is an alias.
  CHECK(HasAlias(a.graph.entities[static_cast<std::size_t>(aigul)], "Aigul Habibulla"));
  CHECK(HasAlias(a.graph.entities[static_cast<std::size_t>(ablet)], "Abulaiti Tuersun"));
  CHECK(EntityNamed(a.graph, "Aigul Habibulla") < 0);
  SECTION("her birth name's family name is her brother's") {
    const Article b = Build(
        "Aigul Omarova, 66, runs a shop in Almaty. She was born Aigul Habibulla in Tacheng. Her brother stayed "
        "behind. Anwar Habibulla, 59, is an imam there.\n");
    INFO(Render(b.graph));
    const int sister = EntityNamed(b.graph, "Aigul Omarova");
    const int anwar = EntityNamed(b.graph, "Anwar Habibulla");
    REQUIRE(sister >= 0);
    REQUIRE(anwar >= 0);
    CHECK(Tied(b.graph, anwar, "sibling", sister));
  }
  SECTION("a lone family name after 'née' joins nobody") {
    const Article c = Build(
        "Aigul Habibulla, 60, was detained. Dana Bekova (née Habibulla), 58, spoke for her in Almaty.\n");
    INFO(Render(c.graph));
    CHECK(EntityNamed(c.graph, "Aigul Habibulla") >= 0);
    CHECK(EntityNamed(c.graph, "Dana Bekova") >= 0);
  }
}

TEST_CASE("Graph reads the second of two kin terms in apposition after a name", "[graph]") {
  const Article a = Build(
      "Erlan Tursynbekuly, Gaukhar Nurlanqyzy's husband and Aruzhan Bekova's father, was sentenced in 2018.\n");
  INFO(Render(a.graph));
  const int erlan = EntityNamed(a.graph, "Erlan Tursynbekuly");
  CHECK(Tied(a.graph, erlan, "spouse", EntityNamed(a.graph, "Gaukhar Nurlanqyzy")));
  CHECK(Tied(a.graph, erlan, "parent", EntityNamed(a.graph, "Aruzhan Bekova")));
  CHECK(CountDescribed(a.graph, "father of Aruzhan Bekova") == 0);
}

TEST_CASE("Graph reads a kin tie stated in an apposition after a role, as press releases list cases", "[graph]") {
  const Article a = Build(
      "1. Bakhyt Seitqaliuly, 52, a livestock trader from Tacheng and the elder brother of Aiman Seitqalieva, "
      "was detained in 2018.\n\n2. Gulbahram Zhaqsylyqqyzy, 74, a widow from Nilka, mother of Serzhan "
      "Mukhametov, was fined.\n\n3. Rahila Tursunova, 44, a Uyghur teacher from Aksu, whose brother Abdulla "
      "Tursunov runs a cafe in Bishkek, has been held since 2017.\n");
  INFO(Render(a.graph));
  const auto tied = [&](const char* x, const char* type, const char* y) {
    return Tied(a.graph, EntityNamed(a.graph, x), type, EntityNamed(a.graph, y));
  };
  CHECK(tied("Bakhyt Seitqaliuly", "sibling", "Aiman Seitqalieva"));
  CHECK(tied("Gulbahram Zhaqsylyqqyzy", "parent", "Serzhan Mukhametov"));
  CHECK(tied("Abdulla Tursunov", "sibling", "Rahila Tursunova"));
}

TEST_CASE("Graph ties a named parent's named parent to the child as a grandparent", "[graph]") {
  const Article a = Build(
      "Saule Beisenova, 70, travelled to Ghulja in 2019 to see her son, Marat Beisenov. Marat's daughter, "
      "Aida Maratqyzy, 9, lives with her in Almaty.\n");
  INFO(Render(a.graph));
  const int saule = EntityNamed(a.graph, "Saule Beisenova");
  const int aida = EntityNamed(a.graph, "Aida Maratqyzy");
  REQUIRE(Tied(a.graph, EntityNamed(a.graph, "Marat Beisenov"), "parent", aida));
  CHECK(Tied(a.graph, saule, "relative", aida));
  CHECK(!Tied(a.graph, saule, "parent", aida));
}

TEST_CASE("Graph joins a name printed with initials to the one person of that surname they fit", "[graph]") {
  const Article a = Build(
      "A verdict names \"B. T. Sydykov,\" a resident of Akqi. Her husband, Bakytbek Toktogulovich Sydykov, ran a "
      "pharmacy. His brother, Kanybek Sydykov, drives an ambulance. A reply was addressed to \"N. M. Asanova.\" "
      "Nazgul Asanova, 38, lives in Bishkek.\n");
  INFO(Render(a.graph));
  const int bakytbek = EntityNamed(a.graph, "Bakytbek Toktogulovich Sydykov");
  CHECK(EntityNamed(a.graph, "B. T. Sydykov") < 0);
  CHECK(EntityNamed(a.graph, "N. M. Asanova") < 0);
  CHECK(EntityNamed(a.graph, "Nazgul Asanova") >= 0);
  CHECK(EntityNamed(a.graph, "Kanybek Sydykov") != bakytbek);
  CHECK(EntityNamed(a.graph, "Kanybek Sydykov") >= 0);
}

TEST_CASE("Graph keeps a name with initials apart when two persons of the surname fit them", "[graph]") {
  const Article a = Build(
      "The court wrote to \"A. Bekova.\" Aigerim Bekova and her sister, Aliya Bekova, live in Almaty.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "A. Bekova") >= 0);
}

TEST_CASE("Graph gives given names listed before one full name that name's family name", "[graph]") {
  const Article a = Build(
      "Orazgul Sadyqova has had no news of her two brothers, Tursynbek and Mukhtar Sadyqov, since 2018. "
      "Tursynbek drove a lorry. Her cousins Yerlan, Serik and Marat Nurlanuly were jailed.\n");
  INFO(Render(a.graph));
  const int tursynbek = EntityNamed(a.graph, "Tursynbek Sadyqov");
  REQUIRE(tursynbek >= 0);
  CHECK(EntityNamed(a.graph, "Tursynbek") < 0);
  CHECK(MentionTexts(a.doc.text, a.graph, tursynbek).size() == 2);
  CHECK(Tied(a.graph, EntityNamed(a.graph, "Orazgul Sadyqova"), "sibling", tursynbek));
  CHECK(EntityNamed(a.graph, "Yerlan Nurlanuly") >= 0);
  CHECK(EntityNamed(a.graph, "Serik Nurlanuly") >= 0);
}

TEST_CASE("Graph keeps a listed given name with the person the article already names by it", "[graph]") {
  const Article a = Build(
      "Aigerim Bekova, 40, organised the picket. Aigerim and Dana Serikova stood at the gate.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Aigerim Serikova") < 0);
  CHECK(EntityNamed(a.graph, "Aigerim Bekova") >= 0);
}

TEST_CASE("Graph reads a possessive after an opening phrase as the person a pronoun before meant", "[graph]") {
  // The sentence before names nobody but speaks of her as "her" and "she".
  const Article a = Build(
      "Aigerim Bekova decided to go to the border herself. In June her nephew, Arman Seitov, the son of her "
      "younger sister, drove her there. Officers told her she would need a visa. Two months after that, her "
      "mother-in-law, Dana Omarova, died in Ghulja.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bekova");
  const int dana = EntityNamed(a.graph, "Dana Omarova");
  REQUIRE(aigerim >= 0);
  REQUIRE(dana >= 0);
  CHECK(Tied(a.graph, dana, "relative", aigerim));
}

TEST_CASE("Graph keeps an unnamed relative apart from a named one of another kind", "[graph]") {
  // A named mother-in-law is no sister-in-law.
  const Article a = Build(
      "Aigerim Bekova, 61, lives in Aktobe. Her mother-in-law, Dana Omarova, died in 2018. \"My sister-in-law "
      "called me the next morning,\" Bekova said.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bekova");
  REQUIRE(aigerim >= 0);
  CHECK(UnnamedTied(a.graph, "relative", aigerim) == 1);
}

TEST_CASE("Graph finds the named grandparent or uncle an unnamed one is through the parents", "[graph]") {
  const Article a = Build(
      "Aigerim Bekova, 30, lives in Almaty. Her mother, Dana Omarova, moved there in 2010. Omarova's father, "
      "Asqar Omarov, and Omarova's brother, Serik Omarov, stayed in Ghulja. \"My grandfather was taken in 2018 "
      "and my uncle a year later,\" Bekova said.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bekova");
  const int asqar = EntityNamed(a.graph, "Asqar Omarov");
  const int serik = EntityNamed(a.graph, "Serik Omarov");
  REQUIRE(aigerim >= 0);
  REQUIRE(asqar >= 0);
  REQUIRE(serik >= 0);
  CHECK(Tied(a.graph, asqar, "relative", aigerim));
  CHECK(Tied(a.graph, serik, "relative", aigerim));
  CHECK(UnnamedTied(a.graph, "relative", aigerim) == 0);
}

TEST_CASE("Graph reads 'his or her' as nobody in particular", "[graph]") {
  const Article a = Build(
      "Aigul Bekova heads a rights centre in Bishkek. \"No child should be separated from his or her parents,\" "
      "the centre said.\n");
  INFO(Render(a.graph));
  const int aigul = EntityNamed(a.graph, "Aigul Bekova");
  REQUIRE(aigul >= 0);
  CHECK(UnnamedTied(a.graph, "parent", aigul) == 0);
}

TEST_CASE("Graph reads a relative's finer kind from terms of several words or with capitals", "[graph]") {
  const Article a = Build(
      "Aigerim Bekova lives in Almaty. Her twin brother, Arman Bekov, was detained in 2018. Her foster mother, "
      "Dana Omarova, died in 2019. Her mother in law, Saule Nurova, was fined. Her father's brother, Serik "
      "Bekov, was jailed. \"My uncle was taken,\" Bekova said.\n");
  INFO(Render(a.graph));
  const int aigerim = EntityNamed(a.graph, "Aigerim Bekova");
  REQUIRE(aigerim >= 0);
  CHECK(UnnamedTied(a.graph, "sibling", aigerim) == 0);
  CHECK(UnnamedTied(a.graph, "relative", aigerim) == 0);
}

TEST_CASE("Graph: an object pronoun limits a sentence's later pronouns of its gender, here and in the next sentence",
          "[graph]") {
  // "her" is someone named before; the speaker named after it is not "she", nor "She" after.
  for (const char* text :
       {"The court sentenced her in 2019 for a lecture, Aidar Sadyk said, that she had saved on her phone.\n",
        "The court sentenced her in 2019 for a lecture, Aidar Sadyk said. She is now 42.\n"}) {
    const Article a = Build(text);
    INFO(Render(a.graph));
    const int aidar = EntityNamed(a.graph, "Aidar Sadyk");
    REQUIRE(aidar >= 0);
    CHECK(a.graph.entities[static_cast<std::size_t>(aidar)].gender != "female");
  }
  // A possessive sets no limit in the sentence before either.
  const Article b = Build("In her testimony, Gulnar Sadykova described the camp. She was released in 2019.\n");
  INFO(Render(b.graph));
  const int gulnar = EntityNamed(b.graph, "Gulnar Sadykova");
  REQUIRE(gulnar >= 0);
  CHECK(b.graph.entities[static_cast<std::size_t>(gulnar)].gender == "female");
}

TEST_CASE("Graph pairs only pronouns of one case and two genders as 'his or her'", "[graph]") {
  const Article a = Build("Activist Aliya Bek lives in Osh. Police said she or her husband was detained.\n");
  INFO(Render(a.graph));
  const int aliya = EntityNamed(a.graph, "Aliya Bek");
  REQUIRE(aliya >= 0);
  CHECK(UnnamedTied(a.graph, "spouse", aliya) == 1);
}

TEST_CASE("Graph keeps no loose relative tie of a pair tied as parent and child", "[graph]") {
  const Article a = Build(
      "Aigerim Serikova's father, Serik Bekov, died in January. Her brother, Nurlan Serikov, lives in Istanbul. "
      "Serik Bekov's cousin, Nurlan Serikov, carried a portrait.\n");
  INFO(Render(a.graph));
  const int father = EntityNamed(a.graph, "Serik Bekov");
  const int son = EntityNamed(a.graph, "Nurlan Serikov");
  REQUIRE(father >= 0);
  REQUIRE(son >= 0);
  int parent_ties = 0;
  for (const Relation& r : a.graph.relations) {
    if (std::minmax(r.subject, r.object) != std::minmax(father, son)) continue;
    CHECK(r.type != "relative");
    if (r.type == "parent") ++parent_ties;
    for (int src : r.sources) CHECK(a.graph.relations[static_cast<std::size_t>(src)].type != "relative");
  }
  CHECK(parent_ties == 1);
}

TEST_CASE("Graph reads a description owning a relative in an apposition as the person it names again", "[graph]") {
  const Article a = Build(
      "Mamyt Toktorov, 70, was detained in 2019. Aibek Serikov, the old man's son, spoke on Monday.\n");
  INFO(Render(a.graph));
  const int father = EntityNamed(a.graph, "Mamyt Toktorov");
  const int son = EntityNamed(a.graph, "Aibek Serikov");
  REQUIRE(father >= 0);
  REQUIRE(son >= 0);
  CHECK(Tied(a.graph, father, "parent", son));
  CHECK(CountDescribed(a.graph, "son of Aibek Serikov") == 0);
  // Not the subject of a clause it only follows: "the judge's son" is nobody's here.
  const Article b = Build("Aigul Serikova said the judge's son, Arman Bekov, had been promoted.\n");
  INFO(Render(b.graph));
  CHECK_FALSE(Tied(b.graph, EntityNamed(b.graph, "Aigul Serikova"), "parent", EntityNamed(b.graph, "Arman Bekov")));
}

TEST_CASE("Graph names an unnamed relative by the person introduced right after", "[graph]") {
  const Article a = Build(
      "Aliya Omarova, 51, spoke on Monday. Her mother could not be there. \"She is not allowed to travel,\" "
      "Omarova said. Zhamal Akhmetqyzy, 74, still lives in the village.\n");
  INFO(Render(a.graph));
  const int daughter = EntityNamed(a.graph, "Aliya Omarova");
  const int mother = EntityNamed(a.graph, "Zhamal Akhmetqyzy");
  REQUIRE(daughter >= 0);
  REQUIRE(mother >= 0);
  CHECK(Tied(a.graph, mother, "parent", daughter));
  CHECK(CountDescribed(a.graph, "mother of Aliya Omarova") == 0);
  SECTION("not a lawyer, nor a person the relative's sentence does not open with") {
    const Article b = Build(
        "Aliya Omarova, 51, spoke on Monday. Her brother was detained in 2018. Marat Serikov, 44, a lawyer for the "
        "family, said so. Police said her sister was held. Dana Bekova, 30, was not. Her husband was freed. He was "
        "ill. Arman Bekov, 40, a teacher, helped.\n");
    INFO(Render(b.graph));
    const int aliya = EntityNamed(b.graph, "Aliya Omarova");
    CHECK_FALSE(Tied(b.graph, EntityNamed(b.graph, "Marat Serikov"), "sibling", aliya));
    CHECK_FALSE(Tied(b.graph, EntityNamed(b.graph, "Dana Bekova"), "sibling", aliya));
    CHECK_FALSE(Tied(b.graph, EntityNamed(b.graph, "Arman Bekov"), "spouse", aliya));  // past a sentence no quote
  }
}

TEST_CASE("Graph reads 'their' after 'the siblings'' in one sentence as the same siblings", "[graph]") {
  const Article a = Build(
      "Police in Ghulja detained Nurlan Serikuly and his brother Yerlan Serikuly in May. The family has "
      "suffered before: the siblings' father, Serik Abenuly, 70, was held for a year; their sister, "
      "Aliya Serikqyzy, 41, spent two years in a camp.\n");
  INFO(Render(a.graph));
  const int nurlan = EntityNamed(a.graph, "Nurlan Serikuly");
  const int yerlan = EntityNamed(a.graph, "Yerlan Serikuly");
  const int serik = EntityNamed(a.graph, "Serik Abenuly");
  const int aliya = EntityNamed(a.graph, "Aliya Serikqyzy");
  REQUIRE(nurlan >= 0);
  REQUIRE(yerlan >= 0);
  REQUIRE(serik >= 0);
  REQUIRE(aliya >= 0);
  CHECK(Tied(a.graph, serik, "parent", nurlan));
  CHECK(Tied(a.graph, aliya, "sibling", nurlan));
  CHECK(Tied(a.graph, aliya, "sibling", yerlan));
  CHECK_FALSE(Tied(a.graph, aliya, "sibling", serik));
  SECTION("not past someone's relative named between") {
    const Article b = Build(
        "Nurlan Bekov and his wife Aigul Serikova live in Almaty. The couple's son, Arman Bekov, was detained in "
        "2018 with his wife, and their daughter, Dana Armanqyzy, now lives with her grandparents.\n");
    INFO(Render(b.graph));
    const int grandfather = EntityNamed(b.graph, "Nurlan Bekov");
    const int arman = EntityNamed(b.graph, "Arman Bekov");
    const int dana = EntityNamed(b.graph, "Dana Armanqyzy");
    REQUIRE(grandfather >= 0);
    REQUIRE(arman >= 0);
    REQUIRE(dana >= 0);
    CHECK(Tied(b.graph, dana, "child", arman));
    CHECK_FALSE(Tied(b.graph, dana, "child", grandfather));
  }
}

TEST_CASE("Graph reads a lone word that is a person's patronymic stem as the father's given name", "[graph]") {
  const Article a = Build(
      "Saule Beisenqyzy, 47, stood outside the consulate. Her brother, Nurlan Beisenuly, is held in Ghulja. "
      "Both carry the name of their late father, Beisen, a veterinarian in Tekes.\n");
  INFO(Render(a.graph));
  const int saule = EntityNamed(a.graph, "Saule Beisenqyzy");
  const int nurlan = EntityNamed(a.graph, "Nurlan Beisenuly");
  const int beisen = EntityNamed(a.graph, "Beisen");
  REQUIRE(saule >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(beisen >= 0);
  CHECK(beisen != nurlan);
  CHECK(Tied(a.graph, beisen, "parent", nurlan));
  CHECK(Tied(a.graph, beisen, "parent", saule));
  CHECK_FALSE(Tied(a.graph, nurlan, "parent", saule));
}

TEST_CASE("Graph reads a pronoun on a case list's item line as the person the list's heading names", "[graph]") {
  const Article a = Build(
      "A rights group published these cases on Monday.\n"
      "1. Marat Bekuly (Marat Bekov), 61, a retired vet from Nilka County\n"
      "- Campaigning relative: his daughter, Aigerim Maratqyzy, 33. She has picketed the consulate since 2019. "
      "Her appeal was rejected.\n"
      "- Other relatives: his wife remains in Nilka.\n");
  INFO(Render(a.graph));
  const int marat = EntityNamed(a.graph, "Marat Bekuly");
  const int aigerim = EntityNamed(a.graph, "Aigerim Maratqyzy");
  REQUIRE(marat >= 0);
  REQUIRE(aigerim >= 0);
  CHECK(Tied(a.graph, marat, "parent", aigerim));
  CHECK(UnnamedTied(a.graph, "spouse", marat) == 1);
  CHECK(UnnamedTied(a.graph, "spouse", aigerim) == 0);
}

TEST_CASE("Graph reads a quoted paragraph nobody announces as the words of the article's one quoted speaker",
          "[graph]") {
  const std::string opening =
      "Nurzhamal Toktosunova keeps a winter coat by the door.\n\n"
      "\"He left in a light jacket,\" the 41-year-old told reporters.\n\n"
      "That January a man traveled back to Xinjiang to sell a house.\n\n";
  const Article a = Build(opening + "\"I called my brother-in-law every week. My husband, Tursunbek Abdrakhman uulu, "
                                    "got 10 years.\"\n");
  INFO(Render(a.graph));
  const int wife = EntityNamed(a.graph, "Nurzhamal Toktosunova");
  const int husband = EntityNamed(a.graph, "Tursunbek Abdrakhman uulu");
  REQUIRE(wife >= 0);
  REQUIRE(husband >= 0);
  CHECK(Tied(a.graph, husband, "spouse", wife));
  // Quotes by two persons: an unannounced one is nobody's.
  const Article b = Build(opening + "\"We waited,\" said Aidana Serikqyzy, 52.\n\nThe embassy did not reply.\n\n"
                                    "\"My husband, Tursunbek Abdrakhman uulu, got 10 years.\"\n");
  INFO(Render(b.graph));
  const int husband_b = EntityNamed(b.graph, "Tursunbek Abdrakhman uulu");
  REQUIRE(husband_b >= 0);
  CHECK_FALSE(Tied(b.graph, husband_b, "spouse", EntityNamed(b.graph, "Nurzhamal Toktosunova")));
  CHECK_FALSE(Tied(b.graph, husband_b, "spouse", EntityNamed(b.graph, "Aidana Serikqyzy")));
}

TEST_CASE("Graph reads a lone family name as the person's own when another of the person's names spells it so",
          "[graph]") {
  const Article a = Build(
      "Aigul Toktogulova, 38, was detained in 2020. Her brother, Adilet Toktogulov (Adilet Toktogul uulu), 35, "
      "drives a taxi in Osh. In March 2021 Mr. Toktogulov travelled to Washington.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Toktogulov") < 0);
  const auto persons = std::count_if(a.graph.entities.begin(), a.graph.entities.end(),
                                     [](const Entity& e) { return e.kind == EntityKind::kPerson; });
  CHECK(persons == 2);
}

TEST_CASE("Graph reads 'a photograph of their son, X' after a woman and her husband as the couple's son", "[graph]") {
  const Article a = Build(
      "Zhanar Bekova, 30, married Daulet Amanov in Ghulja in 2019. Her husband, she said, spent three years "
      "trying to get a passport. She held up a photograph of their son, Nurdaulet Dauletuly, now four.\n");
  INFO(Render(a.graph));
  const int zhanar = EntityNamed(a.graph, "Zhanar Bekova");
  const int daulet = EntityNamed(a.graph, "Daulet Amanov");
  const int son = EntityNamed(a.graph, "Nurdaulet Dauletuly");
  REQUIRE(zhanar >= 0);
  REQUIRE(daulet >= 0);
  REQUIRE(son >= 0);
  CHECK(Tied(a.graph, son, "child", zhanar));
  CHECK(Tied(a.graph, son, "child", daulet));
  SECTION("not after a role noun's 'of'") {
    const Article b = Build(
        "Nurlan Bekov married Aigul Serikova in 2001. The family moved to Almaty in 2010. In 2019 police detained "
        "a friend of their son, Arman Dauletov, in Ghulja.\n");
    INFO(Render(b.graph));
    const int friend_of = EntityNamed(b.graph, "Arman Dauletov");
    const int father = EntityNamed(b.graph, "Nurlan Bekov");
    REQUIRE(friend_of >= 0);
    REQUIRE(father >= 0);
    CHECK_FALSE(Tied(b.graph, friend_of, "child", father));
  }
}

TEST_CASE("Graph names unnamed brothers by her father's given name as their patronymic, and ties them to him",
          "[graph]") {
  const Article a = Build(
      "Kulpash Orazbekova, 61, lives in Almaty. Four men of her family are held in China: her father, Orazbek "
      "Tleuberdiuly, now 89, and her two younger brothers. A court gave Erbol Orazbekuly thirteen years in 2019. "
      "Askar Orazbekuly, a teacher, was sentenced to ten years.\n");
  INFO(Render(a.graph));
  const int kulpash = EntityNamed(a.graph, "Kulpash Orazbekova");
  const int orazbek = EntityNamed(a.graph, "Orazbek Tleuberdiuly");
  const int erbol = EntityNamed(a.graph, "Erbol Orazbekuly");
  const int askar = EntityNamed(a.graph, "Askar Orazbekuly");
  REQUIRE(kulpash >= 0);
  REQUIRE(orazbek >= 0);
  REQUIRE(erbol >= 0);
  REQUIRE(askar >= 0);
  CHECK(Tied(a.graph, erbol, "sibling", kulpash));
  CHECK(Tied(a.graph, askar, "sibling", kulpash));
  CHECK(Tied(a.graph, orazbek, "parent", erbol));
  CHECK(Tied(a.graph, orazbek, "parent", askar));
  CHECK(Tied(a.graph, erbol, "sibling", askar));
  SECTION("not when her surname is not made of his given name") {
    const Article b = Build(
        "Aliya Bekova, 40, says her father, Serik Bekov, and her brother were detained in 2018. Lawyer Daulet "
        "Serikuly, who represents the family, said the case was closed.\n");
    INFO(Render(b.graph));
    const int aliya = EntityNamed(b.graph, "Aliya Bekova");
    const int daulet = EntityNamed(b.graph, "Daulet Serikuly");
    REQUIRE(aliya >= 0);
    REQUIRE(daulet >= 0);
    CHECK_FALSE(Tied(b.graph, daulet, "sibling", aliya));
  }
}

TEST_CASE("Graph reads 'His daughter, X' by X's patronymic when 'his' finds nobody or another man", "[graph]") {
  const Article a = Build(
      "Qanat Zhumabaiuly was released in January and crossed into Kazakhstan. Sailau Zhaqypbekuly died on "
      "December 9 in Altay city. The retired schoolmaster had been sentenced in 2019 for a Koran that had "
      "belonged to his father.\n\nHis daughter, Dana Sailauqyzy, is a music teacher in Oskemen.\n");
  INFO(Render(a.graph));
  const int qanat = EntityNamed(a.graph, "Qanat Zhumabaiuly");
  const int sailau = EntityNamed(a.graph, "Sailau Zhaqypbekuly");
  const int dana = EntityNamed(a.graph, "Dana Sailauqyzy");
  REQUIRE(qanat >= 0);
  REQUIRE(sailau >= 0);
  REQUIRE(dana >= 0);
  CHECK(Tied(a.graph, dana, "child", sailau));
  CHECK_FALSE(Tied(a.graph, dana, "child", qanat));
  SECTION("the unnamed reading of the same words moves with it") {
    const Article b = Build(
        "Serik Abenov, 70, was held in a camp. Sailau Zhaqypbekuly died in 2021. His son, Arman Serikuly, lives "
        "in Almaty.\n");
    INFO(Render(b.graph));
    const int serik = EntityNamed(b.graph, "Serik Abenov");
    const int arman = EntityNamed(b.graph, "Arman Serikuly");
    const int sailau2 = EntityNamed(b.graph, "Sailau Zhaqypbekuly");
    REQUIRE(serik >= 0);
    REQUIRE(arman >= 0);
    REQUIRE(sailau2 >= 0);
    CHECK(Tied(b.graph, arman, "child", serik));
    CHECK(UnnamedTied(b.graph, "child", sailau2) == 0);
  }
}

TEST_CASE("Graph gives 'his brother, X Y' to the one man of X's family name when 'his' was read as another",
          "[graph]") {
  const Article a = Build(
      "Oral Beisenuly, 77, died in March in the village where he was born. His granddaughter, Aida, and her "
      "younger brother, Arnur Nurlanuly, lived with him until 2017.\n\nIn that first week he asked about his elder "
      "brother, Toleu Beisenuly, who had died in Nilka while Oral was in prison.\n");
  INFO(Render(a.graph));
  const int oral = EntityNamed(a.graph, "Oral Beisenuly");
  const int arnur = EntityNamed(a.graph, "Arnur Nurlanuly");
  const int toleu = EntityNamed(a.graph, "Toleu Beisenuly");
  REQUIRE(oral >= 0);
  REQUIRE(arnur >= 0);
  REQUIRE(toleu >= 0);
  CHECK(Tied(a.graph, toleu, "sibling", oral));
  CHECK_FALSE(Tied(a.graph, toleu, "sibling", arnur));
  SECTION("two men of that family name leave the reading as it was") {
    const Article b = Build(
        "Oral Beisenuly and Marat Beisenuly were released. Arnur Nurlanuly met them. He said his brother, Toleu "
        "Beisenuly, was still held.\n");
    INFO(Render(b.graph));
    const int arnur2 = EntityNamed(b.graph, "Arnur Nurlanuly");
    const int toleu2 = EntityNamed(b.graph, "Toleu Beisenuly");
    REQUIRE(arnur2 >= 0);
    REQUIRE(toleu2 >= 0);
    CHECK(Tied(b.graph, toleu2, "sibling", arnur2));
  }
  SECTION("a parent who shares the name is no sibling") {
    const Article c = Build(
        "Gulnar Bekova, 68, was detained in Ghulja in 2018. Her daughter, Aigul Qasymova, said her sister, Aida "
        "Bekova, was detained in 2019.\n");
    INFO(Render(c.graph));
    const int gulnar = EntityNamed(c.graph, "Gulnar Bekova");
    const int aigul = EntityNamed(c.graph, "Aigul Qasymova");
    const int aida = EntityNamed(c.graph, "Aida Bekova");
    REQUIRE(gulnar >= 0);
    REQUIRE(aigul >= 0);
    REQUIRE(aida >= 0);
    CHECK(Tied(c.graph, aida, "sibling", aigul));
    CHECK_FALSE(Tied(c.graph, aida, "sibling", gulnar));
  }
}

TEST_CASE("Graph reads first-person narration as the byline's author speaking", "[graph]") {
  const Article a = Build(
      "Where My Father Is\n\nBy Aruzhan Tleuqyzy\n\nIn 2014 my mother and I moved to Semey. My father, Marat "
      "Tleuov, stayed behind in Ghulja. He was detained in 2018, and I have not seen him since.\n\nAruzhan "
      "Tleuqyzy is a student in Toronto.\n");
  INFO(Render(a.graph));
  const int author = EntityNamed(a.graph, "Aruzhan Tleuqyzy");
  const int father = EntityNamed(a.graph, "Marat Tleuov");
  REQUIRE(author >= 0);
  REQUIRE(father >= 0);
  CHECK(Tied(a.graph, father, "parent", author));
  CHECK(UnnamedTied(a.graph, "parent", author) == 1);
}

TEST_CASE("Graph reads a statement's first person as the writers it opens with, line by line", "[graph]") {
  const Article a = Build(
      "APPEAL\n\nWe, the undersigned, do not know where our relatives are.\n\n1. I, Gulnar Sadykova, born "
      "1961, ask about my son, Nurlan Sadykov, born 1985. He was detained in 2017.\n\n2. We, Aizhan "
      "Toqtarbekqyzy, born 1988, and Dinara Toqtarbekqyzy, sisters, ask about our mother, Balzhan Ermekqyzy. "
      "She was detained in 2018.\n\nI never heard from my brother again.\n");
  INFO(Render(a.graph));
  const int gulnar = EntityNamed(a.graph, "Gulnar Sadykova");
  const int nurlan = EntityNamed(a.graph, "Nurlan Sadykov");
  const int aizhan = EntityNamed(a.graph, "Aizhan Toqtarbekqyzy");
  const int dinara = EntityNamed(a.graph, "Dinara Toqtarbekqyzy");
  const int balzhan = EntityNamed(a.graph, "Balzhan Ermekqyzy");
  REQUIRE(gulnar >= 0);
  REQUIRE(nurlan >= 0);
  REQUIRE(aizhan >= 0);
  REQUIRE(dinara >= 0);
  REQUIRE(balzhan >= 0);
  CHECK(Tied(a.graph, nurlan, "child", gulnar));
  CHECK(Tied(a.graph, balzhan, "parent", aizhan));
  CHECK(Tied(a.graph, balzhan, "parent", dinara));
  // A line of its own speaks for no one declared on another line.
  CHECK(UnnamedTied(a.graph, "sibling", gulnar) == 0);
  CHECK(UnnamedTied(a.graph, "sibling", dinara) == 0);
}

TEST_CASE("Graph keeps a reporter's byline out of a report whose quotes use single marks", "[graph]") {
  const Article a = Build(
      "Trader Detained\n\nBy Dana Omarova\n\n'I was at home when they came. My son, Nurlan Tursunov, was only "
      "five,' Gulnar Tursunova said. 'My husband, Askar Tursunov, was taken away,' she added.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Dana Omarova") < 0);
}

TEST_CASE("Graph keeps a reporter's byline out of an article not told in the first person", "[graph]") {
  const Article a = Build(
      "Trader Detained\n\nBy Aruzhan Tleuqyzy\n\nMarat Tleuov was detained in 2018, his wife said. \"My husband "
      "is innocent. My children miss him,\" she said.\n");
  INFO(Render(a.graph));
  CHECK(EntityNamed(a.graph, "Marat Tleuov") >= 0);
  CHECK(EntityNamed(a.graph, "Aruzhan Tleuqyzy") < 0);
}

TEST_CASE("Graph takes no gender for a name from the speech tag after it", "[graph]") {
  const Article a = Build(
      "Aigul Sabitova spoke slowly. She said the trader Memet Tursun was taken away with her brother. "
      "What became of Tursun, she said, nobody knows.\n");
  INFO(Render(a.graph));
  const int memet = EntityNamed(a.graph, "Memet Tursun");
  REQUIRE(memet >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(memet)].gender.empty());
  const Article plain = Build("The trader Memet Tursun was taken away. What became of Tursun, nobody knows: she was not seen again.\n");
  INFO(Render(plain.graph));
  const int named = EntityNamed(plain.graph, "Memet Tursun");
  REQUIRE(named >= 0);
  CHECK(plain.graph.entities[static_cast<std::size_t>(named)].gender == "female");
}

TEST_CASE("Graph reads a case entry's 'Brother of Y.' as a tie of the person the entry is about", "[graph]") {
  const Article a = Build(
      "THE MISSING\n\n1. Tursun Abdurahman, 40 (born 1981). Brother of Mahinur Abdurahman. A car mechanic.\n\n"
      "2. Abliz Ismayil, 39. Brother of Kurban Ismayil and brother-in-law of Mahinur Abdurahman.\n");
  INFO(Render(a.graph));
  const int tursun = EntityNamed(a.graph, "Tursun Abdurahman");
  const int mahinur = EntityNamed(a.graph, "Mahinur Abdurahman");
  const int abliz = EntityNamed(a.graph, "Abliz Ismayil");
  const int kurban = EntityNamed(a.graph, "Kurban Ismayil");
  REQUIRE(tursun >= 0);
  REQUIRE(mahinur >= 0);
  REQUIRE(abliz >= 0);
  REQUIRE(kurban >= 0);
  CHECK(a.graph.entities[static_cast<std::size_t>(tursun)].age == 40);
  CHECK(Tied(a.graph, tursun, "sibling", mahinur));
  CHECK(Tied(a.graph, abliz, "sibling", kurban));
  CHECK(Tied(a.graph, abliz, "relative", mahinur));
  // Outside a labelled entry the kin word stands for no one.
  const Article prose = Build("Tursun Abdurahman, 40, lives in Almaty. Brother of Mahinur Abdurahman. A car mechanic.\n");
  INFO(Render(prose.graph));
  const int t = EntityNamed(prose.graph, "Tursun Abdurahman");
  const int m = EntityNamed(prose.graph, "Mahinur Abdurahman");
  REQUIRE(t >= 0);
  REQUIRE(m >= 0);
  CHECK_FALSE(Tied(prose.graph, t, "sibling", m));
}

TEST_CASE("Graph reads a pronoun in a case entry as the entry's person, past fragments that name a relative",
          "[graph]") {
  const Article a = Build(
      "THE MISSING\n\n5. Perizat Yasin, 31. Sister of Zulpiye Yasin. A pharmacist. She was detained in Ghulja in "
      "April 2018, a few weeks after Zulpiye moved to Almaty. She was let go in December 2019. While she was held, "
      "her two sons were raised by her father-in-law.\n");
  INFO(Render(a.graph));
  const int perizat = EntityNamed(a.graph, "Perizat Yasin");
  const int zulpiye = EntityNamed(a.graph, "Zulpiye Yasin");
  REQUIRE(perizat >= 0);
  REQUIRE(zulpiye >= 0);
  CHECK(UnnamedTied(a.graph, "child", perizat) == 2);
  CHECK(UnnamedTied(a.graph, "child", zulpiye) == 0);
  for (const Event& e : a.graph.events) {
    if (e.kind != "Detention" && e.kind != "Release") continue;
    for (const EventRole& r : e.roles) CHECK(r.entity != zulpiye);
  }
}

}  // namespace
}  // namespace kith
