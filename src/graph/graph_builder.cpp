#include "graph/graph_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "extract/name_key.h"
#include "graph/argument_reader.h"
#include "graph/date_resolver.h"
#include "graph/event_assembler.h"
#include "graph/kinship_builder.h"
#include "graph/name_part_owner.h"
#include "graph/patronymic.h"
#include "graph/reference_resolver.h"
#include "graph/same_person.h"
#include "graph/state_body_key.h"
#include "graph/surname_gender.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool IsNameToken(const Token& t) { return t.kind == TokenKind::kWord && t.norm != "'s"sv && t.norm != "'"sv; }

// Whether token `t` of `tokens` is a word of a name: a word, or the number after "No." that names
// an institution ("Penal Colony No. 21").
bool IsNameTokenAt(const std::vector<Token>& tokens, std::size_t t) {
  if (IsNameToken(tokens[t])) return true;
  if (tokens[t].kind != TokenKind::kNumber || t == 0) return false;
  const std::string& before = tokens[t - 1].lower;
  return before == "no."sv || before == "no"sv || before == "number"sv || before == "#"sv;
}

class Builder {
 public:
  // `joins`: pairs of mentions known to name one person (same_person.h), joined once persons are built.
  Builder(const std::string& text, const Extraction& ex, const RuleSet& rules, const std::string& publication_date,
          std::vector<MentionJoin> joins = {})
      : text_(text), ex_(ex), rules_(rules), keys_(rules.name_key()), publication_date_(publication_date),
        publication_(ParseIsoDate(publication_date)), joins_(std::move(joins)) {}

  DocumentGraph Build() {
    for (const SentenceSpan& s : ex_.sentences) {
      graph_.sentences.push_back(SentenceRecord{Span{ex_.tokens[s.first].span.begin, ex_.tokens[s.last - 1].span.end}});
    }
    mention_entity_.assign(ex_.mentions.size(), -1);
    narrated_ = AuthorNamedInText() && NarratedInFirstPerson();
    BuildPersons();
    BuildByKey(EntityKind::kPlace, "Place", "Place");
    JoinPlaceNamesWithoutArea();
    BuildByKey(EntityKind::kOrganization, "Organization", "Organization");
    JoinOrganizations();
    AttachBareHeads();
    LocateOrganizations();
    EmitMentions();
    GenderCountedGroups();
    GenderFromSurnames();
    GenderFromPronouns();
    const ReferenceResolver resolver(ex_, rules_, mention_entity_, graph_.entities, Narrator());
    const ArgumentReader arguments(ex_, rules_, mention_entity_, graph_, resolver);
    if (joins_.empty()) {
      // Another name of a person ("She was born X") is known only once pronouns are resolved:
      // build again with the two persons joined from the start.
      std::vector<MentionJoin> joins = SamePersonJoins(ex_, mention_entity_, graph_, arguments);
      if (!joins.empty()) return Builder(text_, ex_, rules_, publication_date_, std::move(joins)).Build();
    }
    KinshipBuilder kinship(ex_, rules_, mention_entity_, arguments, &graph_);
    kinship.Build();
    BuildEvents(arguments, kinship);
    return std::move(graph_);
  }

 private:
  // Display text of a mention: tokens joined by their original spacing, possessive removed.
  std::string NameOf(const ExtractedMention& m) const {
    std::size_t last = m.last;
    while (last > m.first && !IsNameTokenAt(ex_.tokens, last - 1)) --last;
    std::size_t first = m.first;
    if (first < last && (ex_.tokens[first].lower == "the"sv)) ++first;
    if (last <= first) return "";
    return text_.substr(ex_.tokens[first].span.begin, ex_.tokens[last - 1].span.end - ex_.tokens[first].span.begin);
  }

  std::vector<std::string> NameTokens(const ExtractedMention& m) const {
    std::vector<std::string> out;
    for (std::size_t t = m.first; t < m.last; ++t) {
      if (IsNameTokenAt(ex_.tokens, t)) out.push_back(ex_.tokens[t].lower);
    }
    return out;
  }

  std::string KeyOf(const std::vector<std::string>& lowers) const { return keys_.OfName(lowers); }

  int NewEntity(EntityKind kind, const std::string& type) {
    Entity e;
    e.kind = kind;
    e.type = type;
    graph_.entities.push_back(e);
    names_.emplace_back();
    return static_cast<int>(graph_.entities.size() - 1);
  }

  void AddName(int entity, const std::string& name) {
    if (name.empty()) return;
    auto& list = names_[static_cast<std::size_t>(entity)];
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  }

  void Absorb(int entity, const ExtractedMention& m) {
    Entity& e = graph_.entities[static_cast<std::size_t>(entity)];
    const auto g = m.attributes.find("gender");
    if (g != m.attributes.end() && (g->second == "male"sv || g->second == "female"sv)) {
      if (e.gender.empty()) {
        e.gender = g->second;
      } else if (e.gender != g->second) {
        conflicting_gender_.insert(entity);
      }
    }
    const auto a = m.attributes.find("age");
    if (a != m.attributes.end() && e.age < 0) {
      try {
        e.age = std::stoi(a->second);
      } catch (const std::exception&) {
      }
    }
    const auto t = m.attributes.find("type");
    if (t != m.attributes.end() && e.kind != EntityKind::kPerson &&
        (e.type == "Organization"sv || e.type == "Place"sv || e.type.empty())) {
      e.type = t->second;
    }
  }

  // True when the article's own narration, outside double quotes, says "I", "my" or "me" in two
  // sentences or more: an essay or a testimony told by its author. (Once past this check, "we"
  // and "our" in the narration are the author's too; see reference_resolver.h.)
  bool NarratedInFirstPerson() const {
    int sentences = 0;
    for (std::size_t si = 0; si < ex_.sentences.size(); ++si) {
      if (static_cast<int>(si) == ex_.author_sentence) continue;
      bool quoted = false;
      bool first_person = false;
      for (std::size_t t = ex_.sentences[si].first; t < ex_.sentences[si].last && !first_person; ++t) {
        const Token& token = ex_.tokens[t];
        if (token.norm == "\""sv) quoted = !quoted;
        first_person = !quoted && (token.lower == "i"sv || token.lower == "my"sv || token.lower == "me"sv);
      }
      if (first_person && ++sentences >= 2) return true;
    }
    return false;
  }

  // True when the author the byline credits is also named in the article's text (an essay's
  // closing note, "X is a student in Toronto"): a reporter seldom is, so a report whose quotes
  // the narration check cannot see (single quotation marks, a letter set off as a block) does
  // not give its reporter the speakers' families.
  bool AuthorNamedInText() const {
    std::set<std::string> author_keys;
    for (const ExtractedMention& m : ex_.mentions) {
      if (m.label == "Person"sv && ex_.author_sentence >= 0 && ex_.SentenceOf(m.first) == ex_.author_sentence) {
        author_keys.insert(KeyOf(NameTokens(m)));
      }
    }
    for (const ExtractedMention& m : ex_.mentions) {
      if (m.label == "Person"sv && ex_.SentenceOf(m.first) != ex_.author_sentence &&
          author_keys.count(KeyOf(NameTokens(m))) != 0) {
        return true;
      }
    }
    return false;
  }

  // The entity of the author the byline credits when the article is told in their voice, or -1.
  int Narrator() const {
    if (!narrated_ || ex_.author_sentence < 0) return -1;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      if (ex_.mentions[i].label == "Person"sv && ex_.SentenceOf(ex_.mentions[i].first) == ex_.author_sentence &&
          mention_entity_[i] >= 0) {
        return mention_entity_[i];
      }
    }
    return -1;
  }

  void BuildPersons() {
    std::map<std::string, int> by_key;                 // full-name key -> entity
    std::map<std::string, std::set<int>> part_owner;  // part key -> entities
    std::vector<std::size_t> singles;
    std::vector<std::pair<std::string, int>> without_patronymic;  // "given surname" key -> entity of the full form
    std::map<std::string, std::vector<std::string>> words_of_key;   // full-name key -> its words as first written
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label != "Person"sv || m.attributes.count("refers") != 0) continue;
      // The byline's author is a person of the article only when the article speaks as them.
      if (!narrated_ && ex_.author_sentence >= 0 && ex_.SentenceOf(m.first) == ex_.author_sentence) continue;
      const std::vector<std::string> toks = NameTokens(m);
      if (toks.empty()) continue;
      if (toks.size() == 1) {
        singles.push_back(i);
        continue;
      }
      const int e = PersonOfName(toks, by_key, &words_of_key, &part_owner, nullptr);
      Attach(i, e);
      if (toks.size() == 3 && !PatronymicStemKey(toks[0] + " " + toks[1], rules_).empty()) {
        without_patronymic.emplace_back(KeyOf({toks[0], toks[2]}), e);
      }
      // The patronymic as a word of its own before the family name: "Nigar Ilgar gizi Huseynova".
      if (toks.size() == 4 && !PatronymicStemKey(toks[0] + " " + toks[1] + " " + toks[2], rules_).empty()) {
        without_patronymic.emplace_back(KeyOf({toks[0], toks[3]}), e);
      }
    }
    GiveSharedFamilyNames(by_key, &words_of_key, &part_owner, &singles);
    JoinPatronymicForms(without_patronymic, by_key, &part_owner);
    JoinShortFullNames(by_key, &part_owner);
    JoinInitialedNames(by_key, words_of_key, &part_owner);
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label != "Person"sv) continue;
      const auto refers = m.attributes.find("refers");
      if (refers == m.attributes.end()) continue;
      std::vector<std::string> toks;
      for (const Token& t : rules_tokenizer_.Tokenize(refers->second)) toks.push_back(t.lower);
      auto it = by_key.find(KeyOf(toks));
      if (it != by_key.end()) Attach(i, it->second);
    }
    std::set<std::string> lone_name_keys;  // names that stand alone somewhere in the article
    for (const ExtractedMention& m : ex_.mentions) {
      if (m.label != "Person"sv) continue;
      const std::vector<std::string> toks = NameTokens(m);
      if (toks.size() == 1) lone_name_keys.insert(keys_.Key(toks[0]));
    }
    std::map<std::string, int> single_entities;
    for (std::size_t i : singles) {
      const ExtractedMention& m = ex_.mentions[i];
      const std::string word = NameTokens(m)[0];
      const std::string key = keys_.Key(word);
      auto owners = part_owner.find(key);
      std::set<int> bearers;
      if (owners != part_owner.end()) {
        for (int e : owners->second) {
          if (!FathersGivenName(e, word, key)) bearers.insert(e);
        }
      }
      if (!bearers.empty()) {
        const int owner = bearers.size() == 1 ? *bearers.begin() : SharedPartOwner(bearers, m, lone_name_keys);
        if (owner >= 0) Attach(i, owner);
        continue;  // ambiguous between several persons: left out
      }
      auto it = single_entities.find(key);
      int e = it == single_entities.end() ? -1 : it->second;
      if (e < 0) {
        e = NewEntity(EntityKind::kPerson, "Person");
        single_entities[key] = e;
      }
      Attach(i, e);
    }
    for (const MentionJoin& j : joins_) {
      const int person = mention_entity_[j.person_mention];
      const int alias = mention_entity_[j.alias_mention];
      if (person < 0 || alias < 0 || person == alias) continue;
      const std::vector<std::string>& own = names_[static_cast<std::size_t>(person)];
      for (const std::string& n : names_[static_cast<std::size_t>(alias)]) {
        if (std::find(own.begin(), own.end(), n) == own.end()) other_names_[person].insert(n);
      }
      MergePerson(alias, person, &part_owner);
    }
  }

  // "Beisen" beside "Nurlan Beisenuly": a lone word that is the stem of a person's patronymic,
  // spelled without its ending, is the father's given name, not that person's name; unless
  // another name of the person spells it so ("Toktogulov" beside "A Toktogulov (A Toktogul uulu)").
  bool FathersGivenName(int e, const std::string& word, const std::string& key) const {
    bool stem = false;
    for (const std::string& name : names_[static_cast<std::size_t>(e)]) {
      for (const Token& t : rules_tokenizer_.Tokenize(name)) {
        if (t.lower == word) return false;
      }
      stem = stem || PatronymicStemKey(name, rules_) == key;
    }
    return stem;
  }

  // The one of several persons sharing a name part that the part alone stands for, or -1;
  // `lone_name_keys` are the keys of the names that stand alone in the article.
  int SharedPartOwner(const std::set<int>& owners, const ExtractedMention& part,
                      const std::set<std::string>& lone_name_keys) const {
    const std::string part_lower = NameTokens(part)[0];
    const std::string part_key = keys_.Key(part_lower);
    std::vector<NamePartCandidate> candidates;
    for (int e : owners) {
      NamePartCandidate c;
      c.entity = e;
      c.first_token = ex_.tokens.size();
      for (std::size_t j = 0; j < ex_.mentions.size(); ++j) {
        if (mention_entity_[j] != e) continue;
        const std::vector<std::string> toks = NameTokens(ex_.mentions[j]);
        if (toks.size() > 1) {
          c.same_spelling = c.same_spelling || std::find(toks.begin(), toks.end(), part_lower) != toks.end();
          const std::string given = keys_.Key(toks[0]);
          if (given == part_key) c.given_name = true;
          c.goes_by_given_name = c.goes_by_given_name || lone_name_keys.count(given) != 0;
        }
        if (ex_.mentions[j].first >= c.first_token) continue;
        c.first_token = ex_.mentions[j].first;
        c.first_sentence = ex_.mentions[j].sentence;
      }
      c.gender = graph_.entities[static_cast<std::size_t>(e)].gender;
      c.as_relative = AfterKinWord(c.first_token);
      candidates.push_back(c);
    }
    const auto g = part.attributes.find("gender");
    const std::string gender = g != part.attributes.end() && (g->second == "male"sv || g->second == "female"sv) ? g->second : "";
    const Lexicon* titles = rules_.lexicon("titles");
    const bool titled = part.first > 0 && titles != nullptr && titles->FindWord(ex_.tokens[part.first - 1].lower) != nullptr;
    if (const int by_age = ElderOrYounger(candidates, part.first); by_age >= 0) return by_age;
    return NamePartOwner(candidates, part.first, gender, titled);
  }

  // "the elder Abdullayev", "the younger Serik": of the persons sharing the part named before it,
  // the oldest (or youngest) when the article gives every one's age; else the one introduced as a
  // parent (or a child) of someone ("His father, Ismet Abdullayev"), when only one was. -1
  // otherwise.
  int ElderOrYounger(const std::vector<NamePartCandidate>& candidates, std::size_t part) const {
    if (part < 2 || ex_.tokens[part - 2].lower != "the"sv) return -1;
    const std::string& word = ex_.tokens[part - 1].lower;
    const bool elder = word == "elder"sv || word == "older"sv;
    if (!elder && word != "younger"sv) return -1;
    int by_age = -1;
    int best_age = -1;
    bool all_aged = true;
    for (const NamePartCandidate& c : candidates) {
      if (c.first_token >= part) continue;  // named only later
      const int age = graph_.entities[static_cast<std::size_t>(c.entity)].age;
      if (age < 0) all_aged = false;
      if (age >= 0 && (by_age < 0 || (elder ? age > best_age : age < best_age))) {
        by_age = c.entity;
        best_age = age;
      }
    }
    if (all_aged && by_age >= 0) return by_age;
    int by_kin = -1;
    for (const NamePartCandidate& c : candidates) {
      if (c.first_token >= part || KinRelationBefore(c.first_token) != (elder ? "parent"sv : "child"sv)) continue;
      if (by_kin >= 0) return -1;
      by_kin = c.entity;
    }
    return by_kin;
  }

  // True when a kin word comes just before token `t`, maybe with a comma and a title between
  // ("his son, Dilshat Ablet", "whose daughter Ms. Ablet").
  bool AfterKinWord(std::size_t t) const { return !KinRelationBefore(t).empty(); }

  // The relation ("parent", "child", ...) of the kin word just before token `t`, as AfterKinWord
  // finds it; "" when none.
  std::string KinRelationBefore(std::size_t t) const {
    const Lexicon* kin = rules_.lexicon("kin_terms");
    const Lexicon* titles = rules_.lexicon("titles");
    if (kin == nullptr || t >= ex_.tokens.size()) return "";
    std::size_t k = t;
    if (k > 0 && titles != nullptr && titles->FindWord(ex_.tokens[k - 1].lower) != nullptr) --k;
    if (k > 0 && ex_.tokens[k - 1].norm == ","sv) --k;
    const LexiconEntry* entry = k > 0 ? kin->FindWord(ex_.tokens[k - 1].lower) : nullptr;
    if (entry == nullptr) return "";
    const std::string relation = AttributeOf(entry->attributes, "relation");
    return relation.empty() ? "relative" : relation;
  }

  // A spelling the transliteration table does not cover ("Abdurahman" / "Abdurakhman"): the same
  // number of name words, all equal but one long word at edit distance 1.
  static int NearKey(const std::map<std::string, int>& by_key, const std::string& key) {
    const auto words = [](const std::string& k) {
      std::vector<std::string> w;
      std::size_t start = 0;
      for (std::size_t i = 0; i <= k.size(); ++i) {
        if (i == k.size() || k[i] == ' ') {
          w.push_back(k.substr(start, i - start));
          start = i + 1;
        }
      }
      return w;
    };
    const std::vector<std::string> mine = words(key);
    int found = -1;
    for (const auto& [other, entity] : by_key) {
      const std::vector<std::string> theirs = words(other);
      if (theirs.size() != mine.size()) continue;
      int differing = 0;
      bool close = true;
      for (std::size_t i = 0; i < mine.size() && close; ++i) {
        if (mine[i] == theirs[i]) continue;
        ++differing;
        close = mine[i].size() >= 6 && theirs[i].size() >= 6 && EditDistanceAtMostOne(mine[i], theirs[i]);
      }
      if (close && differing == 1) {
        if (found >= 0 && found != entity) return -1;  // two candidates: keep them apart
        found = entity;
      }
    }
    return found;
  }

  static bool EditDistanceAtMostOne(const std::string& a, const std::string& b) {
    if (a.size() > b.size() + 1 || b.size() > a.size() + 1) return false;
    std::size_t i = 0, j = 0;
    int edits = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i] == b[j]) {
        ++i;
        ++j;
        continue;
      }
      if (++edits > 1) return false;
      if (a.size() > b.size()) {
        ++i;
      } else if (b.size() > a.size()) {
        ++j;
      } else {
        ++i;
        ++j;
      }
    }
    return edits + static_cast<int>((a.size() - i) + (b.size() - j)) <= 1;
  }

  // The person a full name of `toks` names: the one of the same key (or one spelling edit away),
  // else a new person, whose key, words and name parts are recorded; `created` tells which.
  int PersonOfName(const std::vector<std::string>& toks, std::map<std::string, int>& by_key,
                   std::map<std::string, std::vector<std::string>>* words_of_key,
                   std::map<std::string, std::set<int>>* part_owner, bool* created) {
    const std::string key = KeyOf(toks);
    auto it = by_key.find(key);
    int e = it == by_key.end() ? NearKey(by_key, key) : it->second;
    if (created != nullptr) *created = e < 0;
    if (e >= 0) return e;
    e = NewEntity(EntityKind::kPerson, "Person");
    by_key[key] = e;
    (*words_of_key)[key] = toks;
    for (const std::string& part : toks) (*part_owner)[keys_.Key(part)].insert(e);
    return e;
  }

  // "Asqar and Nurlan Temirkhanuly", "Yerlan, Serik and Marat Nurlanuly": given names listed
  // before one full name share its family name (or patronymic), so each lone given name becomes
  // a person of that full name ("Asqar Temirkhanuly"), unless it is a part of a name of someone
  // the article already names. Such mentions leave `singles`.
  void GiveSharedFamilyNames(std::map<std::string, int>& by_key,
                             std::map<std::string, std::vector<std::string>>* words_of_key,
                             std::map<std::string, std::set<int>>* part_owner, std::vector<std::size_t>* singles) {
    std::vector<std::size_t> person_at(ex_.tokens.size(), ex_.mentions.size());
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label == "Person"sv && m.attributes.count("refers") == 0 && m.first < person_at.size()) person_at[m.first] = i;
    }
    std::vector<std::size_t> kept;
    for (std::size_t i : *singles) {
      const ExtractedMention& m = ex_.mentions[i];
      // Walk on through ", B" and "and C" to the full name that ends the list.
      std::size_t t = m.last;
      std::size_t full = ex_.mentions.size();
      while (t + 1 < ex_.tokens.size()) {
        const bool comma = ex_.tokens[t].norm == ","sv;
        const bool conj = ex_.tokens[t].lower == "and"sv || (comma && ex_.tokens[t + 1].lower == "and"sv);
        if (!comma && !conj) break;
        const std::size_t next = ex_.tokens[t + 1].lower == "and"sv && comma ? t + 2 : t + 1;
        if (next >= ex_.tokens.size() || person_at[next] == ex_.mentions.size()) break;
        const ExtractedMention& n = ex_.mentions[person_at[next]];
        if (NameTokens(n).size() >= 2) {
          if (conj) full = person_at[next];
          break;
        }
        if (conj) break;  // "A and B" of lone names ends the list
        t = n.last;
      }
      const std::vector<std::string> given = NameTokens(m);
      if (full == ex_.mentions.size() || part_owner->count(keys_.Key(given[0])) != 0) {
        kept.push_back(i);
        continue;
      }
      const ExtractedMention& f = ex_.mentions[full];
      std::vector<std::string> toks = given;
      std::string display = NameOf(m);
      const std::vector<std::string> fulls = NameTokens(f);
      for (std::size_t k = f.first + 1; k < f.last; ++k) {
        if (IsNameToken(ex_.tokens[k])) {
          display += " " + text_.substr(ex_.tokens[k].span.begin, ex_.tokens[k].span.end - ex_.tokens[k].span.begin);
        }
      }
      toks.insert(toks.end(), fulls.begin() + 1, fulls.end());
      bool created = false;
      const int e = PersonOfName(toks, by_key, words_of_key, part_owner, &created);
      if (created) AddName(e, display);
      Attach(i, e);
    }
    *singles = std::move(kept);
  }

  // A shorter multi-word name that ends a longer one of exactly one person ("Sadyrbek uulu" in
  // "Bakytbek Sadyrbek uulu") is that person.
  void JoinShortFullNames(std::map<std::string, int>& by_key, std::map<std::string, std::set<int>>* part_owner) {
    for (auto& [short_key, short_entity] : by_key) {
      std::vector<int> owners;
      for (const auto& [long_key, long_entity] : by_key) {
        if (long_key.size() > short_key.size() + 1 &&
            long_key.compare(long_key.size() - short_key.size(), short_key.size(), short_key) == 0 &&
            long_key[long_key.size() - short_key.size() - 1] == ' ' && long_entity != short_entity) {
          owners.push_back(long_entity);
        }
      }
      if (owners.size() != 1) continue;
      MergePerson(short_entity, owners[0], part_owner);
      short_entity = owners[0];
    }
  }

  // A name whose words before the surname are initials ("B. T. Sydykov", "N. M. Asanova", as
  // official letters and verdicts print them) is the one person of that surname whose given name
  // (and patronymic, where both have one) begin with those initials. The initialed form becomes
  // one of the person's other names.
  void JoinInitialedNames(const std::map<std::string, int>& by_key,
                          const std::map<std::string, std::vector<std::string>>& words_of_key,
                          std::map<std::string, std::set<int>>* part_owner) {
    const auto initial = [](const std::string& w) {
      // One letter, or two with a full stop ("Zh."): "Li" and "Ma" are names.
      const bool stop = !w.empty() && w.back() == '.';
      const std::size_t letters = stop ? w.size() - 1 : w.size();
      if (letters == 0 || letters > 2 || (letters == 2 && !stop)) return std::string();
      for (std::size_t i = 0; i < letters; ++i) {
        if (!std::isalpha(static_cast<unsigned char>(w[i]))) return std::string();
      }
      return w.substr(0, letters);
    };
    for (const auto& [key, words] : words_of_key) {
      const int entity = by_key.at(key);
      if (dropped_.count(entity) != 0 || words.size() < 2 || !initial(words.back()).empty()) continue;
      std::vector<std::string> initials;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) initials.push_back(initial(words[i]));
      if (std::find(initials.begin(), initials.end(), std::string()) != initials.end()) continue;
      const std::string surname = keys_.Key(words.back());
      int owner = -1;
      bool ambiguous = false;
      for (const auto& [other_key, other_words] : words_of_key) {
        const int other = by_key.at(other_key);
        if (other == entity || other == owner || dropped_.count(other) != 0 || other_words.size() < 2 ||
            keys_.Key(other_words.back()) != surname) {
          continue;
        }
        bool fits = true;
        for (std::size_t i = 0; i + 1 < other_words.size() && fits; ++i) {
          const bool spelled_out = initial(other_words[i]).empty();
          const bool covered = i < initials.size();
          fits = spelled_out && (!covered || other_words[i].compare(0, initials[i].size(), initials[i]) == 0);
        }
        if (!fits) continue;
        ambiguous = ambiguous || owner >= 0;
        owner = other;
      }
      if (owner < 0 || ambiguous) continue;
      // The spelled-out name stays the one the person is called by.
      const std::vector<std::string>& own = names_[static_cast<std::size_t>(owner)];
      for (const std::string& n : names_[static_cast<std::size_t>(entity)]) {
        if (std::find(own.begin(), own.end(), n) == own.end()) other_names_[owner].insert(n);
      }
      MergePerson(entity, owner, part_owner);
    }
  }

  // A name with a patronymic in the middle ("Zaure Bolatovna Omarova", "Nigar Ilgar gizi
  // Huseynova") is the person called by the given and the family name ("Zaure Omarova").
  void JoinPatronymicForms(const std::vector<std::pair<std::string, int>>& without_patronymic,
                           std::map<std::string, int>& by_key, std::map<std::string, std::set<int>>* part_owner) {
    for (const auto& [short_key, full_entity] : without_patronymic) {
      auto it = by_key.find(short_key);
      if (it == by_key.end() || it->second == full_entity || dropped_.count(full_entity) != 0) continue;
      MergePerson(it->second, full_entity, part_owner);
      it->second = full_entity;
    }
  }

  // Person `from` is person `into`: its mentions, names, name parts, gender and age move over.
  void MergePerson(int from, int into, std::map<std::string, std::set<int>>* part_owner) {
    Merge(from, into);
    for (auto& kv : *part_owner) {
      if (kv.second.erase(from)) kv.second.insert(into);
    }
    Entity& target = graph_.entities[static_cast<std::size_t>(into)];
    const Entity& source = graph_.entities[static_cast<std::size_t>(from)];
    if (target.gender.empty()) target.gender = source.gender;
    if (target.age < 0) target.age = source.age;
  }

  void Attach(std::size_t mention, int entity) {
    mention_entity_[mention] = entity;
    AddName(entity, NameOf(ex_.mentions[mention]));
    Absorb(entity, ex_.mentions[mention]);
  }

  std::string CanonicalKey(const ExtractedMention& m) const {
    const auto c = m.attributes.find("canonical");
    if (c != m.attributes.end()) return Utf8Lower(c->second);
    // A name built by a rule may still be a known organization once its possessive is dropped
    // ("RFE/RL's Kazakh Service" is the lexicon's "RFE/RL Kazakh Service", i.e. Radio Azattyq).
    if (m.label == "Organization"sv) {
      if (const Lexicon* known = rules_.lexicon("organizations")) {
        std::vector<std::string> words;
        for (std::size_t t = m.first; t < m.last; ++t) {
          if (ex_.tokens[t].norm != "'s"sv && ex_.tokens[t].lower != "the"sv) words.push_back(ex_.tokens[t].lower);
        }
        if (const LexiconEntry* e = known->Find(words)) {
          const auto canon = e->attributes.find("canonical");
          return Utf8Lower(canon != e->attributes.end() ? canon->second : e->text);
        }
      }
    }
    return Utf8Lower(NameOf(m));
  }

  // A place written as part of an institution's name ("U.S. Embassy", "Radio Free Asia") names the
  // institution, not the place; "Consulate in Almaty" does name the place.
  bool IsModifierInsideOrganization(const ExtractedMention& m) const {
    if (m.label != "Place"sv) return false;
    for (const ExtractedMention& o : ex_.mentions) {
      if (o.first > m.first || m.last > o.last || o.label != "Organization"sv) continue;
      if (m.first == o.first || ex_.tokens[m.first - 1].lower != "in"sv) return true;
    }
    return false;
  }

  void BuildByKey(EntityKind kind, const std::string& label, const std::string& default_type) {
    std::map<std::string, int> by_key;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label != label || IsModifierInsideOrganization(m) || IsBareHead(m)) continue;
      const std::string key = CanonicalKey(m);
      if (key.empty()) continue;
      auto it = by_key.find(key);
      int e = it == by_key.end() ? -1 : it->second;
      if (e < 0) {
        e = NewEntity(kind, default_type);
        by_key[key] = e;
        const auto c = m.attributes.find("canonical");
        if (c != m.attributes.end()) AddName(e, c->second);
      }
      Attach(i, e);
      for (const char* alias_key : {"alias", "acronym", "alias2", "expansion"}) {
        const auto a = m.attributes.find(alias_key);
        if (a != m.attributes.end()) AddName(e, a->second);
      }
    }
  }

  // "Emin" and "Emin County" are one place: a name no gazetteer knows (of type "Place") joins the
  // one place of the article whose name is that name and an area word (the lexicon
  // `area_words`). A known city keeps apart from the region named after it ("Almaty", "Almaty
  // region").
  void JoinPlaceNamesWithoutArea() {
    const Lexicon* areas = rules_.lexicon("area_words");
    if (areas == nullptr) return;
    std::map<std::string, std::set<int>> by_bare_name;  // "emin" -> the places named "Emin County"
    for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
      if (graph_.entities[e].kind != EntityKind::kPlace) continue;
      for (const std::string& name : names_[e]) {
        const std::string lower = Utf8Lower(name);
        const std::size_t space = lower.rfind(' ');
        if (space == std::string::npos || areas->FindWord(lower.substr(space + 1)) == nullptr) continue;
        by_bare_name[lower.substr(0, space)].insert(static_cast<int>(e));
      }
    }
    for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
      const Entity& place = graph_.entities[e];
      if (place.kind != EntityKind::kPlace || place.type != "Place"sv || names_[e].empty()) continue;
      const auto it = by_bare_name.find(Utf8Lower(names_[e].front()));
      if (it == by_bare_name.end() || it->second.size() != 1 || it->second.count(static_cast<int>(e))) continue;
      Merge(static_cast<int>(e), *it->second.begin());
    }
  }

  // "X in Place" and "X" are one organization; so is a bare head word and the one organization with that head.
  static std::string StripPossessive(std::string name) {
    for (const char* p : {"'s ", "\u2019s "}) {
      for (std::size_t at; (at = name.find(p)) != std::string::npos;) name.replace(at, std::string(p).size(), " ");
    }
    return name;
  }

  void JoinOrganizations() {
    const Lexicon* heads = rules_.lexicon("org_heads");
    std::vector<int> orgs;
    for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
      if (graph_.entities[e].kind == EntityKind::kOrganization) orgs.push_back(static_cast<int>(e));
    }
    // Names in lower case, computed once for the pairwise tests below (their first name, and
    // every name without a possessive).
    std::map<int, std::string> lower_first;
    std::map<int, std::vector<std::string>> unpossessed;
    for (int o : orgs) {
      const std::vector<std::string>& names = names_[static_cast<std::size_t>(o)];
      lower_first[o] = Utf8Lower(names.front());
      for (const std::string& n : names) unpossessed[o].push_back(StripPossessive(Utf8Lower(n)));
    }
    std::map<int, int> into;
    for (int a : orgs) {
      for (int b : orgs) {
        if (a == b || into.count(a) || into.count(b)) continue;
        const std::string& la = lower_first[a];
        const std::string& lb = lower_first[b];
        // b is "a in ..." / "a of ..." -> a joins b
        const bool located_form = lb.size() > la.size() && lb.compare(0, la.size(), la) == 0 &&
                                  (lb.compare(la.size(), 4, " in ") == 0);
        // b is a with more head words: "Chinese Consulate" and "Chinese Consulate General in Istanbul".
        bool more_heads = false;
        if (lb.size() > la.size() + 1 && lb.compare(0, la.size() + 1, la + " ") == 0 && heads != nullptr) {
          std::string rest = lb.substr(la.size() + 1);
          const std::size_t in = rest.find(" in ");
          if (in != std::string::npos) rest = rest.substr(0, in);
          std::vector<std::string> words;
          for (const Token& t : rules_tokenizer_.Tokenize(rest)) words.push_back(t.lower);
          // The added words are a head, or complete a's last word into one ("Consulate" + "General").
          std::vector<std::string> completed{la.substr(la.rfind(' ') == std::string::npos ? 0 : la.rfind(' ') + 1)};
          completed.insert(completed.end(), words.begin(), words.end());
          more_heads = !words.empty() && (heads->Find(words) != nullptr || heads->Find(completed) != nullptr);
        }
        // The same name with and without a possessive: "RFE/RL's Kyrgyz Service", "RFE/RL Kyrgyz Service".
        bool same_but_possessive = false;
        for (const std::string& na : unpossessed[a]) {
          for (const std::string& nb : unpossessed[b]) same_but_possessive = same_but_possessive || na == nb;
        }
        if (more_heads || same_but_possessive) {
          into[a] = b;
          continue;
        }
        const bool bare_head = la.find(' ') == std::string::npos &&
                               (lb.size() > la.size() + 1 &&
                                (lb.compare(lb.size() - la.size() - 1, la.size() + 1, " " + la) == 0 ||
                                 lb.find(" " + la + " in ") != std::string::npos));
        if (located_form || bare_head) into[a] = b;
      }
    }
    // Names of one state's body in either order ("Kyrgyz Foreign Ministry", "Ministry of Foreign
    // Affairs of the Kyrgyz Republic") join the body named first.
    // Each name's words, once, as the lexicons' tokenizer makes them (it keeps "U.S." whole), with
    // possessives kept: "People's Republic of China" is a country only with its "'s".
    std::map<int, std::vector<std::vector<std::string>>> words_of;  // org -> its names' words
    for (int o : orgs) {
      for (const std::string& n : names_[static_cast<std::size_t>(o)]) {
        std::vector<std::string> words;
        for (const Token& t : rules_.tokenizer().Tokenize(n)) words.push_back(t.lower);
        words_of[o].push_back(std::move(words));
      }
    }
    std::map<std::string, int> by_state_key;
    for (int o : orgs) {
      if (into.count(o)) continue;
      for (const std::vector<std::string>& words : words_of[o]) {
        const std::string key = StateBodyKey(words, rules_);
        if (key.empty()) continue;
        const auto [it, added] = by_state_key.emplace(key, o);
        if (!added && it->second != o) into[o] = it->second;
        break;
      }
    }
    // "The Chinese Embassy" is the article's one "Embassy of the People's Republic of China in
    // Kazakhstan": a key no seated body's name bears joins the one seated body whose name has it
    // once the seat is left out, when no other seated body's does.
    std::map<std::string, std::set<int>> seated;  // key without the seat -> bodies
    for (int o : orgs) {
      if (into.count(o)) continue;
      for (const std::vector<std::string>& words : words_of[o]) {
        const std::string key = SeatlessStateBodyKey(words, rules_);
        if (!key.empty()) seated[key].insert(o);
      }
    }
    for (const auto& [key, bodies] : seated) {
      const auto unseated = by_state_key.find(key);
      if (bodies.size() != 1 || unseated == by_state_key.end() || bodies.count(unseated->second)) continue;
      if (!into.count(unseated->second)) into[unseated->second] = *bodies.begin();
    }
    // A short name is the one body another of whose names it fits, when the article names only one
    // such: a head of several words ("Foreign Ministry") ends that body's name ("the Kyrgyz Foreign
    // Ministry"), or its head's other name gives that body's name ("U.S. Mission" for "U.S.
    // Embassy"; "Foreign Ministry" for "Ministry of Foreign Affairs", maybe "of Kazakhstan").
    // Or it keeps the first word and the head of that body's name and leaves words out between
    // ("the Kizilsu Intermediate Court" for "the Kizilsu Kyrgyz Autonomous Prefecture Intermediate
    // People's Court").
    if (heads != nullptr) {
      for (int a : orgs) {
        if (into.count(a)) continue;
        const std::string& la = lower_first[a];
        const std::vector<Token> tokens = rules_.tokenizer().Tokenize(names_[static_cast<std::size_t>(a)].front());
        std::vector<std::string> words;
        for (const Token& t : tokens) words.push_back(t.lower);
        const bool whole_head = words.size() > 1 && heads->Find(words) != nullptr;
        // A head with no other name is its own: "Ministry of Foreign Affairs" fits "Ministry of
        // Foreign Affairs of the Republic of Kazakhstan".
        std::string other = OtherHeadName(names_[static_cast<std::size_t>(a)].front(), tokens, *heads);
        if (other.empty() && whole_head) other = la;
        const bool abridged = words.size() > 1 && !whole_head;
        if (!whole_head && other.empty() && !abridged) continue;
        std::set<int> fitting;
        for (int b : orgs) {
          if (b == a || into.count(b)) continue;
          for (const std::string& lb : unpossessed[b]) {
            const bool ends_with = whole_head && lb.size() > la.size() + 1 &&
                                   lb.compare(lb.size() - la.size() - 1, la.size() + 1, " " + la) == 0;
            const bool other_name =
                !other.empty() && lb.compare(0, other.size(), other) == 0 &&
                (lb.size() == other.size() || lb.compare(other.size(), 4, " of ") == 0 || lb.compare(other.size(), 4, " in ") == 0);
            if (ends_with || other_name) fitting.insert(b);
          }
          if (!abridged) continue;
          for (const std::vector<std::string>& wb : words_of[b]) {
            if (wb.size() > words.size() && wb.front() == words.front() && wb.back() == words.back() &&
                IsSubsequence(words, wb)) {
              fitting.insert(b);
            }
          }
        }
        if (fitting.size() == 1) into[a] = *fitting.begin();
      }
    }
    // Follow chains ("the mission" -> "U.S. Mission" -> "U.S. Embassy") to their end.
    for (const auto& [a, b] : into) {
      int target = b;
      for (int guard = 0; into.count(target) && guard < 100; ++guard) target = into.at(target);
      if (target != a) Merge(a, target);
    }
  }

  // True when `part` is `whole` with some words left out, the rest in order.
  static bool IsSubsequence(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    std::size_t i = 0;
    for (std::size_t j = 0; j < whole.size() && i < part.size(); ++j) {
      if (whole[j] == part[i]) ++i;
    }
    return i == part.size();
  }

  // `name` (tokenized as `tokens`) with the longest head it ends with replaced by that head's
  // other name ("alias_of" in the heads lexicon), in lower case; empty when the head has none.
  static std::string OtherHeadName(const std::string& name, const std::vector<Token>& tokens, const Lexicon& heads) {
    for (std::size_t k = std::min(tokens.size(), heads.max_tokens()); k >= 1; --k) {
      std::vector<std::string> words;
      for (std::size_t t = tokens.size() - k; t < tokens.size(); ++t) words.push_back(tokens[t].lower);
      const LexiconEntry* head = heads.Find(words);
      if (head == nullptr) continue;
      const auto alias_of = head->attributes.find("alias_of");
      if (alias_of == head->attributes.end()) return "";
      return Utf8Lower(name.substr(0, tokens[tokens.size() - k].span.begin) + alias_of->second +
                       name.substr(tokens.back().span.end));
    }
    return "";
  }

  // Entity `from` is entity `to`: its names and mentions move over.
  void Merge(int from, int to) {
    for (const std::string& n : names_[static_cast<std::size_t>(from)]) AddName(to, n);
    names_[static_cast<std::size_t>(from)].clear();
    for (int& e : mention_entity_) {
      if (e == from) e = to;
    }
    dropped_.insert(from);
  }

  // "the consulate", or "the Consulate" alone: a head word that names no institution by itself.
  bool IsBareHead(const ExtractedMention& m) const {
    if (m.attributes.count("bare") != 0) return true;
    return m.attributes.count("head_only") != 0 && NameOf(m).find(' ') == std::string::npos;
  }

  // "the consulate" joins the one organization whose name has that head word; else it names nothing.
  void AttachBareHeads() {
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label != "Organization"sv || !IsBareHead(m)) continue;
      const std::string head = " " + Utf8Lower(NameOf(m));
      int found = -1;
      bool ambiguous = false;
      for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
        if (graph_.entities[e].kind != EntityKind::kOrganization || dropped_.count(static_cast<int>(e)) ||
            names_[e].empty()) {
          continue;
        }
        const std::string name = " " + Utf8Lower(names_[e].front()) + " ";
        if (name.find(head + " ") == std::string::npos) continue;
        if (found >= 0 && found != static_cast<int>(e)) ambiguous = true;
        found = static_cast<int>(e);
      }
      if (found >= 0 && !ambiguous) mention_entity_[i] = found;  // a mention, not a new name
    }
  }

  // The place named inside an organization's mention ("Consulate in Almaty") is where it is.
  void LocateOrganizations() {
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      const int org = mention_entity_[i];
      if (m.label != "Organization"sv || org < 0) continue;
      for (std::size_t j = 0; j < ex_.mentions.size(); ++j) {
        const ExtractedMention& p = ex_.mentions[j];
        if (p.label != "Place"sv || mention_entity_[j] < 0 || p.first <= m.first || p.last > m.last) continue;
        if (ex_.tokens[p.first - 1].lower == "in"sv) {
          graph_.entities[static_cast<std::size_t>(org)].located_in = mention_entity_[j];
        }
      }
    }
  }

  void EmitMentions() {
    // Renumber entities without the merged ones; longest name becomes canonical.
    std::vector<int> remap(graph_.entities.size(), -1);
    std::vector<Entity> kept;
    for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
      if (dropped_.count(static_cast<int>(e)) || names_[e].empty()) continue;
      remap[e] = static_cast<int>(kept.size());
      Entity ent = graph_.entities[e];
      std::vector<std::string> names = names_[e];
      // A person's other names (a birth name, a name on a document) come after the ones the
      // article calls the person by.
      const std::set<std::string>& other = other_names_[static_cast<int>(e)];
      // A name in capitals (a dateline's "MUNICH") comes after one written as in running text.
      const auto shouted = [](const std::string& n) {
        const auto upper = std::count_if(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        return upper >= 2 && std::none_of(n.begin(), n.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      };
      std::stable_sort(names.begin(), names.end(), [&other, &shouted](const std::string& a, const std::string& b) {
        const bool oa = other.count(a) != 0;
        const bool ob = other.count(b) != 0;
        if (oa != ob) return ob;
        const bool sa = shouted(a);
        const bool sb = shouted(b);
        if (sa != sb) return sb;
        const auto wa = std::count(a.begin(), a.end(), ' ');
        const auto wb = std::count(b.begin(), b.end(), ' ');
        return wa != wb ? wa > wb : a.size() > b.size();
      });
      ent.name = names.front();
      ent.aliases.assign(names.begin() + 1, names.end());
      if (ent.kind == EntityKind::kPerson) {
        std::vector<std::string> lowers;
        for (const Token& t : rules_tokenizer_.Tokenize(ent.name)) {
          if (IsNameToken(t)) lowers.push_back(t.lower);
        }
        ent.identity_key = "person:" + KeyOf(lowers);
      }
      const bool conflicting = conflicting_gender_.count(static_cast<int>(e)) > 0;
      if (conflicting) ent.gender.clear();
      gender_conflict_.push_back(conflicting);
      kept.push_back(std::move(ent));
    }
    for (Entity& ent : kept) {
      if (ent.located_in >= 0) ent.located_in = remap[static_cast<std::size_t>(ent.located_in)];
    }
    graph_.entities = std::move(kept);
    for (int& e : mention_entity_) {
      if (e >= 0) e = remap[static_cast<std::size_t>(e)];
    }
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      if (mention_entity_[i] < 0) continue;
      const ExtractedMention& m = ex_.mentions[i];
      graph_.mentions.push_back(Mention{mention_entity_[i], Evidence{m.sentence, m.span, m.rule}});
    }
  }

  // "Chinese police arrested him": a gendered pronoun outside quotes whose only possible antecedent
  // (the persons before it in its sentence, else in the sentence before up to that sentence's
  // first subject or object pronoun of the gender; possessors only for a possessive pronoun; not
  // one whom a possessive of the gender makes someone's relative in apposition, "Y, 24, her
  // half-brother") has no gender gives it one. With two or more candidates nothing is guessed.
  void GenderFromPronouns() {
    const Lexicon* pronouns = rules_.lexicon("pronouns");
    if (pronouns == nullptr) return;
    const ReferenceResolver quotes(ex_, rules_, mention_entity_, graph_.entities);
    const auto in_quote = [&](std::size_t t) { return quotes.InQuote(t); };
    // Each token's pronoun entry, looked up once: the passes below ask of every token, and of
    // the sentence before once per pronoun.
    std::vector<const LexiconEntry*> pronoun_at(ex_.tokens.size());
    for (std::size_t t = 0; t < ex_.tokens.size(); ++t) pronoun_at[t] = pronouns->FindWord(ex_.tokens[t].lower);
    // "Y, 24, her half-brother": per sentence and gender, the persons a possessive of that gender
    // makes someone's relative in apposition, who are not the possessive's person.
    std::vector<std::map<std::string, std::set<int>>> apposed(ex_.sentences.size());
    for (std::size_t si = 0; si < ex_.sentences.size(); ++si) {
      for (std::size_t k = ex_.sentences[si].first; k < ex_.sentences[si].last; ++k) {
        const LexiconEntry* q = pronoun_at[k];
        if (q == nullptr || AttributeOf(q->attributes, "case") != "possessive"sv) continue;
        if (const int head = KinAppositionHead(k); head >= 0) apposed[si][AttributeOf(q->attributes, "gender")].insert(head);
      }
    }
    for (std::size_t si = 0; si < ex_.sentences.size(); ++si) {
      const SentenceSpan& s = ex_.sentences[si];
      // "she married X, whom she had known": the sentence's subject pronouns of one gender stand
      // for the person its first one does, so only a name before that first one can be theirs;
      // so does an object ("the court sentenced her, X said, for a lecture she had given on her
      // phone"), and the limit holds for every later pronoun of that gender. ("His banner showed
      // his cousin X until he was detained": a possessive sets no such limit.)
      std::map<std::string, std::size_t> first_subject;  // gender -> first subject or object pronoun
      for (std::size_t t = s.first; t < s.last; ++t) {
        if (in_quote(t)) continue;
        const LexiconEntry* p = pronoun_at[t];
        if (p == nullptr || p->attributes.count("gender") == 0) continue;
        const std::string gender = p->attributes.at("gender");
        // "X said Y's case ... his release": a possessive may stand for a possessor too.
        const auto c = p->attributes.find("case");
        const bool possessive = c != p->attributes.end() && c->second == "possessive"sv;
        const bool subject = c != p->attributes.end() && c->second == "subject"sv;
        const bool limits = subject || quotes.ObjectReading(t, *p);
        const auto earlier = first_subject.find(gender);
        const std::size_t before = earlier != first_subject.end() ? earlier->second
                                   : limits                     ? first_subject.emplace(gender, t).first->second
                                                                : t;
        // "What became of X, she said, no one knows": a speech tag between commas is someone
        // telling of the persons before it, so only the sentence before may give its person.
        const bool speech_tag = subject && t > s.first && quotes.SpeechTagBetweenCommas(t, t + 1);
        std::set<int> candidates;
        for (int look = static_cast<int>(si) - (speech_tag ? 1 : 0); look >= 0 && look >= static_cast<int>(si) - 1 && candidates.empty(); --look) {
          const SentenceSpan& ls = ex_.sentences[static_cast<std::size_t>(look)];
          // In the sentence before, a pronoun of the same gender already stands for someone:
          // a name after it is no likelier than it ("The court sentenced her, X said. She is 42.").
          const std::size_t limit =
              static_cast<std::size_t>(look) == si ? before : FirstPronounOf(gender, ls, quotes, pronoun_at);
          const auto apposed_here = apposed[static_cast<std::size_t>(look)].find(gender);
          const auto is_apposed = [&](int e) {
            return apposed_here != apposed[static_cast<std::size_t>(look)].end() && apposed_here->second.count(e) != 0;
          };
          for (std::size_t i : quotes.PersonsIn(look)) {
            const ExtractedMention& m = ex_.mentions[i];
            if (mention_entity_[i] < 0 || m.last > ls.last || is_apposed(mention_entity_[i])) continue;
            if (m.first >= limit) continue;
            if (in_quote(m.first)) continue;
            if (!possessive && m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv) continue;
            candidates.insert(mention_entity_[i]);
          }
        }
        if (candidates.size() != 1) continue;
        Entity& e = graph_.entities[static_cast<std::size_t>(*candidates.begin())];
        if (e.gender.empty()) e.gender = gender;
      }
    }
  }

  // "Y, 24, her half-brother,": the person a possessive at `t` opens an apposition of kin to (a
  // kin word among the next three tokens, closed by punctuation or going on with "and the
  // youngest of ..."), who is not whose relative it names; else -1. ("Y, her voice shaking,"
  // names no kin and may be Y's; "Y, 35, her brother and a neighbour" is a list, Y's brother.)
  int KinAppositionHead(std::size_t t) const {
    const Lexicon* kin = rules_.lexicon("kin_terms");
    if (kin == nullptr || t < 2 || ex_.tokens[t - 1].norm != ","sv) return -1;
    std::size_t kin_at = 0;
    for (std::size_t k = t + 1; k < ex_.tokens.size() && k <= t + 3 && kin_at == 0; ++k) {
      if (kin->FindWord(ex_.tokens[k].lower) != nullptr) kin_at = k;
    }
    if (kin_at == 0) return -1;
    const std::size_t next = kin_at + 1;
    const auto lower_at = [&](std::size_t k) -> std::string_view {
      return k < ex_.tokens.size() ? std::string_view(ex_.tokens[k].lower) : std::string_view();
    };
    const bool closed = next < ex_.tokens.size() && (ex_.tokens[next].norm == ","sv || ex_.tokens[next].norm == "."sv ||
                                                      ex_.tokens[next].norm == ";"sv || ex_.tokens[next].norm == ")"sv);
    const bool described = lower_at(next) == "and"sv && lower_at(next + 1) == "the"sv && lower_at(next + 3) == "of"sv;
    if (!closed && !described) return -1;
    std::size_t comma = t - 1;
    // An age between commas: "Y, 24, her ...".
    if (comma >= 2 && ex_.tokens[comma - 1].kind == TokenKind::kNumber && ex_.tokens[comma - 2].norm == ","sv) comma -= 2;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      if (ex_.mentions[i].label == "Person"sv && ex_.mentions[i].last == comma) return mention_entity_[i];
    }
    return -1;
  }

  // The first subject or object pronoun of `gender` outside quotes in sentence `s`, else the
  // sentence's end (a possessive sets no limit: "In her testimony, X described ...").
  // `pronoun_at` gives each token's entry in the pronoun lexicon.
  std::size_t FirstPronounOf(const std::string& gender, const SentenceSpan& s, const ReferenceResolver& quotes,
                             const std::vector<const LexiconEntry*>& pronoun_at) const {
    for (std::size_t t = s.first; t < s.last; ++t) {
      if (quotes.InQuote(t)) continue;
      const LexiconEntry* p = pronoun_at[t];
      if (p == nullptr || AttributeOf(p->attributes, "gender") != gender) continue;
      if (AttributeOf(p->attributes, "case") == "subject"sv || quotes.ObjectReading(t, *p)) return t;
    }
    return s.last;
  }

  // "Marat Kassenov", "Petrova": a person nothing else gave a gender takes the one its surname's
  // ending suggests, unless its mentions disagreed.
  void GenderFromSurnames() {
    for (std::size_t e = 0; e < graph_.entities.size(); ++e) {
      Entity& ent = graph_.entities[e];
      if (ent.kind != EntityKind::kPerson || !ent.gender.empty() || ent.name.empty() ||
          (e < gender_conflict_.size() && gender_conflict_[e])) {
        continue;
      }
      ent.gender = SurnameGender(ent.name, rules_);
    }
  }

  // "Three women ... A, B and C": a counted group of one gender and a list of exactly that many
  // persons (joined only by commas and "and") in the same or the next sentence.
  void GenderCountedGroups() {
    for (const ExtractedMention& g : ex_.mentions) {
      if (g.label != "PersonGroup"sv || g.sentence < 0) continue;
      const std::string gender = g.attributes.count("gender") ? g.attributes.at("gender") : "";
      const int count = g.attributes.count("count") ? std::atoi(g.attributes.at("count").c_str()) : 0;
      if ((gender != "male"sv && gender != "female"sv) || count < 2) continue;
      for (int s = g.sentence; s <= g.sentence + 1 && s < static_cast<int>(ex_.sentences.size()); ++s) {
        std::vector<int> list;
        std::size_t last_end = 0;
        std::vector<int> best;
        for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
          const ExtractedMention& m = ex_.mentions[i];
          if (m.label != "Person"sv || m.sentence != s || mention_entity_[i] < 0) continue;
          bool joined = !list.empty();
          for (std::size_t t = last_end; joined && t < m.first; ++t) {
            joined = ex_.tokens[t].norm == ","sv || ex_.tokens[t].lower == "and"sv;
          }
          if (!joined) list.clear();
          list.push_back(mention_entity_[i]);
          last_end = m.last;
          if (list.size() > best.size()) best = list;
        }
        if (static_cast<int>(best.size()) != count) continue;
        for (int e : best) {
          if (graph_.entities[static_cast<std::size_t>(e)].gender.empty()) graph_.entities[static_cast<std::size_t>(e)].gender = gender;
        }
        break;
      }
    }
  }

  // Persons a role capture stands for: the persons behind kin words inside it ("her two sons"),
  // else the persons mentioned in it, else what a pronoun or a definite description ("the old
  // man") refers to (in a quote, a pronoun may mean the speaker's relative: "my mother ...
  // she"), else the pair two kin words joined by "and" stand for ("mother and son"),
  // else a group.
  std::vector<int> RoleEntities(const CaptureRange& c, const ArgumentReader& arguments,
                                const KinshipBuilder& kinship) const {
    if (std::vector<int> family = arguments.FamilyNamedGroup(c); !family.empty()) return family;
    std::vector<int> out = kinship.ReferentsWithin(c);
    if (!out.empty() && c.last > c.first + 2 && ex_.tokens[c.first + 1].lower == "and"sv) {
      // "him and his son": the pronoun's person beside the relative (a name resolves to nobody
      // here; the loop below takes it).
      for (int p : arguments.resolver().Resolve(c.first)) {
        if (std::find(out.begin(), out.end(), p) == out.end()) out.insert(out.begin(), p);
      }
    }
    if (!out.empty()) {
      // "X, her daughter, Y, and Z": the persons named in the list as well as the relatives,
      // but not the owner of a kin word ("X's son", "the son of X").
      for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
        const ExtractedMention& m = ex_.mentions[i];
        const int e = mention_entity_[i];
        if (e < 0 || m.label != "Person"sv || m.first < c.first || m.last > c.last) continue;
        const bool owner = (m.last < c.last && ex_.tokens[m.last].norm == "'s"sv) ||
                           (m.first > c.first && ex_.tokens[m.first - 1].lower == "of"sv);
        if (!owner && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
      }
      // "The couple and their son": the group's persons as well as the relatives.
      const Lexicon* groups = rules_.lexicon("group_nouns");
      for (std::size_t t = c.first; groups != nullptr && t < c.last; ++t) {
        if (groups->FindWord(ex_.tokens[t].lower) == nullptr) continue;
        for (int e : arguments.Group(CaptureRange{c.first, t + 1, true})) {
          if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
        }
        break;
      }
      return out;
    }
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      const int e = mention_entity_[i];
      if (e < 0 || m.first < c.first || m.last > c.last) continue;
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    if (!out.empty()) return out;
    // One word stands for one referent, unless it is a count ("both"): then it is a group.
    if (c.last == c.first + 1 && arguments.CountOf(ex_.tokens[c.first]) == 0) {
      out = arguments.resolver().Resolve(c.first);
      // "My mother waited. She crossed in 2023.": the person the speaker's kin word stands for.
      std::size_t kin_word = out.empty() ? arguments.resolver().SpokenRelative(c.first) : ex_.tokens.size();
      // "Her father stayed behind, and he crossed ...": the same, told in the narration.
      if (out.empty() && kin_word == ex_.tokens.size()) kin_word = arguments.resolver().NarratedRelative(c.first);
      return kin_word < ex_.tokens.size() ? kinship.ReferentsAt(kin_word) : out;
    }
    if (arguments.IsDescription(c)) return arguments.Described(c);  // "the old man"
    // A verb of several words opening a case entry's sentence ("Travelled to Chuguchak") stands
    // for the person the entry is about, as a verb of one word does.
    if (const Lexicon* verbs = rules_.lexicon("event_verbs");
        verbs != nullptr && verbs->FindWord(ex_.tokens[c.first].lower) != nullptr) {
      return arguments.resolver().Resolve(c.first);
    }
    if (std::vector<int> pair = arguments.KinPair(c); !pair.empty()) return pair;  // "mother and son"
    return arguments.Group(c);
  }

  // "they", "them": a one-word capture the pronouns lexicon counts as plural.
  bool IsPluralPronoun(const CaptureRange& c) const {
    if (c.last != c.first + 1) return false;
    const Lexicon* pronouns = rules_.lexicon("pronouns");
    const LexiconEntry* entry = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[c.first].lower);
    if (entry == nullptr) return false;
    const auto number = entry->attributes.find("number");
    return number != entry->attributes.end() && number->second == "plural"sv;
  }

  // "the group", "the five", "all three", "each of them", "the protesters": words that speak of
  // several persons without naming them (a group noun of the `group_nouns` lexicon that fixes no
  // size, a count, or "each"/"all"/"both" of a plural pronoun).
  bool IsGroupReference(const CaptureRange& c) const {
    if (c.last <= c.first || c.last - c.first > 4) return false;
    const Lexicon* groups = rules_.lexicon("group_nouns");
    const Lexicon* numbers = rules_.lexicon("number_words");
    const Token& head = ex_.tokens[c.last - 1];
    const Token& first = ex_.tokens[c.first];
    const bool determiner = first.lower == "the"sv || first.lower == "all"sv || first.lower == "both"sv ||
                            first.lower == "each"sv;
    if (!determiner) return false;
    if (c.last - c.first == 1) return first.lower != "the"sv;  // "each", "all", "both"
    const LexiconEntry* group = groups == nullptr ? nullptr : groups->FindWord(head.lower);
    if (group != nullptr) return group->attributes.count("size") == 0;
    if (head.kind == TokenKind::kNumber || (numbers != nullptr && numbers->FindWord(head.lower) != nullptr)) return true;
    // "each of them", "all of them"
    return c.last - c.first == 3 && ex_.tokens[c.first + 1].lower == "of"sv && IsPluralPronoun(CaptureRange{c.last - 1, c.last, true});
  }

  // "did not detain", "could be deported", "has yet to be tried": a word of the `negations`
  // lexicon among the three tokens before the trigger makes the statement no report of an event;
  // so does a conditional one anywhere before it in its clause ("If her uncle is released"), but
  // not across a comma or a word opening another clause ("Whether or not she knew, he was
  // detained"; "asked whether she knew why X was detained").
  bool IsNegated(const ExtractedEvent& x) const {
    const Lexicon* neg = rules_.lexicon("negations");
    if (neg == nullptr || !x.trigger.set || x.sentence < 0) return false;
    const std::size_t first = ex_.sentences[static_cast<std::size_t>(x.sentence)].first;
    bool same_clause = true;
    for (std::size_t k = 1; x.trigger.first >= first + k; ++k) {
      const Token& t = ex_.tokens[x.trigger.first - k];
      if (t.norm == ","sv || t.norm == ";"sv || t.norm == ":"sv || t.lower == "that"sv || t.lower == "why"sv ||
          t.lower == "because"sv || t.lower == "when"sv || t.lower == "who"sv || t.lower == "which"sv) {
        same_clause = false;
      }
      if (k > 3 && !same_clause) break;
      const LexiconEntry* entry = neg->FindWord(t.lower);
      if (entry == nullptr) continue;
      if (AttributeOf(entry->attributes, "kind") == "conditional"sv) {
        if (same_clause) return true;
        continue;
      }
      // Lower case only: "May 25" is a date, "may be" a modal.
      if (k <= 3 && !t.shape.empty() && t.shape[0] == 'x') return true;
    }
    return false;
  }

  // "Were you detained?", "Did they fine your brother?": a question that asks whether something
  // happened reports nothing (a question opened by "when" or "why" takes the event as told). A
  // speaker's label before it ("RFE/RL: Were you ...") is passed over.
  bool InYesNoQuestion(const ExtractedEvent& x) const {
    if (x.sentence < 0) return false;
    const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(x.sentence)];
    std::size_t end = s.last;
    while (end > s.first && ex_.tokens[end - 1].norm == "\""sv) --end;
    if (end == s.first || ex_.tokens[end - 1].norm != "?"sv) return false;
    std::size_t opener = s.first;
    for (std::size_t t = s.first; t < end && t < s.first + 6; ++t) {
      if (ex_.tokens[t].norm == ":"sv) opener = t + 1;
    }
    while (opener < end && ex_.tokens[opener].kind != TokenKind::kWord) ++opener;
    static constexpr std::string_view kAuxiliaries[] = {"was", "were", "did", "do", "does", "has", "have", "had",
                                                        "is", "are", "will", "would", "could", "can"};
    return opener < end && std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), ex_.tokens[opener].lower) !=
                               std::end(kAuxiliaries);
  }

  // The persons named inside `list`, once each and in text order; an owner is none of them
  // ("Among them were X's son, Y").
  std::vector<int> PersonsListed(const ExtractedMention& list) const {
    std::vector<int> persons;
    for (std::size_t j = 0; j < ex_.mentions.size(); ++j) {
      const ExtractedMention& p = ex_.mentions[j];
      const int e = mention_entity_[j];
      const bool possessor = p.last < ex_.tokens.size() && ex_.tokens[p.last].norm == "'s"sv;
      if (p.label == "Person"sv && e >= 0 && p.first >= list.first && p.last <= list.last && !possessor &&
          std::find(persons.begin(), persons.end(), e) == persons.end()) {
        persons.push_back(e);
      }
    }
    return persons;
  }

  void BuildEvents(const ArgumentReader& arguments, const KinshipBuilder& kinship) {
    EventAssembler assembler(ex_, rules_, mention_entity_, publication_);
    for (const ExtractedEvent& x : ex_.events) {
      if (IsNegated(x) || InYesNoQuestion(x)) continue;
      EventAssembler::Candidate c;
      c.kind = x.kind;
      c.sentence = x.sentence;
      c.evidence = Evidence{x.sentence, x.span, x.rule};
      if (x.trigger.set && x.trigger.last > x.trigger.first) {
        c.trigger = Span{ex_.tokens[x.trigger.first].span.begin, ex_.tokens[x.trigger.last - 1].span.end};
      }
      c.attributes = x.attributes;
      for (const auto& [role, range] : x.roles) {
        if (role == "crowd"sv) continue;  // a counted crowd names nobody
        if (role == "date"sv) {
          c.date_range = range;
        } else if (role == "place"sv || role == "target"sv) {
          const int e = arguments.EntityFor(range);
          if (e >= 0) c.place = e;
        } else {
          const std::vector<int> found = RoleEntities(range, arguments, kinship);
          for (int e : found) c.roles.push_back(EventRole{role, e});
          if (found.empty() && (IsPluralPronoun(range) || IsGroupReference(range))) c.group_role = role;
        }
      }
      assembler.Add(std::move(c));
    }
    for (const ExtractedMention& m : ex_.mentions) {
      // "Those detained were A, 47; B; and C" names a group; "Among them was X" one of the group
      // the sentence before tells of.
      if (m.label == "Roster"sv) assembler.AddRoster(m.sentence, PersonsListed(m));
      if (m.label != "Member"sv) continue;
      for (int e : PersonsListed(m)) assembler.AddMember(m.sentence, e);
    }
    for (Event& e : assembler.Finish(graph_.entities)) graph_.events.push_back(std::move(e));
  }

  const std::string& text_;
  const Extraction& ex_;
  const RuleSet& rules_;
  const NameKey& keys_;
  std::string publication_date_;
  DateValue publication_;
  std::vector<MentionJoin> joins_;
  bool narrated_ = false;  // see NarratedInFirstPerson
  Tokenizer rules_tokenizer_;
  DocumentGraph graph_;
  std::vector<int> mention_entity_;
  std::vector<std::vector<std::string>> names_;
  std::set<int> dropped_;
  std::map<int, std::set<std::string>> other_names_;  // per person: names joined from another name's mention
  std::set<int> conflicting_gender_;
  std::vector<bool> gender_conflict_;  // per emitted entity: its mentions gave two genders
};

}  // namespace

DocumentGraph BuildDocumentGraph(const std::string& text, const Extraction& ex, const RuleSet& rules,
                                 const std::string& publication_date) {
  return Builder(text, ex, rules, publication_date).Build();
}

}  // namespace kith
