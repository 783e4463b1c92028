#include "extract/name_key.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "extract/lexicon.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

std::unique_ptr<Lexicon> LoadTransliteration() {
  std::unique_ptr<Lexicon> lex;
  const Status s =
      Lexicon::Load("transliteration", KITH_SOURCE_DIR "/rules/lexicons/transliteration.txt", Tokenizer(), &lex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return lex;
}

struct Pair {
  const char* a;
  const char* b;
};

const Pair kEqual[] = {
    {"qasym", "kasym"},         {"rakhyzhan", "raqyzhan"}, {"ermekbai", "ermekba"},
    {"tokhtar", "tokhtarov"},   {"zhanar", "janar"},       {"tokhtarova", "toqtarova"},
    {"ermekbayev", "ermekbaev"}, {"dzhumabek", "jumabek"}, {"nurlan", "nurllan"},
    {"aliya", "aliia"},         {"yerlan", "ierlan"},      {"gulnar", "ghulnar"},
    // A Kazakh patronymic surname and its Russified form.
    {"serikuly", "serikov"},    {"zhumabaiuly", "zhumabayuly"},
    // A Kazakh daughter's patronymic and its Russified form.
    {"serikqyzy", "serikova"},  {"nurgaliqyzy", "nurgaliyeva"}, {"bolatkyzy", "bolatova"},
    // A final voiced consonant and its voiceless twin.
    {"ahmed", "ahmet"},
    // A Russian "Ye" at the start of a name, written "E" in other transliterations.
    {"yerlan", "erlan"},        {"yesenov", "esenov"},      {"yerzhan", "erzhan"},
};

const Pair kDifferent[] = {
    {"aliya", "dana"}, {"serik", "berik"}, {"marat", "murat"}, {"aidos", "aidana"}, {"askar", "asqat"},
    // A sister's surname stays apart from her brother's.
    {"tokhtarova", "tokhtarov"}, {"ermekbaeva", "ermekbaev"},
    // A daughter's patronymic stays apart from her brother's.
    {"serikqyzy", "serikuly"}, {"serikqyzy", "serikov"},
};

TEST_CASE("NameKey equates transliteration variants from the lexicon", "[extract]") {
  const std::unique_ptr<Lexicon> table = LoadTransliteration();
  const NameKey keys(table.get());
  for (const Pair& p : kEqual) {
    INFO(p.a << " / " << p.b << ": " << keys.Key(p.a) << " / " << keys.Key(p.b));
    CHECK(keys.Key(p.a) == keys.Key(p.b));
  }
}

TEST_CASE("NameKey keeps different names apart", "[extract]") {
  const std::unique_ptr<Lexicon> table = LoadTransliteration();
  const NameKey keys(table.get());
  for (const Pair& p : kDifferent) {
    INFO(p.a << " / " << p.b << ": " << keys.Key(p.a) << " / " << keys.Key(p.b));
    CHECK(keys.Key(p.a) != keys.Key(p.b));
  }
}

TEST_CASE("NameKey endings and beginnings keep at least three bytes", "[extract]") {
  const std::unique_ptr<Lexicon> table = LoadTransliteration();
  const NameKey keys(table.get());
  // "ov" is an ending, but removing it from "lov" would leave one letter.
  CHECK(keys.Key("lov") == "lov");
  CHECK(keys.Key("ivanov") == keys.Key("ivan"));
  // Only one ending is rewritten.
  CHECK(keys.Key("petrovov") == "petrov");
  CHECK(keys.Key("petrov") == "petr");
  // Nor is a beginning: "yeni" keeps its "ye", and "ye" only counts at the start.
  CHECK(keys.Key("yeni") != keys.Key("eni"));
  CHECK(keys.Key("bayerlan") != keys.Key("baerlan"));
}

TEST_CASE("NameKey keys a patronymic particle written apart with the name before it", "[extract]") {
  const std::unique_ptr<Lexicon> table = LoadTransliteration();
  const NameKey keys(table.get());
  // A Kyrgyz or Kazakh patronymic as two words, glued, and Russified.
  CHECK(keys.OfName({"aida", "temirbek", "kyzy"}) == keys.OfName({"aida", "temirbekqyzy"}));
  CHECK(keys.OfName({"aida", "temirbek", "kyzy"}) == keys.OfName({"aida", "temirbekova"}));
  CHECK(keys.OfName({"ulan", "temirbek", "uulu"}) == keys.OfName({"ulan", "temirbekov"}));
  CHECK(keys.OfName({"ulan", "temirbek", "uly"}) == keys.OfName({"ulan", "temirbekuly"}));
  // A son's and a daughter's forms stay apart.
  CHECK(keys.OfName({"aida", "temirbek", "uulu"}) != keys.OfName({"aida", "temirbek", "kyzy"}));
  // A particle opening a name has nothing to join.
  CHECK(keys.OfName({"kyzy", "aida"}) == keys.Key("kyzy") + " " + keys.Key("aida"));
}

TEST_CASE("NameKey without a table only drops doubled letters", "[extract]") {
  const NameKey plain;
  CHECK(plain.Key("nurllan") == "nurlan");
  CHECK(plain.Key("qasym") == "qasym");
  CHECK(plain.Key("aaa") == "a");
  CHECK(plain.Key("") == "");
}

}  // namespace
}  // namespace kith
