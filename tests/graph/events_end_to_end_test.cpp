// Events end to end: the project's rules over short original sentences, then
// BuildDocumentGraph with a publication date. Asserts what rules/70_events.json
// and the graph headers promise: who took part in what, when, and what is
// not reported as an event at all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "graph/graph_builder.h"
#include "text/reader.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

constexpr const char* kPublished = "2021-03-10";

DocumentGraph Build(const std::string& text, const std::string& publication = kPublished) {
  Document doc;
  ReadOptions read;
  if (const Lexicon* furniture = Rules().lexicon("furniture")) read.furniture_cues = &furniture->entries();
  const Status s = ReadDocumentFromBytes("article.txt", text + "\n", read, &doc, nullptr);
  INFO(s.ToString());
  REQUIRE(s.ok());
  Extraction ex;
  REQUIRE(Extract(doc, Rules(), ExtractOptions(), &ex).ok());
  return BuildDocumentGraph(doc.text, ex, Rules(), publication);
}

int EntityNamed(const DocumentGraph& g, const std::string& name) {
  for (std::size_t e = 0; e < g.entities.size(); ++e) {
    if (g.entities[e].name == name) return static_cast<int>(e);
  }
  return -1;
}

// Entities, relations and events, one a line, for failure messages.
std::string Render(const DocumentGraph& g) {
  std::string out;
  for (std::size_t i = 0; i < g.entities.size(); ++i) {
    const Entity& e = g.entities[i];
    out += std::to_string(i) + " " + EntityKindName(e.kind) + " \"" + e.name + "\" " + e.description + "\n";
  }
  for (const Relation& r : g.relations) {
    out += "rel " + std::to_string(r.subject) + " " + r.type + " " + std::to_string(r.object) + "\n";
  }
  for (const Event& e : g.events) {
    out += "event " + e.kind + " " + (e.date.empty() ? "-" : e.date) + " " + e.date_precision + " place=" +
           std::to_string(e.place) + " [";
    for (std::size_t i = 0; i < e.roles.size(); ++i) {
      out += (i ? " " : "") + e.roles[i].role + ":" + std::to_string(e.roles[i].entity);
    }
    out += "] " + e.evidence.rule + "\n";
  }
  return out;
}

std::vector<const Event*> OfKind(const DocumentGraph& g, const std::string& kind) {
  std::vector<const Event*> out;
  for (const Event& e : g.events) {
    if (e.kind == kind) out.push_back(&e);
  }
  return out;
}

// The persons of `e` in `role`, sorted.
std::vector<int> InRole(const Event& e, const std::string& role) {
  std::vector<int> out;
  for (const EventRole& r : e.roles) {
    if (r.role == role) out.push_back(r.entity);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The entities of these names, sorted.
std::vector<int> Named(const DocumentGraph& g, const std::vector<std::string>& names) {
  std::vector<int> out;
  for (const std::string& n : names) out.push_back(EntityNamed(g, n));
  std::sort(out.begin(), out.end());
  return out;
}

bool HasRole(const Event& e, const std::string& role, int entity) {
  return std::any_of(e.roles.begin(), e.roles.end(),
                     [&](const EventRole& r) { return r.role == role && r.entity == entity; });
}

// The one event of `kind` in `g`, in which every person of `named` takes part (in any role);
// fails the test when there is not exactly one.
const Event& OnlyEventWith(const DocumentGraph& g, const std::string& kind, const std::vector<std::string>& named) {
  const std::vector<const Event*> events = OfKind(g, kind);
  REQUIRE(events.size() == 1);
  for (const std::string& name : named) {
    INFO(name);
    const int entity = EntityNamed(g, name);
    CHECK(std::any_of(events[0]->roles.begin(), events[0]->roles.end(),
                      [&](const EventRole& r) { return r.entity == entity; }));
  }
  return *events[0];
}

struct EventCase {
  const char* text;
  const char* kind;
  const char* role;
  const char* person;
};

TEST_CASE("Events: active and passive statements make events with their participants", "[graph]") {
  const EventCase cases[] = {
      {"Activist Dana Omar picketed the Chinese Consulate in Almaty.", "Protest", "protester", "Dana Omar"},
      {"Police detained activist Arman Bek.", "Detention", "detainee", "Arman Bek"},
      {"Activist Arman Bek was detained by police.", "Detention", "detainee", "Arman Bek"},
      {"Activist Arman Bek was arrested and later released.", "Detention", "detainee", "Arman Bek"},
      {"Activist Arman Bek was arrested and later released.", "Release", "released", "Arman Bek"},
      {"The court sentenced activist Kasym Serikuly to 15 days in jail.", "Sentence", "defendant", "Kasym Serikuly"},
      {"Activist Kasym Serikuly was fined.", "Fine", "fined", "Kasym Serikuly"},
  };
  for (const EventCase& c : cases) {
    INFO(c.text);
    const DocumentGraph g = Build(c.text);
    INFO(Render(g));
    const int person = EntityNamed(g, c.person);
    REQUIRE(person >= 0);
    const std::vector<const Event*> events = OfKind(g, c.kind);
    REQUIRE(events.size() == 1);
    CHECK(HasRole(*events[0], c.role, person));
    CHECK_FALSE(events[0]->evidence.rule.empty());
    CHECK(events[0]->evidence.sentence == 0);
  }
}

TEST_CASE("Events: a sentence with a term keeps it as an attribute", "[graph]") {
  const DocumentGraph g = Build("The court sentenced activist Kasym Serikuly to 15 days in jail.");
  INFO(Render(g));
  const std::vector<const Event*> events = OfKind(g, "Sentence");
  REQUIRE(events.size() == 1);
  CHECK(events[0]->attributes.count("term") == 1);
}

TEST_CASE("Events: a fine keeps its sum as amount and ISO 4217 currency", "[graph]") {
  const struct {
    const char* text;
    const char* amount;
    const char* currency;  // "" when the sum is in a unit
    const char* unit;
  } cases[] = {
      {"Activist Dana Omar was fined 150,000 tenge.", "150000", "KZT", ""},
      {"Activist Dana Omar received a fine of 50 monthly calculation indices.", "50", "", "MCI"},
      {"The court ordered activist Dana Omar to pay $2,000.", "2000", "USD", ""},
      {"Activist Dana Omar was ordered to pay a fine of 10,000 rubles.", "10000", "RUB", ""},
      {"A court in Ghulja fined activist Dana Omar 3,000 yuan.", "3000", "CNY", ""},
      {"Activist Dana Omar was fined €500 on March 2.", "500", "EUR", ""},
      {"Activist Dana Omar was fined ten thousand soms.", "10000", "KGS", ""},
      {"Activist Dana Omar was fined 1.5 million Turkish lira.", "1500000", "TRY", ""},
      {"The court imposed a fine of KZT 5,000.50 on activist Dana Omar.", "5000.5", "KZT", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DocumentGraph g = Build(c.text);
    INFO(Render(g));
    const auto fines = OfKind(g, "Fine");
    REQUIRE(fines.size() == 1);
    CHECK(HasRole(*fines[0], "fined", EntityNamed(g, "Dana Omar")));
    const auto& a = fines[0]->attributes;
    CHECK((a.count("amount") ? a.at("amount") : "") == c.amount);
    CHECK((a.count("currency") ? a.at("currency") : "") == c.currency);
    CHECK((a.count("unit") ? a.at("unit") : "") == c.unit);
  }
}

TEST_CASE("Events: no sum, no amount; a sum is no fine by itself", "[graph]") {
  SECTION("a fine with no amount") {
    const DocumentGraph g = Build("Activist Dana Omar was fined for the picket.");
    INFO(Render(g));
    const auto fines = OfKind(g, "Fine");
    REQUIRE(fines.size() == 1);
    CHECK(fines[0]->attributes.count("amount") == 0);
    CHECK(fines[0]->attributes.count("currency") == 0);
  }
  SECTION("a sum without a fine") {
    const char* const texts[] = {
        "Activist Dana Omar paid 150,000 tenge for the flight.",
        "Activist Dana Omar faces a fine of 150,000 tenge.",
        "Activist Dana Omar was not ordered to pay $2,000.",
    };
    for (const char* text : texts) {
      INFO(text);
      const DocumentGraph g = Build(text);
      INFO(Render(g));
      CHECK(OfKind(g, "Fine").empty());
    }
  }
}

TEST_CASE("Events: a group with unnamed others counts everyone who took part", "[graph]") {
  const struct {
    const char* text;
    const char* kind;
    std::vector<std::string> named;
    const char* count;
  } cases[] = {
      {"Dana Serikqyzy, Marat Bekuly and nine other people picketed the Chinese Consulate in Almaty.", "Protest",
       {"Dana Serikqyzy", "Marat Bekuly"}, "11"},
      {"Activist Dana Omar and 20 other relatives rallied outside the consulate on March 2.", "Protest", {"Dana Omar"}, "21"},
      {"Some 30 people, including activist Dana Omar, protested outside the consulate.", "Protest", {"Dana Omar"}, "30"},
      {"Police detained Dana Serikqyzy, Marat Bekuly and twelve others.", "Detention", {"Dana Serikqyzy", "Marat Bekuly"}, "14"},
      {"About 40 relatives gathered on March 2. Among them was Dana Omar, a teacher.", "Protest", {"Dana Omar"}, "40"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DocumentGraph g = Build(c.text);
    INFO(Render(g));
    const Event& event = OnlyEventWith(g, c.kind, c.named);
    REQUIRE(event.attributes.count("participant_count") == 1);
    CHECK(event.attributes.at("participant_count") == c.count);
    CHECK(event.attributes.count("others") == 0);
    CHECK(event.attributes.count("group") == 0);
  }
}

TEST_CASE("Events: 'mother and son' stand for the two persons last tied so", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Serikqyzy, 52, lives in Istanbul. Her son, Arman Bekuly, 31, is a courier. Last Friday mother and "
      "son joined about 40 people outside the Chinese Consulate in Istanbul.");
  INFO(Render(g));
  OnlyEventWith(g, "Protest", {"Aigul Serikqyzy", "Arman Bekuly"});
  SECTION("not someone's mother and son") {
    const DocumentGraph h = Build(
        "Aigul Serikqyzy, 52, lives in Istanbul. Her son, Arman Bekuly, 31, is a courier. Dana Omar said her "
        "mother and son were detained in Urumqi in 2018.");
    INFO(Render(h));
    for (const Event* e : OfKind(h, "Detention")) {
      CHECK_FALSE(HasRole(*e, "detainee", EntityNamed(h, "Aigul Serikqyzy")));
      CHECK_FALSE(HasRole(*e, "detainee", EntityNamed(h, "Arman Bekuly")));
    }
  }
}

TEST_CASE("Events: a list with ages and a kin apposition takes part whole", "[graph]") {
  const struct {
    const char* text;
    const char* kind;
  } cases[] = {
      {"Dana Omar, 51, her daughter, Aru Serikqyzy, 22, and Saule Bekova, 66, were each ordered to pay "
       "5,000 tenge by the Almaty District Court on March 2.",
       "Fine"},
      // The group three sentences on, past a quotation, is the same list.
      {"Dana Omar, 51, her daughter, Aru Serikqyzy, 22, and Saule Bekova, 66, stood outside the consulate "
       "on March 2. Police took their placards. \"We only asked a question,\" Omar said. "
       "\"Nobody answered.\" The women were released that evening.",
       "Release"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DocumentGraph g = Build(c.text);
    INFO(Render(g));
    OnlyEventWith(g, c.kind, {"Dana Omar", "Aru Serikqyzy", "Saule Bekova"});
  }
}

TEST_CASE("Events: verb phrases coordinated by a comma each make their event", "[graph]") {
  // ", was freed in 2023" is a second predicate of the subject, not an aside about it.
  const DocumentGraph g = Build(
      "That man, Dana Omar, was arrested in 2019 while visiting an aunt in Aksu, was freed in 2023 and went home.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Dana Omar"}).date == "2019");
  CHECK(OnlyEventWith(g, "Release", {"Dana Omar"}).date == "2023");
}

TEST_CASE("Events: a date after 'since' dates the state before it, not a later event", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Marat Bekuly, who had been in custody since 2018, died in a detention facility in March 2021.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Death", {"Marat Bekuly"}).date == "2021-03");
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date == "2018");
}

TEST_CASE("Events: later verb phrases of a chain keep the subject and their own dates", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Marat Bekuly flew home to Ghulja in May 2017, was detained at the airport, spent two years in a "
      "camp and in 2019 was sentenced to 16 years.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Travel", {"Marat Bekuly"}).date == "2017-05");
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).kind == "Detention");
  CHECK(OnlyEventWith(g, "Sentence", {"Marat Bekuly"}).date == "2019");
}

TEST_CASE("Events: a date told with the verb before 'and' gives way to the later verb's own date", "[graph]") {
  const DocumentGraph g =
      Build("Activist Marat Bekuly was detained in 2017 and released from a camp in December 2019.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date == "2017");
  CHECK(OnlyEventWith(g, "Release", {"Marat Bekuly"}).date == "2019-12");
  // With no date of its own, the later verb still takes the one before.
  const DocumentGraph h = Build("Activist Marat Bekuly was detained in 2017 and sentenced to ten years.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Sentence", {"Marat Bekuly"}).date == "2017");
  // A date far after the later verb, past a comma, is another clause's.
  const DocumentGraph v = Build(
      "Activist Marat Bekuly was detained in April 2018 and sentenced to 20 years, according to a verdict seen by "
      "reporters in March 2021.");
  INFO(Render(v));
  CHECK(OnlyEventWith(v, "Sentence", {"Marat Bekuly"}).date == "2018-04");
}

TEST_CASE("Events: a date opening a later clause with its own verb is that verb's, not the one before", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Marat Bekuly was arrested in Ghulja, and in May 2019 a court sentenced him to 12 years.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Sentence", {"Marat Bekuly"}).date == "2019-05");
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date.empty());
  const DocumentGraph d = Build(
      "Activist Marat Bekuly was detained at a checkpoint, and on 14 June 2019 a court sentenced him to 12 years.");
  INFO(Render(d));
  CHECK(OnlyEventWith(d, "Sentence", {"Marat Bekuly"}).date == "2019-06-14");
  CHECK(OnlyEventWith(d, "Detention", {"Marat Bekuly"}).date.empty());
  const DocumentGraph h = Build(
      "Activist Marat Bekuly was detained in March 2017. Saule Bekova said her husband was taken away too, and two "
      "years later he was sentenced to nine years.");
  INFO(Render(h));
  const Event& sentence = OnlyEventWith(h, "Sentence", {});
  CHECK(sentence.date == "2019");
  // "he" is the husband the sentence spoke of, not the man the sentence before named.
  CHECK(!InRole(sentence, "defendant").empty());
  CHECK(InRole(sentence, "defendant") != Named(h, {"Marat Bekuly"}));
  // A pronoun of the same gender before the relative goes on with its own person.
  const DocumentGraph f = Build(
      "Activist Marat Bekuly arrived in Almaty in 2016. When his father was arrested in 2017, he flew back to Ghulja.");
  INFO(Render(f));
  const std::vector<const Event*> travels = OfKind(f, "Travel");
  REQUIRE(travels.size() == 2);
  CHECK(InRole(*travels[1], "traveller") == Named(f, {"Marat Bekuly"}));
  // Nor does the arrest then take a day of the sentence before.
  const DocumentGraph w = Build(
      "His wife spoke to reporters on 5 June 2020. Activist Marat Bekuly was arrested at the border, and in May 2019 a "
      "court sentenced him to 12 years.");
  INFO(Render(w));
  CHECK(OnlyEventWith(w, "Detention", {"Marat Bekuly"}).date.empty());
  // A date that ends its clause is still the verb's before it.
  const DocumentGraph v = Build("Activist Marat Bekuly was detained, and in May 2019, he said, nothing changed.");
  INFO(Render(v));
  CHECK(OnlyEventWith(v, "Detention", {"Marat Bekuly"}).date == "2019-05");
}

TEST_CASE("Events: an aside between dashes is passed over, but names between dashes are the subject", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Marat Bekuly -- Kyrgyz records spell the name Marat Bekov -- died in custody in 2020. "
      "Her sons -- Erlan Bekuly and Qaisar Bekuly -- were detained in August 2017.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Death", {"Marat Bekuly"}).date == "2020");
  CHECK(InRole(OnlyEventWith(g, "Detention", {"Erlan Bekuly", "Qaisar Bekuly"}), "detainee") ==
        Named(g, {"Erlan Bekuly", "Qaisar Bekuly"}));
}

TEST_CASE("Events: 'weeks later' counts only from a date just before it, outside a birth and a quote", "[graph]") {
  CHECK(OnlyEventWith(Build("Activist Marat Bekuly went to Ghulja in the spring of 2018. He was detained weeks later."),
                      "Detention", {"Marat Bekuly"})
            .date == "2018");
  for (const char* text :
       {"Activist Marat Bekuly was born in 1962 in Ghulja. He was detained weeks later.",
        "Activist Marat Bekuly went to Ghulja in 2016. \"Days later, they came and detained him,\" his wife said.",
        "Activist Marat Bekuly went to Ghulja in 2016. He fell ill. He slept. He lost work. He was detained weeks later.",
        "Activist Marat Bekuly was detained within days of each other in Ghulja."}) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date.empty());
  }
}

TEST_CASE("Events: a chronology's paragraph opened by a date alone is of that date", "[graph]") {
  const DocumentGraph g = Build(
      "The family told its story.\n\n"
      "November 2018. Activist Marat Bekuly is detained for ten days. After he is let out, he stops calling.\n\n"
      "March 2019. His mother, Aigul Serikqyzy, dies at home in Kokterek.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date == "2018-11");
  CHECK(OnlyEventWith(g, "Death", {"Aigul Serikqyzy"}).date == "2019-03");
}

TEST_CASE("Events: a court giving a person a term sentences that person", "[graph]") {
  const DocumentGraph g = Build(
      "Police took activist Marat Bekuly away in April 2018. That December the county court gave him seven years.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Sentence", {"Marat Bekuly"}).date == "2018-12");
}

TEST_CASE("Events: a month named against publication or the date before", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Dana Omarova was released from prison last March. Her mother, Saule Bekova, was detained in June "
      "2019 and died in custody that September.",
      "2025-06-12");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Release", {"Dana Omarova"}).date == "2025-03");
  CHECK(OnlyEventWith(g, "Death", {"Saule Bekova"}).date == "2019-09");
}

TEST_CASE("Events: a crowd took part in a protest and 'Among them were' names its people", "[graph]") {
  const DocumentGraph g = Build(
      "About eight people took part in Tuesday's picket. Among them were Saule Bekova's son, Marat Bekuly, 19, "
      "and a neighbour, Aidos Serikuly, 33, who held a portrait.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Marat Bekuly", "Aidos Serikuly"});
  CHECK(protest.date == "2021-03-09");
  CHECK_FALSE(HasRole(protest, "protester", EntityNamed(g, "Saule Bekova")));
}

TEST_CASE("Events: being put into a police van is a detention of everyone named", "[graph]") {
  const DocumentGraph g = Build(
      "On July 15 police had put all three -- activist Dana Omar, her son Marat Bekuly, and Saule Bekova, a retired "
      "teacher -- into a van.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Dana Omar", "Marat Bekuly", "Saule Bekova"}).date == "2020-07-15");
}

TEST_CASE("Events: a date past a verb of going dates the journey, not the event", "[graph]") {
  const DocumentGraph g = Build(
      "Police detained Dana Omar, a teacher who moved to Kyrgyzstan from China in 2009.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Dana Omar"}).date.empty());
}

TEST_CASE("Events: an age beside a possessor makes no list", "[graph]") {
  // "X, 68, Y's widow" names one person and whose widow she is.
  const DocumentGraph g = Build(
      "Dana Omar, 68, Marat Bekov's widow, lives in Almaty. Police detained them on March 2.");
  INFO(Render(g));
  CHECK(OfKind(g, "Detention").empty());
}

TEST_CASE("Events: a count of things or years is no count of people", "[graph]") {
  const char* const texts[] = {
      "Police detained activist Dana Omar and seized nine other phones.",
      "Activist Dana Omar and nine other cases were heard by the court.",
      "Activist Dana Omar was detained in Kashgar in 2017 and sentenced the next year.",
      "Activist Dana Omar picketed the consulate with two other banners.",
  };
  for (const char* text : texts) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    for (const Event& e : g.events) CHECK(e.attributes.count("participant_count") == 0);
  }
}

TEST_CASE("Events: the place is the institution the rule captured", "[graph]") {
  const DocumentGraph g = Build("Activist Dana Omar picketed the Chinese Consulate in Almaty on March 2.");
  INFO(Render(g));
  const std::vector<const Event*> events = OfKind(g, "Protest");
  REQUIRE(events.size() == 1);
  CHECK(events[0]->place == EntityNamed(g, "Chinese Consulate in Almaty"));
  CHECK(events[0]->date == "2021-03-02");
  CHECK(events[0]->date_precision == "day");
}

TEST_CASE("Events: 'both were released' releases the pair named before", "[graph]") {
  const DocumentGraph g =
      Build("Police detained Aliya Bek and a second woman, Dana Omar, on May 12. Both were released hours later.");
  INFO(Render(g));
  const std::vector<const Event*> events = OfKind(g, "Release");
  REQUIRE(events.size() == 1);
  CHECK(InRole(*events[0], "released") == Named(g, {"Aliya Bek", "Dana Omar"}));
}

TEST_CASE("Events: 'both' as an active subject takes the pair named before", "[graph]") {
  const DocumentGraph g =
      Build("Police fined Aliya Bek and her sister, Dana Omar, on May 12. Both protested again on May 14.");
  INFO(Render(g));
  const std::vector<const Event*> events = OfKind(g, "Protest");
  REQUIRE(events.size() == 1);
  CHECK(InRole(*events[0], "protester") == Named(g, {"Aliya Bek", "Dana Omar"}));
  CHECK(events[0]->date.substr(4) == "-05-14");
}

TEST_CASE("Events: walking free is a release", "[graph]") {
  const DocumentGraph g = Build("Activist Arman Bek walked free on March 2.");
  INFO(Render(g));
  const std::vector<const Event*> events = OfKind(g, "Release");
  REQUIRE(events.size() == 1);
  CHECK(events[0]->date == "2021-03-02");
  REQUIRE(events[0]->roles.size() == 1);
  CHECK(events[0]->roles[0].entity == EntityNamed(g, "Arman Bek"));
}

TEST_CASE("Events: negated, hypothetical and pending statements are no events", "[graph]") {
  const char* const texts[] = {
      "Police did not detain activist Aliya Bek.",
      "Police never arrested activist Arman Bek.",
      "Activist Arman Bek was not detained.",
      "Activist Aliya Bek could be detained.",
      "Activist Aliya Bek could be deported.",
      "Activist Arman Bek may be sentenced.",
      "Activist Arman Bek has yet to be sentenced.",
      "Activist Arman Bek has yet to be tried.",
      "Activist Arman Bek is due to walk free on March 14.",
      "Activist Arman Bek will walk free on Friday.",
      "Activist Aliya Bek is expected to be freed next week.",
      "Activist Aliya Bek will be released on Friday.",
      "If activist Arman Bek is released early, the family will move.",
      "Nobody knows whether activist Arman Bek was sentenced.",
  };
  for (const char* text : texts) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    CHECK(std::count_if(g.entities.begin(), g.entities.end(),
                        [](const Entity& e) { return e.kind == EntityKind::kPerson; }) == 1);
    CHECK(g.events.empty());
  }
}

TEST_CASE("Events: a generic statement about nobody in particular is no event", "[graph]") {
  const char* const texts[] = {
      "Activists are often detained in the region.",
      "Police detain protesters every week.",
      "Protests are common in the region, and people were detained.",
  };
  for (const char* text : texts) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    CHECK(g.events.empty());
  }
}

TEST_CASE("Events: relative dates count from the date mentioned before", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Dana Omar picketed the Chinese Consulate in Almaty on March 2. "
      "A day earlier, police detained her husband, Marat Omar. "
      "Two days later, a court fined Dana Omar.");
  INFO(Render(g));
  const int dana = EntityNamed(g, "Dana Omar");
  const int marat = EntityNamed(g, "Marat Omar");
  REQUIRE(dana >= 0);
  REQUIRE(marat >= 0);
  const auto protests = OfKind(g, "Protest");
  const auto detentions = OfKind(g, "Detention");
  const auto fines = OfKind(g, "Fine");
  REQUIRE(protests.size() == 1);
  REQUIRE(detentions.size() == 1);
  REQUIRE(fines.size() == 1);
  CHECK(protests[0]->date == "2021-03-02");
  // A day before March 2: across the month boundary.
  CHECK(HasRole(*detentions[0], "detainee", marat));
  CHECK(detentions[0]->date == "2021-03-01");
  CHECK(detentions[0]->date_precision == "day");
  // Two days after the date mentioned last (March 1), not after March 2.
  CHECK(HasRole(*fines[0], "fined", dana));
  CHECK(fines[0]->date == "2021-03-03");
}

TEST_CASE("Events: 'the next day' counts from the date before, across February 29", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Aliya Bek was detained on February 28, 2020. Her husband Marat Bek was released the next day.");
  INFO(Render(g));
  const auto releases = OfKind(g, "Release");
  REQUIRE(releases.size() == 1);
  CHECK(HasRole(*releases[0], "released", EntityNamed(g, "Marat Bek")));
  CHECK(releases[0]->date == "2020-02-29");
}

TEST_CASE("Events: an undated event takes a day-precise date of the sentence before", "[graph]") {
  SECTION("a day") {
    const DocumentGraph g = Build("Activist Arman Bek picketed the consulate on February 9. Police detained him.");
    INFO(Render(g));
    const auto detentions = OfKind(g, "Detention");
    REQUIRE(detentions.size() == 1);
    CHECK(HasRole(*detentions[0], "detainee", EntityNamed(g, "Arman Bek")));
    CHECK(detentions[0]->date == "2021-02-09");
  }
  SECTION("not a month") {
    const DocumentGraph g = Build("Activist Arman Bek picketed the consulate in February. Police detained him.");
    INFO(Render(g));
    const auto detentions = OfKind(g, "Detention");
    REQUIRE(detentions.size() == 1);
    CHECK(detentions[0]->date.empty());
  }
}

TEST_CASE("Events: two mentions of one event are one event", "[graph]") {
  SECTION("the second undated, by surname") {
    const DocumentGraph g =
        Build("Police detained activist Aliya Bek on February 9. Bek was detained outside the consulate.");
    INFO(Render(g));
    const auto detentions = OfKind(g, "Detention");
    REQUIRE(detentions.size() == 1);
    CHECK(HasRole(*detentions[0], "detainee", EntityNamed(g, "Aliya Bek")));
    CHECK(detentions[0]->date == "2021-02-09");
  }
  SECTION("both with the same date") {
    const DocumentGraph g = Build(
        "Police detained activist Aliya Bek on February 9. "
        "Activist Marat Omar was also detained on February 9.");
    INFO(Render(g));
    const auto detentions = OfKind(g, "Detention");
    REQUIRE(detentions.size() == 1);
    CHECK(HasRole(*detentions[0], "detainee", EntityNamed(g, "Aliya Bek")));
    CHECK(HasRole(*detentions[0], "detainee", EntityNamed(g, "Marat Omar")));
  }
  SECTION("different dates stay two events") {
    const DocumentGraph g = Build(
        "Police detained activist Aliya Bek on February 9. "
        "Activist Aliya Bek was detained again on February 20.");
    INFO(Render(g));
    CHECK(OfKind(g, "Detention").size() == 2);
  }
}

TEST_CASE("Events: 'her two sons were sentenced' names the two unnamed sons", "[graph]") {
  const DocumentGraph g = Build("Activist Aliya Bek said her two sons were sentenced to 10 years in prison.");
  INFO(Render(g));
  const int aliya = EntityNamed(g, "Aliya Bek");
  REQUIRE(aliya >= 0);
  const auto sentences = OfKind(g, "Sentence");
  REQUIRE(sentences.size() == 1);
  REQUIRE(sentences[0]->roles.size() == 2);
  for (const EventRole& r : sentences[0]->roles) {
    CHECK(r.role == "defendant");
    REQUIRE(r.entity >= 0);
    const Entity& son = g.entities[static_cast<std::size_t>(r.entity)];
    CHECK(son.kind == EntityKind::kPerson);
    CHECK(son.name.empty());
    CHECK(son.gender == "male");
    // Each is a child of Aliya Bek.
    CHECK(std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& rel) {
      return (rel.type == "child" && rel.subject == r.entity && rel.object == aliya) ||
             (rel.type == "parent" && rel.subject == aliya && rel.object == r.entity);
    }));
  }
  CHECK(sentences[0]->roles[0].entity != sentences[0]->roles[1].entity);
  CHECK_FALSE(HasRole(*sentences[0], "defendant", aliya));
}

std::string Attribute(const Event& e, const std::string& key) {
  const auto it = e.attributes.find(key);
  return it == e.attributes.end() ? "" : it->second;
}

TEST_CASE("Events: each defendant gets his own term", "[graph]") {
  SECTION("her two sons, 12 and 7 years") {
    const DocumentGraph g = Build("Activist Aliya Bek said her two sons were sentenced to 12 and 7 years on March 2.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 2);
    CHECK(Attribute(*sentences[0], "duration") == "P12Y");
    CHECK(Attribute(*sentences[1], "duration") == "P7Y");
    REQUIRE(sentences[0]->roles.size() == 1);
    REQUIRE(sentences[1]->roles.size() == 1);
    CHECK(sentences[0]->roles[0].entity != sentences[1]->roles[0].entity);
    for (const Event* e : sentences) {
      CHECK(e->date == "2021-03-02");
      CHECK(e->evidence.span == sentences[0]->evidence.span);
      CHECK(g.entities[static_cast<std::size_t>(e->roles[0].entity)].description == "son of Aliya Bek");
      CHECK(Attribute(*e, "participant_count").empty());
    }
  }
  SECTION("A and B, respectively, with the judge in both") {
    const DocumentGraph g = Build(
        "Judge Marina Olegovna Shevchenko sentenced Kasym Serikuly and Arman Bekuly to 10 and 8 years respectively.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 2);
    const int kasym = EntityNamed(g, "Kasym Serikuly");
    const int arman = EntityNamed(g, "Arman Bekuly");
    const int judge = EntityNamed(g, "Marina Olegovna Shevchenko");
    CHECK(HasRole(*sentences[0], "defendant", kasym));
    CHECK_FALSE(HasRole(*sentences[0], "defendant", arman));
    CHECK(Attribute(*sentences[0], "duration") == "P10Y");
    CHECK(HasRole(*sentences[1], "defendant", arman));
    CHECK(Attribute(*sentences[1], "duration") == "P8Y");
    CHECK(HasRole(*sentences[0], "adjudicator", judge));
    CHECK(HasRole(*sentences[1], "adjudicator", judge));
  }
  SECTION("a passive list with the place between") {
    const DocumentGraph g =
        Build("Activists Kasym Serikuly and Arman Bekuly were sentenced in Urumqi to ten and eight years respectively.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 2);
    CHECK(Attribute(*sentences[0], "duration") == "P10Y");
    CHECK(Attribute(*sentences[1], "duration") == "P8Y");
    CHECK(sentences[0]->place == EntityNamed(g, "Urumqi"));
    CHECK(sentences[1]->place == EntityNamed(g, "Urumqi"));
  }
  SECTION("a single term stays one event") {
    const DocumentGraph g = Build("Activist Kasym Serikuly was sentenced to 18 months.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 1);
    CHECK(Attribute(*sentences[0], "duration") == "P18M");
  }
  SECTION("terms that do not pair up with persons are listed on one event") {
    const DocumentGraph g = Build("Activist Kasym Serikuly was sentenced to 10 and 8 years.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 1);
    CHECK(Attribute(*sentences[0], "durations") == "P10Y P8Y");
    CHECK(Attribute(*sentences[0], "duration").empty());
  }
}

TEST_CASE("Events: one defendant's sentence is not merged into another's", "[graph]") {
  SECTION("a later mention of one defendant joins his own event") {
    const DocumentGraph g = Build(
        "Kasym Serikuly and Arman Bekuly were sentenced on March 2 to 10 and 8 years. "
        "Serikuly was sentenced for his posts, his lawyer said.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 2);
    CHECK(Attribute(*sentences[0], "duration") == "P10Y");
    CHECK(sentences[0]->roles.size() == 1);
    CHECK(sentences[1]->roles.size() == 1);
  }
  SECTION("a mention of someone else on the same day stays apart") {
    const DocumentGraph g = Build(
        "Kasym Serikuly and Arman Bekuly were sentenced on March 2 to 10 and 8 years. "
        "Activist Dana Omar was also sentenced on March 2.");
    INFO(Render(g));
    const auto sentences = OfKind(g, "Sentence");
    REQUIRE(sentences.size() == 3);
    for (const Event* e : sentences) CHECK(e->roles.size() == 1);
  }
  SECTION("two terms of one person are two events") {
    const DocumentGraph g = Build(
        "Activist Kasym Serikuly was sentenced to 15 days in 2019. "
        "Activist Kasym Serikuly was sentenced to 10 days.");
    INFO(Render(g));
    CHECK(OfKind(g, "Sentence").size() == 2);
  }
}

TEST_CASE("Events: a protester named by a role noun joins the article's protest", "[graph]") {
  SECTION("the protest nobody else is named in") {
    const DocumentGraph g = Build(
        "Dozens of people picketed the Chinese Consulate in Almaty on February 1. "
        "One of the protesters, Aliya Bek, said she wants to see her sons.");
    INFO(Render(g));
    const auto protests = OfKind(g, "Protest");
    REQUIRE(protests.size() == 1);
    CHECK(HasRole(*protests[0], "protester", EntityNamed(g, "Aliya Bek")));
    CHECK(protests[0]->date == "2021-02-01");
  }
  SECTION("the dated protest of a named protester") {
    const DocumentGraph g = Build(
        "Activist Dana Omar picketed the Chinese Consulate in Almaty on February 1. "
        "One of the protesters, Aliya Bek, said she wants to see her sons.");
    INFO(Render(g));
    const auto protests = OfKind(g, "Protest");
    REQUIRE(protests.size() == 1);
    CHECK(HasRole(*protests[0], "protester", EntityNamed(g, "Dana Omar")));
    CHECK(HasRole(*protests[0], "protester", EntityNamed(g, "Aliya Bek")));
    CHECK(protests[0]->date == "2021-02-01");
  }
}

TEST_CASE("Events: a definite description opening a sentence stands for the person last named before it", "[graph]") {
  SECTION("the relative named after the subject, not the subject") {
    const DocumentGraph g = Build(
        "Marat Bek, a driver, said his father, Oraz Serikuly, had been released in May. "
        "The elder man, now 78, was detained in 2018 and sentenced the following year.");
    INFO(Render(g));
    CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Oraz Serikuly"}));
    CHECK(InRole(OnlyEventWith(g, "Sentence", {}), "defendant") == Named(g, {"Oraz Serikuly"}));
  }
  SECTION("a role noun that fixes no gender: the last person named") {
    const DocumentGraph g = Build(
        "Aigul Tursyn wrote to the consulate about her brother, Nurlan Bek. "
        "The retired teacher was held in a camp in Ghulja.");
    INFO(Render(g));
    CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Nurlan Bek"}));
  }
  SECTION("the head noun's gender passes over a person it does not fit") {
    const DocumentGraph g = Build(
        "Aigul Tursyn spoke about her uncle, Oraz Serikuly, and her aunt, Dana Omarova. "
        "The old man was held in a camp in Ghulja.");
    INFO(Render(g));
    CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Oraz Serikuly"}));
  }
  SECTION("an age alone before a who-clause: the person named before") {
    const DocumentGraph g = Build(
        "Activist Marat Bekov went first. The 46-year-old, who left Ghulja for Turkey in 2014, held up a photo.");
    INFO(Render(g));
    CHECK(InRole(OnlyEventWith(g, "Travel", {}), "traveller") == Named(g, {"Marat Bekov"}));
    const DocumentGraph h = Build(
        "Dana Omarova, 46, said her son Arman Omarov was detained in 2018. The 46-year-old, who left Ghulja for "
        "Almaty in 2016, spoke.");
    INFO(Render(h));
    CHECK(InRole(OnlyEventWith(h, "Travel", {}), "traveller") == Named(h, {"Dana Omarova"}));
  }
  SECTION("a name in apposition is the person meant") {
    const DocumentGraph g = Build(
        "Aigul Tursyn spoke first. The youngest speaker, Dana Omarova, was detained in March.");
    INFO(Render(g));
    CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Dana Omarova"}));
  }
  SECTION("a description that may introduce someone new stands for nobody") {
    const DocumentGraph g = Build(
        "Aigul Tursyn spoke about her uncle, Oraz Serikuly. The village mullah was detained in 2018.");
    INFO(Render(g));
    CHECK(OfKind(g, "Detention").empty());
  }
}

TEST_CASE("Events: a relative clause set off by commas keeps its event and its date to itself", "[graph]") {
  const DocumentGraph g = Build(
      "Police detained four picketers on March 3. "
      "Murat Bekov, who had been fined for a similar picket in 2019, was sentenced to 10 days of arrest.");
  INFO(Render(g));
  const int murat = EntityNamed(g, "Murat Bekov");
  const Event& fine = OnlyEventWith(g, "Fine", {"Murat Bekov"});
  CHECK(InRole(fine, "fined") == std::vector<int>{murat});
  CHECK(fine.date == "2019");
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Murat Bekov"});
  CHECK(sentence.date != "2019");
}

TEST_CASE("Events: protests on one day outside two institutions stay two protests", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Tursyn picketed the Chinese Embassy in Astana on March 3. "
      "Her son, Dana Tursyn, held a protest of his own on March 3 outside the Chinese Consulate in Almaty.");
  INFO(Render(g));
  const auto protests = OfKind(g, "Protest");
  REQUIRE(protests.size() == 2);
  CHECK(protests[0]->place != protests[1]->place);
}

TEST_CASE("Events: an event noun with its person as possessor, where the text says it took place", "[graph]") {
  SECTION("after a preposition of time, with the noun's own date") {
    const DocumentGraph g = Build(
        "Marat Bekuly spent a year in a camp near Ghulja. After his release in late 2018 he was sent to a "
        "factory.");
    INFO(Render(g));
    const Event& e = OnlyEventWith(g, "Release", {"Marat Bekuly"});
    CHECK(e.date == "2018");
  }
  SECTION("as the subject of 'came'") {
    const DocumentGraph g = Build("Aidana Serikqyzy flew to Urumqi in May 2019. Her arrest came three weeks later.");
    INFO(Render(g));
    OnlyEventWith(g, "Detention", {"Aidana Serikqyzy"});
  }
  SECTION("a release asked for is none") {
    const DocumentGraph g = Build(
        "Aidana Serikqyzy picketed the consulate. She demanded her release. Calls for her release came from "
        "abroad.");
    INFO(Render(g));
    CHECK(OfKind(g, "Release").empty());
  }
}

TEST_CASE("Events: an adverb inside a perfect passive keeps the event ('had already been fined')", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Qanat Bekuly was jailed because, the ruling said, he had already been fined for a similar "
      "picket in February.");
  INFO(Render(g));
  const Event& fine = OnlyEventWith(g, "Fine", {"Qanat Bekuly"});
  CHECK(fine.date == "2021-02");
}

TEST_CASE("Events: 'him' after a person's verb is someone else ('Judge X fined him')", "[graph]") {
  const DocumentGraph g = Build(
      "The case of activist Aidos Temirbekov was heard on Monday. Judge Daniyar Abilov fined him 80,000 tenge.");
  INFO(Render(g));
  const Event& fine = OnlyEventWith(g, "Fine", {"Aidos Temirbekov"});
  CHECK(InRole(fine, "fined") == Named(g, {"Aidos Temirbekov"}));
}

TEST_CASE("Events: 'her' with no noun after it, right after a woman's verb, is another woman", "[graph]") {
  const DocumentGraph g = Build(
      "The case of activist Aigul Bekova was heard on Monday. Judge Saule Omarova fined her 80,000 tenge.");
  INFO(Render(g));
  const Event& fine = OnlyEventWith(g, "Fine", {"Aigul Bekova"});
  CHECK(InRole(fine, "fined") == Named(g, {"Aigul Bekova"}));
}

TEST_CASE("Events: a date in a relative clause after the trigger belongs to the clause's own person", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Qanat Bekuly was detained outside the court as he spoke of his nephew, Murat Akhmetov, who "
      "vanished in Shihezi in 2019.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Qanat Bekuly"});
  CHECK(detention.date.empty());
}

TEST_CASE("Events: standing outside an institution with photographs after another verb phrase is a protest",
          "[graph]") {
  const DocumentGraph g = Build(
      "Activist Aidos Temirbekov travelled to Almaty and stood alone outside the Chinese Consulate there with "
      "photographs of his brothers.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Aidos Temirbekov"});
  CHECK(InRole(protest, "protester") == Named(g, {"Aidos Temirbekov"}));
  OnlyEventWith(g, "Travel", {"Aidos Temirbekov"});
}

TEST_CASE("Events: a date opening the sentence dates each of its verb phrases", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Aidos Temirbekov spoke on Monday. Last week he travelled to Almaty and stood alone outside the "
      "Chinese Consulate there with photographs of his brothers.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Aidos Temirbekov"});
  const Event& travel = OnlyEventWith(g, "Travel", {"Aidos Temirbekov"});
  CHECK(travel.date == "2021-03");
  CHECK(protest.date == travel.date);
}

TEST_CASE("Events: 'the day before' a clause is counted from that clause, not from the date before", "[graph]") {
  const DocumentGraph g = Build(
      "Activist Kubanych Osmonov was detained in Akto on 3 March 2018, the day before he was due to fly home. "
      "For months nobody would tell the family where he was being held.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Kubanych Osmonov"});
  CHECK(detention.date == "2018-03-03");
}

TEST_CASE("Events: a month name inside a date is no event word", "[graph]") {
  const DocumentGraph g = Build(
      "Aliya Nurlanqyzy has not heard from her husband since March 2019. Her brother marched to the "
      "consulate in May.");
  INFO(Render(g));
  const auto protests = OfKind(g, "Protest");
  REQUIRE(protests.size() == 1);
  CHECK(protests[0]->date == "2020-05");
}

TEST_CASE("Events: a person who 'was taken' is detained, one 'taken home' is not", "[graph]") {
  const DocumentGraph g = Build(
      "Her younger brother, Ablet Qurbanov, was taken on April 9, 2018. In December 2020 he was released on bail "
      "and taken home in a police car.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Ablet Qurbanov"});
  CHECK(detention.date == "2018-04-09");
  OnlyEventWith(g, "Release", {"Ablet Qurbanov"});
}

TEST_CASE("Events: a state that lasts until now takes its 'since' date, not a later clause's", "[graph]") {
  const DocumentGraph g = Build(
      "Since the spring of 2018 his younger brother, Ablet Qurbanov, has been behind bars, and in March his "
      "wife's mother died in a hospital in Aksu.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Ablet Qurbanov"});
  CHECK(detention.date == "2018");
}

TEST_CASE("Events: a person who 'is serving' a term was sentenced to it", "[graph]") {
  const DocumentGraph g = Build(
      "Saule Ospanqyzy lives in Urumqi. Ermek Zhanabilov, her husband, is serving 10 years in a prison in Shihezi.");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Ermek Zhanabilov"});
  CHECK(AttributeOf(sentence.attributes, "duration") == "P10Y");
}

TEST_CASE("Events: a relative clause after a short apposition tells the subject's event", "[graph]") {
  const DocumentGraph g = Build("Aigerim Bolatqyzy, a 46-year-old pastry cook who came to Turkey in 2009, spoke first.");
  INFO(Render(g));
  const Event& travel = OnlyEventWith(g, "Travel", {"Aigerim Bolatqyzy"});
  CHECK(travel.date == "2009");
}

TEST_CASE("Events: the relative named after 'whose father,' is the one held, not the person before", "[graph]") {
  const DocumentGraph g = Build(
      "Among the speakers was Bakyt Sadyrov, 45, whose father, Sadyr Mamytov, has been held since 2017 in a "
      "facility in Kashgar.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Sadyr Mamytov"});
  CHECK_FALSE(HasRole(detention, "detainee", EntityNamed(g, "Bakyt Sadyrov")));
}

TEST_CASE("Events: a term in words after the court and the date is the sentence's duration", "[graph]") {
  const DocumentGraph g = Build(
      "Erlan Tursynbekuly was sentenced by a court in Ghulja in December 2018 to fourteen years for "
      "\"inciting ethnic hatred\".");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Erlan Tursynbekuly"});
  CHECK(sentence.date == "2018-12");
  CHECK(AttributeOf(sentence.attributes, "duration") == "P14Y");
}

TEST_CASE("Events: the possessor before a kin word is not the subject of a later verb phrase", "[graph]") {
  const DocumentGraph g = Build(
      "Tursynbek Alimjanuly stayed in Ghulja. In 1962 Tursynbek Alimjanuly's elder sister went with her husband "
      "and settled in Zharkent.");
  INFO(Render(g));
  for (const Event* travel : OfKind(g, "Travel")) {
    CHECK_FALSE(HasRole(*travel, "traveller", EntityNamed(g, "Tursynbek Alimjanuly")));
  }
}

TEST_CASE("Events: 'In March 2018, five months after X, he was detained' is his detention, in March", "[graph]") {
  const DocumentGraph g = Build(
      "Erlan Tursynbekuly was detained in October 2017. Nurbolat Tursynbekuly, his younger brother, stayed in "
      "Ghulja. A mechanic, he had no passport. In March 2018, five months after Erlan Tursynbekuly, he was "
      "detained at his workshop.");
  INFO(Render(g));
  const int erlan = EntityNamed(g, "Erlan Tursynbekuly");
  const int nurbolat = EntityNamed(g, "Nurbolat Tursynbekuly");
  bool found = false;
  for (const Event* detention : OfKind(g, "Detention")) {
    if (!HasRole(*detention, "detainee", nurbolat)) continue;
    found = true;
    CHECK(detention->date == "2018-03");
    CHECK_FALSE(HasRole(*detention, "detainee", erlan));
  }
  CHECK(found);
}

TEST_CASE("Events: 'flew to X to attend his grandmother's funeral and was detained' is his detention", "[graph]") {
  const DocumentGraph g = Build(
      "Amanzhol Qasymuly is a driver from Zharkent. He flew to Urumqi in July 2024 to attend his grandmother's "
      "funeral and was detained on arrival.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Amanzhol Qasymuly"});
  CHECK(InRole(detention, "detainee") == Named(g, {"Amanzhol Qasymuly"}));
}

TEST_CASE("Events: a fine for taking part in a gathering tells of an undated protest by those fined", "[graph]") {
  const DocumentGraph g = Build(
      "Gulzada Abdyrashit kyzy and her daughter, Aizirek Almazbekova, were each ordered to pay 5,000 soms by the "
      "Naryn City Court on October 11 for taking part in an unsanctioned gathering.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Gulzada Abdyrashit kyzy", "Aizirek Almazbekova"});
  CHECK(protest.date.empty());
  CHECK(protest.place < 0);
  CHECK(protest.attributes.count("setting") == 0);
  const Event& fine = OnlyEventWith(g, "Fine", {"Gulzada Abdyrashit kyzy", "Aizirek Almazbekova"});
  CHECK(fine.date == "2020-10-11");
}

TEST_CASE("Events: a gapped second subject has an event of its own, on its own date", "[graph]") {
  const DocumentGraph g = Build(
      "His only son, Ekrem Ablimit, an accountant, was detained in February 2018, and Ekrem's wife, Gulnisa "
      "Sadir, that summer.");
  INFO(Render(g));
  const std::vector<const Event*> detentions = OfKind(g, "Detention");
  REQUIRE(detentions.size() == 2);
  const int ekrem = EntityNamed(g, "Ekrem Ablimit");
  const int gulnisa = EntityNamed(g, "Gulnisa Sadir");
  for (const Event* d : detentions) {
    const bool his = HasRole(*d, "detainee", ekrem);
    CHECK(his != HasRole(*d, "detainee", gulnisa));
    CHECK(d->date == (his ? "2018-02" : "2018"));
  }
}

TEST_CASE("Events: 'X and his wife Y picketed' is a protest by both, with or without a comma", "[graph]") {
  for (const char* text : {"Kanat Serikov and his wife Aliya Serikova picketed the Chinese Embassy in Bishkek.",
                           "Kanat Serikov and his wife, Aliya Serikova, picketed the Chinese Embassy in Bishkek."}) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    const Event& protest = OnlyEventWith(g, "Protest", {"Kanat Serikov", "Aliya Serikova"});
    CHECK(InRole(protest, "protester") == Named(g, {"Kanat Serikov", "Aliya Serikova"}));
  }
}

TEST_CASE("Events: 'X and her elder daughter stood outside' is a protest by X and the daughter", "[graph]") {
  const DocumentGraph g = Build(
      "Zuura Mamytova lives in Osh. On November 19, Mamytova and her elder daughter stood outside the Chinese "
      "Embassy in Bishkek with a portrait of her son.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Zuura Mamytova"});
  int protesters = 0;
  for (const EventRole& r : protest.roles) protesters += r.role == "protester" ? 1 : 0;
  CHECK(protesters == 2);
}

TEST_CASE("Events: 'They were taken' after a protest by X and an unnamed relative detains both", "[graph]") {
  const DocumentGraph g = Build(
      "Zuura Mamytova lives in Osh. On November 19, Mamytova and her elder daughter stood outside the Chinese "
      "Embassy in Bishkek with a portrait of her son. They were taken to a police station within half an hour.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Zuura Mamytova"});
  const Event& detention = OnlyEventWith(g, "Detention", {"Zuura Mamytova"});
  std::set<int> protesters;
  std::set<int> detainees;
  for (const EventRole& r : protest.roles) protesters.insert(r.entity);
  for (const EventRole& r : detention.roles) detainees.insert(r.entity);
  CHECK(protesters.size() == 2);
  CHECK(detainees == protesters);
  CHECK(detention.date == "2020-11-19");
}

TEST_CASE("Events: the publication date fills the year", "[graph]") {
  struct Case {
    const char* text;
    const char* publication;
    const char* date;
  };
  const Case cases[] = {
      {"Activist Dana Omar was released on March 2.", kPublished, "2021-03-02"},
      // More than a week after publication: the year before.
      {"Activist Dana Omar was released on March 20.", kPublished, "2020-03-20"},
      {"Activist Dana Omar was released on March 2.", "", "--03-02"},
      {"Activist Dana Omar was released on March 2, 2019.", kPublished, "2019-03-02"},
      {"Activist Dana Omar was released yesterday.", kPublished, "2021-03-09"},
      {"Activist Dana Omar was released yesterday.", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text << " published " << c.publication);
    const DocumentGraph g = Build(c.text, c.publication);
    INFO(Render(g));
    const auto releases = OfKind(g, "Release");
    REQUIRE(releases.size() == 1);
    CHECK(releases[0]->date == c.date);
  }
}

TEST_CASE("Events: a speaker's aside and what she said are not her own event", "[graph]") {
  // "said her son, a trader, was detained": the son is detained, not the speaker.
  const char* const texts[] = {
      "Activist Saltanat Abdyldaeva, a pensioner, said her son, a trader, was detained in Kashgar in 2019.",
      "Activist Saltanat Abdyldaeva, the mother of Azamat Sadyrov, said her son, a trader, was detained in "
      "Kashgar in 2019.",
  };
  for (const char* text : texts) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    const int saltanat = EntityNamed(g, "Saltanat Abdyldaeva");
    REQUIRE(saltanat >= 0);
    const std::vector<const Event*> detentions = OfKind(g, "Detention");
    REQUIRE(detentions.size() == 1);
    CHECK_FALSE(HasRole(*detentions[0], "detainee", saltanat));
  }
  // A short aside of speech still lets the subject's verbs reach it.
  const DocumentGraph g = Build("Activist Aliya Bek, she said, was held for a year and let out in 2019.");
  INFO(Render(g));
  CHECK(OfKind(g, "Release").size() == 1);
}

TEST_CASE("Events: a quote that names nobody speaks of whom the narration before it spoke of", "[graph]") {
  const DocumentGraph g = Build(
      "Serik Abenov, 49, drives a taxi. His wife, Gulnar Abenova, travelled to Ghulja in 2018. A week after the "
      "funeral, police took her passport. \"In 2019 they arrested her,\" the taxi driver said.");
  INFO(Render(g));
  const int gulnar = EntityNamed(g, "Gulnar Abenova");
  REQUIRE(gulnar >= 0);
  const std::vector<const Event*> detentions = OfKind(g, "Detention");
  REQUIRE(detentions.size() == 1);
  CHECK(HasRole(*detentions[0], "detainee", gulnar));
  // Not the speaker named in the quote's own sentence.
  const DocumentGraph h = Build(
      "His cousin, Nazif Sharip, was detained in 2017. The family was told nothing. \"I ask for a paper that "
      "says how he died,\" Farit Mukhametov said.");
  INFO(Render(h));
  CHECK(InRole(OnlyEventWith(h, "Death", {"Nazif Sharip"}), "victim") == Named(h, {"Nazif Sharip"}));
}

TEST_CASE("Events: a date in an apposition's relative clause does not date the verb after it", "[graph]") {
  const DocumentGraph g = Build(
      "In September 2017, Arman Bekov, a retired bookkeeper who will turn 66 in March, crossed into China.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Travel", {"Arman Bekov"}).date == "2017-09");
}

TEST_CASE("Events: a conditional word counts only in the trigger's own clause", "[graph]") {
  const char* const texts[] = {
      "Activist Arman Bek lives in Osh. Whether or not his wife knew, he was detained in 2019.",
      "Police asked whether she knew why activist Arman Bek was detained in 2019.",
  };
  for (const char* text : texts) {
    INFO(text);
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    CHECK(OnlyEventWith(g, "Detention", {"Arman Bek"}).date == "2019");
  }
}

TEST_CASE("Events: the couple are the two persons last married when no list names them", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Serikova married Nurlan Bekov in 1994. The couple moved to Aktobe in 2012 with their savings.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Travel", {"Aigul Serikova"}), "traveller") == Named(g, {"Aigul Serikova", "Nurlan Bekov"}));
  // Not when a count asks for more than the pair.
  const DocumentGraph h = Build(
      "Arman Bek is the brother of Omar Bek. Aigul Serikova lives in Osh. The three brothers moved to Aktobe in 2012.");
  INFO(Render(h));
  for (const Event* e : OfKind(h, "Travel")) CHECK(InRole(*e, "traveller").empty());
}

TEST_CASE("Events: a relative a verb takes as its object is no subject of a coordinated passive", "[graph]") {
  const DocumentGraph g = Build(
      "Zhomart Bek, a driver from Zharkent, crossed into China on May 3, 2023, to visit his sick mother in Kulja "
      "and was detained at the checkpoint.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Detention", {"Zhomart Bek"}), "detainee") == Named(g, {"Zhomart Bek"}));
  CHECK(OfKind(g, "Detention").size() == 1);
  const DocumentGraph h = Build("Arman Sadyk drove to Khorgos in 2019 bringing his elderly mother and was detained there.");
  INFO(Render(h));
  CHECK(InRole(OnlyEventWith(h, "Detention", {"Arman Sadyk"}), "detainee") == Named(h, {"Arman Sadyk"}));
}

TEST_CASE("Events: the brothers are the two men last tied as siblings, not a sister's pair", "[graph]") {
  const DocumentGraph g = Build(
      "Arman Bekov and his younger brother Daulet Bekov ran a farm near Altay. \"I miss my brothers,\" said their "
      "sister, Aliya Bekova, a teacher in Almaty. The two brothers were detained at their homes on March 4, 2025.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Detention", {"Arman Bekov"}), "detainee") == Named(g, {"Arman Bekov", "Daulet Bekov"}));
  // With no pair both named, a brother the article leaves unnamed is one of them.
  const DocumentGraph h = Build("Arman Bekov and his brother were detained in 2018. The brothers were released on May 5, 2020.");
  INFO(Render(h));
  CHECK(OfKind(h, "Release").size() == 1);
}

TEST_CASE("Events: a date after a later verb of speech dates the telling, not the event", "[graph]") {
  const DocumentGraph g = Build("Arman Bekov was sentenced to ten years in Ghulja, his sister said on March 3, 2026.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Sentence", {"Arman Bekov"}).date.empty());
  // A capitalised word that is also a verb of speech ("the United States") is no speech.
  const DocumentGraph h = Build("Aigul Serikova, 55, who came to the United States with her husband in 2001, spoke.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Travel", {"Aigul Serikova"}).date == "2001");
  // Also for a term given with "gave", whose rule names its verb as the trigger.
  const DocumentGraph q = Build("\"For that they gave Arman Bekov seventeen years,\" his sister said on June 4.");
  INFO(Render(q));
  CHECK(OnlyEventWith(q, "Sentence", {"Arman Bekov"}).date.empty());
  // A noun of speech is no telling: "at the request of".
  const DocumentGraph k = Build("Dana Omarova was detained at the request of Chinese police on March 5, 2025.");
  INFO(Render(k));
  CHECK(OnlyEventWith(k, "Detention", {"Dana Omarova"}).date == "2025-03-05");
}

TEST_CASE("Events: a person dies once, on the earlier day the article gives", "[graph]") {
  const DocumentGraph g = Build(
      "Serik Bekov, a herder from Tekes, died on February 10, 2026, his children said. Bekov had died on January 27, "
      "2026, in a hospital in Ghulja, the family later learned.");
  INFO(Render(g));
  const std::vector<const Event*> deaths = OfKind(g, "Death");
  REQUIRE(deaths.size() == 1);
  CHECK(deaths[0]->date == "2026-01-27");
  // Two who died together are not one who died twice.
  const DocumentGraph h = Build(
      "Aigul Serikova and Arman Serikov died in a fire on May 2, 2015. Arman Serikov had died on March 3, 2014, "
      "relatives said.");
  INFO(Render(h));
  CHECK(OfKind(h, "Death").size() == 2);
}

TEST_CASE("Events: one jailing verb giving two persons a term each is two sentences", "[graph]") {
  const DocumentGraph g = Build("The court jailed Arman Bekuly for six years and Daulet Omarov for four years.");
  INFO(Render(g));
  const std::vector<const Event*> sentences = OfKind(g, "Sentence");
  REQUIRE(sentences.size() == 2);
  CHECK(InRole(*sentences[0], "defendant") == Named(g, {"Arman Bekuly"}));
  CHECK(sentences[0]->attributes.at("duration") == "P6Y");
  CHECK(InRole(*sentences[1], "defendant") == Named(g, {"Daulet Omarov"}));
  CHECK(sentences[1]->attributes.at("duration") == "P4Y");
  CHECK(OfKind(g, "Detention").empty());
}

TEST_CASE("Events: a pronoun in a quote may mean the speaker's relative, named by the family ties", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Nurtazaqyzy spoke about her mother, Kulzhamal Akhmetqyzy. \"My mother waited for years. She crossed "
      "the border at Bakhty in 2023,\" Nurtazaqyzy said.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Travel", {}), "traveller") == Named(g, {"Kulzhamal Akhmetqyzy"}));
}

TEST_CASE("Events: a pronoun after a sentence that opens with a relative is that relative", "[graph]") {
  const DocumentGraph g = Build(
      "Aizhan Serikova asked about her mother, Balzhan Ermekqyzy. In 2017 her mother came to Almaty to see her "
      "grandchild. In September 2018, after she had gone back, she was detained in Shikho.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Balzhan Ermekqyzy"}));
  // A relative who only tags a quote is not the sentence's subject.
  const DocumentGraph h = Build(
      "Gulbahram Omarova, now 58, spent twenty months in a camp. \"My mother learned to wait,\" her daughter says. "
      "She was released in December 2019.");
  INFO(Render(h));
  CHECK(InRole(OnlyEventWith(h, "Release", {}), "released") == Named(h, {"Gulbahram Omarova"}));
}

TEST_CASE("Events: a description after an opening time phrase is its person", "[graph]") {
  const DocumentGraph g = Build(
      "Dana Omarova, 61, lost her husband in a camp in 2019. Two years later the widow was detained in Kashgar. "
      "Serik Bekov's mother, Aigul Serikova, was fined in 2023. In May, the widow went back to Ghulja.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Dana Omarova"}));
  CHECK(InRole(OnlyEventWith(g, "Travel", {}), "traveller") == Named(g, {"Aigul Serikova"}));
  // A description in the middle of a sentence names nobody.
  const DocumentGraph h = Build("Dana Omarova, 61, lost her husband in a camp in 2019. Police said the widow was detained.");
  INFO(Render(h));
  CHECK(OfKind(h, "Detention").empty());
}

TEST_CASE("Events: a description repeating the one opening the sentence before is whom that one is", "[graph]") {
  const DocumentGraph g = Build(
      "Dana Omarova, 61, lost her husband in a camp in 2019. The widow went back to Ghulja in 2020. The widow was "
      "detained there in 2022. Two months later the widow was fined.");
  INFO(Render(g));
  const std::vector<int> dana = Named(g, {"Dana Omarova"});
  CHECK(InRole(OnlyEventWith(g, "Travel", {}), "traveller") == dana);
  CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == dana);
  CHECK(InRole(OnlyEventWith(g, "Fine", {}), "fined") == dana);
}

TEST_CASE("Events: a list item with no date of its own takes the date of the line that opens the list", "[graph]") {
  const DocumentGraph g = Build(
      "The court on Sunday imposed these penalties:\n"
      "- Aigerim Sadyqova (34): a fine of 98,300 tenge;\n"
      "- Erbol Qairatuly (29): a fine of 196,600 tenge;\n"
      "- Serik Tolegenov (61): 10 days of administrative arrest.");
  INFO(Render(g));
  REQUIRE(OfKind(g, "Fine").size() == 2);
  for (const Event* fine : OfKind(g, "Fine")) CHECK(fine->date == "2021-03-07");
  CHECK(OnlyEventWith(g, "Sentence", {"Serik Tolegenov"}).date == "2021-03-07");
}

TEST_CASE("Events: a place saying where a person is from is not where the event happened", "[graph]") {
  const DocumentGraph g = Build("Nurbek Sultanbek uulu, a citizen of Kyrgyzstan, was fined 50,000 tenge on Sunday.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Fine", {"Nurbek Sultanbek uulu"}).place == -1);
  const DocumentGraph h = Build("The court fined these men on Sunday:\n- Erbol Qairatuly (29), of Semey: a fine of 98,300 tenge.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Fine", {"Erbol Qairatuly"}).place == -1);
}

TEST_CASE("Events: an institution a report comes from or goes to is not where the event happened", "[graph]") {
  const auto place_of = [](const std::string& text, const std::string& kind, const std::string& who) {
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    const int place = OnlyEventWith(g, kind, {who}).place;
    return place < 0 ? std::string("-") : g.entities[static_cast<std::size_t>(place)].name;
  };
  CHECK(place_of("Yerlan Bekuly told Steppe Radio that he was detained in March 2019.", "Detention", "Yerlan Bekuly") ==
        "-");
  CHECK(place_of("Yerlan Bekuly was released in 2020, Dana Kassymova, a spokeswoman for the Foreign Ministry, said.",
                 "Release", "Yerlan Bekuly") == "-");
  CHECK(place_of("The Foreign Ministry said Yerlan Bekuly was detained in August.", "Detention", "Yerlan Bekuly") == "-");
  CHECK(place_of("Inkar Serikqyzy, a student at Astana Medical University, flew home in May.", "Travel",
                 "Inkar Serikqyzy") == "-");
  // Where the institution is where it happened, it still is.
  CHECK(place_of("Yerlan Bekuly was detained at the Foreign Ministry in March.", "Detention", "Yerlan Bekuly") ==
        "Foreign Ministry");
  CHECK(place_of("On Monday, police outside the Chinese Consulate told Yerlan Bekuly to leave and then detained him.",
                 "Detention", "Yerlan Bekuly") != "-");
  CHECK(place_of("On Tuesday, the Medeu District Court's judge fined Yerlan Bekuly 80,000 tenge.", "Fine",
                 "Yerlan Bekuly") != "-");
  CHECK(place_of("On Tuesday a judge of the Specialized Interdistrict Administrative Court of Oral fined Aigul Serikqyzy "
                 "50,000 tenge.",
                 "Fine", "Aigul Serikqyzy") != "-");
}

TEST_CASE("Events: a journey's place is where it is headed, not where it set out from", "[graph]") {
  const auto place_of = [](const std::string& text) {
    const DocumentGraph g = Build(text);
    INFO(Render(g));
    const int place = OnlyEventWith(g, "Travel", {"Aigul Serikqyzy"}).place;
    return place < 0 ? std::string("-") : g.entities[static_cast<std::size_t>(place)].name;
  };
  CHECK(place_of("In May Aigul Serikqyzy travelled from her home in Taldykorgan to Almaty.") == "Almaty");
  CHECK(place_of("Aigul Serikqyzy flew from Istanbul to Moscow in May.") == "Moscow");
  CHECK(place_of("Aigul Serikqyzy was allowed to leave for Kyrgyzstan in 2021; she now lives in Naryn.") ==
        "Kyrgyzstan");
  // Where no place it went to is named, the place it set out from is still the one.
  CHECK(place_of("Aigul Serikqyzy fled from Ghulja in 2016, leaving her parents behind in Tekes.") != "Tekes County");
  CHECK(place_of("In 2016 Aigul Serikqyzy left Ghulja, where she had worked for the Xinjiang Production and "
                 "Construction Corps.") != "Xinjiang Production and Construction Corps");
}

TEST_CASE("Events: a counted crowd is the list of exactly as many persons the next sentence names", "[graph]") {
  const DocumentGraph g = Build(
      "A district court on Monday fined three ethnic Kazakhs who took part in a rally on Saturday. "
      "The court found Aigerim Sadyqova, 34, Erbol Qairatuly, 29, and Serik Tolegenov, 61, guilty, "
      "spokeswoman Dana Omarova said. Qairatuly was fined 98,300 tenge.");
  INFO(Render(g));
  // One person's sum is not the group's: that fine stays apart.
  const std::vector<const Event*> fines = OfKind(g, "Fine");
  REQUIRE(fines.size() == 2);
  const Event& group = fines[0]->roles.size() == 3 ? *fines[0] : *fines[1];
  const Event& own = fines[0]->roles.size() == 3 ? *fines[1] : *fines[0];
  CHECK(group.roles.size() == 3);
  CHECK(group.date == "2021-03-08");
  CHECK(group.attributes.count("amount") == 0);
  CHECK(own.attributes.count("amount") == 1);
  CHECK(OnlyEventWith(g, "Protest", {"Aigerim Sadyqova", "Erbol Qairatuly", "Serik Tolegenov"}).date == "2021-03-06");
  // Names that are no list, or a list of another size, name no one of the crowd.
  for (const char* next : {"Aigerim Sadyqova was fined, her lawyer Dana Omarova said.",
                           "The court found Aigerim Sadyqova and Erbol Qairatuly guilty.",
                           "Their lawyers, Dana Omarova, Marat Bekov and Serik Omarov, said they would appeal.",
                           "Dana Omarova, Marat Bekov and Serik Omarov, who saw the hearing, told reporters it was "
                           "short."}) {
    const DocumentGraph h = Build(std::string("A district court on Monday fined three ethnic Kazakhs. ") + next);
    INFO(Render(h));
    for (const Event& e : h.events) CHECK(e.roles.size() <= 1);
  }
}

TEST_CASE("Events: a counted crowd's fine and the same persons' fine with its sum are one fine", "[graph]") {
  const DocumentGraph g = Build(
      "A district court on Monday fined three ethnic Kazakhs who took part in a rally. "
      "The court found Aigerim Sadyqova, Erbol Qairatuly and Serik Tolegenov guilty and ordered each of them to pay "
      "138,900 tenge, their lawyer said.");
  INFO(Render(g));
  const Event& fine = OnlyEventWith(g, "Fine", {"Aigerim Sadyqova", "Erbol Qairatuly", "Serik Tolegenov"});
  CHECK(fine.date == "2021-03-08");
  CHECK(fine.attributes.count("amount") == 1);
}

TEST_CASE("Events: two penalties of one day, each with its own sum, for different persons are two", "[graph]") {
  const DocumentGraph g = Build(
      "The court on Sunday imposed these penalties:\n"
      "- Aigerim Sadyqova (34): a fine of 98,300 tenge;\n"
      "- Erbol Qairatuly (29): a fine of 98,300 tenge.");
  INFO(Render(g));
  CHECK(OfKind(g, "Fine").size() == 2);
}

TEST_CASE("Events: a term of years and months is one duration", "[graph]") {
  const DocumentGraph g = Build("Ulan Sydykov, then 29, was given seven years and six months for storing files.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Sentence", {"Ulan Sydykov"}).attributes.at("duration") == "P7Y6M");
  SECTION("but 'respectively' gives each defendant one of them") {
    const DocumentGraph h = Build(
        "Aigerim Sadyqova and Erbol Qairatuly were sentenced to seven years and six months respectively.");
    INFO(Render(h));
    const std::vector<const Event*> sentences = OfKind(h, "Sentence");
    REQUIRE(sentences.size() == 2);
    CHECK(InRole(*sentences[0], "defendant") == Named(h, {"Aigerim Sadyqova"}));
    CHECK(sentences[0]->attributes.at("duration") == "P7Y");
    CHECK(sentences[1]->attributes.at("duration") == "P6M");
  }
}

TEST_CASE("Events: a second passive verb may follow a long aside after the first", "[graph]") {
  const DocumentGraph g = Build(
      "Dana Omarova said her son, Erlan Seitov, was detained in Ghulja in April 2018, three days after arriving for "
      "his grandmother's funeral, and was sentenced the following year to nine years in prison.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == Named(g, {"Erlan Seitov"}));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Erlan Seitov"});
  CHECK(sentence.attributes.at("duration") == "P9Y");
  CHECK(sentence.date == "2019");
}

TEST_CASE("Events: a relative named as the source of a claim does not break a pronoun chain", "[graph]") {
  const DocumentGraph g = Build(
      "Marat Bekov, a beekeeper, was detained in 2018.\n\nFor a year he was held in Ghulja. In January 2020 a court "
      "tried him in a hearing that, according to his son, lasted less than a day, and sentenced him to six years.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Sentence", {}), "defendant") == Named(g, {"Marat Bekov"}));
}

TEST_CASE("Events: a pronoun chain through an object pronoun goes on to the person the text is about", "[graph]") {
  const DocumentGraph g = Build(
      "Oral Myrzabekov, a retired beekeeper, died on Friday.\n\nMyrzabekov was detained on August 17, 2018.\n\nHe "
      "was held in Ghulja. In January 2020 a court tried him and sentenced him to six years in prison. The family "
      "links the charge to a prayer he read at a wedding in 2016.\n\nHe was released on medical parole last May.");
  INFO(Render(g));
  CHECK(InRole(OnlyEventWith(g, "Release", {}), "released") == Named(g, {"Oral Myrzabekov"}));
  SECTION("but not past a sentence about someone described and not yet named") {
    const DocumentGraph h = Build(
        "Dauren Qasymov, 29, was fined on Friday. Police had detained him at noon.\n\nThe fourth picketer, a "
        "retired bus driver, was told to go home. He had come a long way. He took the overnight train from Oskemen "
        "on Thursday.");
    INFO(Render(h));
    for (const Event* travel : OfKind(h, "Travel")) CHECK(InRole(*travel, "traveller") != Named(h, {"Dauren Qasymov"}));
  }
}

TEST_CASE("Events: a date set off by commas between the verb and its term keeps the term", "[graph]") {
  const DocumentGraph g = Build("Turdy Sadykov, then 51, was sentenced on October 23, 2018, to five years for fraud.");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Turdy Sadykov"});
  CHECK(sentence.attributes.at("duration") == "P5Y");
  CHECK(sentence.date == "2018-10-23");
}

TEST_CASE("Events: a description by an office ('the judge', 'the officer') is nobody named before", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Serikova, 45, was detained in Ghulja in 2019. In 2021 the judge sentenced her to ten years. The police "
      "officer released her in 2023.");
  INFO(Render(g));
  const std::vector<int> aigul = Named(g, {"Aigul Serikova"});
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Aigul Serikova"});
  CHECK(InRole(sentence, "adjudicator").empty());
  CHECK(InRole(sentence, "defendant") == aigul);
  CHECK(InRole(OnlyEventWith(g, "Release", {"Aigul Serikova"}), "agent").empty());
}

TEST_CASE("Events: a second passive verb is not reached across a relative clause about someone else", "[graph]") {
  const DocumentGraph g = Build(
      "Serik Bekov was detained in April 2018 after his brother, who had lived in Almaty for many years, returned "
      "home and was sentenced to ten years.");
  INFO(Render(g));
  for (const Event* sentence : OfKind(g, "Sentence")) CHECK(InRole(*sentence, "defendant") != Named(g, {"Serik Bekov"}));
  for (const Event* sentence : OfKind(g, "Sentence")) CHECK(InRole(*sentence, "defendant").size() == 1);
}

TEST_CASE("Events: a pronoun after the narration spoke of a relative means that relative, named by the family ties",
          "[graph]") {
  const DocumentGraph g = Build(
      "Her father, Nurlan Bekov, was a horse trader. In 2013 Dana Nurlanqyzy and her younger brother moved to Almaty. "
      "Her brother barely remembers him. Her father stayed behind to sell the house, and every year he crossed the "
      "border at Bakhty. He planned to join them. He went back to Ghulja on November 2, 2017. Two months later he was "
      "detained.");
  INFO(Render(g));
  const std::vector<int> father = Named(g, {"Nurlan Bekov"});
  CHECK(InRole(OnlyEventWith(g, "Detention", {}), "detainee") == father);
  // A description the text gives instead may be whom the pronoun means.
  const DocumentGraph h = Build(
      "Dana Nurlanqyzy moved to Almaty in 2013. Her father stayed behind. Her cousin was called when the old man "
      "fell ill. She said he was detained in Ghulja in 2019.");
  INFO(Render(h));
  CHECK(OfKind(h, "Detention").empty());
  // Nor across a sentence that speaks of someone else, nor when two relatives fit.
  const DocumentGraph i = Build(
      "Dana Nurlanqyzy moved to Almaty in 2013. Her father stayed in Ghulja. She married a Kazakh man. He was "
      "detained in 2017.");
  INFO(Render(i));
  CHECK(OfKind(i, "Detention").empty());
  const DocumentGraph j = Build(
      "Dana Nurlanqyzy moved to Almaty in 2013. Her husband stayed in Ghulja with her son. He was detained in 2017.");
  INFO(Render(j));
  CHECK(OfKind(j, "Detention").empty());
}

TEST_CASE("Events: a verb phrase of another event ('let out') keeps its date from the verb before it", "[graph]") {
  const DocumentGraph g = Build(
      "Marat Bekov was held in a camp for 14 months, his wife said, and after he was let out in June 2019 police "
      "took his passport.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {}).date.empty());
  CHECK(OnlyEventWith(g, "Release", {}).date == "2019-06");
}

TEST_CASE("Events: an active verb's term may come after a date or place between it and its object", "[graph]") {
  const DocumentGraph g = Build(
      "Marat Bekov was detained in 2018. A court in Ghulja sentenced him the following year to 14 years in prison.");
  INFO(Render(g));
  CHECK(Attribute(OnlyEventWith(g, "Sentence", {}), "duration") == "P14Y");
  // What a charge may carry is no term.
  const DocumentGraph h = Build("Authorities jailed Marat Bekov on charges that carry up to 10 years in prison.");
  INFO(Render(h));
  for (const Event* e : OfKind(h, "Sentence")) CHECK(Attribute(*e, "duration").empty());
  for (const Event* e : OfKind(h, "Detention")) CHECK(Attribute(*e, "duration").empty());
}

TEST_CASE("Events: those police detain at a protest are its protesters", "[graph]") {
  // Told before, by a crowd: the detained join it.
  const DocumentGraph g = Build(
      "About twenty people picketed the Chinese Consulate in Almaty on March 2, holding photographs. "
      "After an hour, police broke up the picket and put Aigul Serikova and Dana Bekova into a van.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Aigul Serikova", "Dana Bekova"});
  CHECK(protest.date == "2021-03-02");
  // A detention at a named place, or in someone's words, is another story.
  const DocumentGraph h = Build(
      "Aigul Serikova picketed the Chinese Consulate in Almaty on March 2. "
      "Speaking at the picket, she said police detained her father, Kairat Nurbek, the same day. "
      "Her husband, Arman Bekov, was detained by police in Ghulja.");
  INFO(Render(h));
  const Event& alone = OnlyEventWith(h, "Protest", {"Aigul Serikova"});
  CHECK_FALSE(HasRole(alone, "protester", EntityNamed(h, "Kairat Nurbek")));
  CHECK_FALSE(HasRole(alone, "protester", EntityNamed(h, "Arman Bekov")));
  // A relative detained years before, told beside the protest, took no part in it.
  const DocumentGraph k = Build(
      "Aigul Serikova picketed the Chinese Consulate in Almaty on March 2. "
      "Her son, Arman Bekov, was detained by police in Ghulja in 2018.");
  INFO(Render(k));
  CHECK_FALSE(HasRole(OnlyEventWith(k, "Protest", {"Aigul Serikova"}), "protester", EntityNamed(k, "Arman Bekov")));
}

TEST_CASE("Events: police detaining at a protest told without its day date it", "[graph]") {
  // The fine "for a picket" comes first, with no day of its own; the courtroom detention of one of
  // the two, told without a date, is joined with the van: the van's own sentence still counts.
  const DocumentGraph g = Build(
      "A court in Almaty fined Aigul Serikova and Dana Bekova on Wednesday for an unauthorized picket outside "
      "the Chinese Consulate. \"I am a mother,\" Serikova told reporters as two officers led her out of the "
      "courtroom. The two were among about 15 people outside the consulate on March 2. Police broke up the "
      "picket after an hour and put Serikova and Bekova into a van.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Aigul Serikova", "Dana Bekova"});
  CHECK(protest.date == "2021-03-02");
}

TEST_CASE("Events: those led out of court on a penalty's day held no protest that day", "[graph]") {
  const DocumentGraph h = Build(
      "On Wednesday a court in Almaty fined Aigul Serikova for a picket outside the Chinese Consulate. "
      "Two officers led Serikova out of the courtroom.");
  INFO(Render(h));
  CHECK(OfKind(h, "Protest").empty());
}

TEST_CASE("Events: a day told without its year goes on in the year of the day just before", "[graph]") {
  const DocumentGraph g = Build(
      "Marat Bekov flew to Kashgar on August 3, 2017, to see his father. On September 11 police detained him.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekov"}).date == "2017-09-11");
  // News of the publication's own weeks keeps the publication's year.
  const DocumentGraph h = Build(
      "Marat Bekov was detained on January 5, 2018. On March 2 his wife, Aigul Serikova, picketed the consulate.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Protest", {"Aigul Serikova"}).date == "2021-03-02");
}

TEST_CASE("Events: a day told without its year in the month just named with its year is in it", "[graph]") {
  const DocumentGraph g = Build(
      "In December 2017 officials told Marat Bekov to come back. He was afraid for his parents. "
      "He crossed into China at Khorgos on December 20.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Travel", {"Marat Bekov"}).date == "2017-12-20");
  // After a month alone, another month's day, or a month too far back, is left to the publication's year.
  const DocumentGraph h = Build(
      "In December 2017 officials told Marat Bekov to come back. He crossed into China at Khorgos on January 20.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Travel", {"Marat Bekov"}).date == "2021-01-20");
  const DocumentGraph j = Build(
      "In December 2017 officials told Marat Bekov to come back. He crossed into China at Khorgos on October 20.");
  INFO(Render(j));
  CHECK(OnlyEventWith(j, "Travel", {"Marat Bekov"}).date == "2020-10-20");
  // Nor across a turn to the present.
  const DocumentGraph k = Build(
      "Marat Bekov was detained in Ghulja in December 2017. His wife, Aigul Serikova, has protested ever since. "
      "On December 20 she was detained there again.");
  INFO(Render(k));
  for (const Event* e : OfKind(k, "Detention")) CHECK(e->date != "2017-12-20");
}

TEST_CASE("Events: a day told without its year later in the paragraph of a dated day goes on in its year", "[graph]") {
  const DocumentGraph g = Build(
      "Marat Bekov crossed at Khorgos on 4 January 2018. His mother had had a stroke. For months he sat by "
      "her bed. On 9 June police detained him in Tekes.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekov"}).date == "2018-06-09");
  // A new paragraph starts a new story: the day is the publication year's.
  const DocumentGraph h = Build(
      "Marat Bekov crossed at Khorgos on 4 January 2018. His mother had had a stroke.\n"
      "For months nothing happened. On 9 June police detained him in Tekes.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Detention", {"Marat Bekov"}).date == "2020-06-09");
  // A month or two past December is the next year's.
  const DocumentGraph j = Build(
      "His father died on December 2, 2017. Marat Bekov crossed into China at Khorgos on January 9.");
  INFO(Render(j));
  CHECK(OnlyEventWith(j, "Travel", {"Marat Bekov"}).date == "2018-01-09");
  // Not after a month alone, a background fact; nor across a leap of years or a turn to the present.
  const DocumentGraph k = Build(
      "Russia annexed the peninsula in March 2014. On May 18 officers detained Marat Bekov in Simferopol.");
  INFO(Render(k));
  CHECK(OnlyEventWith(k, "Detention", {"Marat Bekov"}).date == "2020-05-18");
  const DocumentGraph l = Build(
      "His father died on December 2, 2017. He learned of it only years later. On January 9 police detained "
      "Marat Bekov outside the consulate.");
  INFO(Render(l));
  CHECK(OnlyEventWith(l, "Detention", {"Marat Bekov"}).date == "2021-01-09");
  // A flashback goes back, not on into the next year.
  const DocumentGraph f = Build(
      "Marat Bekov was sentenced on November 12, 2019. He had been detained in January.");
  INFO(Render(f));
  CHECK(OnlyEventWith(f, "Detention", {"Marat Bekov"}).date != "2020-01");
  // A flashback a month or two back from a day early in its year is in the year before.
  const DocumentGraph b = Build(
      "On 3 January 2021 her phone rang at six. It was his wife. Marat Bekov had died on 19 December in a "
      "prison hospital, she said.");
  INFO(Render(b));
  CHECK(OnlyEventWith(b, "Death", {"Marat Bekov"}).date == "2020-12-19");
}

TEST_CASE("Events: the part of a term served is not the term", "[graph]") {
  const DocumentGraph g = Build(
      "Blogger Davron Yusupov died in the colony on 2 March. He had served almost four years of a ten-year "
      "sentence handed down by the Namangan Regional Court in June 2020.");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Davron Yusupov"});
  CHECK(Attribute(sentence, "duration") == "P10Y");
  CHECK(sentence.date == "2020-06");
}

TEST_CASE("Events: the day someone spoke on does not date what they tell of in the quote after it", "[graph]") {
  const DocumentGraph g = Build(
      "Remzi Kurtumerov is a building contractor. \"They did not let me dress the children,\" his wife, Elvira "
      "Kurtumerova, told reporters outside the court on 3 March. \"Then they took my husband.\"");
  INFO(Render(g));
  for (const Event* e : OfKind(g, "Detention")) CHECK(e->date != "2021-03-03");
  // Narration after the speech is still of its day.
  const DocumentGraph h = Build(
      "\"Return my husband!\" Elvira Kurtumerova said on 3 March. She stood outside the consulate with a placard.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Protest", {"Elvira Kurtumerova"}).date == "2021-03-03");
}

TEST_CASE("Events: a protest at a consulate in one city and one in another city are two protests", "[graph]") {
  const DocumentGraph g = Build(
      "For three years Aigerim Qairatqyzy, now 34, and her younger brother, Nurlan Qairatuly, 30, wrote letters. "
      "In 2020 they stood outside the Chinese Consulate in Almaty, holding placards. Later that year the siblings "
      "took their placards to Astana and stood for two days in front of the Foreign Ministry.");
  INFO(Render(g));
  const auto protests = OfKind(g, "Protest");
  CHECK(protests.size() == 2);
  for (const Event* e : protests) CHECK(e->roles.size() == 2);
}

TEST_CASE("Events: a dateline's day dates no event told after it", "[graph]") {
  const DocumentGraph g = Build(
      "ISTANBUL, 12 May 2022 \u2014 Jemal Orazova has lived in Istanbul since 2016. Her younger brother, Myrat Orazov, "
      "is serving an eight-year sentence in Turkmenistan.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Sentence", {"Myrat Orazov"}).date != "2022-05-12");
}

TEST_CASE("Events: the dateline's day gives way to the day told in the event's own sentence", "[graph]") {
  const DocumentGraph g = Build(
      "ASTANA, 12 May 2021 -- Police detained Dana Omarbekova outside the akimat on Monday and fined her the same "
      "evening.",
      "2021-05-12");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Dana Omarbekova"}).date == "2021-05-10");
  // A chronology's line opened by a date is the event's own.
  const DocumentGraph h = Build(
      "A family's years, as the brother tells them.\n\nMarch 2018 -- Aruzhan Tolegenova crosses into Kazakhstan "
      "with her son.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Travel", {"Aruzhan Tolegenova"}).date == "2018-03");
}

TEST_CASE("Events: a roster names the group the events around it spoke of only as a count or 'them'", "[graph]") {
  const DocumentGraph g = Build(
      "A court in Shymkent on Friday fined four women who had picketed the akimat a day earlier. Police detained "
      "them within minutes and released them that night. Those detained were Aliya Serikova, 47; Dana Omarova; "
      "Gulnar Bekova; and Saule Tolegenova.");
  INFO(Render(g));
  for (const char* kind : {"Fine", "Protest", "Detention", "Release"}) {
    INFO(kind);
    const Event& e = OnlyEventWith(g, kind, {"Aliya Serikova", "Dana Omarova", "Gulnar Bekova", "Saule Tolegenova"});
    CHECK(e.roles.size() == 4);
  }
  // A crowd of another size is another group; a roster far from "them" names someone else.
  const DocumentGraph h = Build(
      "Police detained some 30 protesters outside the consulate on Monday. Those fined were Aliya Serikova and "
      "Dana Omarova.");
  INFO(Render(h));
  for (const Event* e : OfKind(h, "Detention")) CHECK(e->roles.size() != 2);
  const DocumentGraph k = Build(
      "Police detained them in March. Marat Bekov spoke to reporters. He has a shop. It sells tea. The shop is "
      "small. Trade is slow. He is tired. Those detained were Aliya Serikova and Dana Omarova.");
  INFO(Render(k));
  CHECK(OfKind(k, "Detention").empty());
}

TEST_CASE("Events: a question whether something happened reports nothing; one asking when takes it as told", "[graph]") {
  const DocumentGraph g = Build(
      "Aliya Serikova spoke to us in Almaty.\n\nQ: Were you detained after the picket?\n\nA: No. They only wrote "
      "down our names.\n\nQ: When was your brother Marat Serikov arrested?\n\nA: In 2018.");
  INFO(Render(g));
  CHECK(OfKind(g, "Detention").size() == 1);
  for (const Event* e : OfKind(g, "Detention")) CHECK(e->roles.size() == 1);
  CHECK_NOTHROW(OnlyEventWith(g, "Detention", {"Marat Serikov"}));
}

TEST_CASE("Events: an answer that is only a date dates the next sentence of its paragraph", "[graph]") {
  const DocumentGraph g = Build(
      "Aliya Serikova spoke to us in Almaty.\n\nQ: When did you leave China?\n\nA: In March 2016. My husband, Marat "
      "Serikov, and I crossed the border at Khorgos.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Travel", {"Aliya Serikova"}).date == "2016-03");
}

TEST_CASE("Events: inside a quote a pronoun means the person apposed, not the owner apposed to them", "[graph]") {
  const DocumentGraph g = Build(
      "Aliya Serikova lives in Almaty.\n\n\"My father-in-law, Asan Mambetov, Talant's father, was 71 when police "
      "detained him in 2018. In 2020 they released him,\" she said.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Asan Mambetov"}).date == "2018");
  CHECK(OnlyEventWith(g, "Release", {"Asan Mambetov"}).date == "2020");
}

TEST_CASE("Events: 'the following month' counts from the story's date, not a state's start by a year", "[graph]") {
  const DocumentGraph g = Build(
      "On 12 September 2019 Kulyash Bekenova protested outside the akimat with Baglan Omarov, whose father has been "
      "held in Xinjiang since 2017. The following month Toleubek Zhaqypov was released from a camp.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Release", {"Toleubek Zhaqypov"}).date == "2019-10");
}

TEST_CASE("Events: an arrest told after 'since' takes no day from the sentence before", "[graph]") {
  const DocumentGraph g = Build(
      "A court on Thursday upheld the sentence.\n\nBekzod Abdumalikov has been held since his arrest. He was "
      "detained on 17 November 2019 in Lyubertsy.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Bekzod Abdumalikov"}).date == "2019-11-17");
}

TEST_CASE("Events: a march from one place to another is held where it went", "[graph]") {
  const DocumentGraph g = Build(
      "On Saturday activist Gulnar Tursun marched with about 200 Uyghurs from Zeytinburnu to the Chinese consulate "
      "in Istanbul.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Gulnar Tursun"});
  REQUIRE(protest.place >= 0);
  CHECK(g.entities[static_cast<std::size_t>(protest.place)].name != "Zeytinburnu");
}

TEST_CASE("Events: a birth day lends no year to the day told after it", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Serikova was born on January 15, 1985, in Zhanaozen. On December 3 police detained her in Almaty.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Aigul Serikova"}).date == "2020-12-03");
}

TEST_CASE("Events: a dispersal days before makes no protest of a later arrest, nor one with a rally elsewhere", "[graph]") {
  const DocumentGraph h = Build(
      "On February 20 Aigul Serikova and Marat Bekov held a picket outside the akimat in Almaty. Police dispersed "
      "the picket within minutes. On February 23 officers detained Serikova at her home.");
  INFO(Render(h));
  for (const Event* e : OfKind(h, "Protest")) CHECK(e->date != "2021-02-23");
  // A rally elsewhere that day is another protest than the picket broken up.
  const DocumentGraph k = Build(
      "On Saturday police broke up a picket outside the akimat and put Aigul Serikova and Dana Bekova into a van. "
      "On Saturday Marat Bekov, 45, also held a rally in Astana.");
  INFO(Render(k));
  for (const Event* e : OfKind(k, "Protest")) {
    CHECK_FALSE((HasRole(*e, "protester", EntityNamed(k, "Marat Bekov")) &&
                 HasRole(*e, "protester", EntityNamed(k, "Aigul Serikova"))));
  }
}

TEST_CASE("Events: going without food until something happens is a hunger strike, a vow too", "[graph]") {
  const DocumentGraph g = Build(
      "Arman Bekov sat outside the consulate and said he would refuse food until officials told him where his brother was.");
  INFO(Render(g));
  OnlyEventWith(g, "Protest", {"Arman Bekov"});
  const DocumentGraph h = Build("After her husband died, Aigul Serikova stopped eating.");
  INFO(Render(h));
  CHECK(OfKind(h, "Protest").empty());
}

TEST_CASE("Events: 'all three', 'all of them' and 'the detainees' are the persons just detained", "[graph]") {
  const DocumentGraph g = Build(
      "On Monday police detained Aigul Serikova, Marat Bekov and Dana Omarova in Almaty. All three were released "
      "the next day. On June 5 officers detained Gulnar Ospanova and Saule Bekova in Taraz. The detainees were "
      "freed on June 6. On July 5 officers detained Bolat Ospanov and Yerlan Bekov. All of them were freed on July 6.");
  INFO(Render(g));
  const auto released_on = [&](const std::vector<std::string>& names) {
    for (const Event* e : OfKind(g, "Release")) {
      if (std::all_of(names.begin(), names.end(),
                      [&](const std::string& n) { return HasRole(*e, "released", EntityNamed(g, n)); })) {
        return e->date;
      }
    }
    return std::string("none");
  };
  CHECK(released_on({"Aigul Serikova", "Marat Bekov", "Dana Omarova"}) == "2021-03-09");
  CHECK(released_on({"Gulnar Ospanova", "Saule Bekova"}) == "2020-06-06");
  CHECK(released_on({"Bolat Ospanov", "Yerlan Bekov"}) == "2020-07-06");
  // A day of a month is no count of the detained.
  const DocumentGraph h = Build("On June 5 officers detained Gulnar Ospanova and two other women.");
  INFO(Render(h));
  REQUIRE(OfKind(h, "Detention").size() == 1);
  CHECK(AttributeOf(OfKind(h, "Detention")[0]->attributes, "participant_count") == "3");
}

TEST_CASE("Events: a counted crowd's named members may follow at the end of the clause", "[graph]") {
  const DocumentGraph g = Build(
      "On Tuesday some 40 relatives of detainees rallied outside the embassy in Bishkek, among them Arman "
      "Nurlanov and Dana Omarova.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Arman Nurlanov", "Dana Omarova"});
  CHECK(AttributeOf(protest.attributes, "participant_count") == "40");
  CHECK(protest.date == "2021-03-09");
}

TEST_CASE("Events: 'him and his son' as an object are both persons", "[graph]") {
  const DocumentGraph g = Build(
      "Her father, Oralbai Zhaqsylyquly, stayed in Habahe. In 2018 police detained him and his son. The son, "
      "Serik Oralbaiuly, was freed in 2020.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Oralbai Zhaqsylyquly"});
  CHECK(detention.roles.size() == 2);
  CHECK(detention.date == "2018");
}

TEST_CASE("Events: a date after a relative clause dates the main clause, not the clause's event", "[graph]") {
  const DocumentGraph g = Build(
      "His cousin, Timur Ospanov, who is serving seven years in Kashgar, has not written since March 2024.");
  INFO(Render(g));
  const auto& term = OnlyEventWith(g, "Sentence", {"Timur Ospanov"});
  CHECK(term.date.empty());
  CHECK(term.attributes.at("duration") == "P7Y");
}

TEST_CASE("Events: a group noun after a family name stands for the persons of that name", "[graph]") {
  const DocumentGraph g = Build(
      "The brothers Olzhas and Dias Tursyngaliyev were fined on Tuesday. Their cousin Aliya Tursyngaliyeva "
      "came too. In March, police detained the Tursyngaliyev brothers outside the embassy.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Olzhas Tursyngaliyev", "Dias Tursyngaliyev"});
  // The brothers only: not their cousin, who bears the name's feminine form.
  CHECK(InRole(detention, "detainee").size() == 2);
  CHECK(detention.date == "2021-03");
  // A family name in another script's capitals is one too.
  const DocumentGraph h = Build(
      "The brothers Emre Özdemir and Kaan Özdemir were fined in 2019. In 2020 police detained the Özdemir brothers.");
  INFO(Render(h));
  CHECK(InRole(OnlyEventWith(h, "Detention", {"Emre Özdemir", "Kaan Özdemir"}), "detainee").size() == 2);
}

TEST_CASE("Events: a month without its year takes the year named earlier in its sentence", "[graph]") {
  const DocumentGraph g = Build("In 2017 activist Dana Bekova was detained in Urumqi in June.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Dana Bekova"}).date == "2017-06");
}

TEST_CASE("Events: what a speaker told us that someone did is not the speaker's", "[graph]") {
  const DocumentGraph g = Build(
      "Raushan Temirbekova, 50, of Astana, told us that her husband, Qanat Zhumabayev, went to Nilka county in "
      "April 2017 and was detained there before the month was out.");
  INFO(Render(g));
  const Event& detention = OnlyEventWith(g, "Detention", {"Qanat Zhumabayev"});
  CHECK(InRole(detention, "detainee") == std::vector<int>{EntityNamed(g, "Qanat Zhumabayev")});
}

TEST_CASE("Events: a comma inside a relative clause does not close it", "[graph]") {
  const DocumentGraph g =
      Build("Her brother Arman Bekov, who was detained in Urumqi, Xinjiang, in 2018, has not been heard from since.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Arman Bekov"}).date == "2018");
}

TEST_CASE("Events: a month takes no year from another clause of its sentence", "[graph]") {
  const DocumentGraph g =
      Build("Activist Arman Bekov, who fled China in 2017, was detained in Almaty in March.", "2025-06-04");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Arman Bekov"}).date == "2025-03");
}

TEST_CASE("Events: the brothers of a family name are not their father", "[graph]") {
  const DocumentGraph g = Build(
      "Serik Bekov, 70, said police detained his sons Arman Bekov and Timur Bekov in 2019. "
      "The Bekov brothers were released in May 2020.");
  INFO(Render(g));
  const Event& release = OnlyEventWith(g, "Release", {"Arman Bekov", "Timur Bekov"});
  CHECK(InRole(release, "released").size() == 2);
}

TEST_CASE("Events: a case list's item told without a subject is about the person its heading names", "[graph]") {
  const DocumentGraph g = Build(
      "A rights group published these cases on Monday.\n"
      "1. Marat Bekuly (Marat Bekov), 61, a retired vet from Nilka County\n"
      "- Detained in August 2017.\n"
      "- Sentenced in 2019 to 15 years in prison. The family never saw the verdict.\n"
      "- Campaigning relative: his daughter, Aigerim Maratqyzy, 33.\n"
      "- Died in custody in December 2020.\n"
      "2. Dana Serikova, 45, a teacher\n"
      "- Detained on April 22, 2018.");
  INFO(Render(g));
  const std::vector<const Event*> detentions = OfKind(g, "Detention");
  REQUIRE(detentions.size() == 2);
  CHECK(InRole(*detentions[0], "detainee") == Named(g, {"Marat Bekuly"}));
  CHECK(detentions[0]->date == "2017-08");
  CHECK(InRole(*detentions[1], "detainee") == Named(g, {"Dana Serikova"}));
  CHECK(detentions[1]->date == "2018-04-22");
  CHECK(OnlyEventWith(g, "Sentence", {"Marat Bekuly"}).date == "2019");
  CHECK(OnlyEventWith(g, "Death", {"Marat Bekuly"}).date == "2020-12");
  // A month between an item's two participles is no verb that ends the first one's phrase.
  const DocumentGraph march = Build(
      "A rights group published these cases.\n1. Marat Bekuly, 61, a retired vet\n"
      "- Detained in March 2018 and sentenced to 20 years.");
  INFO(Render(march));
  CHECK(OnlyEventWith(march, "Sentence", {"Marat Bekuly"}).kind == "Sentence");
  // A heading that names nobody, or one that reports speech, gives the items no subject.
  CHECK(Build("A rights group published these cases.\nThe detained:\n- Detained in August 2017.\n- Sentenced in 2019.").events.empty());
  CHECK(Build("A rights group published these cases.\nMarat Bekuly told reporters:\n- Detained in August 2017.").events.empty());
  // A subject pronoun on an item means whom the items before named ("He" is the son).
  const DocumentGraph son = Build(
      "A rights group published these cases.\n1. Marat Bekuly, 61, a retired vet\n"
      "- His son, Arman Maratuly, was detained in 2019.\n- He was sentenced to 10 years in 2020.");
  INFO(Render(son));
  CHECK(InRole(OnlyEventWith(son, "Sentence", {"Arman Maratuly"}), "defendant") == Named(son, {"Arman Maratuly"}));
  // Nor does a heading that is about someone's relative, one that introduces the list, a list of
  // persons passed on the way, or an item that names its own subject after a colon.
  for (const char* list : {"Case 1: Marat Bekuly's wife, Dana Serikova, 41, a nurse.\n- Detained in August 2017.",
                           "Dana Serikova, 41, a nurse. The key dates in her father's case:\n- Detained in August 2017.",
                           "The cases:\n- Marat Bekuly, 61, a vet.\n- Detained in August 2017.",
                           "Marat Bekuly, 61, a vet.\n- Detained in August 2017: his brother, Arman Bekov, 55.",
                           "Marat Bekuly, in his letter to the UN working group\n- Detained in August 2017."}) {
    INFO(list);
    const DocumentGraph h = Build(std::string("A rights group published these cases.\n") + list);
    INFO(Render(h));
    for (const Event& e : h.events) CHECK(InRole(e, "detainee") != Named(h, {"Marat Bekuly"}));
    for (const Event& e : h.events) CHECK(InRole(e, "detainee") != Named(h, {"Dana Serikova"}));
  }
}

TEST_CASE("Events: a case entry's sentence told without a subject is about the person who opens the entry", "[graph]") {
  const DocumentGraph g = Build(
      "A rights group named these cases on Monday.\n"
      "1. Marat Bekuly, 61, a retired vet from Nilka County. Detained in March 2018 and sentenced in 2019 to 15 "
      "years. His daughter, Aigerim Maratqyzy, lives in Almaty.\n"
      "2. Dana Serikova, a teacher from Kashgar. Sentenced to seven years in 2018. Died in prison in January 2022, "
      "aged 41, according to her brother, Arman Serikov.\n"
      "3. Arman Bekov, 58, a farmer. First held in 2018 and freed the following year.");
  INFO(Render(g));
  const std::vector<const Event*> sentences = OfKind(g, "Sentence");
  REQUIRE(sentences.size() == 2);
  CHECK(InRole(*sentences[0], "defendant") == Named(g, {"Marat Bekuly"}));
  CHECK(sentences[0]->date == "2019");
  CHECK(InRole(*sentences[1], "defendant") == Named(g, {"Dana Serikova"}));
  CHECK(OnlyEventWith(g, "Death", {"Dana Serikova"}).date == "2022-01");
  CHECK(OnlyEventWith(g, "Release", {"Arman Bekov"}).date == "2019");
  const std::vector<const Event*> detentions = OfKind(g, "Detention");
  REQUIRE(detentions.size() == 2);
  CHECK(InRole(*detentions[0], "detainee") == Named(g, {"Marat Bekuly"}));
  CHECK(InRole(*detentions[1], "detainee") == Named(g, {"Arman Bekov"}));
  // A pronoun in an earlier sentence the entry's person is the subject of speaks of that person.
  const DocumentGraph p = Build(
      "A rights group named these cases.\n1. Marat Bekuly, 61, a vet. Detained 11.09.2017 at his home in Nilka. "
      "Sentenced in 2018 to 10 years.");
  INFO(Render(p));
  CHECK(OnlyEventWith(p, "Sentence", {"Marat Bekuly"}).date == "2018");
  // A sentence that gives its own subject after its opening phrase, or one after a sentence
  // that speaks of someone else, is not about the entry's person.
  // Nor is a paragraph of prose an entry: no label opens it, or its first sentence tells something.
  for (const char* entry : {"1. Marat Bekuly, 61, a vet. Detained in 2018, his brother Arman Bekov was sentenced.",
                            "1. Marat Bekuly, 61, a vet. Detained in Ghulja, Ili prefecture, his brother was sentenced.",
                            "1. Marat Bekuly, 61, a vet. Held without charge since 2018, the brother is one of many.",
                            "1. Marat Bekuly, 61, a vet. His brother lives in Almaty. Detained in 2018.",
                            "Marat Bekuly, 61, is a retired vet. Detained in 2018 and released in 2019.",
                            "1. Marat Bekuly, 61, is a retired vet. Detained in 2018 and released in 2019."}) {
    INFO(entry);
    const DocumentGraph h = Build(std::string("A rights group named these cases.\n") + entry);
    INFO(Render(h));
    for (const Event& e : h.events) CHECK(InRole(e, "detainee") != Named(h, {"Marat Bekuly"}));
  }
}

TEST_CASE("Events: a case entry whose label stands on the line before it is about the person who opens it", "[graph]") {
  const DocumentGraph g = Build(
      "The register lists these cases.\n\n"
      "No. 4417 (new)\n"
      "Marat Bekuly [Marat Bekov], male, b. 1974, herder, Ili. Detained 12.05.2018 at home. Sentenced 2019, 14 "
      "years.\n"
      "Applicant: his wife, Aigul Serikova, Almaty.\n\n"
      "Case 12\n"
      "Dana Serikova, 41, teacher. Died in custody 02.2019.");
  INFO(Render(g));
  const std::vector<int> marat = Named(g, {"Marat Bekuly"});
  const Event& detention = OnlyEventWith(g, "Detention", {"Marat Bekuly"});
  CHECK(InRole(detention, "detainee") == marat);
  CHECK(detention.date == "2018-05-12");
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Marat Bekuly"});
  CHECK(InRole(sentence, "defendant") == marat);
  CHECK(sentence.date == "2019");
  CHECK(OnlyEventWith(g, "Death", {"Dana Serikova"}).date == "2019-02");
  // A line before that names someone is no label line.
  const DocumentGraph h = Build(
      "The register lists these cases.\n\nNo. 4417, filed by Arman Bekov\n"
      "Marat Bekuly, male, b. 1974, herder. Detained 12.05.2018 at home.");
  INFO(Render(h));
  for (const Event& e : h.events) CHECK(InRole(e, "detainee") != Named(h, {"Marat Bekuly"}));
}

TEST_CASE("Events: a subject list may name a person by a possessive and a role", "[graph]") {
  const DocumentGraph g = Build(
      "Kurmet Baisalbay, 52, his brother-in-law Erzhan Toqtar and their neighbour Dauren Mamyrbek were each sentenced "
      "to 11 years in prison in October 2021.");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Kurmet Baisalbay"});
  CHECK(InRole(sentence, "defendant") == Named(g, {"Kurmet Baisalbay", "Erzhan Toqtar", "Dauren Mamyrbek"}));
}

TEST_CASE("Events: a verb of several words opening a case entry's sentence is about the person who opens it", "[graph]") {
  const DocumentGraph g = Build(
      "The register lists these cases.\n\nNo. 4419 (new)\n"
      "Marat Bekuly, male, b. 1961, citizen of Kazakhstan. Travelled to Tacheng 11.2017 to sell property. Died in "
      "custody 02.2019.");
  INFO(Render(g));
  const Event& trip = OnlyEventWith(g, "Travel", {"Marat Bekuly"});
  CHECK(InRole(trip, "traveller") == Named(g, {"Marat Bekuly"}));
  CHECK(trip.date == "2017-11");
  CHECK(OnlyEventWith(g, "Death", {"Marat Bekuly"}).date == "2019-02");
}

TEST_CASE("Events: a register's word for the sex ('male', 'female') gives the person's gender", "[graph]") {
  const DocumentGraph g = Build(
      "The register lists these cases.\n\nNo. 12\nRozi Turdi [Rozi Turdy], female, b. 1985, nurse. Detained 2018.\n\n"
      "No. 13\nAblet Tohti [Ablet Tokhti], male, 44, imam. Sentenced 2019.");
  INFO(Render(g));
  REQUIRE(EntityNamed(g, "Rozi Turdi") >= 0);
  REQUIRE(EntityNamed(g, "Ablet Tohti") >= 0);
  CHECK(g.entities[static_cast<std::size_t>(EntityNamed(g, "Rozi Turdi"))].gender == "female");
  CHECK(g.entities[static_cast<std::size_t>(EntityNamed(g, "Ablet Tohti"))].gender == "male");
  CHECK(OnlyEventWith(g, "Detention", {"Rozi Turdi"}).date == "2018");
}

TEST_CASE("Events: an object pronoun may stand for a relative the narration spoke of", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Kuanyshqyzy was taken in 2017. Her brother was detained on February 19; three days later a magistrate "
      "fined him 14,585 tenge.");
  INFO(Render(g));
  const std::vector<const Event*> fines = OfKind(g, "Fine");
  REQUIRE(fines.size() == 1);
  const std::vector<int> fined = InRole(*fines[0], "fined");
  REQUIRE(fined.size() == 1);
  const Entity& brother = g.entities[static_cast<std::size_t>(fined[0])];
  CHECK(brother.name.empty());
  CHECK(brother.gender == "male");
  CHECK(fines[0]->date == "2021-02-22");
  // Not past a pronoun that goes on speaking of someone else.
  const DocumentGraph h = Build(
      "Kubanych Myrzabekov left in 2012. In December 2017 he went back to sell the house his father had built. He "
      "was detained there in March 2018. Two years later a court sentenced him to 13 years.");
  INFO(Render(h));
  for (const Event& e : h.events) {
    for (const EventRole& r : e.roles) CHECK(!h.entities[static_cast<std::size_t>(r.entity)].name.empty());
  }
}

TEST_CASE("Events: a month a few sentences after a month of the same paragraph goes on in its year", "[graph]") {
  const DocumentGraph g = Build(
      "In June 2019 Askar Zhenisuly went to Nur-Sultan and stood outside the Foreign Ministry with a photograph. He "
      "stood there two days. The police took his name. In August they fined him 50,000 tenge.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Fine", {"Askar Zhenisuly"}).date == "2019-08");
  // Not across paragraphs.
  const DocumentGraph h = Build(
      "In June 2019 Askar Zhenisuly went to Nur-Sultan and stood outside the Foreign Ministry with a photograph.\n\n"
      "He stood there two days. The police took his name. In August they fined him 50,000 tenge.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Fine", {"Askar Zhenisuly"}).date != "2019-08");
}

TEST_CASE("Events: a chronology's entries run on in a paragraph are dated by the year or month opening each", "[graph]") {
  const DocumentGraph g = Build(
      "Her timeline reads like a ledger. 2014: Marat Bekuly leaves for Cairo. April 2018: Aigul Bekova is taken "
      "to a camp. December 2018: she is released.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Travel", {"Marat Bekuly"}).date == "2014");
  CHECK(OnlyEventWith(g, "Detention", {"Aigul Bekova"}).date == "2018-04");
  CHECK(OnlyEventWith(g, "Release", {"Aigul Bekova"}).date == "2018-12");
}

TEST_CASE("Events: past an undated sentence of its paragraph, the sentence before gives an event its day", "[graph]") {
  const DocumentGraph g = Build(
      "Things changed on April 1, 2020. That morning, Marat Bekuly and Aigul Bekova stood a few meters apart. "
      "Police detained them within minutes.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly", "Aigul Bekova"}).date == "2020-04-01");
  // So does a court's penalty two sentences before another penalty.
  const DocumentGraph p = Build(
      "The next day, 5 March 2020, the court fined Aigul Bekova 98,300 tenge. Court papers spell her name otherwise. "
      "Marat Bekuly was sentenced to 10 days of administrative arrest.");
  INFO(Render(p));
  CHECK(OnlyEventWith(p, "Sentence", {"Marat Bekuly"}).date == "2020-03-05");
  // Not from another paragraph, past a sentence with a date of its own, nor past one that neither
  // goes on in time nor follows an event of the kind (the day someone spoke on).
  for (const char* text : {"Things changed on April 1, 2020.\nAt the gate, Marat Bekuly stood apart. Police detained him.",
                           "Things changed on April 1, 2020. In 2019, Marat Bekuly stood apart. Police detained him.",
                           "Marat Bekuly spoke to reporters on April 1, 2020. He is 63. Police detained him in Ghulja."}) {
    INFO(text);
    const DocumentGraph h = Build(text);
    INFO(Render(h));
    CHECK(OnlyEventWith(h, "Detention", {"Marat Bekuly"}).date != "2020-04-01");
  }
}

TEST_CASE("Events: of the sentence before, the day that opens it dates an event, and a birthday never does", "[graph]") {
  const DocumentGraph g = Build(
      "On November 14, 2020, two days after the rally, Marat Bekuly stood outside the embassy. Police detained him.");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date == "2020-11-14");
  const DocumentGraph h = Build(
      "The verdict of March 12, 2020, describes Marat Bekuly, born 14 May 1958, as a vet. He was sentenced to 15 years.");
  INFO(Render(h));
  CHECK(OnlyEventWith(h, "Sentence", {"Marat Bekuly"}).date == "2020-03-12");
}

TEST_CASE("Events: with no publication date, a day told without its year goes on in the year just told", "[graph]") {
  const DocumentGraph g =
      Build("Activist Marat Bekuly spoke to his wife on February 11, 2017. On February 25 he was detained.", "");
  INFO(Render(g));
  CHECK(OnlyEventWith(g, "Detention", {"Marat Bekuly"}).date == "2017-02-25");
}

TEST_CASE("Events: a subject of two relatives, each with the name apposed, is both persons", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Nurlanova lives in Almaty. Her husband, Yerlan Dauletov, and her sister, Saule Nurlanova, picketed the "
      "Chinese Consulate on March 1.");
  INFO(Render(g));
  const Event& protest = OnlyEventWith(g, "Protest", {"Yerlan Dauletov", "Saule Nurlanova"});
  CHECK(InRole(protest, "protester") == Named(g, {"Yerlan Dauletov", "Saule Nurlanova"}));
}

TEST_CASE("Events: a 'they' that sentences someone is not the person sentenced", "[graph]") {
  const DocumentGraph g = Build(
      "Aigul Nurlanova said her brother Serik Nurlanov went to Ghulja in 2017.\n\n\"They sentenced him to ten years "
      "in 2019,\" Nurlanova said.");
  INFO(Render(g));
  const Event& sentence = OnlyEventWith(g, "Sentence", {"Serik Nurlanov"});
  CHECK(InRole(sentence, "defendant") == Named(g, {"Serik Nurlanov"}));
  CHECK(InRole(sentence, "adjudicator").empty());
}

}  // namespace
}  // namespace kith
