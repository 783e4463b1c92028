#include "graph/argument_reader.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

ArgumentReader::ArgumentReader(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                               const DocumentGraph& graph, const ReferenceResolver& resolver)
    : ex_(ex), rules_(rules), mention_entity_(mention_entity), graph_(graph), resolver_(resolver) {}

int ArgumentReader::EntityFor(const CaptureRange& c) const {
  int containing = -1;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    if (mention_entity_[i] < 0) continue;
    if (m.first == c.first && m.last == c.last) return mention_entity_[i];
    if (containing < 0 && m.first <= c.first && c.first < m.last) containing = mention_entity_[i];
  }
  return containing;
}

std::vector<int> ArgumentReader::Entities(const CaptureRange& c) const {
  if (std::vector<int> family = FamilyNamedGroup(c); !family.empty()) return family;
  std::vector<int> inside;
  const auto take = [&](std::size_t i) {
    const ExtractedMention& m = ex_.mentions[i];
    const int p = mention_entity_[i];
    if (p < 0 || m.label != "Person"sv || m.first < c.first || m.last > c.last) return;
    if (std::find(inside.begin(), inside.end(), p) == inside.end()) inside.push_back(p);
  };
  // A capture within one sentence holds only persons that start in it: the resolver lists
  // those, in the order of the mentions.
  const int sentence = c.last > c.first ? ex_.SentenceOf(c.first) : -1;
  if (sentence >= 0 && sentence == ex_.SentenceOf(c.last - 1)) {
    for (std::size_t i : resolver_.PersonsIn(sentence)) take(i);
  } else {
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) take(i);
  }
  if (inside.size() >= 2) return inside;
  if (inside.size() == 1 && c.last > c.first + 2 && ex_.tokens[c.first + 1].lower == "and"sv) {
    // "She and A": the pronoun's person beside the one named.
    for (int p : resolver_.Resolve(c.first)) {
      if (p != inside[0]) inside.insert(inside.begin(), p);
    }
    if (inside.size() >= 2) return inside;
  }
  const int e = EntityFor(c);
  if (e >= 0) return {e};
  if (IsDescription(c)) return Described(c);
  if (c.last != c.first + 1) return KinPair(c);
  const Lexicon* groups = rules_.lexicon("group_nouns");
  const LexiconEntry* group = groups == nullptr ? nullptr : groups->FindWord(ex_.tokens[c.first].lower);
  if (group != nullptr && group->attributes.count("tie") != 0) {
    const std::vector<int> tied =
        LastTiedPair(std::vector<std::string>{group->attributes.at("tie")}, c.first, AttributeOf(group->attributes, "gender"));
    return tied.empty() ? Group(c) : tied;
  }
  if (std::vector<int> members = GroupBeforePlural(c.first); !members.empty()) return members;
  return resolver_.Resolve(c.first);
}

std::vector<int> ArgumentReader::GroupBeforePlural(std::size_t t) const {
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const Lexicon* groups = rules_.lexicon("group_nouns");
  const LexiconEntry* pronoun = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
  const int s = ex_.SentenceOf(t);
  if (pronoun == nullptr || groups == nullptr || s < 0 || AttributeOf(pronoun->attributes, "number") != "plural"sv ||
      AttributeOf(pronoun->attributes, "person") != "third"sv) {
    return {};
  }
  const std::size_t from = ex_.sentences[static_cast<std::size_t>(s)].first;
  for (std::size_t g = t; g-- > from + 1;) {
    const LexiconEntry* group = groups->FindWord(ex_.tokens[g].lower);
    if (group == nullptr || group->attributes.count("tie") == 0) continue;
    // "the couple", "the two brothers": the group itself, not "her two brothers".
    const bool counted = CountOf(ex_.tokens[g - 1]) != 0;
    const std::size_t article = counted ? g - 1 : g;
    if (article == from || ex_.tokens[article - 1].lower != "the"sv) return {};
    // Only an owner ("the couple's son"): a group that is a subject may speak of others' kin.
    if (g + 1 >= t || (ex_.tokens[g + 1].norm != "'s"sv && ex_.tokens[g + 1].norm != "'"sv)) return {};
    int named_between = 0;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (mention_entity_[i] >= 0 && m.label == "Person"sv && m.first > g && m.last <= t) ++named_between;
    }
    // "The couple's son, X, ...; their daughter": the couple's; after a list of persons, the list's.
    if (named_between > 1) return {};
    // "The couple's son, X, was detained with his wife, and their daughter": a new pair between.
    const Lexicon* kin = rules_.lexicon("kin_terms");
    for (std::size_t k = g + 2; kin != nullptr && k + 1 < t; ++k) {
      const LexiconEntry* p = pronouns->FindWord(ex_.tokens[k].lower);
      if (p == nullptr || AttributeOf(p->attributes, "case") != "possessive"sv ||
          AttributeOf(p->attributes, "number") != "singular"sv) {
        continue;
      }
      if (kin->FindWord(ex_.tokens[k + 1].lower) != nullptr ||
          (k + 2 < t && kin->FindWord(ex_.tokens[k + 2].lower) != nullptr)) {
        return {};
      }
    }
    return Entities(CaptureRange{g, g + 1, true});
  }
  return {};
}

const LexiconEntry* ArgumentReader::DescriptionHead(const CaptureRange& c) const {
  if (c.last < c.first + 2 || c.last > ex_.tokens.size() || ex_.tokens[c.first].lower != "the"sv) return nullptr;
  const Lexicon* roles = rules_.lexicon("role_nouns");
  const LexiconEntry* head = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[c.last - 1].lower);
  if (head == nullptr) return nullptr;
  const auto number = head->attributes.find("number");
  return number != head->attributes.end() && number->second == "singular"sv ? head : nullptr;
}

bool ArgumentReader::IsAgeDescription(const CaptureRange& c) const {
  return c.last == c.first + 2 && c.last <= ex_.tokens.size() && ex_.tokens[c.first].lower == "the"sv &&
         IsAgeWord(ex_.tokens[c.first + 1].lower);
}

std::vector<int> ArgumentReader::AgeDescribed(const CaptureRange& c) const {
  const int age = std::atoi(ex_.tokens[c.first + 1].lower.c_str());
  // The person last named before it whose stated age it is ("Dana Omarova, 46, said her son ...
  // The 46-year-old"), else whom the resolver finds, unless a stated age says otherwise.
  int aged = -1;
  std::size_t aged_at = 0;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    const int e = mention_entity_[i];
    if (e < 0 || m.label != "Person"sv || m.first >= c.first) continue;
    if (graph_.entities[static_cast<std::size_t>(e)].age != age) continue;
    if (aged < 0 || m.first >= aged_at) {
      aged = e;
      aged_at = m.first;
    }
  }
  if (aged >= 0) return {aged};
  std::vector<int> found = resolver_.ResolveDescription(c, "");
  if (found.size() == 1 && graph_.entities[static_cast<std::size_t>(found[0])].age >= 0) return {};
  return found;
}

std::vector<int> ArgumentReader::Described(const CaptureRange& c) const {
  const LexiconEntry* head = DescriptionHead(c);
  if (head == nullptr) return IsAgeDescription(c) ? AgeDescribed(c) : std::vector<int>{};
  const auto g = head->attributes.find("gender");
  return resolver_.ResolveDescription(c, g == head->attributes.end() ? std::string() : g->second);
}

std::vector<int> ArgumentReader::LastTiedPair(const std::string& type, std::size_t t) const {
  return LastTiedPair(std::vector<std::string>{type}, t);
}

std::vector<int> ArgumentReader::LastTiedPair(const std::vector<std::string>& types, std::size_t t,
                                              const std::string& gender) const {
  const auto conflicts = [&](int e) {
    const std::string& g = graph_.entities[static_cast<std::size_t>(e)].gender;
    return !gender.empty() && !g.empty() && g != gender;
  };
  const auto named = [&](const Relation& r) {
    return !graph_.entities[static_cast<std::size_t>(r.subject)].name.empty() &&
           !graph_.entities[static_cast<std::size_t>(r.object)].name.empty();
  };
  // A noun of one gender ("the brothers") takes the last pair both named before one with a
  // relative the article leaves unnamed ("my brothers").
  const Relation* last = nullptr;
  for (const Relation& r : graph_.relations) {
    if (std::find(types.begin(), types.end(), r.type) == types.end() ||
        r.evidence.span.begin >= ex_.tokens[t].span.begin || conflicts(r.subject) || conflicts(r.object)) {
      continue;
    }
    const bool better = last == nullptr || (gender.empty() || named(r) == named(*last)
                                                ? r.evidence.span.begin >= last->evidence.span.begin
                                                : named(r));
    if (better) last = &r;
  }
  if (last == nullptr) return {};
  return {std::min(last->subject, last->object), std::max(last->subject, last->object)};
}

std::vector<int> ArgumentReader::KinPair(const CaptureRange& c) const {
  const Lexicon* kin = rules_.lexicon("kin_terms");
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  if (kin == nullptr || c.last != c.first + 3 || ex_.tokens[c.first + 1].lower != "and"sv) return {};
  const LexiconEntry* first = kin->FindWord(ex_.tokens[c.first].lower);
  if (first == nullptr || kin->FindWord(ex_.tokens[c.first + 2].lower) == nullptr) return {};
  if (c.first > 0) {
    // "her mother and son" are her relatives, not a pair named before.
    const Token& before = ex_.tokens[c.first - 1];
    const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(before.lower);
    if (before.norm == "'s"sv || (p != nullptr && AttributeOf(p->attributes, "case") == "possessive"sv)) return {};
  }
  const std::string type = AttributeOf(first->attributes, "relation");
  // A parent-child tie is stored either way round.
  if (type == "parent"sv || type == "child"sv) return LastTiedPair(std::vector<std::string>{"parent", "child"}, c.first);
  return LastTiedPair(type, c.first);
}

int ArgumentReader::CountOf(const Token& t) const {
  const Lexicon* numbers = rules_.lexicon("numbers");
  const LexiconEntry* n = numbers == nullptr ? nullptr : numbers->FindWord(t.lower);
  if (n == nullptr || AttributeOf(n->attributes, "article") == "yes"sv || n->attributes.count("value") == 0) return 0;
  return std::atoi(n->attributes.at("value").c_str());
}

// The most recent list of persons (joined by commas, "and" and kin words) before the words in
// their sentence or in the two sentences before; a count in the words, or "couple"/"pair"/"both",
// asks for a list of exactly that size. With no such list, a group noun that names its tie ("the
// couple") stands for the two persons last tied so ("X married Y in 1990. The couple moved ..."),
// unless a count asks for more than two ("the three brothers"); a noun of one gender ("the two
// brothers") passes over a pair with someone of the other.
std::vector<int> ArgumentReader::Group(const CaptureRange& c) const {
  int want = 0;
  std::string tie;
  std::string gender;
  const Lexicon* groups = rules_.lexicon("group_nouns");
  for (std::size_t t = c.first; t < c.last; ++t) {
    const std::string& w = ex_.tokens[t].lower;
    const LexiconEntry* g = groups == nullptr ? nullptr : groups->FindWord(w);
    if (g != nullptr && g->attributes.count("size")) want = std::atoi(g->attributes.at("size").c_str());
    if (g != nullptr && tie.empty()) {
      tie = AttributeOf(g->attributes, "tie");
      gender = AttributeOf(g->attributes, "gender");
    }
    if (const int count = CountOf(ex_.tokens[t])) want = count;
  }
  std::vector<int> list = resolver_.RecentList(c.first, want);
  if (!list.empty() || tie.empty() || (want != 0 && want != 2)) return list;
  return LastTiedPair(std::vector<std::string>{tie}, c.first, gender);
}

std::vector<int> ArgumentReader::FamilyNamedGroup(const CaptureRange& c) const {
  if (c.last < c.first + 2 || c.last > ex_.tokens.size()) return {};
  const Lexicon* groups = rules_.lexicon("group_nouns");
  const LexiconEntry* group = groups == nullptr ? nullptr : groups->FindWord(ex_.tokens[c.last - 1].lower);
  const Token& family = ex_.tokens[c.last - 2];
  // A capitalised word, in any script ("Bekov", "Özdemir"): its shape opens with 'X'.
  if (group == nullptr || family.kind != TokenKind::kWord || family.shape.empty() || family.shape[0] != 'X') return {};
  const std::string gender = AttributeOf(group->attributes, "gender");
  std::vector<int> members;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    const int e = mention_entity_[i];
    if (e < 0 || m.label != "Person"sv || m.last > c.first) continue;
    const Entity& person = graph_.entities[static_cast<std::size_t>(e)];
    const std::size_t space = person.name.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string_view last = std::string_view(person.name).substr(space + 1);
    // "Abenov" is also "Abenova": the family name or it and one letter more.
    const bool bears = last.substr(0, family.norm.size()) == family.norm && last.size() <= family.norm.size() + 1;
    if (!bears || (!gender.empty() && !person.gender.empty() && person.gender != gender)) continue;
    if (std::find(members.begin(), members.end(), e) == members.end()) members.push_back(e);
  }
  // "The Bekov brothers" are siblings: not their father, who bears the name too.
  if (AttributeOf(group->attributes, "tie") == "sibling"sv) {
    std::vector<int> siblings;
    for (int e : members) {
      const bool parent = std::any_of(graph_.relations.begin(), graph_.relations.end(), [&](const Relation& r) {
        const bool of_member = std::find(members.begin(), members.end(), r.object) != members.end();
        const bool to_member = std::find(members.begin(), members.end(), r.subject) != members.end();
        return (r.type == "parent"sv && r.subject == e && of_member) || (r.type == "child"sv && r.object == e && to_member);
      });
      if (!parent) siblings.push_back(e);
    }
    members = siblings;
  }
  return members.size() >= 2 ? members : std::vector<int>{};
}

}  // namespace kith
