#include "exporters/graph_model.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/visitors.hpp>

namespace kith {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// "schema:City" -> "City"; "" unless a plain ASCII identifier remains.
std::string PlainType(const std::string& type) {
  std::string local = type;
  for (const char* prefix : {"schema:", "kith:"}) {
    const std::string p = prefix;
    if (local.compare(0, p.size(), p) == 0) local = local.substr(p.size());
  }
  if (local.empty() || !IsAsciiAlpha(local[0])) return "";
  for (char c : local) {
    if (!IsAsciiAlnum(c)) return "";
  }
  return local;
}

std::string Plain(const char* text) { return text; }

}  // namespace

bool IsFamilyType(const std::string& type) {
  return type == "parent" || type == "child" || type == "sibling" || type == "spouse" || type == "relative";
}

std::string EventAttribute(const StoredEvent& event, const std::string& key) {
  const auto it = event.attributes.find(key);
  return it == event.attributes.end() ? "" : it->second;
}

std::string EventNumber(const StoredEvent& event, const std::string& key, bool integer_only) {
  const std::string value = EventAttribute(event, key);
  bool digit = false;
  bool point = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && digit && !point && !integer_only) {
      point = true;
      digit = false;
    } else {
      return "";
    }
  }
  return digit && value.size() <= 18 ? value : "";
}

std::string TieType(const std::string& type, bool* reversed) {
  *reversed = false;
  if (type == "parent") return "PARENT_OF";
  if (type == "child") {
    *reversed = true;
    return "PARENT_OF";
  }
  if (type == "sibling") return "SIBLING_OF";
  if (type == "spouse") return "SPOUSE_OF";
  if (type == "relative") return "RELATIVE_OF";
  std::string out;
  bool gap = false;
  for (char c : type) {
    if (!IsAsciiAlnum(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back('_');
    out.push_back(AsciiUpper(c));
    gap = false;
  }
  if (out.empty()) return "RELATED_TO";
  if (!IsAsciiAlpha(out[0])) out.insert(0, "T_");
  const std::size_t n = out.size();
  if (n < 3 || out.compare(n - 3, 3, "_OF") != 0) out += "_OF";
  return out;
}

GraphModel::GraphModel(const StoredGraph& graph) : stored_(graph) {
  for (const StoredEntity& e : stored_.entities) {
    ModelNode node;
    node.kind = e.kind == EntityKind::kPerson         ? NodeKind::kPerson
                : e.kind == EntityKind::kOrganization ? NodeKind::kOrganization
                                                      : NodeKind::kPlace;
    node.entity = &e;
    boost::add_vertex(node, graph_);
  }
  for (const StoredEvent& ev : stored_.events) {
    ModelNode node;
    node.kind = NodeKind::kEvent;
    node.event = &ev;
    boost::add_vertex(node, graph_);
  }
  family_ = decltype(family_)(boost::num_vertices(graph_));

  std::size_t edge_count = stored_.relations.size() + stored_.entities.size();
  for (const StoredEvent& ev : stored_.events) edge_count += 1 + ev.roles.size() + ev.same_as.size();
  edges_.reserve(edge_count);  // an upper bound: edges to missing vertices are left out

  const ModelVertex none = ModelGraph::null_vertex();
  for (const StoredRelation& r : stored_.relations) {
    ModelEdge edge;
    edge.kind = EdgeKind::kTie;
    edge.relation = &r;
    edge.family = IsFamilyType(r.type);
    auto tie_type = tie_types_.find(r.type);
    if (tie_type == tie_types_.end()) {
      bool reversed = false;
      std::string type = TieType(r.type, &reversed);
      tie_type = tie_types_.emplace(r.type, std::make_pair(std::move(type), reversed)).first;
    }
    edge.type = tie_type->second.first;
    edge.reversed = tie_type->second.second;
    ModelVertex from = EntityVertex(r.subject);
    ModelVertex to = EntityVertex(r.object);
    if (from == none || to == none) continue;
    if (edge.reversed) std::swap(from, to);
    if (edge.family && from != to) boost::add_edge(from, to, family_);
    AddEdge(from, to, edge);
  }
  for (const StoredEntity& e : stored_.entities) {
    if (e.located_in == 0) continue;
    const ModelVertex to = EntityVertex(e.located_in);
    if (to == none) continue;
    ModelEdge edge;
    edge.kind = EdgeKind::kLocatedIn;
    const bool place_in_place = e.kind == EntityKind::kPlace && graph_[to].kind == NodeKind::kPlace;
    edge.type = place_in_place ? "PART_OF" : "LOCATED_IN";
    AddEdge(EntityVertex(e.id), to, edge);
  }
  for (const StoredEvent& ev : stored_.events) {
    const ModelVertex event = EventVertex(ev.id);
    if (ev.place != 0 && EntityVertex(ev.place) != none) {
      ModelEdge edge;
      edge.kind = EdgeKind::kEventPlace;
      edge.type = "LOCATED_IN";
      edge.event = &ev;
      AddEdge(event, EntityVertex(ev.place), edge);
    }
    for (std::size_t i = 0; i < ev.roles.size(); ++i) {
      const ModelVertex who = EntityVertex(ev.roles[i].entity);
      if (who == none) continue;
      ModelEdge edge;
      edge.kind = EdgeKind::kRole;
      edge.type = "PARTICIPATED_IN";
      edge.event = &ev;
      edge.role = i;
      AddEdge(who, event, edge);
    }
    for (std::size_t i = 0; i < ev.same_as.size(); ++i) {
      const ModelVertex earlier = EventVertex(ev.same_as[i]);
      if (ev.same_as[i] >= ev.id || earlier == none) continue;
      ModelEdge edge;
      edge.kind = EdgeKind::kSameAs;
      edge.type = "SAME_AS";
      edge.event = &ev;
      edge.role = i;
      AddEdge(event, earlier, edge);
    }
  }

  // Families: components of the family-tie graph with two or more vertices.
  std::vector<int> component(boost::num_vertices(family_));
  const int count = component.empty() ? 0 : boost::connected_components(family_, component.data());
  std::vector<std::vector<ModelVertex>> members(static_cast<std::size_t>(count));
  for (ModelVertex v = 0; v < component.size(); ++v) members[static_cast<std::size_t>(component[v])].push_back(v);
  for (auto& m : members) {
    if (m.size() >= 2) families_.push_back(std::move(m));
  }
  // Vertices were visited in order, so each member list is sorted; order families by first vertex.
  std::sort(families_.begin(), families_.end(),
            [](const std::vector<ModelVertex>& a, const std::vector<ModelVertex>& b) { return a[0] < b[0]; });
}

void GraphModel::AddEdge(ModelVertex from, ModelVertex to, ModelEdge edge) {
  edges_.push_back(boost::add_edge(from, to, std::move(edge), graph_).first);
}

namespace {

// The index of the item with this id in a vector sorted by id, or `none`.
template <typename Item>
ModelVertex IndexOf(const std::vector<Item>& items, std::int64_t id, ModelVertex none) {
  auto it = std::lower_bound(items.begin(), items.end(), id, [](const Item& item, std::int64_t v) { return item.id < v; });
  return (it != items.end() && it->id == id) ? static_cast<ModelVertex>(it - items.begin()) : none;
}

}  // namespace

ModelVertex GraphModel::EntityVertex(std::int64_t id) const {
  return IndexOf(stored_.entities, id, ModelGraph::null_vertex());
}

ModelVertex GraphModel::EventVertex(std::int64_t id) const {
  const ModelVertex index = IndexOf(stored_.events, id, ModelGraph::null_vertex());
  return index == ModelGraph::null_vertex() ? index : stored_.entities.size() + index;
}

const StoredDocument* GraphModel::FindDocument(std::int64_t id) const {
  auto it = std::lower_bound(stored_.documents.begin(), stored_.documents.end(), id,
                             [](const StoredDocument& d, std::int64_t v) { return d.id < v; });
  return (it != stored_.documents.end() && it->id == id) ? &*it : nullptr;
}

std::int64_t GraphModel::StoredId(ModelVertex v) const {
  const ModelNode& node = graph_[v];
  return node.kind == NodeKind::kEvent ? node.event->id : node.entity->id;
}

std::string GraphModel::NodeKey(ModelVertex v) const {
  std::string key;
  StringOutput out(&key);
  AppendNodeKey(v, &out);
  out.Flush();
  return key;
}

std::string GraphModel::EdgeKey(ModelEdgeRef e) const {
  std::string key;
  StringOutput out(&key);
  AppendEdgeKey(e, &out);
  out.Flush();
  return key;
}

void GraphModel::AppendNodeKey(ModelVertex v, TextOutput* out) const {
  const ModelNode& node = graph_[v];
  out->Append(node.kind == NodeKind::kEvent ? "event" : EntityKindName(node.entity->kind));
  out->Append('-');
  out->AppendInt(StoredId(v));
}

void GraphModel::AppendEdgeKey(ModelEdgeRef e, TextOutput* out) const {
  const ModelEdge& edge = graph_[e];
  switch (edge.kind) {
    case EdgeKind::kTie:
      out->Append("tie-");
      out->AppendInt(edge.relation->id);
      return;
    case EdgeKind::kLocatedIn:
      out->Append("located-");
      out->AppendInt(graph_[boost::source(e, graph_)].entity->id);
      return;
    case EdgeKind::kEventPlace:
      out->Append("event-");
      out->AppendInt(edge.event->id);
      out->Append("-place");
      return;
    case EdgeKind::kRole:
      out->Append("event-");
      out->AppendInt(edge.event->id);
      out->Append("-role-");
      out->AppendInt(static_cast<std::int64_t>(edge.role));
      return;
    case EdgeKind::kSameAs:
      out->Append("event-");
      out->AppendInt(edge.event->id);
      out->Append("-same-as-");
      out->AppendInt(edge.event->same_as[edge.role]);
      return;
  }
  out->Append("edge");
}

std::string GraphModel::DisplayName(ModelVertex v) const {
  const ModelNode& node = graph_[v];
  if (node.kind == NodeKind::kEvent) {
    const std::string kind = node.event->kind.empty() ? "Event" : node.event->kind;
    return node.event->date.empty() ? kind : kind + " " + node.event->date;
  }
  const StoredEntity& e = *node.entity;
  if (!e.name.empty()) return e.name;
  if (!e.description.empty()) return e.description;
  return e.kind == EntityKind::kPerson ? "unnamed person" : "unnamed " + Plain(EntityKindName(e.kind));
}

std::vector<std::string> GraphModel::Labels(ModelVertex v) const {
  const ModelNode& node = graph_[v];
  std::vector<std::string> labels;
  std::string extra;
  switch (node.kind) {
    case NodeKind::kPerson:
      labels.push_back("Person");
      extra = PlainType(node.entity->type);
      break;
    case NodeKind::kOrganization:
      labels.push_back("Organization");
      extra = PlainType(node.entity->type);
      break;
    case NodeKind::kPlace:
      labels.push_back("Place");
      extra = PlainType(node.entity->type);
      break;
    case NodeKind::kEvent:
      labels.push_back("Event");
      extra = PlainType(node.event->kind);
      break;
  }
  if (!extra.empty() && extra != labels[0]) labels.push_back(extra);
  return labels;
}

std::vector<int> GraphModel::FamilyDistances(ModelVertex start) const {
  std::vector<int> distance(boost::num_vertices(family_), -1);
  if (start >= distance.size()) return distance;
  distance[start] = 0;
  auto recorder = boost::record_distances(distance.data(), boost::on_tree_edge());
  boost::breadth_first_search(family_, start, boost::visitor(boost::make_bfs_visitor(recorder)));
  return distance;
}

}  // namespace kith
