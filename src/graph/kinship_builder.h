// Kinship builder: turns the family rules' relation candidates of one
// document into the graph's family ties and unnamed relatives.
//  - a candidate ties its relative to every person its anchor stands for
//    (argument_reader.h); "our daughter" in a quote is the speaker's and the
//    speaker's spouse's; "the nephew, X" again is the last nephew's anchor's;
//    "their mother" after a sentence about one person's sibling or spouse is
//    the mother of both (read after kin inference has tied that pair); "their
//    father" with nobody near is the father of the last siblings, "their son"
//    (or "they have a son") the son of the last spouses;
//  - a kin term of two steps ("her father's younger brother, Y") ties Y to her
//    as a relative and, when the article names exactly one father of hers,
//    to him as the second step says (a brother); "her" read as a woman
//    with no named mother who is herself the one named mother of another
//    woman is that daughter, in "her mother's brother";
//  - "His daughter, Dana Sailauqyzy" is the daughter of the one man named Sailau when
//    "his" stands for nobody or for a man of another given name: the patronymic says whose;
//  - each tie is kept once per pair and kind, whichever way it was stated;
//    a tie whose relative is also one of its anchors is a misreading and is dropped whole;
//    inferred ties follow (kin_inference.h); a pair tied as parent and child,
//    as siblings or as spouses keeps no loose "relative" tie besides ("his
//    cousin" with "his" read as the cousin's own father), but for a step- or
//    in-law tie, which says what the closer tie is;
//  - relatives the article does not name become persons of their own, unless
//    a named relative of the same person, kind and gender stands for them, or
//    the person introduced right after the sentence the relative opens names
//    the relative ("Their mother could not come. Zhamal A., 74, lives ..."), or
//    a pronoun that stands for the relative is given a name ("Her father was
//    detained. His name is X."), or
//    the one named person tied to the anchor through a third in the way the
//    kin word means (an inferred tie): the other parent of her children is
//    her unnamed spouse, a parent's spouse the unnamed father, a spouse's
//    mother the unnamed mother-in-law; failing that, the one person whose
//    name makes them so (patronymic.h): the unnamed brother shares her
//    patronymic or has for patronymic her named father's given name that her surname is
//    made of (and is then his child too), the unnamed father's given name is it. Relatives of a known
//    gender are placed first, so they count among a group of the same kind
//    ("three children ... her son": one son and two children more).
// Also remembers the persons each kin word stands for, for event roles.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "graph/argument_reader.h"
#include "graph/document_graph.h"
#include "graph/patronymic.h"
#include "graph/reference_resolver.h"

namespace kith {

// A family rule's statement that a pronoun's person is called by a name ("His name is X"), for
// a pronoun that means a relative the text has not named: subject the name, object the pronoun.
inline constexpr const char* kPronounNameRelation = "pronoun_name";

class KinshipBuilder {
 public:
  // Adds ties and unnamed relatives to `graph`, whose persons `arguments` reads;
  // `mention_entity[i]` is the entity of ex.mentions[i] (-1 if none).
  KinshipBuilder(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                 const ArgumentReader& arguments, DocumentGraph* graph);

  void Build();
  // The persons the kin words inside `c` stand for ("her two sons"), in order; empty if none.
  std::vector<int> ReferentsWithin(const CaptureRange& c) const;
  // The persons the kin word at token `t` stands for ("mother" in "my mother"); empty if none.
  std::vector<int> ReferentsAt(std::size_t t) const;

 private:
  struct UnnamedRequest {
    int anchor = -1;
    std::string type, term, gender;
    std::string detail;  // the kin entry's finer kind ("cousin", "loose"), if any
    int count = 1;
    Evidence evidence;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // token ranges of the kin words
    std::vector<int> co_anchors;  // other persons the same relatives belong to ("their")
  };
  // A person and one sibling or spouse of hers, spoken of in the sentence before a plural
  // possessive: "X was held. She is barred, her brother said. Their mother, Y": X and the brother.
  struct KinPair {
    int owner = -1;
    int relative = -1;   // the relative's entity when the sentence names him, else -1
    std::string type;    // "sibling" or "spouse"
    std::string gender;  // the kin word's gender, or ""
  };

  void AddExtracted(const ExtractedRelation& r, const std::vector<int>& anchors, std::vector<UnnamedRequest>* unnamed);
  // Gives a named relative the gender its kin word fixes, before the tie's anchor is read.
  void GenderRelativeByTerm(const ExtractedRelation& r);
  std::vector<int> ChainAnchors(const ExtractedRelation& r, const std::vector<int>& anchors) const;
  bool AddChainSteps(const std::vector<std::pair<const ExtractedRelation*, std::vector<int>>>& chains);
  KinPair KinPairBefore(const CaptureRange& c) const;
  std::vector<int> TiedPairForTheir(const ExtractedRelation& r) const;
  std::vector<int> LastAnchorForPronoun(const ExtractedRelation& r, const std::string& lemma) const;
  // The reading of the same owner and kin word that names the relative: `r` itself, or for an
  // unnamed reading ("His son" beside "His son, X") the named one; nullptr when there is none.
  const ExtractedRelation* NamedReading(const ExtractedRelation& r) const;
  std::vector<int> FatherByPatronymic(const ExtractedRelation& r, const std::vector<int>& anchors);
  std::vector<int> SiblingBySurname(const ExtractedRelation& r, const std::vector<int>& anchors);
  bool PluralPossessive(std::size_t t) const;
  bool PluralSubject(std::size_t t) const;
  void AddRelation(int subject, const std::string& type, int object, const std::string& term, const Evidence& ev);
  // Drops the "relative" ties of pairs also tied more closely, keeping inferred ties' sources right.
  void DropLooseTiesOfClosePairs();
  std::vector<int> NamedRelatives(int anchor, const std::string& type, const std::string& gender,
                                  const std::string& detail = "") const;
  // Whether tie `r` makes its other person of the finer kind `detail` ("parent-in-law") to
  // `anchor`: always for ties other than "relative", when `detail` is empty or "loose" and when
  // the tie's term names no finer kind, else when its kin word says so (read the other way
  // round when the term is said of the anchor).
  bool TieHasDetail(const Relation& r, int anchor, const std::string& detail) const;
  // The finer kind of relative a tie's term names: the kin entry's detail ("mother in law":
  // parent-in-law), the kind two possessed terms make ("father's brother": parent-sibling;
  // "other" when they make none of the kinds kin_terms knows), or "" when unknown.
  std::string TermDetail(const std::string& term) const;
  void AddUnnamedRelatives(const std::vector<UnnamedRequest>& requests);
  bool AddThroughTies(const UnnamedRequest& u, const std::string& term);
  // "Their mother could not be there. Zhamal Akhmetqyzy, 74, still lives in the village": one
  // unnamed relative spoken of as a sentence's subject is the person who opens one of the next
  // three sentences, named there for the first time with an apposition (an age, a trade; not an
  // official's, a lawyer's, a reporter's or a neighbour's role), of no conflicting gender and
  // with no family tie of her own, when the sentences between are quotes naming nobody but the
  // relative's own kin.
  bool AddNamedNext(const UnnamedRequest& u, const std::string& term);
  // "Her father was detained in 2017. His name is X.": one unnamed relative is the person a
  // pronoun_name statement names when its pronoun stands for no named person but for the
  // relative's kin word (ReferenceResolver::NarratedRelative, SpokenRelative), and that person
  // is of no conflicting gender and has no family tie of her own.
  bool AddNamedByPronoun(const UnnamedRequest& u, const std::string& term);
  // Whether person `e` may be the unnamed relative `u`: named, of no conflicting gender, and
  // with no family tie of her own yet.
  bool FreeToName(int e, const UnnamedRequest& u) const;
  // Ties `named` as `u`'s relative to its anchor and co-anchors; true when a tie was added.
  bool TieToAnchors(int named, const UnnamedRequest& u, const std::string& term, const Evidence& ev);
  // The person who opens one of the three sentences after sentence `s` as AddNamedNext asks for
  // `u`, past quotes naming only its anchors; or -1.
  int NamedNextAfter(int s, const UnnamedRequest& u) const;
  // True when `e` is one of the persons whose relative `u` asks for.
  static bool IsAnchor(const UnnamedRequest& u, int e);
  bool ClaimedByNameAfter(const ExtractedRelation& r) const;
  bool AddThroughPatronymic(const UnnamedRequest& u, const std::string& term, std::size_t wanted);
  int TieIndex(int a, int b) const;
  void AddReferent(const CaptureRange& c, int entity);
  static std::string Inverse(const std::string& type);
  std::string Singular(const std::string& term) const;

  const Extraction& ex_;
  const RuleSet& rules_;
  const std::vector<int>& mention_entity_;
  const ArgumentReader& arguments_;
  const ReferenceResolver& resolver_;
  DocumentGraph* graph_;
  PatronymicKeys patronymic_keys_;
  std::set<std::string> tie_keys_;
  std::map<std::string, std::vector<int>> last_anchors_by_lemma_;  // kin word -> anchors of its last tie
  // Kin words ("her two sons", "the husband") -> the persons they stand for.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<int>> kin_referents_;
};

}  // namespace kith
