#include "graph/kinship_builder.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "graph/kin_composition.h"
#include "graph/kin_inference.h"
#include "graph/patronymic.h"
#include "graph/same_person.h"

namespace kith {

using namespace std::string_view_literals;

KinshipBuilder::KinshipBuilder(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                               const ArgumentReader& arguments, DocumentGraph* graph)
    : ex_(ex),
      rules_(rules),
      mention_entity_(mention_entity),
      arguments_(arguments),
      resolver_(arguments.resolver()),
      graph_(graph),
      patronymic_keys_(rules) {}

// "her mother, A, her sister, B": a possessive kin word between two names is read as the name's
// after it ("her sister, B"), not also as the one's before it ("A, her sister,").
bool KinshipBuilder::ClaimedByNameAfter(const ExtractedRelation& r) const {
  if (r.object.last != r.object.first + 1 || r.subject.last > r.object.first) return false;
  return std::any_of(ex_.relations.begin(), ex_.relations.end(), [&](const ExtractedRelation& o) {
    return o.object.first == r.object.first && o.object.last == r.object.last && o.subject.first >= r.object.last &&
           AttributeOf(o.attributes, "unnamed") != "yes"sv &&
           AttributeOf(o.attributes, "term") == AttributeOf(r.attributes, "term");
  });
}

void KinshipBuilder::Build() {
  std::vector<UnnamedRequest> unnamed;
  std::vector<std::pair<const ExtractedRelation*, KinPair>> pair_owned;
  std::vector<std::pair<const ExtractedRelation*, std::vector<int>>> chains;
  for (const ExtractedRelation& r : ex_.relations) {
    if (r.type == kSamePersonRelation || r.type == kPronounNameRelation || ClaimedByNameAfter(r)) continue;
    GenderRelativeByTerm(r);
    std::vector<int> anchors = arguments_.Entities(r.object);
    const std::string lemma = AttributeOf(r.attributes, "lemma");
    if (AttributeOf(r.attributes, "anchor") == "previous"sv) {
      // "The nephew, X": the anchors of the last tie with the same kin word ("their daughter ...
      // The daughter, X" is both parents' daughter).
      const auto last = last_anchors_by_lemma_.find(lemma);
      anchors.clear();
      if (last != last_anchors_by_lemma_.end()) anchors = last->second;
    } else if (r.type == "child"sv && r.object.last == r.object.first + 1 && resolver_.InQuote(r.object.first) &&
               (ex_.tokens[r.object.first].lower == "our"sv || ex_.tokens[r.object.first].lower == "we"sv)) {
      // "our daughter" in a quote: the speaker's and the speaker's spouse's ("our mother" is the
      // speaker's alone: the spouse's would be a mother-in-law).
      const std::vector<int> speakers = anchors;
      for (int sp : speakers) {
        for (const Relation& rel : graph_->relations) {
          if (rel.type != "spouse"sv) continue;
          const int other = rel.subject == sp ? rel.object : rel.object == sp ? rel.subject : -1;
          if (other >= 0 && std::find(anchors.begin(), anchors.end(), other) == anchors.end()) anchors.push_back(other);
        }
      }
    } else if (anchors.empty()) {
      // "She is barred, her brother said. Their mother, Y": who the brother is may follow only
      // from ties inferred later, so the tie waits for them.
      const KinPair pair = KinPairBefore(r.object);
      if (pair.owner >= 0) {
        pair_owned.emplace_back(&r, pair);
        continue;
      }
      anchors = TiedPairForTheir(r);
      if (anchors.empty()) anchors = LastAnchorForPronoun(r, lemma);
    }
    anchors = FatherByPatronymic(r, anchors);
    anchors = SiblingBySurname(r, anchors);
    if (!AttributeOf(r.attributes, "via").empty()) {
      anchors = ChainAnchors(r, anchors);
      chains.emplace_back(&r, anchors);
    }
    AddExtracted(r, anchors, &unnamed);
  }
  InferKinship(graph_);
  if (AddChainSteps(chains)) InferKinship(graph_);
  if (!pair_owned.empty()) {
    for (const auto& [r, pair] : pair_owned) {
      std::vector<int> anchors{pair.owner};
      int relative = pair.relative;
      if (relative < 0) {
        const std::vector<int> named = NamedRelatives(pair.owner, pair.type, pair.gender);
        if (named.size() == 1) relative = named[0];
      }
      if (relative >= 0 && relative != pair.owner) anchors.push_back(relative);
      AddExtracted(*r, anchors, &unnamed);
    }
    InferKinship(graph_);
  }
  AddUnnamedRelatives(unnamed);
  ComposeGrandparents(graph_);
  DropLooseTiesOfClosePairs();
}

void KinshipBuilder::DropLooseTiesOfClosePairs() {
  std::vector<Relation>& relations = graph_->relations;
  const auto pair_of = [](const Relation& r) { return std::minmax(r.subject, r.object); };
  std::set<std::pair<int, int>> close;
  for (const Relation& r : relations) {
    if (r.type != "relative"sv) close.insert(pair_of(r));
  }
  // A step- or in-law term is no blood tie: a parent's spouse inferred to be the child's parent
  // may be the step-parent it names.
  const auto loose = [&](const Relation& r) {
    return r.type == "relative"sv && close.count(pair_of(r)) != 0 && r.term.find("step") == std::string::npos &&
           r.term.find("-in-law") == std::string::npos;
  };
  std::vector<int> new_index(relations.size(), -1);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (loose(relations[i])) continue;
    new_index[i] = static_cast<int>(kept++);
  }
  if (kept == relations.size()) return;
  std::vector<Relation> out;
  out.reserve(kept);
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (new_index[i] < 0) continue;
    Relation r = std::move(relations[i]);
    std::vector<int> sources;
    for (int src : r.sources) {
      const int moved = src >= 0 && static_cast<std::size_t>(src) < new_index.size() ? new_index[static_cast<std::size_t>(src)] : -1;
      if (moved >= 0) sources.push_back(moved);
    }
    r.sources = std::move(sources);
    out.push_back(std::move(r));
  }
  relations = std::move(out);
}

// The gender a named relative's kin word fixes ("Y, 24, her half-brother"), given before the
// tie's anchor is read, so that a pronoun there does not mean the relative.
void KinshipBuilder::GenderRelativeByTerm(const ExtractedRelation& r) {
  const std::string gender = AttributeOf(r.attributes, "gender");
  if (AttributeOf(r.attributes, "unnamed") == "yes"sv || (gender != "male"sv && gender != "female"sv)) return;
  for (int relative : arguments_.Entities(r.subject)) {
    Entity& rel = graph_->entities[static_cast<std::size_t>(relative)];
    if (rel.gender.empty()) rel.gender = gender;
  }
}

// One extracted tie between its relative and each of `anchors`; a tie to relatives the article
// does not name becomes a request in `unnamed`.
void KinshipBuilder::AddExtracted(const ExtractedRelation& r, const std::vector<int>& anchors,
                                  std::vector<UnnamedRequest>* unnamed) {
  const Evidence ev{r.sentence, r.span, r.rule};
  const std::string term = AttributeOf(r.attributes, "term");
  const std::string gender = AttributeOf(r.attributes, "gender");
  const std::string lemma = AttributeOf(r.attributes, "lemma");
  if (!anchors.empty() && !lemma.empty()) last_anchors_by_lemma_[lemma] = anchors;
  if (AttributeOf(r.attributes, "unnamed") == "yes"sv) {
    // "their three children": one set of relatives shared by every anchor.
    if (anchors.empty()) return;
    UnnamedRequest u{anchors[0], r.type, term, gender, AttributeOf(r.attributes, "detail"), 1, ev,
                     {{r.subject.first, r.subject.last}}, {}};
    u.co_anchors.assign(anchors.begin() + 1, anchors.end());
    const std::string count = AttributeOf(r.attributes, "count");
    if (!count.empty()) u.count = std::max(1, std::atoi(count.c_str()));
    unnamed->push_back(u);
    return;
  }
  const std::string partner_gender = AttributeOf(r.attributes, "partner_gender");
  const std::vector<int> relatives = arguments_.Entities(r.subject);
  // "Both carry the name of their late father, Beisen" with the name misread as one of the two:
  // a relative who is also an anchor makes the reading wrong, not only that one tie.
  if (anchors.size() > 1 && std::any_of(relatives.begin(), relatives.end(), [&](int e) {
        return std::find(anchors.begin(), anchors.end(), e) != anchors.end();
      })) {
    return;
  }
  for (int anchor : anchors) {
    for (int relative : relatives) {
      AddReferent(r.subject, relative);
      Entity& rel = graph_->entities[static_cast<std::size_t>(relative)];
      if (rel.gender.empty() && (gender == "male"sv || gender == "female"sv)) rel.gender = gender;
      Entity& anc = graph_->entities[static_cast<std::size_t>(anchor)];
      if (anc.gender.empty() && (partner_gender == "male"sv || partner_gender == "female"sv)) anc.gender = partner_gender;
      AddRelation(relative, r.type, anchor, term, ev);
    }
  }
}

// "her mother's elder brother" where "her" was read as the woman who is herself the one named
// mother of one other woman: the words are that daughter's, whose mother the article names.
std::vector<int> KinshipBuilder::ChainAnchors(const ExtractedRelation& r, const std::vector<int>& anchors) const {
  if (anchors.size() != 1 || r.object.last != r.object.first + 1) return anchors;
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[r.object.first].lower);
  if (p == nullptr) return anchors;
  const std::string via = AttributeOf(r.attributes, "via");
  const std::string via_gender = AttributeOf(r.attributes, "via_gender");
  const std::string gender = AttributeOf(p->attributes, "gender");
  if (!NamedRelatives(anchors[0], via, via_gender).empty()) return anchors;
  std::vector<int> owners;  // the persons whose `via` the anchor is
  for (int other : NamedRelatives(anchors[0], Inverse(via), "")) {
    const std::string& g = graph_->entities[static_cast<std::size_t>(other)].gender;
    if (gender.empty() || g.empty() || g == gender) owners.push_back(other);
  }
  return owners.size() == 1 ? owners : anchors;
}

// "Y, her father's younger brother": Y is also the brother of her father when the article names
// exactly one father of hers (read after the ties stated and inferred so far).
bool KinshipBuilder::AddChainSteps(const std::vector<std::pair<const ExtractedRelation*, std::vector<int>>>& chains) {
  bool added = false;
  for (const auto& [r, anchors] : chains) {
    const std::string step = AttributeOf(r->attributes, "step");
    if (step.empty()) continue;
    const std::string via = AttributeOf(r->attributes, "via");
    const std::string via_gender = AttributeOf(r->attributes, "via_gender");
    const std::string step_term = AttributeOf(r->attributes, "step_term");
    const Evidence ev{r->sentence, r->span, r->rule};
    for (int anchor : anchors) {
      const std::vector<int> between = NamedRelatives(anchor, via, via_gender);
      if (between.size() != 1) continue;
      for (int relative : arguments_.Entities(r->subject)) {
        if (relative == anchor || relative == between[0]) continue;
        AddRelation(relative, step, between[0], step_term, ev);
        added = true;
      }
    }
  }
  return added;
}

// The pair "their" at `c` stands for: "their" outside quotes, with no person named, no pronoun
// and no kin word before it in its sentence, after a sentence whose only family tie is one
// person's one sibling or spouse and that names no one else. Otherwise owner -1.
KinshipBuilder::KinPair KinshipBuilder::KinPairBefore(const CaptureRange& c) const {
  KinPair none;
  if (c.last != c.first + 1 || resolver_.InQuote(c.first)) return none;
  if (!PluralPossessive(c.first)) return none;
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const int s = ex_.SentenceOf(c.first);
  // "He said his two daughters miss their grandfather": someone spoken of before "their" in
  // its sentence may be whom it means.
  const Lexicon* kin = rules_.lexicon("kin_terms");
  for (std::size_t k = ex_.sentences[static_cast<std::size_t>(s)].first; k < c.first; ++k) {
    const std::string& w = ex_.tokens[k].lower;
    if (pronouns->FindWord(w) != nullptr || (kin != nullptr && kin->FindWord(w) != nullptr)) return none;
  }
  const std::vector<int> look = resolver_.LookBack(s, 1);
  if (look.size() < 2) return none;
  const int before = look[1];
  std::set<int> named;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    if (mention_entity_[i] < 0 || m.label != "Person"sv) continue;
    if (m.sentence == s && m.first < c.first) return none;
    if (m.sentence == before) named.insert(mention_entity_[i]);
  }
  KinPair found;
  for (const ExtractedRelation& r : ex_.relations) {
    if (r.sentence != before || r.type == kSamePersonRelation || r.type == kPronounNameRelation) continue;
    if (r.type != "sibling"sv && r.type != "spouse"sv) return none;
    const bool unnamed = AttributeOf(r.attributes, "unnamed") == "yes"sv;
    if (unnamed && AttributeOf(r.attributes, "number") != "singular"sv) return none;
    const std::vector<int> owners = arguments_.Entities(r.object);
    const int relative = unnamed ? -1 : arguments_.EntityFor(r.subject);
    if (owners.size() != 1 || (!unnamed && relative < 0)) return none;
    if (found.owner >= 0) {
      // The same words matched as named and as unnamed: one tie.
      if (found.owner != owners[0] || found.type != r.type) return none;
      if (relative >= 0) found.relative = relative;
      continue;
    }
    found.owner = owners[0];
    found.relative = relative;
    found.type = r.type;
    found.gender = AttributeOf(r.attributes, "gender");
  }
  if (found.owner < 0) return none;
  for (int e : named) {
    if (e != found.owner && e != found.relative) return none;
  }
  return found;
}

// "Their father, Y" or "their son, Y" with nobody "their" can stand for nearby: the two
// persons last tied as siblings (who share a parent) or as spouses (who share a child).
// Empty for any other tie, for "their" inside a quote, and after a kin word's or a role noun's
// "of" ("a nephew (a friend) of their father, Y": Y is more likely the nephew (the friend); "a
// photograph of their son, Y" is theirs).
std::vector<int> KinshipBuilder::TiedPairForTheir(const ExtractedRelation& r) const {
  const CaptureRange& c = r.object;
  if (c.last != c.first + 1 || resolver_.InQuote(c.first)) return {};
  const Lexicon* kin = rules_.lexicon("kin_terms");
  const Lexicon* roles = rules_.lexicon("role_nouns");
  if (c.first > 1 && ex_.tokens[c.first - 1].lower == "of"sv &&
      ((kin != nullptr && kin->FindWord(ex_.tokens[c.first - 2].lower) != nullptr) ||
       (roles != nullptr && roles->FindWord(ex_.tokens[c.first - 2].lower) != nullptr))) {
    return {};
  }
  if (!PluralPossessive(c.first) && !PluralSubject(c.first)) return {};
  if (r.type == "parent"sv) return arguments_.LastTiedPair("sibling", c.first);
  if (r.type == "child"sv) return arguments_.LastTiedPair("spouse", c.first);
  return {};
}

const ExtractedRelation* KinshipBuilder::NamedReading(const ExtractedRelation& r) const {
  if (AttributeOf(r.attributes, "unnamed") != "yes"sv) return &r;
  const ExtractedRelation* named = nullptr;
  for (const ExtractedRelation& o : ex_.relations) {
    if (o.type == r.type && o.object.first == r.object.first && o.object.last == r.object.last &&
        AttributeOf(o.attributes, "unnamed") != "yes"sv) {
      named = &o;
    }
  }
  return named;
}

// "His daughter, Dana Sailauqyzy": a son or daughter owned by "his" whose patronymic is the
// given name of exactly one named man other than the one "his" was read as (or of anyone,
// when it was read as nobody) is that man's child. `anchors` otherwise.
std::vector<int> KinshipBuilder::FatherByPatronymic(const ExtractedRelation& r, const std::vector<int>& anchors) {
  const CaptureRange& c = r.object;
  if (r.type != "child"sv || c.last != c.first + 1 || anchors.size() > 1) return anchors;
  if (ex_.tokens[c.first].lower != "his"sv) return anchors;
  // The unnamed reading of the same words ("His son" beside "His son, X") moves with the named.
  const ExtractedRelation* named = NamedReading(r);
  if (named == nullptr) return anchors;
  const int child = arguments_.EntityFor(named->subject);
  if (child < 0) return anchors;
  const std::string stem = patronymic_keys_.Stem(graph_->entities[static_cast<std::size_t>(child)].name);
  if (stem.empty()) return anchors;
  if (!anchors.empty() && patronymic_keys_.Given(graph_->entities[static_cast<std::size_t>(anchors[0])].name) == stem) {
    return anchors;
  }
  int father = -1;
  for (std::size_t i = 0; i < graph_->entities.size(); ++i) {
    const Entity& e = graph_->entities[i];
    if (static_cast<int>(i) == child || e.kind != EntityKind::kPerson || e.name.empty() || e.gender == "female"sv) continue;
    if (e.name.find(' ') == std::string::npos || patronymic_keys_.Given(e.name) != stem) continue;
    if (father >= 0) return anchors;  // two men of that name: no telling which
    father = static_cast<int>(i);
  }
  return father < 0 ? anchors : std::vector<int>{father};
}

// "He asked about his elder brother, Toleu Beisenuly": a brother or sister owned by "his" or
// "her" whose family name (surname or patronymic) is not that of the one the pronoun was read as
// (or who was read as nobody), but is that of exactly one other person named before, not of the
// pronoun's other gender and, for a surname, not a parent or child of the one it was read as, is
// that person's sibling. `anchors` otherwise.
std::vector<int> KinshipBuilder::SiblingBySurname(const ExtractedRelation& r, const std::vector<int>& anchors) {
  const CaptureRange& c = r.object;
  if (r.type != "sibling"sv || c.last != c.first + 1 || anchors.size() > 1) return anchors;
  const std::string& pronoun = ex_.tokens[c.first].lower;
  if (pronoun != "his"sv && pronoun != "her"sv) return anchors;
  const ExtractedRelation* named = NamedReading(r);
  if (named == nullptr) return anchors;
  const int sibling = arguments_.EntityFor(named->subject);
  if (sibling < 0) return anchors;
  const std::string& sibling_name = graph_->entities[static_cast<std::size_t>(sibling)].name;
  if (sibling_name.find(' ') == std::string::npos) return anchors;
  const std::string family = patronymic_keys_.Family(sibling_name);
  if (family.empty()) return anchors;
  const auto shares = [&](int e) {
    const std::string& name = graph_->entities[static_cast<std::size_t>(e)].name;
    return name.find(' ') != std::string::npos && patronymic_keys_.Family(name) == family;
  };
  if (!anchors.empty() && shares(anchors[0])) return anchors;
  const std::string unwanted = pronoun == "his"sv ? "female" : "male";
  std::set<int> before;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const int e = mention_entity_[i];
    if (e >= 0 && ex_.mentions[i].label == "Person"sv && ex_.mentions[i].last <= c.first) before.insert(e);
  }
  // "Her daughter, Aigul Qasymova, said her sister, Aida Bekova, ...": a mother who shares the
  // sister's surname is no sister of hers (a patronymic is never a parent's).
  const int read_as = anchors.empty() || !patronymic_keys_.Stem(sibling_name).empty() ? -1 : anchors[0];
  const auto generation_apart = [&](int e) {
    if (read_as < 0) return false;
    for (const Relation& rel : graph_->relations) {
      if (rel.type != "parent"sv && rel.type != "child"sv) continue;
      if ((rel.subject == e && rel.object == read_as) || (rel.object == e && rel.subject == read_as)) return true;
    }
    return false;
  };
  int owner = -1;
  for (int e : before) {
    const Entity& entity = graph_->entities[static_cast<std::size_t>(e)];
    if (e == sibling || entity.gender == unwanted || !shares(e) || generation_apart(e)) continue;
    if (owner >= 0) return anchors;  // two who might be: no telling which
    owner = e;
  }
  return owner < 0 ? anchors : std::vector<int>{owner};
}

// "... the house his father had built. ... His father, Y, was taken": a singular possessive the
// resolver finds nobody for stands for the one anchor of the last tie with the same kin word,
// when that person's gender fits the pronoun. Empty otherwise.
std::vector<int> KinshipBuilder::LastAnchorForPronoun(const ExtractedRelation& r, const std::string& lemma) const {
  const CaptureRange& c = r.object;
  if (c.last != c.first + 1 || lemma.empty()) return {};
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[c.first].lower);
  if (p == nullptr || AttributeOf(p->attributes, "case") != "possessive"sv ||
      AttributeOf(p->attributes, "number") != "singular"sv || AttributeOf(p->attributes, "person") != "third"sv) {
    return {};
  }
  const auto last = last_anchors_by_lemma_.find(lemma);
  if (last == last_anchors_by_lemma_.end() || last->second.size() != 1) return {};
  const std::string& gender = graph_->entities[static_cast<std::size_t>(last->second[0])].gender;
  const std::string wanted = AttributeOf(p->attributes, "gender");
  if (!gender.empty() && !wanted.empty() && gender != wanted) return {};
  return last->second;
}

// True when token `t` is a third-person plural subject pronoun ("they").
bool KinshipBuilder::PluralSubject(std::size_t t) const {
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
  return p != nullptr && AttributeOf(p->attributes, "number") == "plural"sv &&
         AttributeOf(p->attributes, "case") == "subject"sv && AttributeOf(p->attributes, "person") == "third"sv;
}

// True when token `t` is a plural possessive pronoun ("their").
bool KinshipBuilder::PluralPossessive(std::size_t t) const {
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
  return p != nullptr && AttributeOf(p->attributes, "number") == "plural"sv && AttributeOf(p->attributes, "case") == "possessive"sv;
}

void KinshipBuilder::AddRelation(int subject, const std::string& type, int object, const std::string& term, const Evidence& ev) {
  if (subject < 0 || object < 0 || subject == object || type.empty()) return;
  // One tie per pair and relation, whichever direction the text stated it in.
  std::string t = type;
  int a = subject, b = object;
  if (t == "child"sv) {
    std::swap(a, b);
    t = "parent";
  }
  if (t == "sibling"sv || t == "spouse"sv || t == "relative"sv) {
    if (b < a) std::swap(a, b);
  }
  if (!tie_keys_.insert(std::to_string(a) + t + std::to_string(b)).second) return;
  Relation rel;
  rel.subject = subject;
  rel.type = type;
  rel.object = object;
  rel.term = term;
  rel.evidence = ev;
  graph_->relations.push_back(std::move(rel));
}

// Persons tied to `anchor` as `type` of it (either way round the tie was stated) whose gender
// does not conflict with `gender`.
std::vector<int> KinshipBuilder::NamedRelatives(int anchor, const std::string& type, const std::string& gender,
                                                const std::string& detail) const {
  std::vector<int> out;
  for (const Relation& r : graph_->relations) {
    const bool same = (r.object == anchor && r.type == type) || (r.subject == anchor && Inverse(r.type) == type);
    if (!same || !TieHasDetail(r, anchor, detail)) continue;
    const int other = r.object == anchor ? r.subject : r.object;
    const std::string& g = graph_->entities[static_cast<std::size_t>(other)].gender;
    if ((gender.empty() || g.empty() || g == gender) && std::find(out.begin(), out.end(), other) == out.end()) {
      out.push_back(other);
    }
  }
  return out;
}

// The ties that make a person someone's relative of a kind through a third person: the
// other parent of one's children is one's spouse, a parent's spouse or a sibling's parent is
// one's parent, a spouse's child is one's child, a spouse's parent is a parent-in-law, a
// child's spouse a child-in-law, a spouse's sibling or a sibling's spouse a sibling-in-law, a
// spouse's child a step-child, a parent's spouse a step-parent, a parent's parent a
// grandparent, a child's child a grandchild, a parent's sibling an uncle or aunt and a
// sibling's child a nephew or niece.
namespace {

struct KinPath {
  const char* type;
  const char* detail;
  const char* first;   // the third person is this to the anchor
  const char* second;  // the relative is this to the third person
  const char* rule;
};
constexpr KinPath kKinPaths[] = {
    {"spouse", "", "child", "parent", "infer.spouse-is-co-parent"},
    {"parent", "", "parent", "spouse", "infer.parent-is-parents-spouse"},
    {"parent", "", "sibling", "parent", "infer.parent-is-siblings-parent"},
    {"child", "", "spouse", "child", "infer.child-is-spouses-child"},
    {"relative", "parent-in-law", "spouse", "parent", "infer.in-law-through-spouse"},
    {"relative", "child-in-law", "child", "spouse", "infer.in-law-through-child"},
    {"relative", "sibling-in-law", "spouse", "sibling", "infer.in-law-through-spouse"},
    {"relative", "sibling-in-law", "sibling", "spouse", "infer.in-law-through-sibling"},
    {"relative", "step-child", "spouse", "child", "infer.step-child-through-spouse"},
    {"relative", "step-parent", "parent", "spouse", "infer.step-parent-through-parent"},
    {"relative", "grandparent", "parent", "parent", "infer.grandparent-through-parent"},
    {"relative", "grandchild", "child", "child", "infer.grandchild-through-child"},
    {"relative", "parent-sibling", "parent", "sibling", "infer.parent-sibling-through-parent"},
    {"relative", "sibling-child", "sibling", "child", "infer.sibling-child-through-sibling"},
};

// Whether `r` is a parent tie that kin inference guessed from a parent's spouse, which a
// step-tie found along `path` corrects.
bool GuessedParentTie(const Relation& r, const KinPath& path) {
  return std::string(path.detail).rfind("step-", 0) == 0 && r.inferred && r.type == "parent"sv &&
         r.evidence.rule == "infer.parent-is-parents-spouse"sv;
}

// The family-name keys of every name of a person: a married woman's birth name keeps the family
// name her brothers have.
std::set<std::string> FamilyNameKeys(const Entity& e, PatronymicKeys* patronymic_keys) {
  std::set<std::string> keys;
  keys.insert(patronymic_keys->Family(e.name));
  for (const std::string& name : e.aliases) keys.insert(patronymic_keys->Family(name));
  keys.erase("");
  return keys;
}

}  // namespace

namespace {

// The finer kind a tie of kind `detail` has seen from its other end ("niece" and "uncle").
std::string_view InverseDetail(std::string_view detail) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"grandparent", "grandchild"},   {"great-grandparent", "great-grandchild"}, {"ancestor", "descendant"},
      {"parent-sibling", "sibling-child"}, {"parent-in-law", "child-in-law"},   {"step-parent", "step-child"},
      {"step-grandparent", "step-grandchild"}, {"adoptive", "adopted"}};
  for (const auto& [a, b] : kPairs) {
    if (detail == a) return b;
    if (detail == b) return a;
  }
  return detail;
}

}  // namespace

std::string KinshipBuilder::TermDetail(const std::string& term) const {
  const Lexicon* kin = rules_.lexicon("kin_terms");
  if (kin == nullptr) return "";
  std::vector<std::string> words;
  const std::string lower = Utf8Lower(term);
  for (std::size_t from = 0; from <= lower.size();) {
    const std::size_t space = std::min(lower.find(' ', from), lower.size());
    if (space > from) words.push_back(lower.substr(from, space - from));
    from = space + 1;
  }
  // "father's brother", "wife's younger brother": the kind the two ties make together.
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string& w = words[k];
    if (w.size() < 3 || w.compare(w.size() - 2, 2, "'s") != 0) continue;
    const LexiconEntry* first = kin->FindWord(w.substr(0, w.size() - 2));
    const LexiconEntry* second = kin->FindWord(words.back());
    if (first == nullptr || second == nullptr) return "";
    const std::string a = AttributeOf(first->attributes, "relation");
    const std::string b = AttributeOf(second->attributes, "relation");
    for (const KinPath& path : kKinPaths) {
      if (path.type == "relative"sv && path.first == a && path.second == b) return path.detail;
    }
    return "other";
  }
  // Else the longest run of the last words that is a kin entry ("late father", "mother in law").
  for (std::size_t first = 0; first < words.size(); ++first) {
    const LexiconEntry* entry =
        kin->Find(std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(first), words.end()));
    if (entry != nullptr) return AttributeOf(entry->attributes, "detail");
  }
  return "";
}

bool KinshipBuilder::TieHasDetail(const Relation& r, int anchor, const std::string& detail) const {
  if (r.type != "relative"sv || detail.empty() || detail == "loose"sv) return true;
  // The term says what the tie's subject is, so seen from a subject anchor it is the other way
  // round. A term of no known kind may be any kind.
  const std::string term_detail = TermDetail(r.term);
  if (term_detail.empty()) return true;
  return (r.subject == anchor ? InverseDetail(term_detail) : term_detail) == detail;
}

// Relatives the article does not name become persons of their own, unless the article names
// them elsewhere: a named relative of the same person, relation and gender takes their place.
void KinshipBuilder::AddUnnamedRelatives(const std::vector<UnnamedRequest>& requests) {
  std::map<std::string, UnnamedRequest> merged;
  for (const UnnamedRequest& u : requests) {
    // "her mother-in-law, X" does not name "my sister-in-law": a relative's finer kind counts.
    const std::string key = std::to_string(u.anchor) + "|" + u.type + "|" + u.gender + "|" +
                            (u.type == "relative"sv ? u.detail : std::string());
    auto it = merged.find(key);
    if (it == merged.end()) {
      merged.emplace(key, u);
    } else {
      it->second.count = std::max(it->second.count, u.count);
      it->second.ranges.insert(it->second.ranges.end(), u.ranges.begin(), u.ranges.end());
    }
  }
  std::set<int> has_specific;  // anchors with a tie more specific than "relative"
  for (const Relation& r : graph_->relations) {
    if (r.type != "relative"sv) {
      has_specific.insert(r.subject);
      has_specific.insert(r.object);
    }
  }
  for (const auto& [key, u] : merged) {
    if (u.type != "relative"sv) has_specific.insert(u.anchor);
  }
  // "their relatives", "my family members": collective words for the ties already stated.
  // "Cousins" and "grandmother" are kin of their own kind and are kept.
  const auto collective = [&](const UnnamedRequest& u) {
    const bool specific = !u.detail.empty() && u.detail != "loose"sv;
    return u.type == "relative"sv && has_specific.count(u.anchor) && !specific;
  };
  // Named persons first, in rounds: one found ("her brother" is the one man who shares her
  // patronymic) may show who another is ("our mother", in his words, is his sister's mother).
  for (bool progress = true; progress;) {
    progress = false;
    for (const auto& [key, u] : merged) {
      if (collective(u) || !(u.detail.empty() || u.type == "relative"sv)) continue;
      // "his two sons" with one of them named so far: the other may still be found.
      const std::size_t named = NamedRelatives(u.anchor, u.type, u.gender, u.detail).size();
      if (named >= static_cast<std::size_t>(std::max(1, u.count))) continue;
      const std::string term = Singular(u.term.empty() ? u.type : u.term);
      if ((named == 0 && (AddThroughTies(u, term) || AddNamedNext(u, term) || AddNamedByPronoun(u, term))) ||
          AddThroughPatronymic(u, term, static_cast<std::size_t>(std::max(1, u.count)) - named)) {
        progress = true;
      }
    }
    if (progress) InferKinship(graph_);
  }
  // Relatives of a known gender first: "three children, two boys and a girl" are the boys and
  // the girl, and "three children ... her son" one son and two children more.
  std::vector<const UnnamedRequest*> order;
  for (const auto& [key, u] : merged) order.push_back(&u);
  std::stable_partition(order.begin(), order.end(), [](const UnnamedRequest* u) { return !u->gender.empty(); });
  for (const UnnamedRequest* request : order) {
    const UnnamedRequest& u = *request;
    if (collective(u)) continue;
    int named = 0;
    std::vector<int> referents;
    std::vector<int> plain;  // the referents tied by a word of no finer kind ("brother", not "half-brother")
    for (const Relation& r : graph_->relations) {
      const bool same = (r.object == u.anchor && r.type == u.type) ||
                        (r.subject == u.anchor && Inverse(r.type) == u.type);
      const int other = r.object == u.anchor ? r.subject : r.object;
      if (!same || !TieHasDetail(r, u.anchor, u.detail)) continue;
      const std::string& g = graph_->entities[static_cast<std::size_t>(other)].gender;
      if (u.gender.empty() || g.empty() || g == u.gender) {
        ++named;
        referents.push_back(other);
        if (TermDetail(r.term).empty() && std::find(plain.begin(), plain.end(), other) == plain.end()) plain.push_back(other);
      }
    }
    const std::string anchor_name = graph_->entities[static_cast<std::size_t>(u.anchor)].name;
    const std::string lemma = u.term.empty() ? u.type : u.term;
    for (int i = named; i < u.count; ++i) {
      Entity e;
      e.kind = EntityKind::kPerson;
      e.type = "Person";
      e.gender = u.gender;
      e.description = Singular(lemma) + " of " + anchor_name;
      graph_->entities.push_back(std::move(e));
      const int created = static_cast<int>(graph_->entities.size() - 1);
      AddRelation(created, u.type, u.anchor, Singular(lemma), u.evidence);
      for (int co : u.co_anchors) AddRelation(created, u.type, co, Singular(lemma), u.evidence);
      referents.push_back(created);
    }
    // "my brother" beside a brother and a half-brother named: the plain word means the one named
    // with a plain word too.
    if (referents.size() > static_cast<std::size_t>(u.count) && u.detail.empty() && !plain.empty() &&
        plain.size() <= static_cast<std::size_t>(u.count)) {
      referents = plain;
    }
    // "one of my sons" names one of them: only an unambiguous referent stands for the words.
    if (referents.size() <= static_cast<std::size_t>(u.count)) {
      for (const auto& range : u.ranges) {
        for (int e : referents) AddReferent(CaptureRange{range.first, range.second, true}, e);
      }
    }
  }
}

bool KinshipBuilder::IsAnchor(const UnnamedRequest& u, int e) {
  return e == u.anchor || std::find(u.co_anchors.begin(), u.co_anchors.end(), e) != u.co_anchors.end();
}

bool KinshipBuilder::AddNamedNext(const UnnamedRequest& u, const std::string& term) {
  if (u.count != 1) return false;
  // Each telling outside quotes whose kin words open their sentence, possessive and all ("Their
  // mother was taken in April."), in text order.
  std::set<int> told;
  for (const auto& range : u.ranges) {
    const int at = ex_.SentenceOf(range.first);
    if (at >= 0 && !resolver_.InQuote(range.first) && range.first <= ex_.sentences[static_cast<std::size_t>(at)].first + 1) {
      told.insert(at);
    }
  }
  for (int s : told) {
    const int named = NamedNextAfter(s, u);
    if (named >= 0) return TieToAnchors(named, u, term, u.evidence);
  }
  return false;
}

bool KinshipBuilder::FreeToName(int e, const UnnamedRequest& u) const {
  const Entity& person = graph_->entities[static_cast<std::size_t>(e)];
  if (person.name.empty() || (!u.gender.empty() && !person.gender.empty() && person.gender != u.gender)) return false;
  return std::none_of(graph_->relations.begin(), graph_->relations.end(),
                      [&](const Relation& r) { return r.subject == e || r.object == e; });
}

bool KinshipBuilder::TieToAnchors(int named, const UnnamedRequest& u, const std::string& term, const Evidence& ev) {
  const std::size_t before = graph_->relations.size();
  AddRelation(named, u.type, u.anchor, term, ev);
  for (int co : u.co_anchors) AddRelation(named, u.type, co, term, ev);
  return graph_->relations.size() > before;
}

bool KinshipBuilder::AddNamedByPronoun(const UnnamedRequest& u, const std::string& term) {
  if (u.count != 1) return false;
  for (const ExtractedRelation& r : ex_.relations) {
    if (r.type != kPronounNameRelation || r.object.last != r.object.first + 1) continue;
    const std::size_t pronoun = r.object.first;
    if (!resolver_.Resolve(pronoun).empty()) continue;  // someone named: an alias rule's business
    std::size_t kin_word = resolver_.SpokenRelative(pronoun);
    if (kin_word >= ex_.tokens.size()) kin_word = resolver_.NarratedRelative(pronoun, true);
    const bool of_this_relative = std::any_of(u.ranges.begin(), u.ranges.end(), [&](const auto& range) {
      return range.first <= kin_word && kin_word < range.second;
    });
    if (!of_this_relative) continue;
    const std::vector<int> named = arguments_.Entities(r.subject);
    if (named.size() != 1 || IsAnchor(u, named[0]) || !FreeToName(named[0], u)) continue;
    return TieToAnchors(named[0], u, term, Evidence{r.sentence, r.span, r.rule});
  }
  return false;
}

int KinshipBuilder::NamedNextAfter(int s, const UnnamedRequest& u) const {
  static const char* const kNotKin[] = {"official", "law", "media", "diplomacy", "security", "politics", "activism"};
  static const char* const kOutsiders[] = {"neighbour", "neighbor", "friend", "colleague", "classmate", "witness"};
  const Lexicon* roles = rules_.lexicon("role_nouns");
  for (int next = s + 1; next <= s + 3 && static_cast<std::size_t>(next) < ex_.sentences.size(); ++next) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(next)];
    const std::vector<std::size_t>& persons = resolver_.PersonsIn(next);
    // A quote naming nobody but the anchor, its speaker, may come between.
    if (std::all_of(persons.begin(), persons.end(), [&](std::size_t i) { return IsAnchor(u, mention_entity_[i]); })) {
      bool quoted = false;
      for (std::size_t t = sent.first; t < sent.last && !quoted; ++t) quoted = resolver_.InQuote(t);
      if (quoted) continue;
      return -1;
    }
    const ExtractedMention& m = ex_.mentions[persons.front()];
    const int e = mention_entity_[persons.front()];
    if (m.first != sent.first || e < 0 || IsAnchor(u, e) || resolver_.InQuote(m.first)) return -1;
    if (m.last >= sent.last || ex_.tokens[m.last].norm != ","sv) return -1;
    if (!FreeToName(e, u)) return -1;
    for (std::size_t i = 0; i < persons.front(); ++i) {
      if (mention_entity_[i] == e) return -1;  // named before: no one new
    }
    // The apposition, past an age ("X, 44, a lawyer for the family"): no role of someone from outside.
    for (std::size_t t = m.last + 1; t < sent.last && t < m.last + 13; ++t) {
      const LexiconEntry* role = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[t].lower);
      if (role == nullptr) continue;
      const std::string category = AttributeOf(role->attributes, "category");
      const std::string lemma = AttributeOf(role->attributes, "lemma");
      if (std::find(std::begin(kNotKin), std::end(kNotKin), category) != std::end(kNotKin) ||
          std::find(std::begin(kOutsiders), std::end(kOutsiders), lemma) != std::end(kOutsiders)) {
        return -1;
      }
    }
    return e;
  }
  return -1;
}

// An unnamed relative is the one named person the article ties to the anchor through a third
// person in the way the kin word means (kKinPaths), when exactly one fits the word's gender,
// has a name and is not tied to the anchor already (but for a parent tie guessed from a
// parent's spouse, which a step-tie replaces); a spouse found so has no other spouse.
// Adds the tie, inferred from the two it follows from.
bool KinshipBuilder::AddThroughTies(const UnnamedRequest& u, const std::string& term) {
  int found = -1;
  std::vector<int> sources;
  const KinPath* used = nullptr;
  int guessed = -1;  // the found person's tie to the anchor that only a guess made, to be corrected
  for (const KinPath& path : kKinPaths) {
    if (u.type != path.type || u.detail != path.detail) continue;
    for (int third : NamedRelatives(u.anchor, path.first, "")) {
      for (int other : NamedRelatives(third, path.second, u.gender)) {
        if (other == u.anchor || other == found) continue;
        if (graph_->entities[static_cast<std::size_t>(other)].name.empty()) continue;
        const int tie = TieIndex(other, u.anchor);
        if (tie >= 0 && !GuessedParentTie(graph_->relations[static_cast<std::size_t>(tie)], path)) continue;
        if (found >= 0) return false;  // two fit: no telling which
        found = other;
        sources = {TieIndex(third, u.anchor), TieIndex(other, third)};
        used = &path;
        guessed = tie;
      }
    }
  }
  if (found < 0 || sources[0] < 0 || sources[1] < 0) return false;
  if (u.type == "spouse"sv) {
    for (int spouse : NamedRelatives(found, "spouse", "")) {
      if (spouse != u.anchor) return false;
    }
  }
  if (guessed >= 0) {
    // "her stepdaughter": the spouse's daughter the guess took for her own is her step-child.
    Relation& rel = graph_->relations[static_cast<std::size_t>(guessed)];
    rel = Relation{found, u.type, u.anchor, term, true, sources, u.evidence};
    rel.evidence.rule = used->rule;
    return true;
  }
  const std::size_t before = graph_->relations.size();
  AddRelation(found, u.type, u.anchor, term, u.evidence);
  if (graph_->relations.size() == before) return false;
  Relation& rel = graph_->relations.back();
  rel.inferred = true;
  rel.sources = sources;
  rel.evidence.rule = used->rule;
  return true;
}

// An unnamed sibling, father or child is a named person whose name says so: a sibling
// shares the anchor's patronymic ("Aida Temirbek kyzy" and "Ulan Temirbek uulu") or family
// name ("Erkin Tohti" and "Alim Tohtiyev") or has for patronymic the given name of the
// anchor's named father that her surname is made of ("Orazbekova", "her father, Orazbek T.",
// "Erbol Orazbekuly"), a father's given name is the anchor's
// patronymic, a child's patronymic the anchor's given name. Only when at least one and at most
// `wanted` persons of the word's gender fit and are not tied to the anchor already ("his two
// sons", one named so far: one more); adds the ties as inferred.
bool KinshipBuilder::AddThroughPatronymic(const UnnamedRequest& u, const std::string& term, std::size_t wanted) {
  const Entity& anchor = graph_->entities[static_cast<std::size_t>(u.anchor)];
  if (anchor.name.empty()) return false;
  const std::string anchor_stem = patronymic_keys_.Stem(anchor.name);
  const std::string anchor_given = patronymic_keys_.Given(anchor.name);
  const std::set<std::string> anchor_families = FamilyNameKeys(anchor, &patronymic_keys_);
  // The given name of the anchor's named father when her own surname is made of it: "her
  // father, Orazbek T." makes "Erbol Orazbekuly" the brother of "Kulpash Orazbekova", whose
  // surname is no patronymic. Such a sibling is that father's child as well.
  std::map<std::string, int> father_tie_by_given;  // given-name key -> the tie naming him her father
  const std::size_t space = anchor.name.rfind(' ');
  const std::string surname = space == std::string::npos ? "" : Utf8Lower(anchor.name.substr(space + 1));
  if (u.type == "sibling"sv && !surname.empty()) {
    for (std::size_t i = 0; i < graph_->relations.size(); ++i) {
      const Relation& r = graph_->relations[i];
      if (r.type != "parent"sv || r.object != u.anchor) continue;
      const Entity& parent = graph_->entities[static_cast<std::size_t>(r.subject)];
      const std::string given = Utf8Lower(parent.name.substr(0, parent.name.find(' ')));
      if (parent.gender != "female"sv && parent.name.find(' ') != std::string::npos && given.size() >= 3 &&
          surname.compare(0, given.size(), given) == 0 && !patronymic_keys_.Given(parent.name).empty()) {
        father_tie_by_given.emplace(patronymic_keys_.Given(parent.name), static_cast<int>(i));
      }
    }
  }
  const auto fathers_tie = [&](const Entity& e) {
    const auto it = father_tie_by_given.find(patronymic_keys_.Stem(e.name));
    return it == father_tie_by_given.end() ? -1 : it->second;
  };
  const auto fits = [&](const Entity& e) {
    if (u.type == "sibling"sv) {
      const std::set<std::string> families = FamilyNameKeys(e, &patronymic_keys_);
      return std::any_of(families.begin(), families.end(), [&](const std::string& f) { return anchor_families.count(f) != 0; }) ||
             fathers_tie(e) >= 0;
    }
    if (u.type == "parent"sv) {
      return u.gender == "male"sv && e.gender != "female"sv && !anchor_stem.empty() &&
             patronymic_keys_.Given(e.name) == anchor_stem;
    }
    if (u.type == "child"sv) {
      return anchor.gender != "female"sv && !anchor_given.empty() && patronymic_keys_.Stem(e.name) == anchor_given;
    }
    return false;
  };
  std::vector<int> found;
  for (std::size_t i = 0; i < graph_->entities.size(); ++i) {
    const Entity& e = graph_->entities[i];
    const int id = static_cast<int>(i);
    if (id == u.anchor || e.kind != EntityKind::kPerson || e.name.empty()) continue;
    if (!u.gender.empty() && !e.gender.empty() && e.gender != u.gender) continue;
    if (!fits(e) || TieIndex(id, u.anchor) >= 0) continue;
    found.push_back(id);
  }
  if (found.empty() || found.size() > wanted) return false;  // more fit than are meant: no telling which
  bool added = false;
  for (int id : found) {
    const std::size_t before = graph_->relations.size();
    AddRelation(id, u.type, u.anchor, term, u.evidence);
    if (graph_->relations.size() == before) continue;
    Relation& rel = graph_->relations.back();
    rel.inferred = true;
    rel.evidence.rule = "infer." + u.type + "-by-patronymic";
    added = true;
    const int father_tie = fathers_tie(graph_->entities[static_cast<std::size_t>(id)]);
    if (father_tie < 0) continue;
    const int father = graph_->relations[static_cast<std::size_t>(father_tie)].subject;
    if (father == id || TieIndex(father, id) >= 0) continue;
    const bool male = graph_->entities[static_cast<std::size_t>(father)].gender == "male"sv;
    Relation parent{father, "parent", id, male ? "father" : "parent",
                    true, {father_tie, static_cast<int>(graph_->relations.size() - 1)}, u.evidence};
    parent.evidence.rule = "infer.parent-by-patronymic";
    graph_->relations.push_back(std::move(parent));
  }
  return added;
}

// The index of a tie between `a` and `b`, stated either way round, or -1.
int KinshipBuilder::TieIndex(int a, int b) const {
  for (std::size_t i = 0; i < graph_->relations.size(); ++i) {
    const Relation& r = graph_->relations[i];
    if ((r.subject == a && r.object == b) || (r.subject == b && r.object == a)) return static_cast<int>(i);
  }
  return -1;
}

void KinshipBuilder::AddReferent(const CaptureRange& c, int entity) {
  auto& list = kin_referents_[{c.first, c.last}];
  if (std::find(list.begin(), list.end(), entity) == list.end()) list.push_back(entity);
}

std::string KinshipBuilder::Inverse(const std::string& type) {
  if (type == "parent"sv) return "child";
  if (type == "child"sv) return "parent";
  return type;
}

// "two younger brothers" -> "younger brother": drops a count and a plural -s for the description.
std::string KinshipBuilder::Singular(const std::string& term) const {
  std::string t = term;
  const std::size_t sp = t.find(' ');
  if (sp != std::string::npos && rules_.lexicon("numbers") != nullptr &&
      rules_.lexicon("numbers")->FindWord(Utf8Lower(t.substr(0, sp))) != nullptr) {
    t = t.substr(sp + 1);
  }
  const Lexicon* kin = rules_.lexicon("kin_terms");
  const std::size_t last_sp = t.rfind(' ');
  const std::string head = last_sp == std::string::npos ? t : t.substr(last_sp + 1);
  if (kin != nullptr) {
    if (const LexiconEntry* e = kin->FindWord(Utf8Lower(head))) {
      const auto lemma = e->attributes.find("lemma");
      if (lemma != e->attributes.end()) t = (last_sp == std::string::npos ? "" : t.substr(0, last_sp + 1)) + lemma->second;
    }
  }
  return t;
}

std::vector<int> KinshipBuilder::ReferentsWithin(const CaptureRange& c) const {
  std::vector<int> out;
  for (const auto& [range, entities] : kin_referents_) {
    if (range.first >= c.first && range.second <= c.last) out.insert(out.end(), entities.begin(), entities.end());
  }
  return out;
}

std::vector<int> KinshipBuilder::ReferentsAt(std::size_t t) const {
  std::vector<int> out;
  for (const auto& [range, entities] : kin_referents_) {
    if (range.first <= t && t < range.second) out.insert(out.end(), entities.begin(), entities.end());
  }
  return out;
}

}  // namespace kith
