// Argument reader: the entities a rule's capture stands for, while one
// document's graph is being built.
//  - a capture covered by an entity's mention stands for that entity (the
//    mention with the same range first, else one containing its first token);
//  - a coordination ("A and B") stands for every person named inside it, and one
//    opening with a pronoun ("she and B") for the pronoun's person too;
//  - a group noun with a family tie ("the couple") stands for the two persons
//    last tied that way before it (of its gender, if it has one: "the brothers"),
//    else for the most recent list of persons;
//  - a group noun after a family name ("the Tursyngaliyev brothers", "the Abenov
//    family") stands for the persons named before it who bear that name (its feminine
//    form too), of the noun's gender;
//  - a counted or grouping phrase ("the three women", "both") stands for the
//    most recent list of exactly that many persons;
//  - two kin words joined by "and" ("mother and son", "uncle and nephew")
//    stand for the two persons last tied the way the first word means;
//  - "their"/"they" after such a group noun as an owner in the same sentence stand for the same group
//    ("the siblings' father, X, ...; their sister");
//  - a definite description ("the old man", "the retired teacher") and a pronoun stand for
//    what the reference resolver finds.
// Reads the graph's relations as they grow; never changes anything.
#pragma once

#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "graph/document_graph.h"
#include "graph/reference_resolver.h"

namespace kith {

class ArgumentReader {
 public:
  // `mention_entity[i]` is the entity of ex.mentions[i] (-1 if none).
  ArgumentReader(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                 const DocumentGraph& graph, const ReferenceResolver& resolver);

  // The entity whose mention covers the capture, or -1.
  int EntityFor(const CaptureRange& c) const;
  // Entities a relation's or an event's argument stands for (see above); empty when none.
  std::vector<int> Entities(const CaptureRange& c) const;
  // True when the capture is a definite description of one person: it opens with "the" and
  // ends with a singular role noun ("the old man", "the retired teacher"; the rules decide
  // which words may stand between), or it is "the" and an age ("The 46-year-old, who ...").
  bool IsDescription(const CaptureRange& c) const { return DescriptionHead(c) != nullptr || IsAgeDescription(c); }
  // The person a definite description stands for (ReferenceResolver::ResolveDescription, with
  // the gender its role noun fixes); empty for any other capture.
  std::vector<int> Described(const CaptureRange& c) const;
  // The persons a group phrase stands for ("the couple", "the three women", "both").
  std::vector<int> Group(const CaptureRange& c) const;
  // For a capture ending in a family name and a group noun ("the Tursyngaliyev brothers"): the
  // persons named before it whose last name is that name or its feminine form, if two or more.
  std::vector<int> FamilyNamedGroup(const CaptureRange& c) const;
  // The two persons of the last tie of `type` stated before token `t`, or nothing.
  std::vector<int> LastTiedPair(const std::string& type, std::size_t t) const;
  // "mother and son" at `c`: the two persons last tied as the first kin word means, unless a
  // possessive makes them someone's relatives ("her mother and son"); else nothing.
  std::vector<int> KinPair(const CaptureRange& c) const;
  // The value of a number word of the `numbers` lexicon ("both" 2, "three" 3), else 0; an
  // entry marked `article=yes` ("a") counts nobody.
  int CountOf(const Token& t) const;

  const ReferenceResolver& resolver() const { return resolver_; }

 private:
  const Extraction& ex_;
  const RuleSet& rules_;
  const std::vector<int>& mention_entity_;
  const DocumentGraph& graph_;
  const ReferenceResolver& resolver_;

  // For "their"/"they" at `t`: the persons of a group noun with a family tie owning a kin word
  // earlier in the sentence ("the siblings' father, X, ...; their sister": the siblings), unless
  // more than one person is named between or someone's relative ("with his wife"); else nothing.
  std::vector<int> GroupBeforePlural(std::size_t t) const;
  // The singular role noun ending a capture that opens with "the" ("the old man"), or nullptr.
  const LexiconEntry* DescriptionHead(const CaptureRange& c) const;
  // True when the capture is "the" and an age alone ("the 46-year-old").
  bool IsAgeDescription(const CaptureRange& c) const;
  // The person "the 46-year-old" stands for: the last one named before it whose stated age it
  // is, else the resolver's description reading, unless that person's stated age differs.
  std::vector<int> AgeDescribed(const CaptureRange& c) const;
  // The two persons of the last tie of any of `types` stated before token `t`, neither of a
  // gender other than `gender` (when not empty; then a pair both named comes first), or nothing.
  std::vector<int> LastTiedPair(const std::vector<std::string>& types, std::size_t t,
                                const std::string& gender = "") const;
};

}  // namespace kith
