// GraphModel: the stored knowledge graph as a Boost.Graph adjacency_list,
// shared by the GraphML, DOT and Neo4j exporters so that all three see the
// same nodes, edges and relationship types.
//
// Vertices: every entity in id order (persons, organizations, places), then
// every event in id order. Edges, in this order:
// - one per stored relation ("tie"), typed by TieType(): (A, parent, B) is
//   A -PARENT_OF-> B; (A, child, B) is B -PARENT_OF-> A (reversed = true);
//   sibling, spouse and relative keep the stored direction (SIBLING_OF,
//   SPOUSE_OF, RELATIVE_OF); any other type t is A -T_OF-> B.
// - one per entity with a located_in: LOCATED_IN, or PART_OF from a place to
//   a place;
// - per event: its place (event -LOCATED_IN-> place or organization), then
//   each role in stored order (participant -PARTICIPATED_IN-> event; the
//   role name is on the edge), then one SAME_AS edge to each earlier report
//   of the same happening (event -SAME_AS-> event with a lower id; see
//   StoredEvent::same_as), so a happening several articles report is one
//   node per article, joined.
// An edge whose endpoint is not in the graph is left out (a snapshot read in
// one transaction has none).
//
// The model points into the StoredGraph it is built from: that graph must
// outlive the model and stay unchanged. ModelEdge::type points into the
// model: valid while the model lives. Immutable after construction; const
// methods are thread-safe.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/text_output.h"
#include "store/graph_snapshot.h"

namespace kith {

enum class NodeKind { kPerson, kOrganization, kPlace, kEvent };

struct ModelNode {
  NodeKind kind = NodeKind::kPerson;
  const StoredEntity* entity = nullptr;  // persons, organizations, places
  const StoredEvent* event = nullptr;    // events
};

enum class EdgeKind { kTie, kLocatedIn, kEventPlace, kRole, kSameAs };

struct ModelEdge {
  EdgeKind kind = EdgeKind::kTie;
  std::string_view type;                     // relationship type: PARENT_OF, LOCATED_IN, ... (held by the model)
  const StoredRelation* relation = nullptr;  // kTie
  bool family = false;                       // kTie of a family type (parent ... relative)
  bool reversed = false;                     // kTie pointing against the stored direction (child)
  const StoredEvent* event = nullptr;        // kEventPlace, kRole, kSameAs (the later report)
  std::size_t role = 0;                      // kRole: index into event->roles; kSameAs: into event->same_as
};

// Directed, out-edges only: no exporter walks edges backwards, and in-edge
// lists would cost a list node and an entry per edge.
using ModelGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ModelNode, ModelEdge>;
using ModelVertex = boost::graph_traits<ModelGraph>::vertex_descriptor;
using ModelEdgeRef = boost::graph_traits<ModelGraph>::edge_descriptor;

// parent, child, sibling, spouse, relative.
bool IsFamilyType(const std::string& relation_type);

// The event attribute `key` ("amount", "currency", "unit",
// "participant_count", "duration"), or "" when the event has none. The
// exporters give these their own typed properties besides the attributes
// object.
std::string EventAttribute(const StoredEvent& event, const std::string& key);
// The same when it is a plain decimal ("150000", "2000.5"; with
// `integer_only`, digits alone), else "": safe for a typed number column.
std::string EventNumber(const StoredEvent& event, const std::string& key, bool integer_only);

// The relationship type of a stored relation type and whether the edge runs
// object -> subject: "parent" -> PARENT_OF; "child" -> PARENT_OF, reversed;
// "sibling" -> SIBLING_OF; "spouse" -> SPOUSE_OF; "relative" -> RELATIVE_OF;
// other types -> upper-case ASCII letters and digits joined by '_' plus "_OF"
// ("member of" -> MEMBER_OF; "" -> RELATED_TO).
std::string TieType(const std::string& relation_type, bool* reversed);

class GraphModel {
 public:
  explicit GraphModel(const StoredGraph& graph);
  GraphModel(const GraphModel&) = delete;
  GraphModel& operator=(const GraphModel&) = delete;

  const StoredGraph& stored() const { return stored_; }
  const ModelGraph& graph() const { return graph_; }
  std::size_t num_vertices() const { return boost::num_vertices(graph_); }
  // Every edge in the order described above.
  const std::vector<ModelEdgeRef>& edges() const { return edges_; }

  // The vertex of an entity or event id, or ModelGraph::null_vertex().
  ModelVertex EntityVertex(std::int64_t id) const;
  ModelVertex EventVertex(std::int64_t id) const;
  const StoredDocument* FindDocument(std::int64_t id) const;

  // Stable node id: "person-12", "organization-3", "place-7", "event-4".
  std::string NodeKey(ModelVertex v) const;
  // Stable edge id: "tie-5", "located-12" (entity 12's located_in),
  // "event-4-place", "event-4-role-0", "event-9-same-as-4".
  std::string EdgeKey(ModelEdgeRef e) const;
  // The same keys appended to *out, without a temporary string. Keys hold
  // only ASCII letters, digits and '-': no output format needs to escape them.
  void AppendNodeKey(ModelVertex v, TextOutput* out) const;
  void AppendEdgeKey(ModelEdgeRef e, TextOutput* out) const;
  // The stored id of a vertex's entity or event.
  std::int64_t StoredId(ModelVertex v) const;
  // What a person reads: the name; for an unnamed person the description
  // ("son of X", or "unnamed person"); for an event its kind and date.
  std::string DisplayName(ModelVertex v) const;
  // Node labels, the kind's first: {"Person"}, {"Organization",
  // "GovernmentOrganization"}, {"Place", "City"}, {"Event", "Protest"}. A
  // stored type is added when it is a plain identifier other than the first.
  std::vector<std::string> Labels(ModelVertex v) const;

  // Families: the connected components of family ties that hold two or more
  // vertices (Boost connected_components), each sorted, ordered by their
  // first vertex.
  const std::vector<std::vector<ModelVertex>>& Families() const { return families_; }
  // Number of family ties on the shortest path from `start` to each vertex
  // (Boost breadth_first_search over family ties in both directions); -1 for
  // vertices it does not reach.
  std::vector<int> FamilyDistances(ModelVertex start) const;

 private:
  void AddEdge(ModelVertex from, ModelVertex to, ModelEdge edge);

  // Vertices are the stored entities, then the stored events, in order: a
  // vertex is found by a binary search of the stored vectors, no map needed.
  const StoredGraph& stored_;
  ModelGraph graph_;
  std::vector<ModelEdgeRef> edges_;
  // Stored relation type -> its relationship type (ModelEdge::type points
  // into the values) and whether the edge is reversed.
  std::map<std::string, std::pair<std::string, bool>, std::less<>> tie_types_;
  // The same vertices with only family ties, undirected.
  boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> family_;
  std::vector<std::vector<ModelVertex>> families_;
};

}  // namespace kith
