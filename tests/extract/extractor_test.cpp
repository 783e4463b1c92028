#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/name_propagation.h"
#include "extract/rule_set.h"
#include "text/reader.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

// Reads `bytes` as an article and extracts it with the real rules.
void ExtractArticle(const std::string& bytes, Document* doc, Extraction* ex, const ExtractOptions& options = {}) {
  ReadOptions read;
  if (const Lexicon* furniture = Rules().lexicon("furniture")) read.furniture_cues = &furniture->entries();
  const Status s = ReadDocumentFromBytes("article.txt", bytes, read, doc, nullptr);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(Extract(*doc, Rules(), options, ex).ok());
}

std::string TextOf(const std::string& text, const Span& span) { return text.substr(span.begin, span.size()); }

// The mentions with this label whose text is `name`.
std::vector<const ExtractedMention*> Find(const Document& doc, const Extraction& ex, const std::string& label,
                                          const std::string& name) {
  std::vector<const ExtractedMention*> out;
  for (const ExtractedMention& m : ex.mentions) {
    if (m.label == label && TextOf(doc.text, m.span) == name) out.push_back(&m);
  }
  return out;
}

std::string Render(const Document& doc, const Extraction& ex) {
  std::string out;
  for (const ExtractedMention& m : ex.mentions) {
    out += m.label + "[" + TextOf(doc.text, m.span) + "] " + m.rule + " s" + std::to_string(m.sentence) + "\n";
  }
  return out;
}

TEST_CASE("Extract finds a person by a role apposition and her surname later", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("One of the protesters, Aigerim Sadykova, told reporters. Sadykova's husband was detained.\n", &doc,
                 &ex);
  INFO(Render(doc, ex));
  REQUIRE(ex.sentences.size() == 2);
  const auto full = Find(doc, ex, "Person", "Aigerim Sadykova");
  REQUIRE(full.size() == 1);
  CHECK(full[0]->sentence == 0);
  CHECK(full[0]->rule == "person.role-apposition");
  CHECK(doc.text.compare(full[0]->span.begin, 16, "Aigerim Sadykova") == 0);
  CHECK(ex.tokens[full[0]->first].span.begin == full[0]->span.begin);
  CHECK(ex.tokens[full[0]->last - 1].span.end == full[0]->span.end);
  const auto surname = Find(doc, ex, "Person", "Sadykova");
  REQUIRE(surname.size() == 1);
  CHECK(surname[0]->sentence == 1);
  // "told" and "reporters" are not names.
  CHECK(Find(doc, ex, "Person", "Aigerim Sadykova, told").empty());
}

TEST_CASE("Extract marks patronymic names with their gender", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Activist Aliya Serikqyzy spoke. Her son, Arman Bekuly, was detained.\n", &doc, &ex);
  INFO(Render(doc, ex));
  const auto aliya = Find(doc, ex, "Person", "Aliya Serikqyzy");
  REQUIRE(aliya.size() == 1);
  CHECK(aliya[0]->attributes.at("gender") == "female");
  const auto arman = Find(doc, ex, "Person", "Arman Bekuly");
  REQUIRE(arman.size() == 1);
  CHECK(arman[0]->attributes.at("gender") == "male");
}

TEST_CASE("Extract nests a place inside an organization's name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Dozens of people picketed the Chinese Consulate in Almaty on Monday.\n", &doc, &ex);
  INFO(Render(doc, ex));
  const auto org = Find(doc, ex, "Organization", "Chinese Consulate in Almaty");
  REQUIRE(org.size() == 1);
  CHECK(org[0]->attributes.at("type") == "GovernmentOrganization");
  const auto place = Find(doc, ex, "Place", "Almaty");
  REQUIRE(place.size() == 1);
  CHECK(place[0]->first >= org[0]->first);
  CHECK(place[0]->last <= org[0]->last);
  // "Monday" is no entity.
  for (const ExtractedMention& m : ex.mentions) {
    if (IsEntityLabel(m.label)) CHECK(TextOf(doc.text, m.span).find("Monday") == std::string::npos);
  }
}

TEST_CASE("Extract keeps 'of' a place in an organization's name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Two days later the Specialized Administrative Court of Zhetysu Region fined them. The rally was "
                 "called by the Uyghur Families Network of Canada.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Organization", "Specialized Administrative Court of Zhetysu Region").size() == 1);
  CHECK(Find(doc, ex, "Organization", "Uyghur Families Network of Canada").size() == 1);
}

TEST_CASE("Extract reads an official name that runs on with 'of', 'for' and 'and'", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("They will appeal to the Supreme Court of the Republic of Tatarstan. The Ministry of Labour and "
                 "Social Protection of the Population did not reply. A letter went to the Ministry of Justice and "
                 "Human Rights Watch.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Organization", "Supreme Court of the Republic of Tatarstan").size() == 1);
  CHECK(Find(doc, ex, "Organization", "Ministry of Labour and Social Protection of the Population").size() == 1);
  // "and" before a known institution joins two institutions, not one name.
  CHECK(Find(doc, ex, "Organization", "Ministry of Justice").size() == 1);
  CHECK(Find(doc, ex, "Organization", "Human Rights Watch").size() == 1);
}

TEST_CASE("Extract leaves an 'X-based' word out of an organization's name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("A lawyer with the Almaty-based Steppe Legal Aid Centre said so.\n", &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Organization", "Steppe Legal Aid Centre").size() == 1);
  for (const ExtractedMention& m : ex.mentions) {
    if (IsEntityLabel(m.label)) CHECK(TextOf(doc.text, m.span).find("based") == std::string::npos);
  }
}

TEST_CASE("Extract reads a Chinese court's full name as one organization", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("In 2021 the Ili Kazakh Autonomous Prefecture Intermediate People's Court jailed him. The Urumqi "
                 "People's Procuratorate had charged him.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Organization", "Ili Kazakh Autonomous Prefecture Intermediate People's Court").size() == 1);
  CHECK(Find(doc, ex, "Organization", "Urumqi People's Procuratorate").size() == 1);
}

TEST_CASE("Extract takes a word that is also a given name (Islam) as part of a longer name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("\"My father, Yusup Islam, was taken in 2017,\" he said. "
                 "Islam Tursunov, a driver, said the mosque was closed. Islam is their faith.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Person", "Yusup Islam").size() == 1);
  CHECK(Find(doc, ex, "Person", "Islam Tursunov").size() == 1);
  // Alone, the word is the faith.
  CHECK(Find(doc, ex, "Person", "Islam").empty());
}

TEST_CASE("Extract finds again a one-word name the rules found once", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("\"My brother Qairbek was a teacher. In March Qairbek died,\" she said. Qairbek had two sons.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Person", "Qairbek").size() == 3);
}

TEST_CASE("Extract takes two capitalised words as a name when one is a name found alone", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("When Sabira Tokhti finishes work, she drives home. Sabira's son was detained. "
                 "In Almaty Sabira met officials. Last March Sabira drove to Oral. Mr. Dosov spoke to "
                 "Arman Dosov, who lives in Oral.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto full = Find(doc, ex, "Person", "Sabira Tokhti");
  REQUIRE(full.size() == 1);
  CHECK(full[0]->rule == "coref.lone-name-extended");
  // A place or a not-name beside the lone name is no part of it.
  CHECK(Find(doc, ex, "Person", "Almaty Sabira").empty());
  CHECK(Find(doc, ex, "Person", "In Almaty").empty());
  CHECK(Find(doc, ex, "Person", "March Sabira").empty());  // a month is no name word
  // The surname found alone ("Mr. Dosov") extends too.
  CHECK(Find(doc, ex, "Person", "Arman Dosov").size() == 1);
}

TEST_CASE("Extract takes an unknown given name before a known family name as a relative's name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("His name is Yasin Tohti. The second is Mehmut Tohti. In Hotan Tohti waited. The Chinese "
                 "Tohti file is thin. Freeing Tohti would cost nothing. She won the Alim Tohti Prize there.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto brother = Find(doc, ex, "Person", "Mehmut Tohti");
  REQUIRE(brother.size() == 1);
  CHECK(brother[0]->rule == "coref.family-name");
  // A place, a nationality or a third capitalised word beside it makes no name.
  CHECK(Find(doc, ex, "Person", "Hotan Tohti").empty());
  CHECK(Find(doc, ex, "Person", "Chinese Tohti").empty());
  CHECK(Find(doc, ex, "Person", "Freeing Tohti").empty());  // a sentence's first word
  CHECK(Find(doc, ex, "Person", "Alim Tohti").empty());     // glued to a third capitalised word
}

TEST_CASE("Name propagation run again on an extraction adds nothing", "[extract]") {
  // The extractor runs it again only after a stage that proposed an entity, which is right only
  // if a run that added nothing would add nothing again.
  Document doc;
  Extraction ex;
  ExtractArticle("When Sabira Tokhti finishes work, she drives home. Sabira's son was detained. Her sister, "
                 "Rahile Omarova, lives in Aksu. Only Rahile still answers. Omarova said so.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const std::string before = Render(doc, ex);
  REQUIRE_FALSE(Find(doc, ex, "Person", "Sabira Tokhti").empty());
  CHECK_FALSE(PropagatePersonNames(Rules(), &ex));
  CHECK(Render(doc, ex) == before);
  SECTION("while on fresh mentions it adds and says so") {
    Extraction bare = ex;
    bare.mentions.erase(std::remove_if(bare.mentions.begin(), bare.mentions.end(),
                                       [](const ExtractedMention& m) { return m.rule.rfind("coref.", 0) == 0; }),
                        bare.mentions.end());
    CHECK(PropagatePersonNames(Rules(), &bare));
    CHECK_FALSE(PropagatePersonNames(Rules(), &bare));
  }
}

TEST_CASE("Extract takes a lone name part after a capitalised not-name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Her sister, Rahile Omarova, lives in Aksu. Only Rahile still answers.\n", &doc, &ex);
  INFO(Render(doc, ex));
  const auto part = Find(doc, ex, "Person", "Rahile");
  REQUIRE(part.size() == 1);
  CHECK(part[0]->attributes.at("refers") == "Rahile Omarova");
  SECTION("or after a month or a weekday") {
    Document doc2;
    Extraction ex2;
    ExtractArticle("Her sister, Rahile Omarova, lives in Aksu. In January Rahile took a train. On Monday Rahile "
                   "came back.\n",
                   &doc2, &ex2);
    INFO(Render(doc2, ex2));
    CHECK(Find(doc2, ex2, "Person", "Rahile").size() == 2);
  }
}

TEST_CASE("Extract takes a name part shared by two persons for the one spelled so", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Her husband, Murat Abenuly, was detained. Their son, Daniyar Muratuly, 26, was fined. "
                 "The troubles did not stop with Murat. Muratov is a common name.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto part = Find(doc, ex, "Person", "Murat");
  REQUIRE(part.size() == 1);
  CHECK(part[0]->rule == "coref.name-part");
  CHECK(part[0]->attributes.at("refers") == "Murat Abenuly");
  // Spelled like neither ("Muratov" is both men's by its key): nobody's.
  CHECK(Find(doc, ex, "Person", "Muratov").empty());
}

TEST_CASE("Extract takes a surname spelled as a part of two names as a person of neither yet", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Activist Zaure Omarova was there. Her daughter, Asel Omarova, filmed it. "
                 "Later a court fined Omarova 10,000 tenge.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto part = Find(doc, ex, "Person", "Omarova");
  REQUIRE(part.size() == 1);
  CHECK(part[0]->rule == "coref.name-part");
  CHECK(part[0]->attributes.count("refers") == 0);  // the graph picks the owner, or none
}

TEST_CASE("Extract reads the publisher from front matter for organizations only", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("---\nsource: Activist Marat Serikuly of Human Rights Watch\n---\nThe protest went on in Almaty.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto org = Find(doc, ex, "Organization", "Human Rights Watch");
  REQUIRE(org.size() == 1);
  CHECK(org[0]->span.end < doc.body.begin);  // found in the front matter itself
  CHECK(Find(doc, ex, "Person", "Marat Serikuly").empty());
  CHECK(Find(doc, ex, "Place", "Almaty").size() == 1);
}

TEST_CASE("Extract skips headline lines", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Protest Outside Consulate In Almaty\n\nThe protest went on. Dana Omarova, 34, said she would stay.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  REQUIRE(doc.headline_lines.size() == 1);
  CHECK(Find(doc, ex, "Place", "Almaty").empty());
  const auto dana = Find(doc, ex, "Person", "Dana Omarova");
  REQUIRE(dana.size() == 1);
  CHECK(dana[0]->attributes.at("age") == "34");
}

TEST_CASE("Extract reports fired rules and writes a trace", "[extract]") {
  Document doc;
  Extraction ex;
  std::set<std::string> fired;
  std::ostringstream trace;
  ExtractOptions options;
  options.fired = &fired;
  options.trace = &trace;
  ExtractArticle("One of the protesters, Aigerim Sadykova, told reporters in Almaty.\n", &doc, &ex, options);
  CHECK(fired.count("person.role-apposition") == 1);
  CHECK(fired.count("place.city") == 1);
  CHECK(trace.str().find("person.role-apposition: \"protesters, Aigerim Sadykova\"") != std::string::npos);
  CHECK(trace.str().find("name=\"Aigerim Sadykova\"") != std::string::npos);
}

TEST_CASE("Extract is deterministic and matches TokenizePlain with RunStages", "[extract]") {
  const std::string text =
      "Activist Dana Omar's mother, Aliya Serikqyzy, spoke outside the U.S. Embassy in Bishkek. "
      "Omar said her two sons were jailed.";
  Document doc;
  Extraction first;
  ExtractArticle(text + "\n", &doc, &first);
  Extraction second;
  REQUIRE(Extract(doc, Rules(), ExtractOptions(), &second).ok());
  CHECK(Render(doc, first) == Render(doc, second));
  CHECK(first.relations.size() == second.relations.size());

  Extraction plain;
  TokenizePlain(text, Rules(), &plain);
  RunStages(text, Rules(), ExtractOptions(), &plain);
  Document plain_doc;
  plain_doc.text = text;
  CHECK(Render(plain_doc, plain) == Render(doc, first));
}

TEST_CASE("Extract honours the sentence limit", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractOptions options;
  options.sentences.max_tokens = 4;
  ExtractArticle("One of the protesters, Aigerim Sadykova, told reporters.\n", &doc, &ex, options);
  CHECK(ex.sentences.size() == 3);
  for (const SentenceSpan& s : ex.sentences) CHECK(s.last - s.first <= 4);
}

TEST_CASE("Extract keeps an institution named after a district", "[extract]") {
  // org.named-headed's own example: the stage-10 place "Medeu District" must
  // not make the longer organization lose.
  Document doc;
  Extraction ex;
  ExtractArticle("Officers of the Medeu District Police Department detained him.\n", &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Organization", "Medeu District Police Department").size() == 1);
}

TEST_CASE("Extract ends a sentence after an abbreviation that may end one", "[extract]") {
  struct Case {
    const char* text;
    std::size_t sentences;
  };
  const Case cases[] = {
      {"He flew to the U.S. Then he left.", 2},
      {"She studied in the U.K. The court did not ask why.", 2},
      {"The son of Aidos Bek Jr. He was detained.", 2},  // "Jr." is marked may_end_sentence=yes
      {"He went to the U.S. Embassy in Almaty.", 1},      // a name goes on
      {"The lawyer J.R. Tanaka spoke.", 1},
      {"Gen. He was not named.", 1},     // "Gen." is a title only: the next word belongs to it
      {"The U.S. on Monday said so.", 1},
  };
  for (const Case& c : cases) {
    Extraction ex;
    TokenizePlain(c.text, Rules(), &ex);
    INFO(c.text);
    CHECK(ex.sentences.size() == c.sentences);
  }
}

TEST_CASE("Extract takes a month's abbreviation after a given word as a name word", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("A policeman, Wang Jun, called her twice. The hearing was on Jun 5, 2019. A lawyer, Marat "
                 "Serikuly Jun 9 2019 filed the appeal.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Person", "Wang Jun").size() == 1);
  CHECK(Find(doc, ex, "Person", "Marat Serikuly").size() == 1);  // a date after a name is none of it
  CHECK(Find(doc, ex, "Person", "Jun").empty());
}

TEST_CASE("Extract joins a two-letter surname to its full name", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Her son-in-law, Ma Jun, a trader, crossed into China. A cousin said Ma had been sentenced. "
                 "Ma was moved to Korla in 2020. A lawyer, Arman B. Ospan, wrote. B. Ospan said so.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  const auto ma = Find(doc, ex, "Person", "Ma");
  REQUIRE(ma.size() == 2);
  CHECK(ma[0]->attributes.at("refers") == "Ma Jun");
  CHECK(ma[1]->attributes.at("refers") == "Ma Jun");
  // An initial is no such part.
  CHECK(Find(doc, ex, "Person", "B.").empty());
}

TEST_CASE("Extract keeps a name's lower-case particles between its capitalised words", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Sanne de Vries, a Dutch member of the European Parliament, called the verdicts unfair. "
                 "Commission President Ursula von der Leyen did not comment. The rally was in the south de facto.\n",
                 &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Person", "Sanne de Vries").size() == 1);
  CHECK(Find(doc, ex, "Person", "Ursula von der Leyen").size() == 1);
  CHECK(Find(doc, ex, "Person", "Vries").empty());
}

TEST_CASE("Extract leaves a pronoun's contraction out of the name after it", "[extract]") {
  Document doc;
  Extraction ex;
  ExtractArticle("Good evening, I'm Leyla Orujova, and this is our programme. I’ve Dana Sultanova with me.\n", &doc, &ex);
  INFO(Render(doc, ex));
  CHECK(Find(doc, ex, "Person", "Leyla Orujova").size() == 1);
  CHECK(Find(doc, ex, "Person", "Dana Sultanova").size() == 1);
  CHECK(Find(doc, ex, "Person", "I'm Leyla Orujova").empty());
}

}  // namespace
}  // namespace kith
