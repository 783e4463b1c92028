#include "names.h"

#include <cctype>
#include <utility>

namespace kith {
namespace bench {
namespace {

// Word lists. Kept in C++ (not rules/): they are test data of the benchmark only.
const std::vector<std::string> kKazakhMale = {
    "Yerlan",  "Serik",   "Marat",    "Nurlan",    "Bolat",  "Daniyar", "Askar",   "Arman",    "Berik",
    "Kairat",  "Talgat",  "Yerbol",   "Dauren",    "Nurbol", "Almas",   "Aidos",   "Baurzhan", "Yerzhan",
    "Zhanibek", "Sayat",  "Murat",    "Azamat",    "Kanat",  "Nurzhan", "Serikbol", "Zhandos", "Rustem",
    "Asylbek", "Galym",   "Yerkebulan", "Olzhas",  "Medet",  "Bekzat",  "Aibek",   "Meirambek", "Zhomart",
    "Kuanysh", "Tokhtar", "Mukhtar",  "Zhumabai",  "Qasym",  "Amangeldi", "Beibit", "Yesen",   "Qairat",
    "Daulet",  "Sapar",   "Orazbek",  "Talgat",    "Seitqali", "Nurgali", "Ibray",  "Akhmet",  "Omar",
    "Zhaqsylyq", "Yessenbek", "Abdimalik", "Sadyrbek", "Tologon", "Kenzhebai", "Mamyt", "Osmonali", "Toktor"};
const std::vector<std::string> kKazakhFemale = {
    "Aigerim", "Saule",  "Gulnara", "Aliya",   "Dana",     "Madina",  "Aruzhan", "Zhanar",   "Gaukhar",
    "Roza",    "Bibigul", "Rysgul", "Gulsim",  "Nurgul",   "Aizhan",  "Dinara",  "Aisulu",   "Ainur",
    "Zarina",  "Kamila", "Asel",    "Botagoz", "Meruyert", "Akmaral", "Balzhan", "Gulmira",  "Zhuldyz",
    "Symbat",  "Togzhan", "Ayana",  "Moldir",  "Ulzhan",   "Karlygash", "Saltanat", "Anel",  "Dariga",
    "Zhansaya", "Cholpon", "Aizada", "Zamira", "Bakyt",    "Raushan", "Qarlygash", "Gulzhan", "Aqerke"};
// Syllables for unfamiliar Kazakh-style given names ("Nur" + "bek").
const std::vector<std::string> kMaleHeads = {"Nur", "Ser", "Yer", "Bol", "Zhan", "As", "Ber", "Qai", "Mar",
                                             "Tal", "Sag", "Yes", "Bak", "Dau", "Ard", "Tem", "Erk", "Mukh",
                                             "Oraz", "Qan", "Sul", "Ab", "Zhum", "Tur"};
const std::vector<std::string> kMaleTails = {"lan", "ik", "bol", "at", "zhan", "khan", "bek", "gali", "let",
                                             "tay", "mukhan", "baq", "qali", "daulet", "gazy", "bai"};
const std::vector<std::string> kFemaleHeads = {"Ai", "Gul", "Sau", "Din", "Zhan", "Ak", "Bal", "Nur",
                                               "Ar",  "Dan", "Sym", "Ul",  "Mol",  "Tol", "Ker", "Zer"};
const std::vector<std::string> kFemaleTails = {"gerim", "nar", "le", "ara", "sulu", "zhan", "gul",
                                               "ima",   "dana", "aru", "zhamal", "bike", "shat", "nura"};

const std::vector<std::string> kRussianMale = {
    "Sergei", "Yevgeny", "Viktor", "Oleg", "Andrei", "Dmitry", "Alexei", "Ivan", "Nikolai", "Pavel",
    "Mikhail", "Vladimir", "Igor", "Roman", "Maxim", "Konstantin", "Anatoly", "Boris", "Grigory",
    "Yuri", "Vadim", "Stanislav", "Artyom", "Denis", "Kirill", "Gennady", "Valery", "Arkady", "Leonid"};
const std::vector<std::string> kRussianFemale = {
    "Marina", "Olga", "Tatyana", "Yelena", "Natalya", "Irina", "Svetlana", "Anna", "Yekaterina",
    "Lyudmila", "Galina", "Vera", "Nadezhda", "Yulia", "Oksana", "Larisa", "Valentina", "Darya",
    "Ksenia", "Polina", "Zhanna", "Alina", "Inna", "Alla"};
// Russian surname roots with their male ending; the female form follows from it.
const std::vector<std::pair<std::string, std::string>> kRussianSurnames = {
    {"Ivan", "ov"},    {"Petr", "ov"},   {"Smirn", "ov"},  {"Kuznets", "ov"}, {"Sokol", "ov"},
    {"Lebed", "ev"},   {"Kozl", "ov"},   {"Novik", "ov"},  {"Moroz", "ov"},   {"Volk", "ov"},
    {"Pop", "ov"},     {"Kalin", "in"},  {"Fomin", ""},    {"Bel", "ov"},     {"Orl", "ov"},
    {"Zaits", "ev"},   {"Solovy", "ov"}, {"Vasil", "ev"},  {"Zuev", ""},      {"Pavl", "ov"},
    {"Semen", "ov"},   {"Golub", "ev"},  {"Vinogradov", ""}, {"Bogdan", "ov"}, {"Voron", "ov"},
    {"Mikhail", "ov"}, {"Tarasov", ""},  {"Beloz", "ersky"}, {"Kovalen", "ko"}, {"Shevchen", "ko"},
    {"Tkachen", "ko"}, {"Boyko", ""},    {"Kalinichen", "ko"}, {"Gorsk", "y"},  {"Nikit", "in"},
    {"Ilyin", ""},     {"Karpin", ""},   {"Lapin", ""},    {"Sorokin", ""},   {"Fedor", "ov"}};

const std::vector<std::string> kUyghurMale = {
    "Abdurehim", "Ablikim", "Ilham", "Memet", "Tursun", "Abduweli", "Nurmemet", "Ekber", "Perhat",
    "Erkin", "Qurban", "Adil", "Rozi", "Tahir", "Hoshur", "Qasim", "Abdulla", "Obulqasim", "Mamat",
    "Yusup", "Ghopur", "Ehmet", "Kamil", "Dilshat", "Alim", "Enwer", "Mutellip", "Rahman", "Ablet",
    "Osman", "Qeyyum", "Semet", "Ismayil", "Tohti", "Heyit", "Niyaz", "Tursunjan", "Muhter"};
const std::vector<std::string> kUyghurFemale = {
    "Gulnisa", "Aynur", "Mihrigul", "Gulbahar", "Zumret", "Rahile", "Patigul", "Mayila", "Dilnur",
    "Gulzira", "Zulhumar", "Buzeynep", "Meryem", "Ayshem", "Sayragul", "Gulshan", "Rizwangul",
    "Arzigul", "Zohre", "Nurbiye", "Mehray", "Gulchehre", "Zeynure", "Helchem"};

const std::vector<std::string> kEnglishMale = {
    "Jonathan", "Daniel", "Michael", "James", "David", "Robert", "Thomas", "Andrew", "Peter",
    "Mark", "Richard", "Steven", "Paul", "George", "Edward", "Simon", "Patrick", "Matthew"};
const std::vector<std::string> kEnglishFemale = {
    "Karen", "Sarah", "Emily", "Laura", "Rachel", "Helen", "Julia", "Claire", "Rebecca",
    "Megan", "Alice", "Susan", "Catherine", "Hannah", "Fiona", "Margaret", "Lucy", "Joanna"};
const std::vector<std::string> kEnglishSurnames = {
    "Pierce", "Whitlock", "Reyes", "Smith", "Johnson", "Turner", "Mitchell", "Hughes", "Parker",
    "Collins", "Bennett", "Foster", "Hayes", "Ward", "Brooks", "Sanders", "Price", "Russell",
    "Griffin", "Porter", "Harper", "Lawson", "Fletcher", "Carver", "Holloway", "Whitman", "Ashford",
    "Kendall", "Mercer", "Sutton", "Donnelly", "Okafor", "Lindqvist", "Barrett", "Quinn", "Doyle"};

const std::string& Choose(const std::vector<std::string>& list, Rng* rng) { return list[rng->Below(list.size())]; }

bool IsVowel(char c) {
  const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "Nur" + "bek" -> "Nurbek"; drops a doubled letter at the joint ("Ser" + "rik").
std::string Join(const std::string& head, const std::string& tail) {
  if (!head.empty() && !tail.empty() && std::tolower(static_cast<unsigned char>(head.back())) == tail.front()) {
    return head + tail.substr(1);
  }
  return head + tail;
}

std::string KazakhGiven(Gender g, Rng* rng) {
  // One in three is built from syllables: names the rules have never seen.
  if (rng->Percent(33)) {
    return g == Gender::kMale ? Join(Choose(kMaleHeads, rng), Choose(kMaleTails, rng))
                              : Join(Choose(kFemaleHeads, rng), Choose(kFemaleTails, rng));
  }
  return Choose(g == Gender::kMale ? kKazakhMale : kKazakhFemale, rng);
}

std::string KazakhMaleName(Rng* rng) { return KazakhGiven(Gender::kMale, rng); }

// Kazakh patronymic as one word: "Serikuly", "Mukhtarqyzy" (or the "kyzy" spelling).
std::string KazakhPatronymic(const std::string& father, Gender g, Rng* rng) {
  if (g == Gender::kMale) return father + "uly";
  return father + (rng->Percent(30) ? "kyzy" : "qyzy");
}

// Soviet-style surname from a root name: "Akhmet" -> "Akhmetov"/"Akhmetova",
// "Ibray" -> "Ibrayev", "Nurgali" -> "Nurgaliyev".
std::string RussifiedSurname(const std::string& root, Gender g) {
  std::string male;
  if (EndsWith(root, "y") || EndsWith(root, "i")) {
    male = root + (EndsWith(root, "i") ? "yev" : "ev");
  } else if (IsVowel(root.back())) {
    male = root + "yev";
  } else if (EndsWith(root, "zh") || EndsWith(root, "sh") || EndsWith(root, "ch")) {
    male = root + "ev";
  } else {
    male = root + "ov";
  }
  return g == Gender::kMale ? male : male + "a";
}

// Russian patronymic: "Viktor" -> "Viktorovich"/"Viktorovna", "Sergei" -> "Sergeyevich"/"Sergeyevna".
std::string RussianPatronymic(const std::string& father, Gender g) {
  std::string root = father;
  std::string suffix = g == Gender::kMale ? "ovich" : "ovna";
  const char last = root.back();
  if (last == 'i' || last == 'y') {
    root.pop_back();
    suffix = g == Gender::kMale ? "yevich" : "yevna";
  } else if (IsVowel(last)) {
    suffix = g == Gender::kMale ? "yevich" : "yevna";
  }
  return root + suffix;
}

std::string RussianSurname(Gender g, Rng* rng) {
  const auto& [root, ending] = kRussianSurnames[rng->Below(kRussianSurnames.size())];
  const std::string male = root + ending;
  if (g == Gender::kMale) return male;
  if (ending == "ov" || ending == "ev" || ending == "in" || EndsWith(male, "ov") || EndsWith(male, "ev") ||
      EndsWith(male, "in")) {
    return male + "a";
  }
  if (ending == "ersky") return root + "erskaya";
  if (ending == "y") return root + "aya";
  return male;  // -enko, -ko: the same for both
}

std::string Capitalize(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

std::uint64_t Rng::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t MixSeed(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  Rng r(a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (c * 0xC2B2AE3D27D4EB4FULL));
  r.Next();
  return r.Next();
}

PersonName GeneratePerson(std::uint64_t seed, Gender gender, std::size_t index) {
  Rng rng(MixSeed(seed, gender == Gender::kMale ? 1 : 2, index));
  PersonName p;
  p.gender = gender;
  const std::size_t style = rng.Below(100);
  p.style = style < 45 ? NameStyle::kKazakh : style < 65 ? NameStyle::kRussian
          : style < 85 ? NameStyle::kUyghur : NameStyle::kEnglish;
  const bool male = gender == Gender::kMale;
  switch (p.style) {
    case NameStyle::kKazakh: {
      p.given = KazakhGiven(gender, &rng);
      p.father = KazakhMaleName(&rng);
      const std::size_t form = rng.Below(100);
      if (form < 40) {
        p.surname = KazakhPatronymic(p.father, gender, &rng);  // "Dauletuly"
      } else if (form < 75) {
        p.surname = RussifiedSurname(KazakhMaleName(&rng), gender);  // "Akhmetova"
      } else {
        p.surname = KazakhMaleName(&rng);  // a bare ancestor's name: "Seitqali"
      }
      p.middle = RussianPatronymic(p.father, gender);  // Soviet-style three-part names
      break;
    }
    case NameStyle::kRussian:
      p.given = Choose(male ? kRussianMale : kRussianFemale, &rng);
      p.father = Choose(kRussianMale, &rng);
      p.surname = RussianSurname(gender, &rng);
      p.middle = RussianPatronymic(p.father, gender);
      break;
    case NameStyle::kUyghur:
      p.given = Choose(male ? kUyghurMale : kUyghurFemale, &rng);
      p.father = Choose(kUyghurMale, &rng);
      p.middle = p.father;
      // Most Uyghurs use the father's given name as their surname.
      p.surname = rng.Percent(70) ? p.father : Choose(kUyghurMale, &rng);
      break;
    case NameStyle::kEnglish:
      p.given = Choose(male ? kEnglishMale : kEnglishFemale, &rng);
      p.father = Choose(kEnglishMale, &rng);
      p.middle = Choose(male ? kEnglishMale : kEnglishFemale, &rng);
      p.surname = Choose(kEnglishSurnames, &rng);
      break;
  }
  p.given = Capitalize(p.given);
  p.surname = Capitalize(p.surname);
  return p;
}

std::vector<std::string> RenderName(const PersonName& person, NameShape shape) {
  switch (shape) {
    case NameShape::kGivenOnly: return {person.given};
    case NameShape::kGivenSurname: return {person.given, person.surname};
    case NameShape::kThreePart:
      if (person.style == NameStyle::kUyghur && person.surname == person.father) {
        return {person.given, person.father, "Hoshur"};
      }
      return {person.given, person.middle, person.surname};
    case NameShape::kKyrgyzParticle:
      return {person.given, person.father, person.gender == Gender::kMale ? "uulu" : "kyzy"};
  }
  return {person.given};
}

NamePool::NamePool(std::uint64_t seed, std::size_t size) {
  if (size == 0) size = 1;
  male_.reserve(size);
  female_.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    male_.push_back(GeneratePerson(seed, Gender::kMale, i));
    female_.push_back(GeneratePerson(seed, Gender::kFemale, i));
  }
}

PersonName NamePool::Pick(Gender gender, Rng* rng, unsigned variant_percent) const {
  const std::vector<PersonName>& pool = gender == Gender::kMale ? male_ : female_;
  // A quarter of the picks come from the 2% of persons who are often in the news.
  const std::size_t hot = pool.size() / 50 > 0 ? pool.size() / 50 : 1;
  PersonName p = pool[rng->Percent(25) ? rng->Below(hot) : rng->Below(pool.size())];
  if (rng->Percent(variant_percent)) {
    if (rng->Percent(50)) {
      p.surname = RespellVariant(p.surname, rng);
    } else {
      p.given = RespellVariant(p.given, rng);
    }
  }
  return p;
}

std::string RespellVariant(const std::string& word, Rng* rng) {
  // Spellings that transliteration tables disagree on; some are folded by
  // kith's NameKey (q/k, kh/k, y/i, -ev), some are not (ai/ay in the middle).
  static const std::vector<std::pair<std::string, std::string>> kSwaps = {
      {"q", "k"}, {"Q", "K"}, {"kh", "h"}, {"ai", "ay"}, {"ay", "ai"}, {"yev", "iev"},
      {"y", "i"}, {"zh", "j"}, {"uly", "uli"}, {"ov", "ow"}};
  const std::size_t start = rng->Below(kSwaps.size());
  for (std::size_t k = 0; k < kSwaps.size(); ++k) {
    const auto& [from, to] = kSwaps[(start + k) % kSwaps.size()];
    const std::size_t at = word.find(from, 1);  // keep the first letter's case
    if (at != std::string::npos) return word.substr(0, at) + to + word.substr(at + from.size());
  }
  if (word.size() > 1 && word[0] == 'Q') return "K" + word.substr(1);
  return word;
}

}  // namespace bench
}  // namespace kith
