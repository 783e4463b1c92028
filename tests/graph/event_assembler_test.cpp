#include "graph/event_assembler.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

constexpr DateValue kNoPublication{0, 0, 0};
constexpr DateValue kPublished{2021, 3, 10};

// A text tokenized with the real rules, with mentions, entities and event
// candidates placed by hand, so that the tests depend on the assembler alone.
class Article {
 public:
  explicit Article(std::string text) : text_(std::move(text)) { TokenizePlain(text_, Rules(), &ex_); }

  int Entity(EntityKind kind, const std::string& name, const std::string& gender = "") {
    kith::Entity e;
    e.kind = kind;
    e.type = kind == EntityKind::kPerson ? "Person" : kind == EntityKind::kPlace ? "City" : "Organization";
    e.name = name;
    e.gender = gender;
    entities_.push_back(e);
    return static_cast<int>(entities_.size() - 1);
  }
  int Person(const std::string& name) { return Entity(EntityKind::kPerson, name); }

  // A mention over the `nth` occurrence of `phrase`, of `entity` (-1: none). Add in text order.
  CaptureRange Mention(const std::string& phrase, const std::string& label, int entity,
                       std::map<std::string, std::string> attributes = {}, int nth = 0) {
    const CaptureRange r = Range(phrase, nth);
    ExtractedMention m;
    m.first = r.first;
    m.last = r.last;
    m.span = Bytes(phrase, nth);
    m.label = label;
    m.attributes = std::move(attributes);
    m.rule = "test." + label;
    m.sentence = ex_.SentenceOf(r.first);
    ex_.mentions.push_back(std::move(m));
    mention_entity_.push_back(entity);
    return r;
  }
  CaptureRange Date(const std::string& phrase, std::map<std::string, std::string> attributes, int nth = 0) {
    return Mention(phrase, "Date", -1, std::move(attributes), nth);
  }

  // A candidate of `kind` whose evidence is `words` and whose trigger is `trigger` (inside it).
  EventAssembler::Candidate Candidate(const std::string& kind, const std::string& words, const std::string& trigger,
                                      std::vector<EventRole> roles) const {
    EventAssembler::Candidate c;
    c.kind = kind;
    c.evidence.span = Bytes(words);
    c.sentence = ex_.SentenceOf(Range(words).first);
    c.evidence.sentence = c.sentence;
    c.evidence.rule = "test.event";
    if (!trigger.empty()) {
      const std::size_t at = text_.find(trigger, c.evidence.span.begin);
      REQUIRE(at != std::string::npos);
      c.trigger = Span{at, at + trigger.size()};
    }
    c.roles = std::move(roles);
    return c;
  }

  std::vector<Event> Assemble(std::vector<EventAssembler::Candidate> candidates, DateValue publication) const {
    EventAssembler a(ex_, Rules(), mention_entity_, publication);
    for (auto& c : candidates) a.Add(std::move(c));
    return a.Finish(entities_);
  }

  Span Bytes(const std::string& phrase, int nth = 0) const {
    std::size_t at = text_.find(phrase);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = text_.find(phrase, at + 1);
    INFO(phrase);
    REQUIRE(at != std::string::npos);
    return Span{at, at + phrase.size()};
  }

  CaptureRange Range(const std::string& phrase, int nth = 0) const {
    const Span b = Bytes(phrase, nth);
    CaptureRange r;
    bool have_first = false;
    for (std::size_t t = 0; t < ex_.tokens.size(); ++t) {
      if (ex_.tokens[t].span.begin == b.begin) {
        r.first = t;
        have_first = true;
      }
      if (have_first && ex_.tokens[t].span.end == b.end) {
        r.last = t + 1;
        r.set = true;
        break;
      }
    }
    INFO(phrase);
    REQUIRE(r.set);
    return r;
  }

 private:
  std::string text_;
  Extraction ex_;
  std::vector<kith::Entity> entities_;
  std::vector<int> mention_entity_;
};

// "Kind date place [role:entity ...] rule" per event, one a line.
std::string Render(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    out += e.kind + " " + (e.date.empty() ? "-" : e.date) + " " + std::to_string(e.place) + " [";
    for (std::size_t i = 0; i < e.roles.size(); ++i) {
      out += (i ? " " : "") + e.roles[i].role + ":" + std::to_string(e.roles[i].entity);
    }
    out += "] " + e.evidence.rule + "\n";
  }
  return out;
}

const Event* OfKind(const std::vector<Event>& events, const std::string& kind) {
  for (const Event& e : events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

bool HasRole(const Event& e, const std::string& role, int entity) {
  return std::any_of(e.roles.begin(), e.roles.end(),
                     [&](const EventRole& r) { return r.role == role && r.entity == entity; });
}

const std::map<std::string, std::string> kMarch2{{"month", "03"}, {"day", "2"}};
const std::map<std::string, std::string> kMarch5{{"month", "03"}, {"day", "5"}};
const std::map<std::string, std::string> kDayEarlier{
    {"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}};

TEST_CASE("EventAssembler dates 'a day earlier' from the date mentioned before", "[graph]") {
  Article a("Activists picketed on March 2. A day earlier, police detained Dana Omar.");
  const int dana = a.Person("Dana Omar");
  a.Date("March 2", kMarch2);
  a.Date("A day earlier", kDayEarlier);
  a.Mention("Dana Omar", "Person", dana);
  SECTION("with a publication date") {
    const auto events = a.Assemble(
        {a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}})}, kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2021-03-01");
    CHECK(events[0].date_precision == "day");
  }
  SECTION("without one, month and day only") {
    const auto events = a.Assemble(
        {a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}})}, kNoPublication);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "--03-01");
    CHECK(events[0].date_precision == "day");
  }
}

TEST_CASE("EventAssembler takes the captured date, else the date nearest the trigger", "[graph]") {
  Article a("Police detained Dana Omar on March 2 and a judge fined her on March 5.");
  const int dana = a.Person("Dana Omar");
  a.Mention("Dana Omar", "Person", dana);
  const CaptureRange march2 = a.Date("March 2", kMarch2);
  a.Date("March 5", kMarch5);
  SECTION("nearest to each trigger") {
    const auto events = a.Assemble(
        {a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
         a.Candidate("Fine", "fined her", "fined", {EventRole{"fined", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 2);
    REQUIRE(OfKind(events, "Detention") != nullptr);
    REQUIRE(OfKind(events, "Fine") != nullptr);
    CHECK(OfKind(events, "Detention")->date == "2021-03-02");
    CHECK(OfKind(events, "Fine")->date == "2021-03-05");
  }
  SECTION("a captured date wins") {
    EventAssembler::Candidate fine = a.Candidate("Fine", "fined her", "fined", {EventRole{"fined", dana}});
    fine.date_range = march2;
    const auto events = a.Assemble({fine}, kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2021-03-02");
  }
}

TEST_CASE("EventAssembler: an undated event takes a day-precise date of the sentence before", "[graph]") {
  SECTION("a day") {
    Article a("Dana Omar picketed the consulate on March 2. Police detained her.");
    const int dana = a.Person("Dana Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    const auto events =
        a.Assemble({a.Candidate("Detention", "detained her", "detained", {EventRole{"detainee", dana}})}, kPublished);
    INFO(Render(events));
    // Police detaining her on the picket's day also tells of her protest.
    REQUIRE(OfKind(events, "Detention") != nullptr);
    CHECK(OfKind(events, "Detention")->date == "2021-03-02");
    REQUIRE(OfKind(events, "Protest") != nullptr);
    CHECK(HasRole(*OfKind(events, "Protest"), "protester", dana));
  }
  SECTION("not a month") {
    Article a("Dana Omar picketed the consulate in March. Police detained her.");
    const int dana = a.Person("Dana Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("in March", {{"month", "03"}});
    const auto events =
        a.Assemble({a.Candidate("Detention", "detained her", "detained", {EventRole{"detainee", dana}})}, kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date.empty());
    CHECK(events[0].date_precision.empty());
  }
  SECTION("not a state that lasts until now") {
    Article a("A court fined Dana Omar on March 2. Her son has since been imprisoned in China for six years.");
    const int dana = a.Person("Dana Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    const auto events = a.Assemble(
        {a.Candidate("Detention", "Her son has since been imprisoned", "imprisoned", {EventRole{"detainee", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date.empty());
  }
  SECTION("not two sentences back past a sentence that neither goes on in time nor follows an event of its kind") {
    Article a("Dana Omar picketed the consulate on March 2. Nobody came. Police detained her.");
    const int dana = a.Person("Dana Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    const auto events =
        a.Assemble({a.Candidate("Detention", "detained her", "detained", {EventRole{"detainee", dana}})}, kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date.empty());
  }
}

TEST_CASE("EventAssembler: the place is the captured one, else the first named in the sentence", "[graph]") {
  Article a("Police detained Dana Omar in Almaty outside the Chinese Consulate.");
  const int dana = a.Person("Dana Omar");
  const int almaty = a.Entity(EntityKind::kPlace, "Almaty");
  const int consulate = a.Entity(EntityKind::kOrganization, "Chinese Consulate");
  a.Mention("Dana Omar", "Person", dana);
  a.Mention("Almaty", "Place", almaty);
  a.Mention("Chinese Consulate", "Organization", consulate);
  SECTION("the first named") {
    const auto events = a.Assemble(
        {a.Candidate("Detention", "Police detained Dana Omar", "detained", {EventRole{"detainee", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].place == almaty);
  }
  SECTION("captured") {
    EventAssembler::Candidate c =
        a.Candidate("Detention", "Police detained Dana Omar", "detained", {EventRole{"detainee", dana}});
    c.place = consulate;
    const auto events = a.Assemble({c}, kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].place == consulate);
  }
  SECTION("none in the sentence") {
    Article b("Police detained Dana Omar. She was in Almaty.");
    const int dana_b = b.Person("Dana Omar");
    const int almaty_b = b.Entity(EntityKind::kPlace, "Almaty");
    b.Mention("Dana Omar", "Person", dana_b);
    b.Mention("Almaty", "Place", almaty_b);
    const auto events = b.Assemble(
        {b.Candidate("Detention", "Police detained Dana Omar", "detained", {EventRole{"detainee", dana_b}})},
        kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].place == -1);
  }
}

TEST_CASE("EventAssembler merges two mentions of one event", "[graph]") {
  SECTION("overlapping words") {
    Article a("Police detained Dana Omar and Marat Omar at home.");
    const int dana = a.Person("Dana Omar");
    const int marat = a.Person("Marat Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Mention("Marat Omar", "Person", marat);
    const auto events = a.Assemble(
        {a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
         a.Candidate("Detention", "Dana Omar and Marat Omar", "", {EventRole{"detainee", marat}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(HasRole(events[0], "detainee", dana));
    CHECK(HasRole(events[0], "detainee", marat));
  }
  SECTION("an undated mention sharing a participant takes the other's date") {
    Article a("Police detained Dana Omar and Marat Omar on March 2. Nobody explained why. "
              "Dana Omar was detained at home.");
    const int dana = a.Person("Dana Omar");
    const int marat = a.Person("Marat Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Mention("Marat Omar", "Person", marat);
    a.Date("March 2", kMarch2);
    a.Mention("Dana Omar", "Person", dana, {}, 1);
    const auto events = a.Assemble(
        {a.Candidate("Detention", "detained Dana Omar and Marat Omar", "detained",
                     {EventRole{"detainee", dana}, EventRole{"detainee", marat}}),
         a.Candidate("Detention", "Dana Omar was detained at home", "detained", {EventRole{"detainee", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2021-03-02");
    CHECK(events[0].roles.size() == 2);
  }
  SECTION("undated mentions without a shared participant stay apart") {
    Article a("Police detained Dana Omar. Police detained Aliya Bek.");
    const int dana = a.Person("Dana Omar");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Dana Omar", "Person", dana);
    a.Mention("Aliya Bek", "Person", aliya);
    const auto events =
        a.Assemble({a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
                    a.Candidate("Detention", "detained Aliya Bek", "detained", {EventRole{"detainee", aliya}})},
                   kPublished);
    INFO(Render(events));
    CHECK(events.size() == 2);
  }
  SECTION("different dates stay apart, and so do different kinds") {
    Article a("Police detained Dana Omar on March 2. Police detained her again on March 5. A judge fined her.");
    const int dana = a.Person("Dana Omar");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    a.Date("March 5", kMarch5);
    const auto events =
        a.Assemble({a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
                    a.Candidate("Detention", "detained her again", "detained", {EventRole{"detainee", dana}}),
                    a.Candidate("Fine", "fined her", "fined", {EventRole{"fined", dana}})},
                   kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 3);
    CHECK(events[0].date == "2021-03-02");
    CHECK(events[1].date == "2021-03-05");
    CHECK(events[2].kind == "Fine");
  }
}

TEST_CASE("EventAssembler merges candidates of one kind with the same date", "[graph]") {
  Article a("On March 2 police detained Dana Omar. Marat Omar was detained on March 2.");
  const int dana = a.Person("Dana Omar");
  const int marat = a.Person("Marat Omar");
  a.Date("March 2", kMarch2);
  a.Mention("Dana Omar", "Person", dana);
  a.Mention("Marat Omar", "Person", marat);
  a.Date("March 2", kMarch2, 1);
  const auto events =
      a.Assemble({a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
                  a.Candidate("Detention", "Marat Omar was detained", "detained", {EventRole{"detainee", marat}})},
                 kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 1);
  CHECK(HasRole(events[0], "detainee", dana));
  CHECK(HasRole(events[0], "detainee", marat));
}

TEST_CASE("EventAssembler keeps apart two persons' events of the same month", "[graph]") {
  // "in April 2019" is a month, not one happening: two detentions, not one of two persons.
  Article a("Dana Omar was detained in April 2019. Marat Omar was detained in April 2019.");
  const int dana = a.Person("Dana Omar");
  const int marat = a.Person("Marat Omar");
  const std::map<std::string, std::string> april2019{{"month", "04"}, {"year", "2019"}};
  a.Mention("Dana Omar", "Person", dana);
  a.Date("April 2019", april2019);
  a.Mention("Marat Omar", "Person", marat);
  a.Date("April 2019", april2019, 1);
  const auto events =
      a.Assemble({a.Candidate("Detention", "Dana Omar was detained", "detained", {EventRole{"detainee", dana}}),
                  a.Candidate("Detention", "Marat Omar was detained", "detained", {EventRole{"detainee", marat}})},
                 kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 2);
  CHECK(events[0].date == "2019-04");
  CHECK(events[1].date == "2019-04");
}

TEST_CASE("EventAssembler joins one person's event told with a year and with its month", "[graph]") {
  Article a("Dana Omar was detained in January 2018. Her arrest in 2018 shocked the town.");
  const int dana = a.Person("Dana Omar");
  a.Mention("Dana Omar", "Person", dana);
  a.Date("January 2018", {{"month", "01"}, {"year", "2018"}});
  a.Date("2018", {{"year", "2018"}}, 1);
  SECTION("the finer date stays, whichever comes first") {
    const auto events =
        a.Assemble({a.Candidate("Detention", "Her arrest", "arrest", {EventRole{"detainee", dana}}),
                    a.Candidate("Detention", "Dana Omar was detained", "detained", {EventRole{"detainee", dana}})},
                   kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2018-01");
  }
  SECTION("another person's detention that year stays apart") {
    const int marat = a.Person("Marat Omar");
    const auto events =
        a.Assemble({a.Candidate("Detention", "Dana Omar was detained", "detained", {EventRole{"detainee", dana}}),
                    a.Candidate("Detention", "Her arrest", "arrest", {EventRole{"detainee", marat}})},
                   kPublished);
    INFO(Render(events));
    CHECK(events.size() == 2);
  }
}

TEST_CASE("EventAssembler drops events without participants and repeated roles", "[graph]") {
  Article a("Police detained Dana Omar. Officials were detained.");
  const int dana = a.Person("Dana Omar");
  a.Mention("Dana Omar", "Person", dana);
  const auto events = a.Assemble(
      {a.Candidate("Detention", "detained Dana Omar", "detained",
                   {EventRole{"detainee", dana}, EventRole{"detainee", dana}}),
       a.Candidate("Release", "Officials were detained", "detained", {}),
       a.Candidate("Fine", "Officials were detained", "detained", {EventRole{"fined", -1}})},
      kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "Detention");
  CHECK(std::count_if(events[0].roles.begin(), events[0].roles.end(),
                      [&](const EventRole& r) { return r.entity == dana; }) == 1);
}

TEST_CASE("EventAssembler: a reading that replaces a kind drops that kind on its trigger only", "[graph]") {
  Article a("The court jailed Dana Omar for ten years. Police jailed Aliya Bek.");
  const int dana = a.Person("Dana Omar");
  const int aliya = a.Person("Aliya Bek");
  a.Mention("Dana Omar", "Person", dana);
  a.Mention("Aliya Bek", "Person", aliya);
  EventAssembler::Candidate sentence =
      a.Candidate("Sentence", "jailed Dana Omar for ten years", "jailed", {EventRole{"defendant", dana}});
  sentence.attributes = {{"term", "ten years"}, {"replaces", "Detention"}};
  const auto events =
      a.Assemble({a.Candidate("Detention", "jailed Dana Omar", "jailed", {EventRole{"detainee", dana}}),
                  std::move(sentence),
                  a.Candidate("Detention", "jailed Aliya Bek", "jailed", {EventRole{"detainee", aliya}})},
                 kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == "Sentence");
  CHECK(HasRole(events[0], "defendant", dana));
  CHECK(events[0].attributes.count("replaces") == 0);
  CHECK(events[1].kind == "Detention");
  CHECK(HasRole(events[1], "detainee", aliya));
}

TEST_CASE("EventAssembler: a protester named by a role noun joins the article's protest", "[graph]") {
  SECTION("a new protest, dated by the first sentence that speaks of protesting") {
    Article a("Police came on February 1. Dozens of people picketed the consulate on February 2. "
              "One of the protesters, Aliya Bek, spoke.");
    const int aliya = a.Person("Aliya Bek");
    a.Date("February 1", {{"month", "02"}, {"day", "1"}});
    a.Date("February 2", {{"month", "02"}, {"day", "2"}});
    a.Mention("Aliya Bek", "Person", aliya, {{"role_category", "protest"}});
    const auto events = a.Assemble({}, kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "Protest");
    CHECK(events[0].date == "2021-02-02");
    CHECK(events[0].date_precision == "day");
    CHECK(HasRole(events[0], "protester", aliya));
    CHECK(events[0].evidence.rule == "event.protester-role");
  }
  SECTION("an existing protest of that date") {
    Article a("Dana Omar picketed the consulate on March 2. One of the protesters, Aliya Bek, spoke.");
    const int dana = a.Person("Dana Omar");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    a.Mention("Aliya Bek", "Person", aliya, {{"role_category", "protest"}});
    const auto events = a.Assemble(
        {a.Candidate("Protest", "Dana Omar picketed the consulate", "picketed", {EventRole{"protester", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2021-03-02");
    CHECK(HasRole(events[0], "protester", dana));
    CHECK(HasRole(events[0], "protester", aliya));
    CHECK(events[0].evidence.rule == "test.event");
  }
  SECTION("persons of other roles do not") {
    Article a("Dana Omar picketed the consulate on March 2. Lawyer Aliya Bek spoke.");
    const int dana = a.Person("Dana Omar");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Dana Omar", "Person", dana);
    a.Date("March 2", kMarch2);
    a.Mention("Aliya Bek", "Person", aliya, {{"role_category", "law"}});
    const auto events = a.Assemble(
        {a.Candidate("Protest", "Dana Omar picketed the consulate", "picketed", {EventRole{"protester", dana}})},
        kPublished);
    INFO(Render(events));
    REQUIRE(events.size() == 1);
    CHECK_FALSE(HasRole(events[0], "protester", aliya));
  }
}

// SpeaksOfProtest() looks every lower-cased token up in event_verbs, where
// "march" is a Protest verb: the month in "on March 1" makes a sentence about
// anything speak of protesting, and the role-noun protesters get its date.
// Same with the real rules: "Officials visited the school on March 1. Dozens
// of people picketed the Chinese Consulate in Almaty on April 2. One of the
// protesters, Aliya Bek, spoke." (published 2021-05-10) dates the protest
// 2021-03-01; with "February 1" instead it is 2021-04-02.
TEST_CASE("EventAssembler: the month March does not make a sentence speak of protesting", "[graph]") {
  Article a("Officials visited the school on March 1. Dozens of people picketed the consulate on April 2. "
            "One of the protesters, Aliya Bek, spoke.");
  const int aliya = a.Person("Aliya Bek");
  a.Date("March 1", {{"month", "03"}, {"day", "1"}});
  a.Date("April 2", {{"month", "04"}, {"day", "2"}});
  a.Mention("Aliya Bek", "Person", aliya, {{"role_category", "protest"}});
  const auto events = a.Assemble({}, DateValue{2021, 5, 10});
  INFO(Render(events));
  REQUIRE(events.size() == 1);
  CHECK(events[0].date == "2021-04-02");
}

TEST_CASE("EventAssembler: an undated protest joins the article's one dated protest", "[graph]") {
  Article a("Dana Omar picketed the consulate on March 2. Months later, Marat Omar protested too.");
  const int dana = a.Person("Dana Omar");
  const int marat = a.Person("Marat Omar");
  a.Mention("Dana Omar", "Person", dana);
  a.Date("March 2", kMarch2);
  a.Mention("Marat Omar", "Person", marat);
  const auto events =
      a.Assemble({a.Candidate("Protest", "Dana Omar picketed the consulate", "picketed", {EventRole{"protester", dana}}),
                  a.Candidate("Protest", "Marat Omar protested", "protested", {EventRole{"protester", marat}})},
                 kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 1);
  CHECK(events[0].date == "2021-03-02");
  CHECK(HasRole(events[0], "protester", dana));
  CHECK(HasRole(events[0], "protester", marat));
}

TEST_CASE("EventAssembler: the publication date fills the year", "[graph]") {
  Article a("Police detained Dana Omar on March 2. She was released on March 20.");
  const int dana = a.Person("Dana Omar");
  a.Mention("Dana Omar", "Person", dana);
  a.Date("March 2", kMarch2);
  a.Date("March 20", {{"month", "03"}, {"day", "20"}});
  const auto events =
      a.Assemble({a.Candidate("Detention", "detained Dana Omar", "detained", {EventRole{"detainee", dana}}),
                  a.Candidate("Release", "She was released", "released", {EventRole{"released", dana}})},
                 kPublished);
  INFO(Render(events));
  REQUIRE(OfKind(events, "Detention") != nullptr);
  REQUIRE(OfKind(events, "Release") != nullptr);
  CHECK(OfKind(events, "Detention")->date == "2021-03-02");
  // More than a week after publication (2021-03-10): the year before.
  CHECK(OfKind(events, "Release")->date == "2020-03-20");
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

TEST_CASE("EventAssembler: a fine takes the sum nearest its trigger, as a plain decimal", "[graph]") {
  Article a("Aliya Bek was fined 29,170 tenge (about $68) each.");
  const int aliya = a.Person("Aliya Bek");
  a.Mention("Aliya Bek", "Person", aliya);
  a.Mention("29,170 tenge", "Money", -1, {{"amount", "29,170"}, {"currency", "KZT"}});
  a.Mention("$68", "Money", -1, {{"amount", "68"}, {"currency", "USD"}});
  const auto events = a.Assemble({a.Candidate("Fine", "Aliya Bek was fined", "fined", {{"fined", aliya}})}, kPublished);
  INFO(Render(events));
  REQUIRE(events.size() == 1);
  CHECK(events[0].attributes.at("amount") == "29170");
  CHECK(events[0].attributes.at("currency") == "KZT");
  CHECK(events[0].attributes.count("unit") == 0);
}

TEST_CASE("EventAssembler: a sum is a fine's only, and not across another event word", "[graph]") {
  SECTION("a detention takes no sum") {
    Article a("Aliya Bek was detained with 500 dollars on her.");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Aliya Bek", "Person", aliya);
    a.Mention("500 dollars", "Money", -1, {{"amount", "500"}, {"currency", "USD"}});
    const auto events =
        a.Assemble({a.Candidate("Detention", "Aliya Bek was detained", "detained", {{"detainee", aliya}})}, kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].attributes.count("amount") == 0);
  }
  SECTION("the sum belongs to the other event word") {
    Article a("Aliya Bek was fined after her brother was jailed and fined 500 dollars.");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Aliya Bek", "Person", aliya);
    a.Mention("500 dollars", "Money", -1, {{"amount", "500"}, {"currency", "USD"}});
    const auto events = a.Assemble({a.Candidate("Fine", "Aliya Bek was fined", "fined", {{"fined", aliya}})}, kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].attributes.count("amount") == 0);
  }
  SECTION("a fine with no sum") {
    Article a("Aliya Bek was fined.");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Aliya Bek", "Person", aliya);
    const auto events = a.Assemble({a.Candidate("Fine", "Aliya Bek was fined", "fined", {{"fined", aliya}})}, kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].attributes.empty());
  }
  SECTION("a captured amount that is no number is left out") {
    Article a("Aliya Bek was fined.");
    const int aliya = a.Person("Aliya Bek");
    a.Mention("Aliya Bek", "Person", aliya);
    auto c = a.Candidate("Fine", "Aliya Bek was fined", "fined", {{"fined", aliya}});
    c.attributes = {{"amount", "several"}, {"currency", "KZT"}};
    const auto events = a.Assemble({c}, kPublished);
    REQUIRE(events.size() == 1);
    CHECK(events[0].attributes.empty());
  }
}

}  // namespace
}  // namespace kith
