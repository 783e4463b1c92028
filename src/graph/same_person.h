// Same person: names an article gives one person besides the one it calls
// them by ("She was born Zulfiya Habibulla", "Arman Bek, also known as
// Arman Bekov"). A rule states them as a relation of type "same_person"
// between the person (subject: a name or a pronoun) and the other name
// (object). This unit reads those relations once the persons are built and
// says which two mentions name one person; the graph builder then joins their
// persons, so the other name becomes an alias. A relation whose sides stand
// for no single person, or for the same one, or whose other name is one word,
// joins nothing.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "extract/extraction.h"
#include "graph/argument_reader.h"

namespace kith {

inline constexpr const char* kSamePersonRelation = "same_person";

// A mention of a person and a mention of another name of that person.
struct MentionJoin {
  std::size_t person_mention = 0;
  std::size_t alias_mention = 0;
};

// `mention_entity[i]` is the entity of ex.mentions[i] (-1 if none), as `arguments` reads them.
std::vector<MentionJoin> SamePersonJoins(const Extraction& ex, const std::vector<int>& mention_entity,
                                         const DocumentGraph& graph, const ArgumentReader& arguments);

}  // namespace kith
