#include "graph/document_graph.h"

namespace kith {

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kPlace: return "place";
  }
  return "person";
}

}  // namespace kith
