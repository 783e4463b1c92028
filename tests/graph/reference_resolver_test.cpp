#include "graph/reference_resolver.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "tests/project_rules.h"

namespace kith {
namespace {

const RuleSet& Rules() { return ProjectRules(); }

// A text tokenized and split with the real rules, with Person mentions placed
// by hand and joined to entities given by hand, so that the tests depend on
// the resolver alone.
class Scene {
 public:
  explicit Scene(std::string text) : text_(std::move(text)) { TokenizePlain(text_, Rules(), &ex_); }

  // A person entity; returns its index.
  int Person(const std::string& name, const std::string& gender) {
    Entity e;
    e.kind = EntityKind::kPerson;
    e.type = "Person";
    e.name = name;
    e.gender = gender;
    entities_.push_back(e);
    return static_cast<int>(entities_.size() - 1);
  }

  // A Person mention of `entity` over the `nth` occurrence of `phrase`. Call in text order.
  void Mention(const std::string& phrase, int entity, int nth = 0) {
    const std::size_t first = Token(phrase, nth);
    std::size_t last = first;
    const std::size_t end = ex_.tokens[first].span.begin + phrase.size();
    while (last < ex_.tokens.size() && ex_.tokens[last].span.end <= end) ++last;
    REQUIRE(ex_.tokens[last - 1].span.end == end);
    ExtractedMention m;
    m.first = first;
    m.last = last;
    m.span = Span{ex_.tokens[first].span.begin, end};
    m.label = "Person";
    m.rule = "test.person";
    m.sentence = ex_.SentenceOf(first);
    ex_.mentions.push_back(m);
    mention_entity_.push_back(entity);
  }

  // Index of the token starting the `nth` occurrence of `word` (case-sensitive).
  std::size_t Token(const std::string& word, int nth = 0) const {
    std::size_t at = text_.find(word);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = text_.find(word, at + 1);
    INFO(word);
    REQUIRE(at != std::string::npos);
    for (std::size_t t = 0; t < ex_.tokens.size(); ++t) {
      if (ex_.tokens[t].span.begin == at) return t;
    }
    FAIL("no token starts at \"" << word << "\"");
    return 0;
  }

  ReferenceResolver Resolver() const { return ReferenceResolver(ex_, Rules(), mention_entity_, entities_); }
  std::vector<int> Resolve(const std::string& word, int nth = 0) const { return Resolver().Resolve(Token(word, nth)); }
  const Extraction& ex() const { return ex_; }

 private:
  std::string text_;
  Extraction ex_;
  std::vector<Entity> entities_;
  std::vector<int> mention_entity_;
};

using Ids = std::vector<int>;

TEST_CASE("ReferenceResolver: 'my' in a quote is the speaker named after it", "[graph]") {
  Scene s("\"My son was taken away,\" Aliya Bek told reporters.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  REQUIRE(s.ex().sentences.size() == 1);
  const ReferenceResolver r = s.Resolver();
  CHECK(r.InQuote(s.Token("My")));
  CHECK_FALSE(r.InQuote(s.Token("Aliya")));
  CHECK(r.Speaker(0) == aliya);
  CHECK(s.Resolve("My") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: 'my' in a quote is the speaker named before it", "[graph]") {
  Scene s("Marat Omar listened. Aliya Bek said: \"My son and I were afraid.\"");
  const int marat = s.Person("Marat Omar", "male");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Marat Omar", marat);
  s.Mention("Aliya Bek", aliya);
  REQUIRE(s.ex().sentences.size() == 2);
  CHECK(s.Resolve("My") == Ids{aliya});
  CHECK(s.Resolve("I") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: 'our' in a quote is the speaker of ', said X'", "[graph]") {
  Scene s("\"Our home is empty,\" said Dana Omar.");
  const int dana = s.Person("Dana Omar", "");
  s.Mention("Dana Omar", dana);
  CHECK(s.Resolve("Our") == Ids{dana});
}

TEST_CASE("ReferenceResolver: the speaker is the person nearest the speech verb", "[graph]") {
  Scene s("Marat Omar stood by as Aliya Bek told reporters: \"My son is gone.\"");
  const int marat = s.Person("Marat Omar", "male");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Marat Omar", marat);
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolver().Speaker(0) == aliya);
  CHECK(s.Resolve("My") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: 'his' after a quote that names others is the quote's speaker", "[graph]") {
  Scene s(
      "Ablai Sadyr went first.\n\n\"These are my sons, Iminjan and Ilzat. They are twins,\" he said.\n\n"
      "His wife was detained in 2017.");
  const int ablai = s.Person("Ablai Sadyr", "male");
  const int iminjan = s.Person("Iminjan", "male");
  const int ilzat = s.Person("Ilzat", "male");
  s.Mention("Ablai Sadyr", ablai);
  s.Mention("Iminjan", iminjan);
  s.Mention("Ilzat", ilzat);
  REQUIRE(s.Resolver().Speaker(s.ex().SentenceOf(s.Token("These"))) == ablai);
  CHECK(s.Resolve("His") == Ids{ablai});
  SECTION("not when the quote names one who fits, nor for a subject pronoun") {
    Scene t("Serik Bekov lives in Almaty.\n\n\"Police took my brother, Arman Bekov, in 2017,\" he said.\n\n"
            "He was sentenced to 15 years. His wife left.");
    const int serik = t.Person("Serik Bekov", "male");
    const int arman = t.Person("Arman Bekov", "male");
    t.Mention("Serik Bekov", serik);
    t.Mention("Arman Bekov", arman);
    CHECK(t.Resolve("He") == Ids{arman});
  }
}

TEST_CASE("ReferenceResolver: a speaker described by age is the person the text is about", "[graph]") {
  Scene s("Aliya Bek held up a photograph. \"That is my brother,\" the 46-year-old chemistry teacher said.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolver().Speaker(1) == aliya);
  CHECK(s.Resolve("my") == Ids{aliya});
  SECTION("not a description without an age") {
    Scene t("Aliya Bek held up a photograph. \"That is my brother,\" the police spokesman said.");
    const int a = t.Person("Aliya Bek", "female");
    t.Mention("Aliya Bek", a);
    CHECK(t.Resolver().Speaker(1) == -1);
  }
}

TEST_CASE("ReferenceResolver: 'my' outside quotes or without a speaker is nobody", "[graph]") {
  SECTION("outside quotes") {
    Scene s("Aliya Bek said my son left.");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Aliya Bek", aliya);
    CHECK_FALSE(s.Resolver().InQuote(s.Token("my")));
    CHECK(s.Resolve("my").empty());
  }
  SECTION("a quote without any person") {
    Scene s("\"My son was taken away,\" the letter read.");
    CHECK(s.Resolver().Speaker(0) == -1);
    CHECK(s.Resolve("My").empty());
  }
  SECTION("sentence indices out of range") {
    Scene s("Aliya Bek spoke.");
    CHECK(s.Resolver().Speaker(-1) == -1);
    CHECK(s.Resolver().Speaker(5) == -1);
    CHECK(s.Resolver().Resolve(1000).empty());
  }
}

TEST_CASE("ReferenceResolver: 'her' in a list of relatives is whom the list's first 'her' means", "[graph]") {
  Scene s("Dana Omar lives in Oslo. She calls her mother, Aisha Bek, her sister, Aida Omar, and her brother Marat.");
  const int dana = s.Person("Dana Omar", "female");
  const int aisha = s.Person("Aisha Bek", "female");
  const int aida = s.Person("Aida Omar", "female");
  const int marat = s.Person("Marat", "male");
  s.Mention("Dana Omar", dana);
  s.Mention("Aisha Bek", aisha);
  s.Mention("Aida Omar", aida);
  s.Mention("Marat", marat);
  CHECK(s.Resolve("her mother") == Ids{dana});
  CHECK(s.Resolve("her sister") == Ids{dana});
  CHECK(s.Resolve("her brother") == Ids{dana});
  SECTION("not after a name that no kin word introduced") {
    Scene t("Dana Omar lives in Oslo. Aisha Bek, her sister, Aida Omar, came.");
    const int dana_t = t.Person("Dana Omar", "female");
    const int aisha_t = t.Person("Aisha Bek", "female");
    const int aida_t = t.Person("Aida Omar", "female");
    t.Mention("Dana Omar", dana_t);
    t.Mention("Aisha Bek", aisha_t);
    t.Mention("Aida Omar", aida_t);
    CHECK(t.Resolve("her sister") == Ids{aisha_t});
  }
}

TEST_CASE("ReferenceResolver: 'their' after a listed relative and a short clause is the list's first 'their'",
          "[graph]") {
  Scene s("Dana Omar and Marat Bek live in Oslo. Their son, Arman Bek, is now 16, and their daughter, Aida Bek, is 12.");
  const int dana = s.Person("Dana Omar", "female");
  const int marat = s.Person("Marat Bek", "male");
  const int arman = s.Person("Arman Bek", "male");
  const int aida = s.Person("Aida Bek", "female");
  s.Mention("Dana Omar", dana);
  s.Mention("Marat Bek", marat);
  s.Mention("Arman Bek", arman);
  s.Mention("Aida Bek", aida);
  CHECK(s.Resolve("Their") == Ids{dana, marat});
  CHECK(s.Resolve("their daughter") == Ids{dana, marat});
}

TEST_CASE("ReferenceResolver: 'her' is the first person before it whose gender fits", "[graph]") {
  SECTION("in the sentence before") {
    Scene s("Aliya Bek and Marat Omar came. Her son was detained.");
    const int aliya = s.Person("Aliya Bek", "female");
    const int marat = s.Person("Marat Omar", "male");
    s.Mention("Aliya Bek", aliya);
    s.Mention("Marat Omar", marat);
    CHECK(s.Resolve("Her") == Ids{aliya});
  }
  SECTION("a man named first is skipped") {
    Scene s("Marat Omar and Aliya Bek came. Her son was detained.");
    const int marat = s.Person("Marat Omar", "male");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Marat Omar", marat);
    s.Mention("Aliya Bek", aliya);
    CHECK(s.Resolve("Her") == Ids{aliya});
  }
  SECTION("a person of unknown gender does not conflict") {
    Scene s("Dana Omar and Aliya Bek came. Her son was detained.");
    const int dana = s.Person("Dana Omar", "");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Dana Omar", dana);
    s.Mention("Aliya Bek", aliya);
    CHECK(s.Resolve("Her") == Ids{dana});
  }
  SECTION("the same sentence comes before the sentence before") {
    Scene s("Aliya Bek came. Dana Omar said her son was detained.");
    const int aliya = s.Person("Aliya Bek", "female");
    const int dana = s.Person("Dana Omar", "female");
    s.Mention("Aliya Bek", aliya);
    s.Mention("Dana Omar", dana);
    CHECK(s.Resolve("her") == Ids{dana});
  }
  SECTION("only persons before the pronoun") {
    Scene s("Her son met Aliya Bek.");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Aliya Bek", aliya);
    CHECK(s.Resolve("Her").empty());
  }
  SECTION("further back than the sentence before only past sentences with no relative that fits") {
    Scene s("Aliya Bek came. Police held a niece. Her son was detained.");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Aliya Bek", aliya);
    REQUIRE(s.ex().sentences.size() == 3);
    CHECK(s.Resolve("Her").empty());
  }
  SECTION("nobody of that gender") {
    Scene s("Marat Omar came. Her son was detained.");
    const int marat = s.Person("Marat Omar", "male");
    s.Mention("Marat Omar", marat);
    CHECK(s.Resolve("Her").empty());
  }
}

TEST_CASE("ReferenceResolver: a possessive pronoun follows a subject pronoun of the sentence before", "[graph]") {
  SECTION("'He' in the sentence before stands for the person named before it") {
    Scene s("Marat Omar was jailed. He had protested alone. His sister, Aliya Omar, spoke.");
    const int marat = s.Person("Marat Omar", "male");
    const int aliya = s.Person("Aliya Omar", "female");
    s.Mention("Marat Omar", marat);
    s.Mention("Aliya Omar", aliya);
    CHECK(s.Resolve("His") == Ids{marat});
  }
  SECTION("only a possessive opening its sentence: a relative may come before it") {
    Scene s("Aliya Omar was fined. She had protested alone. Her uncle's wife died without seeing her son.");
    const int aliya = s.Person("Aliya Omar", "female");
    s.Mention("Aliya Omar", aliya);
    CHECK(s.Resolve("Her") == Ids{aliya});
    CHECK(s.Resolve("her").empty());  // the uncle's wife's son, not Aliya's
  }
  SECTION("an object pronoun in the sentence before is no guide") {
    Scene s("Marat Omar was jailed. Police beat his son. His sister, Aliya Omar, spoke.");
    const int marat = s.Person("Marat Omar", "male");
    const int aliya = s.Person("Aliya Omar", "female");
    s.Mention("Marat Omar", marat);
    s.Mention("Aliya Omar", aliya);
    CHECK(s.Resolve("His").empty());
  }
}

TEST_CASE("ReferenceResolver: a pronoun looks back past a sentence that is all quotation", "[graph]") {
  Scene s("Aliya Bek spoke to reporters. \"We only want the truth.\" Her son was detained.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  REQUIRE(s.ex().sentences.size() == 3);
  CHECK(s.Resolve("Her") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: '..., she said' makes the person 'she' refers to the speaker", "[graph]") {
  SECTION("named in the sentence before") {
    Scene s("Aliya Bek was fined. \"My son is in prison,\" she said.");
    const int aliya = s.Person("Aliya Bek", "female");
    s.Mention("Aliya Bek", aliya);
    CHECK(s.Resolve("My") == Ids{aliya});
  }
  SECTION("through a sentence that speaks of her as 'she'") {
    Scene s("Aliya Bek was fined. Marat Omar said she would appeal. Later she spoke. \"My son is innocent,\" she said.");
    const int aliya = s.Person("Aliya Bek", "female");
    const int marat = s.Person("Marat Omar", "male");
    s.Mention("Aliya Bek", aliya);
    s.Mention("Marat Omar", marat);
    CHECK(s.Resolve("she", 2) == Ids{aliya});
    CHECK(s.Resolve("My") == Ids{aliya});
  }
  SECTION("a name nearer the verb wins") {
    Scene s("Aliya Bek was fined. \"She is brave,\" Marat Omar said.");
    const int aliya = s.Person("Aliya Bek", "female");
    const int marat = s.Person("Marat Omar", "male");
    s.Mention("Aliya Bek", aliya);
    s.Mention("Marat Omar", marat);
    CHECK(s.Resolver().Speaker(1) == marat);
  }
}

TEST_CASE("ReferenceResolver: a subject pronoun skips a possessor", "[graph]") {
  // "X's husband, Y, ... he" is the husband, even when X's gender is unknown.
  Scene s("Dana Omar's husband, Marat Omar, was detained. He was released later.");
  const int dana = s.Person("Dana Omar", "");
  const int marat = s.Person("Marat Omar", "male");
  s.Mention("Dana Omar", dana);
  s.Mention("Marat Omar", marat);
  CHECK(s.Resolve("He") == Ids{marat});
}

TEST_CASE("ReferenceResolver: a possessive pronoun falls back to a possessor", "[graph]") {
  // "X's mother, Y, lives with his sisters": Y is a woman, so "his" is X's.
  Scene s("Arman Bek's mother, Aliya Bek, lives with his sisters.");
  const int arman = s.Person("Arman Bek", "");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Arman Bek", arman);
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolve("his") == Ids{arman});
}

TEST_CASE("ReferenceResolver: a possessive pronoun prefers a non-possessor that fits", "[graph]") {
  Scene s("Dana Omar's son, Arman Bek, lives with his sisters.");
  const int dana = s.Person("Dana Omar", "");
  const int arman = s.Person("Arman Bek", "male");
  s.Mention("Dana Omar", dana);
  s.Mention("Arman Bek", arman);
  CHECK(s.Resolve("his") == Ids{arman});
}

TEST_CASE("ReferenceResolver: 'their' is every person before it in the sentence", "[graph]") {
  Scene s("Aliya Bek and Marat Omar said their son met Dana Omar.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int marat = s.Person("Marat Omar", "male");
  const int dana = s.Person("Dana Omar", "");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Marat Omar", marat);
  s.Mention("Dana Omar", dana);
  CHECK(s.Resolve("their") == Ids{aliya, marat});
}

TEST_CASE("ReferenceResolver: 'their' after a plural kin word is not the persons before it", "[graph]") {
  Scene s("Dana Omar said her two brothers were jailed after they visited their grandparents.");
  const int dana = s.Person("Dana Omar", "female");
  s.Mention("Dana Omar", dana);
  CHECK(s.Resolve("they").empty());
  CHECK(s.Resolve("their").empty());
  CHECK(s.Resolve("her") == Ids{dana});
}

TEST_CASE("ReferenceResolver: 'they' after the group's own relatives is the group", "[graph]") {
  Scene s("Aliya Bek and Dana Omar showed their relatives' photos as they marched.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int dana = s.Person("Dana Omar", "female");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Dana Omar", dana);
  CHECK(s.Resolve("they") == Ids{aliya, dana});
}

TEST_CASE("ReferenceResolver: 'they' with nobody before it is the most recent list of persons", "[graph]") {
  Scene s("Aliya Bek and her husband Marat Omar met Dana Omar. They left.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int marat = s.Person("Marat Omar", "male");
  const int dana = s.Person("Dana Omar", "");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Marat Omar", marat);
  s.Mention("Dana Omar", dana);
  REQUIRE(s.ex().sentences.size() == 2);
  // "Dana Omar" is not joined to the list by a comma, "and" or a kin word.
  CHECK(s.Resolve("They") == Ids{aliya, marat});
  const ReferenceResolver r = s.Resolver();
  CHECK(r.RecentList(s.Token("They"), 2) == Ids{aliya, marat});
  CHECK(r.RecentList(s.Token("They"), 3).empty());
  CHECK(r.RecentList(s.Token("Aliya"), 0).empty());
}

TEST_CASE("ReferenceResolver: 'a second woman' joins the next person to a list", "[graph]") {
  Scene s("Police detained Aliya Bek and a second woman, Dana Omar. A court fined each of them.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int dana = s.Person("Dana Omar", "female");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Dana Omar", dana);
  CHECK(s.Resolve("them") == Ids{aliya, dana});
}

TEST_CASE("ReferenceResolver: 'they' with no list of persons is nobody", "[graph]") {
  Scene s("Aliya Bek spoke. They left.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolve("They").empty());
}

TEST_CASE("ReferenceResolver: a person named twice counts once for 'their'", "[graph]") {
  Scene s("Aliya Bek, Marat Omar and Aliya Bek said their home is empty.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int marat = s.Person("Marat Omar", "male");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Marat Omar", marat);
  s.Mention("Aliya Bek", aliya, 1);
  CHECK(s.Resolve("their") == Ids{aliya, marat});
}

TEST_CASE("ReferenceResolver: words that are no pronouns resolve to nothing", "[graph]") {
  Scene s("Aliya Bek came. The son was detained.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolve("son").empty());
  CHECK(s.Resolve("The").empty());
}

TEST_CASE("ReferenceResolver: a pronoun past sentences naming nobody is the last person named", "[graph]") {
  // Sentences that speak of her only as "the 56-year-old" or "her" carry the topic on.
  Scene s("Aliya Bek stood outside the court. Then police led her away. \"I only wanted justice,\" the "
          "56-year-old said. A judge fined her the next day. Her son is in prison.");
  const int aliya = s.Person("Aliya Bek", "female");
  s.Mention("Aliya Bek", aliya);
  REQUIRE(s.ex().sentences.size() == 5);
  CHECK(s.Resolve("Her") == Ids{aliya});
  CHECK(s.Resolve("her", 1) == Ids{aliya});
  SECTION("not past a relative who fits the pronoun") {
    Scene t("Marat Omar taught history. Agents held the teacher after he called his son in Europe. "
            "Nobody said why. A court sentenced him.");
    const int marat = t.Person("Marat Omar", "male");
    t.Mention("Marat Omar", marat);
    CHECK(t.Resolve("him").empty());
  }
  SECTION("past a relative of the other gender, or one who owns something") {
    Scene t("Marat Omar went to Kashgar. Police took him from his grandfather's house, his mother said. "
            "Nobody said why. A court sentenced him.");
    const int marat = t.Person("Marat Omar", "male");
    t.Mention("Marat Omar", marat);
    CHECK(t.Resolve("him", 1) == Ids{marat});
  }
  SECTION("past a sentence naming only persons of the other gender") {
    Scene t("Marat Omar had planned to move. In 2016 he sent his wife, Aliya Bek, to Ankara. He went back "
            "to Aksu. Police took his passport. A court sentenced him.");
    const int marat = t.Person("Marat Omar", "male");
    const int wife = t.Person("Aliya Bek", "female");
    t.Mention("Marat Omar", marat);
    t.Mention("Aliya Bek", wife);
    CHECK(t.Resolve("him") == Ids{marat});
  }
  SECTION("past relatives in the plural, whom a singular pronoun cannot mean") {
    Scene t("Aliya Bek keeps a list. It holds the names of Uyghurs whose relatives have lost touch. "
            "Nobody answers. With her was Omar Nur.");
    const int keeper = t.Person("Aliya Bek", "female");
    t.Mention("Aliya Bek", keeper);
    CHECK(t.Resolve("her") == Ids{keeper});
  }
  SECTION("not inside a quote, and not more than five sentences back") {
    Scene t("Marat Omar left. It rained. It snowed. It rained. It snowed. It rained. It snowed. "
            "\"He is gone,\" a neighbor said. He never wrote.");
    const int marat = t.Person("Marat Omar", "male");
    t.Mention("Marat Omar", marat);
    CHECK(t.Resolve("He").empty());
    CHECK(t.Resolve("He", 1).empty());
  }
}

TEST_CASE("ReferenceResolver: a possessive opening a sentence goes on from the same one before", "[graph]") {
  Scene s("Aliya Bek is 43. Her husband was held after his mother, Roza Nur, fell ill. Her son is 19.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int roza = s.Person("Roza Nur", "female");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Roza Nur", roza);
  CHECK(s.Resolve("Her") == Ids{aliya});
  CHECK(s.Resolve("Her", 1) == Ids{aliya});
  SECTION("a possessive inside the sentence still takes the person named before it") {
    Scene t("Aliya Bek is 43. Her husband was held after his mother, Roza Nur, fell ill. Police say her son is 19.");
    const int first = t.Person("Aliya Bek", "female");
    const int second = t.Person("Roza Nur", "female");
    t.Mention("Aliya Bek", first);
    t.Mention("Roza Nur", second);
    CHECK(t.Resolve("her", 1) == Ids{second});  // occurrence 0 is inside "mother"
  }
}

TEST_CASE("ReferenceResolver: 'her' after 'she' in its sentence is whom 'she' stands for", "[graph]") {
  Scene s("Aliya Bek was fined. In May she met Omar Nur's daughters, her nieces.");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar Nur", "male");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Omar Nur", omar);
  CHECK(s.Resolve("her") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: an interview's answers are the interviewee's words", "[graph]") {
  Scene s("Aliya Bek, a nurse, waited at the border. Aliya Bek said nothing else.\n"
          "Q: When did he leave?\n"
          "A: My husband Omar Nur left in 2018. He said, \"I will come back.\" He crossed at Khorgos.\n"
          "Q: And then?\n"
          "A: The police took him away.\n"
          "Dana Sadyk: My brother was taken too.\n");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar Nur", "male");
  const int dana = s.Person("Dana Sadyk", "female");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Aliya Bek", aliya, 1);
  s.Mention("Omar Nur", omar);
  s.Mention("Dana Sadyk", dana);
  const ReferenceResolver r = s.Resolver();
  CHECK(s.Resolve("My") == Ids{aliya});
  CHECK(r.InQuote(s.Token("husband")));
  CHECK_FALSE(r.InQuote(s.Token("leave")));  // a question is narration
  // "He said, \"I ...\"" in an answer quotes someone else: no telling who "I" is.
  CHECK(s.Resolve("I").empty());
  // A pronoun in an answer is the person last named in that speaker's answers.
  CHECK(s.Resolve("He", 1) == Ids{omar});
  CHECK(s.Resolve("him") == Ids{omar});
  // A line opened by a name and a colon is that person's answer.
  CHECK(s.Resolve("My", 1) == Ids{dana});
}

TEST_CASE("ReferenceResolver: a pronoun in an opening phrase is the subject after its comma", "[graph]") {
  Scene s("Omar Nur had a stroke. Against his wife's wishes, Arman Nur flew home. "
          "Omar Nur slept. After his release, the police kept watch. "
          "Omar Nur slept. Despite her illness, Arman Nur flew home. "
          "Omar Nur slept. According to his lawyer, Arman Nur, the case is closed.");
  const int omar = s.Person("Omar Nur", "male");
  const int arman = s.Person("Arman Nur", "male");
  s.Mention("Omar Nur", omar);
  s.Mention("Arman Nur", arman);
  s.Mention("Omar Nur", omar, 1);
  s.Mention("Omar Nur", omar, 2);
  s.Mention("Arman Nur", arman, 1);
  s.Mention("Omar Nur", omar, 3);
  s.Mention("Arman Nur", arman, 2);
  CHECK(s.Resolve("his") == Ids{arman});
  // No person after the comma: the sentence before.
  CHECK(s.Resolve("his", 1) == Ids{omar});
  // The gender does not fit the subject.
  CHECK(s.Resolve("her").empty());
  // A name apposed to a kin or role word is that person, not the subject.
  CHECK(s.Resolve("his", 2) == Ids{omar});
}

TEST_CASE("ReferenceResolver: the owner of a thing may be whom a subject pronoun means", "[graph]") {
  Scene s("Aigul Bek lives in Almaty. The office handed Dana Nur's passport back. Last spring she crossed. "
          "Aigul Bek waited. Now she rents a room in Dana Nur's house. She asked for a visa. "
          "Aigul Bek waited. Dana Nur's son was freed. She cried.");
  const int aigul = s.Person("Aigul Bek", "female");
  const int dana = s.Person("Dana Nur", "female");
  s.Mention("Aigul Bek", aigul);
  s.Mention("Dana Nur", dana);
  s.Mention("Aigul Bek", aigul, 1);
  s.Mention("Dana Nur", dana, 1);
  s.Mention("Aigul Bek", aigul, 2);
  s.Mention("Dana Nur", dana, 2);
  CHECK(s.Resolve("she") == Ids{dana});
  // A pronoun of her gender before the owner in its sentence is the subject there.
  CHECK(s.Resolve("She") == Ids{aigul});
  // The owner of a relative is not whom the pronoun means ("X's son ... She").
  CHECK(s.Resolve("She", 1) == Ids{aigul});
}

TEST_CASE("ReferenceResolver: a subject pronoun does not mean a person after a preposition before it", "[graph]") {
  Scene s("Nurbolat Nur stayed. In March, five months after Erlan Nur, he was detained. "
          "Erlan Nur left. After his release, he was ill.");
  const int nurbolat = s.Person("Nurbolat Nur", "male");
  const int erlan = s.Person("Erlan Nur", "male");
  s.Mention("Nurbolat Nur", nurbolat);
  s.Mention("Erlan Nur", erlan);
  s.Mention("Erlan Nur", erlan, 1);
  CHECK(s.Resolve("he") == Ids{nurbolat});
  CHECK(s.Resolve("he", 1) == Ids{erlan});
}

TEST_CASE("ReferenceResolver: an interview printed without labels", "[graph]") {
  Scene s("Aliya Bek waited at the border. Aliya Bek spoke to us after the hearing.\n"
          "When did you last hear from your mother?\n"
          "In 2018. Our mother sent me a voice message.\n"
          "What about your brother?\n"
          "My brother Omar Nur was taken in 2017.\n"
          "Aliya Bek went home that evening. Her son was asleep.\n");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar Nur", "male");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Aliya Bek", aliya, 1);
  s.Mention("Omar Nur", omar);
  s.Mention("Aliya Bek", aliya, 2);
  const ReferenceResolver r = s.Resolver();
  CHECK(s.Resolve("Our") == Ids{aliya});
  CHECK(s.Resolve("My") == Ids{aliya});
  CHECK_FALSE(r.InQuote(s.Token("mother")));  // a question is narration
  CHECK(r.InQuote(s.Token("sent")));
  CHECK_FALSE(r.InQuote(s.Token("went")));  // a line without "I" or "my" is narration again
  SECTION("one question answered in the first person is no interview") {
    Scene t("Aliya Bek waited at the border.\n"
            "What happened to the family?\n"
            "Our mother sent me a voice message, the letter says.\n");
    const int bek = t.Person("Aliya Bek", "female");
    t.Mention("Aliya Bek", bek);
    CHECK(t.Resolve("Our").empty());
  }
}

TEST_CASE("ReferenceResolver: a pronoun in a long quote stops at the speaker's own relative", "[graph]") {
  Scene s("Aliya Bek spoke. \"Our son Omar stayed. My husband flew to Urumqi. He was detained.\"");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar", "male");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Omar", omar);
  // "He" is more likely "my husband", whom only the family ties will name.
  CHECK(s.Resolve("He").empty());
}

TEST_CASE("ReferenceResolver: an unlabelled interview's questions in emphasis marks", "[graph]") {
  Scene s("Aliya Bek waited at the border. Aliya Bek spoke to us after the hearing.\n"
          "**When did you last hear from your mother?**\n"
          "In 2018. Our mother sent me a voice message.\n"
          "**You have a brother too.**\n"
          "My brother Omar Nur was taken in 2017.\n"
          "**And your son?**\n"
          "He lives with me.\n");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar Nur", "male");
  s.Mention("Aliya Bek", aliya);
  s.Mention("Aliya Bek", aliya, 1);
  s.Mention("Omar Nur", omar);
  const ReferenceResolver r = s.Resolver();
  CHECK(s.Resolve("Our") == Ids{aliya});
  CHECK(s.Resolve("My") == Ids{aliya});  // answering a question put as a statement
  CHECK_FALSE(r.InQuote(s.Token("brother")));
  SECTION("answers in italics are answers, not questions") {
    Scene t("Aliya Bek spoke to us in Osh.\n"
            "**Where is your brother?**\n"
            "*I do not know. My mother asks every day.*\n"
            "**When did he leave?**\n"
            "*We think in 2017.*\n");
    const int bek = t.Person("Aliya Bek", "female");
    t.Mention("Aliya Bek", bek);
    CHECK(t.Resolve("My") == Ids{bek});
    CHECK(t.Resolve("We") == Ids{bek});
  }
  // The one asked is whom the questions' "you" means.
  CHECK(s.Resolve("your") == Ids{aliya});
  CHECK(s.Resolve("You") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: the interviewee is whom the lines before the questions name", "[graph]") {
  Scene s("Omar Nur was sentenced in 2019. Omar Nur wrote letters. Omar Nur's sister waited.\n"
          "Aliya Bek spoke to us in Almaty.\n"
          "When did you last hear from your brother?\n"
          "In 2018. My brother sent me a letter.\n"
          "What about your mother?\n"
          "Our mother is ill.\n");
  const int aliya = s.Person("Aliya Bek", "female");
  const int omar = s.Person("Omar Nur", "male");
  s.Mention("Omar Nur", omar);
  s.Mention("Omar Nur", omar, 1);
  s.Mention("Omar Nur", omar, 2);
  s.Mention("Aliya Bek", aliya);
  CHECK(s.Resolve("My") == Ids{aliya});
  CHECK(s.Resolve("Our") == Ids{aliya});
  SECTION("a line before the questions that speaks of a relative introduces nobody") {
    Scene t("Aliya Bek waited at the border. Aliya Bek spoke to us in Almaty.\n"
            "Her brother Omar Nur was sentenced in 2019.\n"
            "When did you last hear from him?\n"
            "In 2018. My mother sent me his letter.\n"
            "What about your father?\n"
            "Our father is ill.\n");
    const int bek = t.Person("Aliya Bek", "female");
    const int nur = t.Person("Omar Nur", "male");
    t.Mention("Aliya Bek", bek);
    t.Mention("Aliya Bek", bek, 1);
    t.Mention("Omar Nur", nur);
    CHECK(t.Resolve("My") == Ids{bek});
  }
  SECTION("in the line that introduces the talk, the person named where a verb of speech stands") {
    Scene t("Aliya Bek waited at the border.\n"
            "Her brother, Omar Nur, is serving 13 years. Aliya Bek spoke to us in Almaty.\n"
            "Q: When did you last hear from him?\n"
            "A: In 2018. My mother sent me his letter.\n");
    const int bek = t.Person("Aliya Bek", "female");
    const int nur = t.Person("Omar Nur", "male");
    t.Mention("Aliya Bek", bek);
    t.Mention("Omar Nur", nur);
    t.Mention("Aliya Bek", bek, 1);
    CHECK(t.Resolve("My") == Ids{bek});
    // A pronoun speaking there ("she told us") names nobody: the line's first person is meant.
    Scene u("Aliya Bek, 45, sews in Bishkek. Her father, Omar Nur, was detained in 2018, she told us.\n"
            "Q: When did you last hear from him?\n"
            "A: In 2017. My husband went to Ghulja.\n");
    const int bek_u = u.Person("Aliya Bek", "female");
    const int nur_u = u.Person("Omar Nur", "male");
    u.Mention("Aliya Bek", bek_u);
    u.Mention("Omar Nur", nur_u);
    CHECK(u.Resolve("My") == Ids{bek_u});
    // An adverb may stand between the name and the verb ("X later told us").
    Scene w("Her brother, Omar Nur, is serving 13 years. Aliya Bek later told us about him.\n"
            "Q: When did you last hear from him?\n"
            "A: In 2018. My mother sent me his letter.\n");
    const int bek_w = w.Person("Aliya Bek", "female");
    const int nur_w = w.Person("Omar Nur", "male");
    w.Mention("Omar Nur", nur_w);
    w.Mention("Aliya Bek", bek_w);
    CHECK(w.Resolve("My") == Ids{bek_w});
    // A verb of speech without an adverb before it is taken first: the relative's own words
    // ("Y reportedly told the court") do not introduce the talk.
    Scene r("Her brother, Omar Nur, reportedly told the court he was innocent. Aliya Bek spoke to us.\n"
            "Q: When did you last hear from him?\n"
            "A: In 2018. My mother sent me his letter.\n");
    const int bek_r = r.Person("Aliya Bek", "female");
    const int nur_r = r.Person("Omar Nur", "male");
    r.Mention("Omar Nur", nur_r);
    r.Mention("Aliya Bek", bek_r);
    CHECK(r.Resolve("My") == Ids{bek_r});
  }
  SECTION("a quote's \"you\" is whom it addresses, not known") {
    Scene t("Aliya Bek met the consul. \"Your husband is a Chinese citizen,\" he told her.");
    const int bek = t.Person("Aliya Bek", "female");
    t.Mention("Aliya Bek", bek);
    CHECK(t.Resolve("Your").empty());
  }
}

TEST_CASE("ReferenceResolver: a description opening a sentence stands for whom an apposition so described", "[graph]") {
  Scene s("Omar Nur, the mullah who led the prayer, got 18 years. Arman Bek was let go in 2022.\n"
          "The mullah did not live to see his release. In a letter sent to his widow, the prison said so.\n");
  const int omar = s.Person("Omar Nur", "male");
  const int arman = s.Person("Arman Bek", "male");
  s.Mention("Omar Nur", omar);
  s.Mention("Arman Bek", arman);
  CHECK(s.Resolve("his") == Ids{omar});
  CHECK(s.Resolve("his", 1) == Ids{omar});
}

TEST_CASE("ReferenceResolver: a subject pronoun of the gender comes before a person of unknown gender", "[graph]") {
  Scene s("Dana Omar spoke first. She said her son was held with a trader, Ma Lin, and that her son was tried.\n");
  const int dana = s.Person("Dana Omar", "female");
  const int ma = s.Person("Ma Lin", "");
  s.Mention("Dana Omar", dana);
  s.Mention("Ma Lin", ma);
  CHECK(s.Resolve("her", 1) == Ids{dana});
}

TEST_CASE("ReferenceResolver: a relative in a speech tag between commas does not stop the topic", "[graph]") {
  Scene s("Omar Nur died in 2025. For years he sold caps, and his hands, his son said, were steady. "
          "In the end nothing helped. He was buried in Kashgar.\n");
  const int omar = s.Person("Omar Nur", "male");
  s.Mention("Omar Nur", omar);
  CHECK(s.Resolve("He") == Ids{omar});
  Scene spoken("Omar Nur died in 2025. For years his son sold caps in Kashgar. "
               "In the end nothing helped. He was buried in Kashgar.\n");
  const int nur = spoken.Person("Omar Nur", "male");
  spoken.Mention("Omar Nur", nur);
  CHECK(spoken.Resolve("He").empty());
}

TEST_CASE("ReferenceResolver: an owner named after a sentence's subject pronoun is not its topic", "[graph]") {
  Scene s("Omar Nur came home in 2019. He was so weak that his daughter, Aigul, Marat Nur's sister, drove him. "
          "Nothing helped. After a week his strength was gone.\n");
  const int omar = s.Person("Omar Nur", "male");
  const int aigul = s.Person("Aigul", "female");
  const int marat = s.Person("Marat Nur", "male");
  s.Mention("Omar Nur", omar);
  s.Mention("Aigul", aigul);
  s.Mention("Marat Nur", marat);
  const std::vector<int> last = s.Resolve("his", 1);
  CHECK(std::find(last.begin(), last.end(), marat) == last.end());
}

TEST_CASE("ReferenceResolver: a role word before another noun opens no description", "[graph]") {
  // "elder" is also a role noun (a village elder); before "man" or "brother" it only modifies.
  for (const char* opening : {"The elder man was studying.", "The elder brother was studying."}) {
    Scene s(std::string("Gulnara Abai came to Turkey. ") + opening + " In 2017 it was her son.");
    const int gulnara = s.Person("Gulnara Abai", "female");
    s.Mention("Gulnara Abai", gulnara);
    INFO(opening);
    CHECK(s.Resolve("her son") == Ids{gulnara});
  }
}

TEST_CASE("ReferenceResolver: a name shared only by persons of the other gender does not block the topic", "[graph]") {
  Scene s(
      "Aliya Omar came to Turkey in 2016. Her husband, Marat Bek, stayed. Their son Daulet Marat studied. "
      "In May Marat called. The call was short. Nothing came after it. Then it was her son.");
  const int aliya = s.Person("Aliya Omar", "female");
  const int marat = s.Person("Marat Bek", "male");
  const int daulet = s.Person("Daulet Marat", "male");
  s.Mention("Aliya Omar", aliya);
  s.Mention("Marat Bek", marat);
  s.Mention("Daulet Marat", daulet);
  s.Mention("Marat", -1, 2);  // "Marat called": either man
  CHECK(s.Resolve("her son") == Ids{aliya});
}

TEST_CASE("ReferenceResolver: a short quote in an answer leaves the answer its speaker's", "[graph]") {
  Scene t("Aliya Bek, 45, is a seamstress. Aliya Bek spoke to us in Almaty.\n"
          "Q: And then a trial?\n"
          "A: The court gave me six years for \"inciting extremism\".\n"
          "Q: And your brother?\n"
          "A: The judge told him: \"You will never see your village again.\" Then they took me away.\n");
  const int bek = t.Person("Aliya Bek", "female");
  t.Mention("Aliya Bek", bek);
  t.Mention("Aliya Bek", bek, 1);
  CHECK(t.Resolve("me six") == Ids{bek});
  // A quote of someone's words, with its speech verb, is that speaker's, not the answer's.
  const ReferenceResolver r = t.Resolver();
  CHECK(r.Speaker(t.ex().SentenceOf(t.Token("The judge"))) != bek);
  // A short quote after a colon, or in the first person, is someone's words too.
  Scene u("Aliya Bek, 45, is a seamstress. Aliya Bek spoke to us in Almaty.\n"
          "Q: What did he write?\n"
          "A: His last message was just: \"Police detained me.\"\n");
  const int bek_u = u.Person("Aliya Bek", "female");
  u.Mention("Aliya Bek", bek_u);
  u.Mention("Aliya Bek", bek_u, 1);
  CHECK(u.Resolver().Speaker(u.ex().SentenceOf(u.Token("His last"))) != bek_u);
}


TEST_CASE("ReferenceResolver: the source in a closing speech tag is not whom the sentence spoke of", "[graph]") {
  for (const char* tag : {"Foreign Ministry spokesman Erlan Sadyk said", "said Erlan Sadyk",
                          "Erlan Sadyk told reporters on Monday"}) {
    Scene s(std::string("Marat Bek was detained in March 2018. He was held in a camp until June, ") + tag +
            ". \"He is thin,\" his wife told us.");
    const int marat = s.Person("Marat Bek", "male");
    const int erlan = s.Person("Erlan Sadyk", "male");
    s.Mention("Marat Bek", marat);
    s.Mention("Erlan Sadyk", erlan);
    INFO(tag);
    CHECK(s.Resolve("his wife") == Ids{marat});
  }
  // Only "said", "told" and "added" tag a report, and "told" names whom it was told to.
  for (const char* other : {"A year after he vanished, spokesman Erlan Sadyk wrote a book about the camps.",
                            "Fearing he would be next, businessman Erlan Sadyk told his family."}) {
    Scene o(std::string("Marat Bek was detained in March 2018. ") + other + " His wife left.");
    const int marat = o.Person("Marat Bek", "male");
    const int erlan = o.Person("Erlan Sadyk", "male");
    o.Mention("Marat Bek", marat);
    o.Mention("Erlan Sadyk", erlan);
    INFO(other);
    CHECK(o.Resolve("His wife") == Ids{erlan});
  }
  // A sentence that speaks of no one by a pronoun before the tag leaves its source the first person.
  Scene t("Marat Bek was detained in March 2018. The case is closed, spokesman Erlan Sadyk said. His wife left.");
  const int marat = t.Person("Marat Bek", "male");
  const int erlan = t.Person("Erlan Sadyk", "male");
  t.Mention("Marat Bek", marat);
  t.Mention("Erlan Sadyk", erlan);
  CHECK(t.Resolve("His wife") == Ids{erlan});
}

TEST_CASE("ReferenceResolver: the source after 'according to' is not whom the claim speaks of", "[graph]") {
  Scene s("Marat Bek was detained in 2018. According to Erlan Sadyk, after his release he was kept in Artux.");
  const int marat = s.Person("Marat Bek", "male");
  const int erlan = s.Person("Erlan Sadyk", "male");
  s.Mention("Marat Bek", marat);
  s.Mention("Erlan Sadyk", erlan);
  CHECK(s.Resolve("his release") == Ids{marat});
  CHECK(s.Resolve("he was") == Ids{marat});
  // The source's relative is the source's, and a later sentence may speak of the source.
  Scene t("Aigul Sadykova lives in Almaty. According to Dana Omarova, her husband was detained in 2018. "
          "She was detained a week later.");
  const int aigul = t.Person("Aigul Sadykova", "female");
  const int dana = t.Person("Dana Omarova", "female");
  t.Mention("Aigul Sadykova", aigul);
  t.Mention("Dana Omarova", dana);
  CHECK(t.Resolve("her husband") == Ids{dana});
  CHECK(t.Resolve("She was") == Ids{dana});
}

TEST_CASE("ReferenceResolver: an object pronoun may mean a name after a preposition", "[graph]") {
  // "has not heard from X since police detained her": X, the one the news is about.
  Scene s("Aigul Sadykova lives in Almaty. She has not heard from Dana Omarova since police detained her in 2018.");
  const int aigul = s.Person("Aigul Sadykova", "female");
  const int dana = s.Person("Dana Omarova", "female");
  s.Mention("Aigul Sadykova", aigul);
  s.Mention("Dana Omarova", dana);
  CHECK(s.Resolve("her in") == Ids{dana});
}

TEST_CASE("ReferenceResolver: a subject pronoun in a sentence that names only its possessor is the possessor",
          "[graph]") {
  Scene s("Marat Bek was jailed. His lawyer, Erlan Sadyk, said the client is ill. On Friday Bek's mother travelled "
          "to the colony, but officials would not confirm that he was held there.");
  const int marat = s.Person("Marat Bek", "male");
  const int erlan = s.Person("Erlan Sadyk", "male");
  s.Mention("Marat Bek", marat);
  s.Mention("Erlan Sadyk", erlan);
  s.Mention("Bek", marat, 1);
  CHECK(s.Resolve("he was") == Ids{marat});
}
}  // namespace
}  // namespace kith
