#include "exporters/graphml_exporter.h"

#include <cstdint>
#include <vector>

#include "exporters/graph_model.h"
#include "exporters/text_escape.h"
#include "exporters/text_output.h"

namespace kith {

namespace {

struct KeySpec {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;    // GraphML attr.type
  const char* list;    // APOC attr.list element type, or nullptr
};

// Every key, declared in this order. The edge key "label" keeps that exact id:
// apoc.import.graphml looks for <data key="label"> to find a relationship type.
constexpr KeySpec kKeys[] = {
    {"v_label", "node", "label", "string", nullptr},
    {"v_labels", "node", "labels", "string", nullptr},
    {"v_kind", "node", "kind", "string", nullptr},
    {"v_schema_type", "node", "schema_type", "string", nullptr},
    {"v_name", "node", "name", "string", nullptr},
    {"v_aliases", "node", "aliases", "string", "string"},
    {"v_description", "node", "description", "string", nullptr},
    {"v_named", "node", "named", "boolean", nullptr},
    {"v_gender", "node", "gender", "string", nullptr},
    {"v_age", "node", "age", "int", nullptr},
    {"v_documents", "node", "documents", "string", "long"},
    {"v_articles", "node", "articles", "string", "string"},
    {"v_date", "node", "date", "string", nullptr},
    {"v_date_precision", "node", "date_precision", "string", nullptr},
    {"v_attributes", "node", "attributes", "string", nullptr},
    {"v_amount", "node", "amount", "double", nullptr},
    {"v_currency", "node", "currency", "string", nullptr},
    {"v_unit", "node", "unit", "string", nullptr},
    {"v_participant_count", "node", "participant_count", "int", nullptr},
    {"v_duration", "node", "duration", "string", nullptr},
    {"v_rule", "node", "rule", "string", nullptr},
    {"v_document", "node", "document", "long", nullptr},
    {"v_article", "node", "article", "string", nullptr},
    {"v_sentence", "node", "sentence", "int", nullptr},
    {"v_begin", "node", "begin", "long", nullptr},
    {"v_end", "node", "end", "long", nullptr},
    {"label", "edge", "label", "string", nullptr},
    {"e_relation", "edge", "relation", "string", nullptr},
    {"e_term", "edge", "term", "string", nullptr},
    {"e_inferred", "edge", "inferred", "boolean", nullptr},
    {"e_inferred_from", "edge", "inferred_from", "string", "long"},
    {"e_role", "edge", "role", "string", nullptr},
    {"e_event_kind", "edge", "event_kind", "string", nullptr},
    {"e_date", "edge", "date", "string", nullptr},
    {"e_rule", "edge", "rule", "string", nullptr},
    {"e_document", "edge", "document", "long", nullptr},
    {"e_article", "edge", "article", "string", nullptr},
    {"e_article_date", "edge", "article_date", "string", nullptr},
    {"e_sentence", "edge", "sentence", "int", nullptr},
    {"e_begin", "edge", "begin", "long", nullptr},
    {"e_end", "edge", "end", "long", nullptr},
};

std::string LabelsAttribute(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& label : labels) out += ":" + label;
  return out;
}

class Emitter {
 public:
  Emitter(const StoredGraph& graph, TextOutput* out) : model_(graph), out_(*out) {}

  void Run() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (const KeySpec& key : kKeys) {
      out_ += "  <key id=\"" + std::string(key.id) + "\" for=\"" + key.domain + "\" attr.name=\"" + key.name +
              "\" attr.type=\"" + key.type + "\"";
      if (key.list != nullptr) out_ += " attr.list=\"" + std::string(key.list) + "\"";
      out_ += "/>\n";
    }
    out_ += "  <graph id=\"kith\" edgedefault=\"directed\">\n";
    for (ModelVertex v = 0; v < model_.num_vertices(); ++v) WriteNode(v);
    for (ModelEdgeRef e : model_.edges()) WriteEdge(e);
    out_ += "  </graph>\n</graphml>\n";
  }

 private:
  void Data(const char* key, std::string_view value) {
    out_ += "      <data key=\"";
    out_ += key;
    out_ += "\">";
    AppendEscapedXml(value, &out_);
    out_ += "</data>\n";
  }
  void DataIfSet(const char* key, std::string_view value) {
    if (!value.empty()) Data(key, value);
  }
  void Data(const char* key, std::int64_t value) {
    out_ += "      <data key=\"";
    out_ += key;
    out_ += "\">";
    out_.AppendInt(value);
    out_ += "</data>\n";
  }
  void Data(const char* key, bool value) { Data(key, std::string_view(value ? "true" : "false")); }
  void Data(const char* key, const char* value) { Data(key, std::string_view(value)); }
  void Data(const char* key, const std::string& value) { Data(key, std::string_view(value)); }

  // Paths of the documents with these ids (unknown ids are left out).
  std::vector<std::string> Paths(const std::vector<std::int64_t>& documents) const {
    std::vector<std::string> paths;
    for (std::int64_t id : documents) {
      if (const StoredDocument* d = model_.FindDocument(id)) paths.push_back(d->path);
    }
    return paths;
  }

  // The evidence of a tie (keys of `prefix` "e_") or an event ("v_"): the
  // keys are spelled out so that no key name is built per value.
  struct EvidenceKeys {
    const char* rule;
    const char* document;
    const char* article;
    const char* article_date;  // nullptr: not written
    const char* sentence;
    const char* begin;
    const char* end;
  };
  static constexpr EvidenceKeys kTieEvidence = {"e_rule", "e_document", "e_article", "e_article_date",
                                                "e_sentence", "e_begin", "e_end"};
  static constexpr EvidenceKeys kEventEvidence = {"v_rule", "v_document", "v_article", nullptr,
                                                  "v_sentence", "v_begin", "v_end"};

  void Evidence(const EvidenceKeys& keys, const StoredEvidence& evidence) {
    Data(keys.rule, evidence.rule);
    Data(keys.document, evidence.document_id);
    if (const StoredDocument* d = model_.FindDocument(evidence.document_id)) {
      Data(keys.article, d->path);
      if (keys.article_date != nullptr) DataIfSet(keys.article_date, d->date);
    }
    if (evidence.sentence >= 0) Data(keys.sentence, static_cast<std::int64_t>(evidence.sentence));
    Data(keys.begin, static_cast<std::int64_t>(evidence.span.begin));
    Data(keys.end, static_cast<std::int64_t>(evidence.span.end));
  }

  void WriteNode(ModelVertex v) {
    const ModelNode& node = model_.graph()[v];
    const std::string labels = LabelsAttribute(model_.Labels(v));
    out_ += "    <node id=\"";
    model_.AppendNodeKey(v, &out_);
    out_ += "\" labels=\"";
    AppendEscapedXml(labels, &out_);
    out_ += "\">\n";
    Data("v_label", model_.DisplayName(v));
    Data("v_labels", labels);
    if (node.kind == NodeKind::kEvent) {
      const StoredEvent& ev = *node.event;
      Data("v_kind", "event");
      DataIfSet("v_schema_type", ev.kind);
      DataIfSet("v_date", ev.date);
      DataIfSet("v_date_precision", ev.date_precision);
      if (!ev.attributes.empty()) Data("v_attributes", JsonObject(ev.attributes));
      DataIfSet("v_amount", EventNumber(ev, "amount", false));
      DataIfSet("v_currency", EventAttribute(ev, "currency"));
      DataIfSet("v_unit", EventAttribute(ev, "unit"));
      DataIfSet("v_participant_count", EventNumber(ev, "participant_count", true));
      DataIfSet("v_duration", EventAttribute(ev, "duration"));
      Evidence(kEventEvidence, ev.evidence);
    } else {
      const StoredEntity& e = *node.entity;
      Data("v_kind", EntityKindName(e.kind));
      DataIfSet("v_schema_type", e.type);
      DataIfSet("v_name", e.name);
      if (!e.aliases.empty()) Data("v_aliases", JsonArray(e.aliases));
      DataIfSet("v_description", e.description);
      Data("v_named", !e.name.empty());
      DataIfSet("v_gender", e.gender);
      if (e.age >= 0) Data("v_age", static_cast<std::int64_t>(e.age));
      Data("v_documents", JsonArray(e.documents));
      Data("v_articles", JsonArray(Paths(e.documents)));
    }
    out_ += "    </node>\n";
  }

  void WriteEdge(ModelEdgeRef e) {
    const ModelGraph& g = model_.graph();
    const ModelEdge& edge = g[e];
    out_ += "    <edge id=\"";
    model_.AppendEdgeKey(e, &out_);
    out_ += "\" source=\"";
    model_.AppendNodeKey(boost::source(e, g), &out_);
    out_ += "\" target=\"";
    model_.AppendNodeKey(boost::target(e, g), &out_);
    out_ += "\" label=\"";
    AppendEscapedXml(edge.type, &out_);
    out_ += "\">\n";
    Data("label", edge.type);  // first: see kKeys
    if (edge.kind == EdgeKind::kTie) {
      const StoredRelation& r = *edge.relation;
      Data("e_relation", r.type);
      DataIfSet("e_term", r.term);
      Data("e_inferred", r.inferred);
      if (!r.sources.empty()) Data("e_inferred_from", JsonArray(r.sources));
      Evidence(kTieEvidence, r.evidence);
    } else if (edge.kind == EdgeKind::kRole) {
      const StoredEvent& ev = *edge.event;
      Data("e_role", ev.roles[edge.role].role);
      DataIfSet("e_event_kind", ev.kind);
      DataIfSet("e_date", ev.date);
    } else if (edge.kind == EdgeKind::kEventPlace) {
      DataIfSet("e_event_kind", edge.event->kind);
      DataIfSet("e_date", edge.event->date);
    }
    out_ += "    </edge>\n";
  }

  GraphModel model_;
  TextOutput& out_;
};

}  // namespace

Status WriteGraphml(const StoredGraph& graph, std::string* out) {
  std::string xml;
  StringOutput output(&xml);
  Emitter(graph, &output).Run();
  output.Flush();
  *out = std::move(xml);
  return Status::Ok();
}

Status WriteGraphmlFile(const StoredGraph& graph, const std::string& path, const AtomicWriteOptions& options) {
  AtomicFile file(options);
  KITH_RETURN_IF_ERROR(file.Open(path));
  Emitter(graph, &file).Run();
  return file.Commit();
}

}  // namespace kith
