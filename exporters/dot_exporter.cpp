#include "exporters/dot_exporter.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "base/utf8.h"
#include "exporters/graph_model.h"
#include "exporters/text_escape.h"
#include "exporters/text_output.h"

namespace kith {

namespace {

constexpr std::size_t kWrapWidth = 22;  // code points per label line
constexpr std::size_t kRowSize = 24;    // vertices per row of the whole-graph drawing

// Breaks `text` at spaces into lines of at most `width` code points (a
// longer word keeps a line of its own). Only the spaces where a line breaks
// change; line breaks already in the text stay.
std::string Wrap(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t line = 0;  // code points on the current output line
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of(" \n", begin);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(begin, end - begin);
    const std::size_t n = CodePointCount(word);
    if (begin > 0 && text[begin - 1] == ' ') {
      const bool wrap = line > 0 && n > 0 && line + 1 + n > width;
      out += wrap ? '\n' : ' ';
      line = wrap ? 0 : line + 1;
    } else if (begin > 0) {
      out += '\n';
      line = 0;
    }
    out += word;
    line += n;
    begin = end + 1;
  }
  return out;
}

bool Symmetric(std::string_view type) { return type == "SIBLING_OF" || type == "SPOUSE_OF" || type == "RELATIVE_OF"; }

// All stated ties of one type between the same two vertices, drawn as one edge.
struct DrawnTie {
  std::string type;
  ModelVertex from;
  ModelVertex to;
  bool family = false;
  std::vector<std::string> terms;  // distinct, in order of first appearance
  bool all_inferred = true;
};

class Emitter {
 public:
  Emitter(const StoredGraph& graph, const DotOptions& options, TextOutput* out)
      : model_(graph), options_(options), out_(*out) {}

  // Checks the options and chooses what is drawn; writes nothing.
  Status Prepare() {
    if (options_.depth < 0) {
      return Status::Error(StatusCode::kInvalidInput, "depth must be 0 or more, not " + std::to_string(options_.depth));
    }
    const ModelVertex none = ModelGraph::null_vertex();
    if (options_.person != 0) {
      center_ = model_.EntityVertex(options_.person);
      if (center_ == none || model_.graph()[center_].kind != NodeKind::kPerson) {
        return Status::Error(StatusCode::kNotFound, "no person with id " + std::to_string(options_.person));
      }
    }
    Select();
    MergeTies();
    return Status::Ok();
  }

  // Writes the drawing; call after a successful Prepare().
  void WriteGraph() {
    out_ += "digraph \"kith\" {\n";
    // Graphviz 2.43's global ranking (newrank) stops with "trouble in init_rank" on
    // some drawings where events tie many family clusters together; the
    // cluster-by-cluster ranking lays those out.
    out_ += "  graph [charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=12, rankdir=TB, ";
    if (!options_.with_events) out_ += "newrank=true, ";
    out_ += "nodesep=0.3, ranksep=0.5";
    if (center_ != ModelGraph::null_vertex()) {
      out_ += ", labelloc=t, label=" +
              QuoteDot("Family of " + model_.DisplayName(center_) + ": up to " + std::to_string(options_.depth) +
                       (options_.depth == 1 ? " tie" : " ties") + " away");
    }
    out_ += "];\n";
    out_ += "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", "
            "color=\"#495057\", fillcolor=\"#e9ecef\"];\n";
    out_ += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#343a40\", fontcolor=\"#343a40\"];\n";

    std::vector<bool> written(model_.num_vertices(), false);
    int cluster = 0;
    // A whole graph with events draws its families without clusters: there Graphviz 2.43's
    // placement of clusters tied together by many events stops with "trouble in init_rank" and
    // runs for many minutes (over the samples' 141 articles), where the same drawing without
    // clusters takes about a minute. One person's family keeps its clusters.
    const bool clusters = !options_.with_events || center_ != ModelGraph::null_vertex();
    for (std::size_t f = 0; clusters && f < model_.Families().size(); ++f) {
      std::vector<ModelVertex> members;
      for (ModelVertex v : model_.Families()[f]) {
        if (included_[v]) members.push_back(v);
      }
      if (members.size() < 2) continue;
      out_ += "  subgraph \"cluster_family_" + std::to_string(++cluster) + "\" {\n";
      out_ += "    graph [style=\"rounded,dashed\", color=\"#adb5bd\", label=\"\"];\n";
      for (ModelVertex v : members) {
        WriteNode(v, "    ");
        written[v] = true;
      }
      out_ += "  }\n";
    }
    for (ModelVertex v = 0; v < model_.num_vertices(); ++v) {
      if (included_[v] && !written[v]) WriteNode(v, "  ");
    }
    WriteRows();
    for (const DrawnTie& tie : ties_) WriteTie(tie);
    for (ModelEdgeRef e : model_.edges()) {
      if (g()[e].kind != EdgeKind::kTie && Drawn(e)) WriteOtherEdge(e);
    }
    out_ += "}\n";
  }

 private:
  const ModelGraph& g() const { return model_.graph(); }

  // ---- what is drawn ---------------------------------------------------------
  void Select() {
    const std::size_t n = model_.num_vertices();
    included_.assign(n, false);
    if (center_ == ModelGraph::null_vertex()) {
      // The whole graph: every vertex with an edge to draw (a lone node says nothing about relations).
      for (ModelVertex v = 0; v < n; ++v) included_[v] = options_.with_events || g()[v].kind != NodeKind::kEvent;
      std::vector<bool> linked(n, false);
      for (ModelEdgeRef e : model_.edges()) {
        const ModelVertex s = boost::source(e, g());
        const ModelVertex t = boost::target(e, g());
        if (s != t && Drawn(e)) linked[s] = linked[t] = true;
      }
      included_ = linked;
      return;
    }
    const std::vector<int> distance = model_.FamilyDistances(center_);
    for (ModelVertex v = 0; v < n; ++v) included_[v] = distance[v] >= 0 && distance[v] <= options_.depth;
    if (!options_.with_events) return;
    // Events of the family, then those events' places and non-person participants.
    std::vector<ModelVertex> events;
    for (ModelEdgeRef e : model_.edges()) {
      if (g()[e].kind == EdgeKind::kRole && included_[boost::source(e, g())]) events.push_back(boost::target(e, g()));
    }
    for (ModelVertex ev : events) included_[ev] = true;
    for (ModelEdgeRef e : model_.edges()) {
      const ModelEdge& edge = g()[e];
      const ModelVertex s = boost::source(e, g());
      const ModelVertex t = boost::target(e, g());
      if (edge.kind == EdgeKind::kEventPlace && included_[s]) included_[t] = true;
      if (edge.kind == EdgeKind::kRole && included_[t] && g()[s].kind != NodeKind::kPerson) included_[s] = true;
    }
  }

  bool Drawn(ModelEdgeRef e) const {
    if (!included_[boost::source(e, g())] || !included_[boost::target(e, g())]) return false;
    const EdgeKind kind = g()[e].kind;
    return options_.with_events ||
           (kind != EdgeKind::kRole && kind != EdgeKind::kEventPlace && kind != EdgeKind::kSameAs);
  }

  void MergeTies() {
    std::map<std::tuple<std::string_view, ModelVertex, ModelVertex>, std::size_t> index;
    for (ModelEdgeRef e : model_.edges()) {
      const ModelEdge& edge = g()[e];
      if (edge.kind != EdgeKind::kTie || !Drawn(e)) continue;
      ModelVertex from = boost::source(e, g());
      ModelVertex to = boost::target(e, g());
      if (Symmetric(edge.type) && to < from) std::swap(from, to);
      const auto key = std::make_tuple(edge.type, from, to);
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, ties_.size()).first;
        DrawnTie tie;
        tie.type = edge.type;
        tie.from = from;
        tie.to = to;
        tie.family = edge.family;
        ties_.push_back(tie);
      }
      DrawnTie& tie = ties_[it->second];
      const std::string& term = edge.relation->term;
      if (!term.empty() && std::find(tie.terms.begin(), tie.terms.end(), term) == tie.terms.end()) {
        tie.terms.push_back(term);
      }
      tie.all_inferred = tie.all_inferred && edge.relation->inferred;
    }
  }

  // ---- writing -----------------------------------------------------------------
  std::string Id(ModelVertex v) const { return "\"" + model_.NodeKey(v) + "\""; }

  // Dot puts unconnected parts side by side: the whole graph would be one
  // very wide row. So the connected parts (blocks) are cut into rows of about
  // kRowSize vertices, each row held between two invisible anchor nodes.
  // Not with events: places and events tie most of the graph into one block,
  // so rows barely narrow it, and their anchors' edges into the family boxes
  // make Graphviz's ranking fail ("trouble in init_rank") on some graphs.
  void WriteRows() {
    if (options_.with_events) return;
    const std::size_t n = model_.num_vertices();
    std::vector<ModelVertex> parent(n);
    for (ModelVertex v = 0; v < n; ++v) parent[v] = v;
    const auto find = [&parent](ModelVertex v) {
      while (parent[v] != v) v = parent[v] = parent[parent[v]];
      return v;
    };
    const auto join = [&](ModelVertex a, ModelVertex b) {
      a = find(a);
      b = find(b);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    };
    for (const DrawnTie& tie : ties_) join(tie.from, tie.to);
    for (ModelEdgeRef e : model_.edges()) {
      if (g()[e].kind != EdgeKind::kTie && Drawn(e)) join(boost::source(e, g()), boost::target(e, g()));
    }
    // Blocks in order of their first vertex; rows filled in that order.
    std::map<ModelVertex, std::vector<ModelVertex>> blocks;
    for (ModelVertex v = 0; v < n; ++v) {
      if (included_[v]) blocks[find(v)].push_back(v);
    }
    std::vector<std::vector<ModelVertex>> rows(1);
    for (const auto& block : blocks) {
      if (!rows.back().empty() && rows.back().size() + block.second.size() > kRowSize) rows.emplace_back();
      rows.back().insert(rows.back().end(), block.second.begin(), block.second.end());
    }
    if (rows.size() < 2) return;
    for (std::size_t r = 0; r <= rows.size(); ++r) {
      out_ += "  \"row-" + std::to_string(r) + "\" [style=invis, shape=point, width=0, height=0, label=\"\"];\n";
    }
    // Only a block's tops hang from its row's anchor and only its bottoms hold up the next: the
    // block's own edges place the rest, and every anchor edge more is work for dot's ranking
    // (which fails outright on some graphs with clusters when every vertex is anchored).
    std::vector<bool> has_in(n, false);
    std::vector<bool> has_out(n, false);
    for (const DrawnTie& tie : ties_) {
      if (tie.from != tie.to) has_out[tie.from] = has_in[tie.to] = true;
    }
    for (ModelEdgeRef e : model_.edges()) {
      const ModelVertex s = boost::source(e, g());
      const ModelVertex t = boost::target(e, g());
      if (g()[e].kind != EdgeKind::kTie && Drawn(e) && s != t) has_out[s] = has_in[t] = true;
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (ModelVertex v : rows[r]) {
        if (!has_in[v]) out_ += "  \"row-" + std::to_string(r) + "\" -> " + Id(v) + " [style=invis];\n";
        if (!has_out[v]) out_ += "  " + Id(v) + " -> \"row-" + std::to_string(r + 1) + "\" [style=invis];\n";
      }
    }
  }

  void WriteNode(ModelVertex v, const char* indent) {
    const ModelNode& node = g()[v];
    std::string label = model_.DisplayName(v);
    std::vector<std::string> attributes;
    switch (node.kind) {
      case NodeKind::kPerson: {
        const StoredEntity& e = *node.entity;
        if (e.age >= 0) label += " (" + std::to_string(e.age) + ")";
        const char* fill = e.gender == "male" ? "#cfe2ff" : e.gender == "female" ? "#f8d7da" : "#e9ecef";
        attributes.push_back(std::string("fillcolor=\"") + fill + "\"");
        if (e.name.empty()) {
          attributes.push_back("style=\"rounded,filled,dashed\"");
          attributes.push_back("fontname=\"Helvetica-Oblique\"");
        }
        if (v == center_) attributes.push_back("penwidth=2.5");
        break;
      }
      case NodeKind::kOrganization:
        attributes.push_back("shape=box3d");
        attributes.push_back("style=filled");
        attributes.push_back("fillcolor=\"#fff3cd\"");
        break;
      case NodeKind::kPlace:
        attributes.push_back("shape=ellipse");
        attributes.push_back("style=filled");
        attributes.push_back("fillcolor=\"#d1e7dd\"");
        break;
      case NodeKind::kEvent: {
        const StoredEvent& ev = *node.event;
        label = (ev.kind.empty() ? std::string("Event") : ev.kind) + (ev.date.empty() ? "" : "\n" + ev.date);
        // What a reader of the drawing asks next: how much, how long, how many.
        const std::string amount = EventAttribute(ev, "amount");
        const std::string per = EventAttribute(ev, "currency") + EventAttribute(ev, "unit");
        if (!amount.empty() && !per.empty()) label += "\n" + amount + " " + per;
        if (!EventAttribute(ev, "duration").empty()) label += "\n" + EventAttribute(ev, "duration");
        if (!EventAttribute(ev, "participant_count").empty()) {
          label += "\n" + EventAttribute(ev, "participant_count") + " people";
        }
        attributes.push_back("shape=hexagon");
        attributes.push_back("style=filled");
        attributes.push_back("fillcolor=\"#e2d9f3\"");
        break;
      }
    }
    out_ += indent + Id(v) + " [label=" + QuoteDot(Wrap(label, kWrapWidth));
    for (const std::string& a : attributes) out_ += ", " + a;
    out_ += "];\n";
  }

  void WriteTie(const DrawnTie& tie) {
    std::string terms;
    for (const std::string& t : tie.terms) terms += (terms.empty() ? "" : ", ") + t;
    std::vector<std::string> attributes;
    if (!terms.empty()) attributes.push_back("label=" + QuoteDot(Wrap(terms, kWrapWidth)));
    if (tie.type == "SPOUSE_OF") {
      attributes.push_back("dir=none");
      attributes.push_back("penwidth=2");
    } else if (tie.type == "SIBLING_OF") {
      attributes.push_back("dir=none");
      attributes.push_back("style=dashed");
    } else if (tie.type == "RELATIVE_OF") {
      attributes.push_back("dir=none");
      attributes.push_back("style=dotted");
    } else if (tie.type != "PARENT_OF") {
      if (terms.empty()) attributes.push_back("label=" + QuoteDot(tie.type));
      attributes.push_back("style=bold");
    }
    if (tie.all_inferred) {
      attributes.push_back("color=\"#adb5bd\"");
      attributes.push_back("fontcolor=\"#868e96\"");
    }
    WriteEdge(tie.from, tie.to, attributes);
  }

  void WriteOtherEdge(ModelEdgeRef e) {
    const ModelEdge& edge = g()[e];
    std::vector<std::string> attributes;
    if (edge.kind == EdgeKind::kRole) {
      attributes.push_back("label=" + QuoteDot(Wrap(edge.event->roles[edge.role].role, kWrapWidth)));
      attributes.push_back("color=\"#6f42c1\"");
      attributes.push_back("fontcolor=\"#6f42c1\"");
      attributes.push_back("arrowhead=vee");
    } else if (edge.kind == EdgeKind::kSameAs) {  // two articles' reports of one happening
      attributes.push_back("label=\"same event\"");
      attributes.push_back("dir=none");
      attributes.push_back("style=dashed");
      attributes.push_back("color=\"#6f42c1\"");
      attributes.push_back("fontcolor=\"#6f42c1\"");
    } else {  // located in, part of, event place
      attributes.push_back("style=dotted");
      attributes.push_back("arrowhead=onormal");
      attributes.push_back("color=\"#6c757d\"");
      // With events, a place is shared by events of many families; ranking by those links too
      // makes Graphviz's ranking stop with "trouble in init_rank" on larger drawings. The place
      // is drawn near its events anyway, so the links only show where, not rank.
      if (options_.with_events) attributes.push_back("constraint=false");
    }
    WriteEdge(boost::source(e, g()), boost::target(e, g()), attributes);
  }

  void WriteEdge(ModelVertex from, ModelVertex to, const std::vector<std::string>& attributes) {
    out_ += "  " + Id(from) + " -> " + Id(to);
    if (!attributes.empty()) {
      out_ += " [";
      for (std::size_t i = 0; i < attributes.size(); ++i) out_ += (i > 0 ? ", " : "") + attributes[i];
      out_ += "]";
    }
    out_ += ";\n";
  }

  GraphModel model_;
  const DotOptions& options_;
  ModelVertex center_ = ModelGraph::null_vertex();
  std::vector<bool> included_;
  std::vector<DrawnTie> ties_;
  TextOutput& out_;
};

}  // namespace

Status WriteDot(const StoredGraph& graph, const DotOptions& options, std::string* out) {
  std::string dot;
  StringOutput output(&dot);
  Emitter emitter(graph, options, &output);
  KITH_RETURN_IF_ERROR(emitter.Prepare());
  emitter.WriteGraph();
  output.Flush();
  *out = std::move(dot);
  return Status::Ok();
}

Status WriteDotFile(const StoredGraph& graph, const DotOptions& options, const std::string& path,
                    const AtomicWriteOptions& atomic) {
  AtomicFile file(atomic);
  Emitter emitter(graph, options, &file);
  KITH_RETURN_IF_ERROR(emitter.Prepare());
  KITH_RETURN_IF_ERROR(file.Open(path));
  emitter.WriteGraph();
  return file.Commit();
}

}  // namespace kith
