// Names for the benchmark corpus: a deterministic pool of generated persons in
// Kazakh, Russian, Uyghur and English styles, with patronymics (-uly/-qyzy,
// -ovich/-ovna) and occasional spelling variants (q/k, ai/ay, kh/h, -yev/-iev),
// so that identity resolution meets recurring, near-duplicate and unfamiliar
// names. Everything is a pure function of (seed, index): the same seed gives
// the same corpus on every machine (no std::*_distribution, whose output is
// implementation-defined).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kith {
namespace bench {

// splitmix64: a small, fully specified generator; deterministic across platforms.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, n); n must be > 0 (slight modulo bias is irrelevant here).
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  // True with probability percent / 100.
  bool Percent(unsigned percent) { return Next() % 100 < percent; }

 private:
  std::uint64_t state_;
};

// Mixes several values into one seed.
std::uint64_t MixSeed(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0);

enum class NameStyle { kKazakh, kRussian, kUyghur, kEnglish };
enum class Gender { kMale, kFemale };

// One generated person. All parts are capitalised words without spaces.
struct PersonName {
  NameStyle style = NameStyle::kKazakh;
  Gender gender = Gender::kMale;
  std::string given;
  std::string father;   // father's given name (the root of patronymics; Uyghur surname)
  std::string middle;   // patronymic or middle name used in three-part names
  std::string surname;  // as used in "Given Surname"
};

// The shape of a name in an article, taken from the original it replaces.
enum class NameShape {
  kGivenOnly,       // "Daniyar"
  kGivenSurname,    // "Saule Mukhtarqyzy"
  kThreePart,       // "Marina Olegovna Shevchenko"
  kKyrgyzParticle,  // "Bakytbek Sadyrbek uulu", "Aizada Tologon kyzy"
};

// The words of `person` in `shape` (1, 2 or 3 words).
std::vector<std::string> RenderName(const PersonName& person, NameShape shape);

// A pool of persons per gender. Person i of a gender is a pure function of
// (seed, gender, i). Picks favour a small "frequently in the news" subset so
// that names recur across articles.
class NamePool {
 public:
  // `size` persons per gender (>= 1).
  NamePool(std::uint64_t seed, std::size_t size);

  // A person of `gender` drawn with `rng`; with `variant_percent` probability
  // one of its words is respelled (a transliteration variant).
  PersonName Pick(Gender gender, Rng* rng, unsigned variant_percent) const;

  std::size_t size() const { return male_.size(); }

 private:
  std::vector<PersonName> male_;
  std::vector<PersonName> female_;
};

// Generates person `index` of `gender` (exposed for tests of the generator).
PersonName GeneratePerson(std::uint64_t seed, Gender gender, std::size_t index);

// A transliteration variant of `word` ("Qasym" -> "Kasym"); `word` when none applies.
std::string RespellVariant(const std::string& word, Rng* rng);

}  // namespace bench
}  // namespace kith
