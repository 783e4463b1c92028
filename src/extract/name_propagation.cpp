#include "extract/name_propagation.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "extract/name_key.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool IsTitleWord(const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  std::size_t len = 0;
  const char32_t cp = DecodeUtf8(t.norm, 0, &len);
  return IsUpper(cp) && t.shape.find('x') != std::string::npos;
}

bool InLexicon(const Lexicon* lexicon, const Token& t) {
  return lexicon != nullptr && lexicon->FindWord(t.lower) != nullptr;
}

bool IsNameToken(const Token& t) { return t.kind == TokenKind::kWord && t.norm != "'s"sv && t.norm != "'"sv; }

struct KnownPerson {
  std::vector<std::string> lowers;  // name tokens, lower case
  std::string text;                 // the name as written
};

// Two capitalised words, one of them a name the rules found alone elsewhere in
// the document ("Sabira said", "Mr. Dosov"), are that person's full name
// where no rule's context fires ("When Sabira Tokhtieva finishes work").
// Neither word may be a not-name or inside another mention, the word added may
// not be a month ("Last March Sabira drove"), and the pair may not be glued to
// a third capitalised word (other than a not-name: "When").
bool ExtendLoneNames(const Lexicon* not_names, const Lexicon* months, std::vector<bool>* covered, Extraction* ex) {
  std::set<std::string> lone;
  for (const ExtractedMention& m : ex->mentions) {
    if (m.label == "Person"sv && m.last == m.first + 1 && IsTitleWord(ex->tokens[m.first])) {
      lone.insert(ex->tokens[m.first].lower);
    }
  }
  if (lone.empty()) return false;
  const auto name_like = [&](std::size_t t) {
    const Token& tok = ex->tokens[t];
    return IsTitleWord(tok) && (not_names == nullptr || not_names->FindWord(tok.lower) == nullptr);
  };
  const auto free_word = [&](std::size_t t) { return !(*covered)[t] && name_like(t); };
  const std::size_t n = ex->tokens.size();
  std::vector<ExtractedMention> added;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!free_word(i) || !free_word(i + 1) || ex->tokens[i + 1].line_start) continue;
    const bool first_lone = lone.count(ex->tokens[i].lower) != 0;
    if (!first_lone && lone.count(ex->tokens[i + 1].lower) == 0) continue;
    // "Last March Sabira drove": a month is no part the name was missing.
    const Token& added_word = ex->tokens[first_lone ? i + 1 : i];
    if (months != nullptr && months->FindWord(added_word.lower) != nullptr && lone.count(added_word.lower) == 0) continue;
    if (i > 0 && !ex->tokens[i].line_start && name_like(i - 1)) continue;
    if (i + 2 < n && !ex->tokens[i + 2].line_start && name_like(i + 2)) continue;
    if (ex->SentenceOf(i) != ex->SentenceOf(i + 1)) continue;
    ExtractedMention m;
    m.first = i;
    m.last = i + 2;
    m.span = Span{ex->tokens[i].span.begin, ex->tokens[i + 1].span.end};
    m.label = "Person";
    m.rule = "coref.lone-name-extended";
    m.sentence = ex->SentenceOf(i);
    added.push_back(std::move(m));
    (*covered)[i] = (*covered)[i + 1] = true;
    ++i;
  }
  for (ExtractedMention& m : added) ex->mentions.push_back(std::move(m));
  return !added.empty();
}

}  // namespace

bool PropagatePersonNames(const RuleSet& rules, Extraction* ex) {
  const NameKey& keys = rules.name_key();
  const Lexicon* not_names = rules.lexicon("not_names");
  const Lexicon* months = rules.lexicon("months");
  const Lexicon* weekdays = rules.lexicon("weekdays");
  std::vector<bool> covered(ex->tokens.size(), false);
  for (const ExtractedMention& m : ex->mentions) {
    if (!IsEntityLabel(m.label)) continue;
    for (std::size_t t = m.first; t < m.last; ++t) covered[t] = true;
  }
  const bool extended = ExtendLoneNames(not_names, months, &covered, ex);
  std::vector<KnownPerson> persons;
  std::set<std::vector<std::string>> seen;
  std::set<std::string> lone_names;  // one-word names the rules found ("my brother Qairolla")
  for (const ExtractedMention& m : ex->mentions) {
    if (m.label != "Person"sv || m.attributes.count("refers") != 0) continue;
    KnownPerson p;
    for (std::size_t t = m.first; t < m.last; ++t) {
      if (IsNameToken(ex->tokens[t])) p.lowers.push_back(ex->tokens[t].lower);
    }
    if (p.lowers.size() == 1 && m.last == m.first + 1 && IsTitleWord(ex->tokens[m.first])) {
      lone_names.insert(p.lowers[0]);
    }
    if (p.lowers.size() < 2 || !seen.insert(p.lowers).second) continue;
    p.text = ex->tokens[m.first].norm;
    for (std::size_t t = m.first + 1; t < m.last; ++t) p.text += " " + ex->tokens[t].norm;
    persons.push_back(std::move(p));
  }
  if (persons.empty() && lone_names.empty()) return extended;
  // Family names of known names of two words or more ("tohti" of "Yasin Tohti").
  std::set<std::string> family_names;
  for (const KnownPerson& p : persons) {
    if (CodePointCount(p.lowers.back()) >= 3) family_names.insert(p.lowers.back());
  }
  // Words that are no given name: not-names and the words of other kinds a name never opens with.
  std::vector<const Lexicon*> not_given;
  for (const char* name : {"not_names", "months", "weekdays", "nationality_adjectives", "demonyms", "role_nouns",
                           "kin_terms", "titles", "org_heads", "speech_verbs"}) {
    if (const Lexicon* l = rules.lexicon(name)) not_given.push_back(l);
  }
  // A part's owners are counted by identity: two spellings of one name
  // ("Arman Serikuly", "Arman Serikov") are one owner, the first met.
  std::map<std::string, std::set<std::size_t>> part_owners;
  std::map<std::string, std::set<std::size_t>> spelled_owners;  // the same by exact spelling
  std::map<std::string, std::size_t> by_identity;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const std::string identity = keys.OfName(persons[i].lowers);
    const std::size_t owner = by_identity.emplace(identity, i).first->second;
    for (const std::string& part : persons[i].lowers) {
      // Two letters only as the surname opening a two-word name ("Ma" of "Ma Jun"), not an
      // initial; the not-names keep out the words it could also be ("He", "No").
      const std::size_t letters = CodePointCount(part);
      const bool two_letter_surname = persons[i].lowers.size() == 2 && part == persons[i].lowers[0];
      if (letters < 2 || (letters == 2 && !two_letter_surname)) continue;
      part_owners[keys.Key(part)].insert(owner);
      spelled_owners[part].insert(owner);
    }
  }
  std::vector<ExtractedMention> added;
  const auto add = [&](std::size_t first, std::size_t last, const char* rule, const std::string& refers) {
    ExtractedMention m;
    m.first = first;
    m.last = last;
    m.span = Span{ex->tokens[first].span.begin, ex->tokens[last - 1].span.end};
    m.label = "Person";
    m.rule = rule;
    m.sentence = ex->SentenceOf(first);
    if (!refers.empty()) m.attributes["refers"] = refers;
    for (std::size_t t = first; t < last; ++t) covered[t] = true;
    added.push_back(std::move(m));
  };
  for (std::size_t i = 0; i < ex->tokens.size(); ++i) {
    if (covered[i] || !IsTitleWord(ex->tokens[i])) continue;
    // A repeat of a full name.
    bool matched = false;
    for (const KnownPerson& p : persons) {
      const std::size_t n = p.lowers.size();
      if (i + n > ex->tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < n && ok; ++k) ok = !covered[i + k] && ex->tokens[i + k].lower == p.lowers[k];
      if (ok) {
        add(i, i + n, "coref.repeat-name", "");
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // A capitalised word glued to the one before at `t` (in its line); a not-name, a month or a
    // weekday before it ("Only Rahile still answers", "In January Zhandos took the train") is
    // no part of a name.
    const auto glued = [&](std::size_t t) {
      return t < ex->tokens.size() && !ex->tokens[t].line_start && IsTitleWord(ex->tokens[t]);
    };
    const auto name_word_before = [&](std::size_t t) {
      return t > 0 && !ex->tokens[t].line_start && IsTitleWord(ex->tokens[t - 1]) &&
             !InLexicon(not_names, ex->tokens[t - 1]) && !InLexicon(months, ex->tokens[t - 1]) &&
             !InLexicon(weekdays, ex->tokens[t - 1]);
    };
    // "Mehmut Tohti" beside "Yasin Tohti": a given name no rule knew before a known family name
    // is a relative's name, when no third capitalised word is glued to the two, and not where it
    // opens the sentence ("Freeing Tohti would cost nothing").
    const int sentence = ex->SentenceOf(i);
    const bool opens_sentence = sentence < 0 || ex->sentences[static_cast<std::size_t>(sentence)].first == i;
    if (!opens_sentence && glued(i + 1) && !covered[i + 1] && family_names.count(ex->tokens[i + 1].lower) != 0 &&
        !name_word_before(i) && !glued(i + 2) && sentence == ex->SentenceOf(i + 1) &&
        std::none_of(not_given.begin(), not_given.end(), [&](const Lexicon* l) { return InLexicon(l, ex->tokens[i]); })) {
      add(i, i + 2, "coref.family-name", "");
      ++i;
      continue;
    }
    // A lone part of one known name: not glued to other capitalised words.
    const Token& t = ex->tokens[i];
    if (not_names != nullptr && not_names->FindWord(t.lower) != nullptr) continue;
    // A month's name or abbreviation alone is the month ("Jun 5" beside "Wang Jun"); the rules
    // never find one alone as a name either.
    if (InLexicon(months, t)) continue;
    if (name_word_before(i) || glued(i + 1)) continue;
    auto owners = part_owners.find(keys.Key(t.lower));
    if (owners == part_owners.end()) {
      // A repeat of a one-word name ("Qairolla is dead").
      if (lone_names.count(t.lower) != 0) add(i, i + 1, "coref.repeat-name", "");
      continue;
    }
    if (owners->second.size() > 1) {
      // "Murat" beside "Murat A" and his son "Y Muratuly": the one spelled so.
      owners = spelled_owners.find(t.lower);
      if (owners == spelled_owners.end()) continue;
    }
    // Spelled as a part of several names ("Omarova" of a mother and her daughter): a person
    // all the same, whom the graph gives to one of them by context or to none.
    add(i, i + 1, "coref.name-part", owners->second.size() == 1 ? persons[*owners->second.begin()].text : "");
  }
  if (added.empty()) return extended;
  for (ExtractedMention& m : added) ex->mentions.push_back(std::move(m));
  std::sort(ex->mentions.begin(), ex->mentions.end(), [](const ExtractedMention& a, const ExtractedMention& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });
  return true;
}

}  // namespace kith
