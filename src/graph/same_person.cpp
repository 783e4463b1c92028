#include "graph/same_person.h"

namespace kith {

namespace {

// The first mention of `entity`, or -1.
std::ptrdiff_t FirstMentionOf(const std::vector<int>& mention_entity, int entity) {
  for (std::size_t i = 0; i < mention_entity.size(); ++i) {
    if (mention_entity[i] == entity) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

}  // namespace

std::vector<MentionJoin> SamePersonJoins(const Extraction& ex, const std::vector<int>& mention_entity,
                                         const DocumentGraph& graph, const ArgumentReader& arguments) {
  std::vector<MentionJoin> joins;
  for (const ExtractedRelation& r : ex.relations) {
    // A lone name word ("née Serikova") may be part of a relative's name: it joins nothing.
    if (r.type != kSamePersonRelation || r.object.last < r.object.first + 2) continue;
    const std::vector<int> persons = arguments.Entities(r.subject);
    const std::vector<int> aliases = arguments.Entities(r.object);
    if (persons.size() != 1 || aliases.size() != 1 || persons[0] == aliases[0]) continue;
    const auto is_person = [&](int e) {
      return graph.entities[static_cast<std::size_t>(e)].kind == EntityKind::kPerson;
    };
    if (!is_person(persons[0]) || !is_person(aliases[0])) continue;
    const std::ptrdiff_t person = FirstMentionOf(mention_entity, persons[0]);
    const std::ptrdiff_t alias = FirstMentionOf(mention_entity, aliases[0]);
    if (person < 0 || alias < 0) continue;
    joins.push_back(MentionJoin{static_cast<std::size_t>(person), static_cast<std::size_t>(alias)});
  }
  return joins;
}

}  // namespace kith
