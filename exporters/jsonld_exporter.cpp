#include "exporters/jsonld_exporter.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "exporters/text_output.h"
#include "exporters/utf8_sanitizer.h"

namespace kith {

namespace {

// Default flags: RapidJSON 1.1's PrettyWriter does not compile with
// kWriteValidateEncodingFlag; SanitizeUtf8 guarantees valid input instead.
using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// schema.org family properties on person nodes, in the order they are written.
constexpr std::array<const char*, 5> kFamilyProperties = {"parent", "children", "sibling", "spouse", "relatedTo"};

// Keys that event nodes use themselves; a role or attribute with such a
// name is prefixed ("rule" -> "roleRule" / "attributeRule").
const std::set<std::string>& ReservedEventKeys() {
  static const std::set<std::string> keys = {"datePrecision", "rule", "sentence", "begin", "end"};
  return keys;
}

// ASCII-only character classes: locale-independent on purpose.
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// "150000", "2000.5": what the store writes for an amount or a count.
bool IsDecimal(const std::string& text, bool integer_only) {
  bool digit = false;
  bool point = false;
  for (char c : text) {
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if (c == '.' && !point && digit && !integer_only) {
      point = true;
      digit = false;
    } else {
      return false;
    }
  }
  return digit;
}

std::string Attribute(const StoredEvent& ev, const char* key) {
  const auto it = ev.attributes.find(key);
  return it == ev.attributes.end() ? "" : it->second;
}

bool IsFamilyType(const std::string& type) {
  return type == "parent" || type == "child" || type == "sibling" || type == "spouse" || type == "relative";
}

// "released person", "released_person", "released-person" -> "releasedPerson".
// Keeps ASCII letters and digits; "" when nothing is left.
std::string CamelCase(std::string_view text, bool upper_first) {
  std::string out;
  bool boundary = false;
  for (char c : text) {
    if (!IsAsciiAlnum(c)) {
      boundary = !out.empty();
      continue;
    }
    out.push_back(boundary ? AsciiUpper(c) : c);
    boundary = false;
  }
  if (out.empty()) return out;
  out[0] = upper_first ? AsciiUpper(out[0]) : AsciiLower(out[0]);
  if (IsAsciiDigit(out[0])) out.insert(0, upper_first ? "K" : "k");
  return out;
}

// A stored schema.org type if it is a plain (optionally prefixed) name,
// else the kind's default type.
std::string NodeType(const StoredEntity& e) {
  if (e.kind == EntityKind::kPerson) return "Person";
  std::string_view type = e.type;
  std::string_view local = type;
  if (type.compare(0, 7, "schema:") == 0) local = type.substr(7);
  if (type.compare(0, 5, "kith:") == 0) local = type.substr(5);
  bool plain = !local.empty() && IsAsciiAlpha(local[0]);
  for (char c : local) plain = plain && IsAsciiAlnum(c);
  if (plain) return std::string(type);
  return e.kind == EntityKind::kOrganization ? "Organization" : "Place";
}

class Emitter {
 public:
  explicit Emitter(const StoredGraph& graph) : graph_(graph), writer_(buffer_) {
    writer_.SetIndent(' ', 2);
    for (const StoredRelation& r : graph_.relations) {
      AddFamilyProperties(r);
      AddSentence(r.evidence);
    }
    for (const StoredEvent& ev : graph_.events) AddSentence(ev.evidence);
    std::sort(sentences_.begin(), sentences_.end());
    sentences_.erase(std::unique(sentences_.begin(), sentences_.end()), sentences_.end());
    std::sort(family_.begin(), family_.end());
    family_.erase(std::unique(family_.begin(), family_.end()), family_.end());
  }

  // Writes the document to *out, handing the text over node by node. On
  // failure part of the document may already be in *out.
  Status Run(TextOutput* out) {
    out_ = out;
    writer_.StartObject();
    WriteContext();
    Key("@graph");
    writer_.StartArray();
    for (const StoredDocument& d : graph_.documents) WriteDocument(d);
    for (const auto& sentence : sentences_) WriteSentence(sentence.first, sentence.second);
    for (const StoredEntity& e : graph_.entities) WriteEntity(e);
    for (const StoredRelation& r : graph_.relations) WriteRelation(r);
    for (const StoredEvent& ev : graph_.events) WriteEvent(ev);
    ok_ = writer_.EndArray() && ok_;
    ok_ = writer_.EndObject() && ok_;
    if (!ok_ || !writer_.IsComplete()) {
      return Status::Error(StatusCode::kInternal, "JSON-LD writer refused a value");
    }
    HandOver(0);
    out_->Append('\n');
    return Status::Ok();
  }

 private:
  // Moves the writer's text to out_ once there is at least `at_least` bytes
  // of it: RapidJSON keeps writing into its fast buffer, which stays small.
  void HandOver(std::size_t at_least) {
    if (buffer_.GetSize() < at_least || buffer_.GetSize() == 0) return;
    out_->Append(std::string_view(buffer_.GetString(), buffer_.GetSize()));
    buffer_.Clear();
  }
  void NodeDone() { HandOver(kHandOverSize); }

  // ---- primitives: every string passes SanitizeUtf8 -------------------------
  // Valid text (nearly all of it) goes to the writer as it is, without a copy.
  void Key(std::string_view key) {
    if (!IsValidUtf8(key)) return Key(SanitizeUtf8(key));
    ok_ = writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()), true) && ok_;
  }
  void String(std::string_view value) {
    if (!IsValidUtf8(value)) return String(SanitizeUtf8(value));
    ok_ = writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()), true) && ok_;
  }
  void Int(std::int64_t value) { ok_ = writer_.Int64(value) && ok_; }
  void Bool(bool value) { ok_ = writer_.Bool(value) && ok_; }
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void FieldIfSet(std::string_view key, std::string_view value) {
    if (!value.empty()) Field(key, value);
  }
  // {"@id": iri}: a node reference whatever the context says about the key.
  void Ref(const std::string& iri) {
    writer_.StartObject();
    Field("@id", iri);
    writer_.EndObject();
  }
  void StringArray(std::string_view key, const std::vector<std::string>& values) {
    Key(key);
    writer_.StartArray();
    for (const std::string& v : values) String(v);
    writer_.EndArray();
  }

  // ---- node ids ----------------------------------------------------------
  std::string EntityIri(std::int64_t id) const {
    const StoredEntity* e = graph_.FindEntity(id);
    return std::string("kith:") + (e != nullptr ? EntityKindName(e->kind) : "entity") + "/" + std::to_string(id);
  }
  static std::string DocumentIri(std::int64_t id) { return "kith:document/" + std::to_string(id); }
  static std::string TieIri(std::int64_t id) { return "kith:tie/" + std::to_string(id); }
  static std::string EventIri(std::int64_t id) { return "kith:event/" + std::to_string(id); }
  static std::string SentenceIri(std::int64_t document, int sentence) {
    return DocumentIri(document) + "/sentence/" + std::to_string(sentence);
  }

  // ---- context -----------------------------------------------------------
  void IdTerm(std::string_view term, std::string_view iri) {
    Key(term);
    writer_.StartObject();
    if (!iri.empty()) Field("@id", iri);
    Field("@type", "@id");
    writer_.EndObject();
  }

  void WriteContext() {
    Key("@context");
    writer_.StartObject();
    Field("@vocab", "http://schema.org/");
    Field("schema", "http://schema.org/");
    Field("kith", "https://w3id.org/kith/vocab#");
    Field("prov", "http://www.w3.org/ns/prov#");
    Field("owl", "http://www.w3.org/2002/07/owl#");
    Field("xsd", "http://www.w3.org/2001/XMLSchema#");
    for (const char* property : kFamilyProperties) IdTerm(property, std::string("schema:") + property);
    IdTerm("location", "schema:location");
    IdTerm("containedInPlace", "schema:containedInPlace");
    IdTerm("isPartOf", "schema:isPartOf");
    IdTerm("kith:relative", "");
    IdTerm("kith:anchor", "");
    IdTerm("kith:inferredFrom", "");
    IdTerm("kith:mentionedIn", "");
    IdTerm("prov:wasDerivedFrom", "");
    IdTerm("owl:sameAs", "");
    writer_.EndObject();
  }

  // ---- provenance: the sentences that facts come from ----------------------------
  void AddSentence(const StoredEvidence& evidence) {
    if (evidence.sentence >= 0) sentences_.emplace_back(evidence.document_id, evidence.sentence);
  }

  // ---- family ties as schema.org properties ----------------------------------
  // Indexes into kFamilyProperties.
  enum FamilyProperty : std::size_t { kParent = 0, kChildren = 1, kSibling = 2, kSpouse = 3, kRelatedTo = 4 };

  void AddFamilyProperties(const StoredRelation& r) {
    if (r.subject == r.object) return;
    auto add = [this](std::int64_t node, FamilyProperty property, std::int64_t target) {
      family_.push_back(FamilyLink{node, property, target});
    };
    // (A, type, B): A is `type` of B.
    if (r.type == "parent") {
      add(r.object, kParent, r.subject);
      add(r.subject, kChildren, r.object);
    } else if (r.type == "child") {
      add(r.subject, kParent, r.object);
      add(r.object, kChildren, r.subject);
    } else if (r.type == "sibling" || r.type == "spouse") {
      add(r.subject, r.type == "sibling" ? kSibling : kSpouse, r.object);
      add(r.object, r.type == "sibling" ? kSibling : kSpouse, r.subject);
    } else if (r.type == "relative") {
      add(r.subject, kRelatedTo, r.object);
      add(r.object, kRelatedTo, r.subject);
    }
  }

  // Entities are written in id order: one forward walk over the sorted links.
  void WriteFamily(std::int64_t id) {
    while (next_family_ < family_.size() && family_[next_family_].node < id) ++next_family_;
    while (next_family_ < family_.size() && family_[next_family_].node == id) {
      const std::size_t property = family_[next_family_].property;
      Key(kFamilyProperties[property]);
      writer_.StartArray();
      while (next_family_ < family_.size() && family_[next_family_].node == id &&
             family_[next_family_].property == property) {
        String(EntityIri(family_[next_family_].target));
        ++next_family_;
      }
      writer_.EndArray();
    }
  }

  // ---- nodes -----------------------------------------------------------------
  void WriteDocument(const StoredDocument& d) {
    writer_.StartObject();
    Field("@id", DocumentIri(d.id));
    Field("@type", "NewsArticle");
    FieldIfSet("headline", d.title);
    FieldIfSet("datePublished", d.date);
    FieldIfSet("url", d.url);
    if (!d.source.empty()) {
      // Untyped on purpose: the publisher is not one of the article's actors.
      Key("publisher");
      writer_.StartObject();
      Field("name", d.source);
      writer_.EndObject();
    }
    Field("kith:path", d.path);
    Field("kith:contentHash", d.content_hash);
    Key("kith:byteLength");
    Int(d.byte_length);
    writer_.EndObject();
    NodeDone();
  }

  void WriteEntity(const StoredEntity& e) {
    writer_.StartObject();
    Field("@id", EntityIri(e.id));
    Field("@type", NodeType(e));
    if (!e.name.empty()) {
      Field("name", e.name);
      if (!e.aliases.empty()) StringArray("alternateName", e.aliases);
      FieldIfSet("description", e.description);
    } else {
      // Unnamed persons have a description and no name, so that no reader
      // takes "son of X" for a person called that.
      Field("description", e.description.empty() ? "unnamed person" : e.description);
    }
    if (e.gender == "male" || e.gender == "female") {
      Key("gender");
      Ref(e.gender == "male" ? "http://schema.org/Male" : "http://schema.org/Female");
    }
    if (e.age >= 0) {
      Key("kith:age");
      Int(e.age);
    }
    if (e.located_in != 0) Field(e.kind == EntityKind::kPlace ? "containedInPlace" : "location", EntityIri(e.located_in));
    WriteFamily(e.id);
    if (!e.documents.empty()) {
      Key("kith:mentionedIn");
      writer_.StartArray();
      for (std::int64_t doc : e.documents) String(DocumentIri(doc));
      writer_.EndArray();
    }
    writer_.EndObject();
    NodeDone();
  }

  // One node per sentence that states a tie or an event: part of its article.
  void WriteSentence(std::int64_t document, int sentence) {
    writer_.StartObject();
    Field("@id", SentenceIri(document, sentence));
    Field("@type", "kith:ArticleSentence");
    Field("isPartOf", DocumentIri(document));
    Key("kith:sentenceIndex");
    Int(sentence);
    writer_.EndObject();
    NodeDone();
  }

  // The fact's sources: prov:wasDerivedFrom names the article and, when
  // known, the sentence node; the index and byte span locate the words.
  void WriteEvidence(const StoredEvidence& evidence) {
    Field("kith:rule", evidence.rule);
    Key("prov:wasDerivedFrom");
    writer_.StartArray();
    String(DocumentIri(evidence.document_id));
    if (evidence.sentence >= 0) String(SentenceIri(evidence.document_id, evidence.sentence));
    writer_.EndArray();
    if (evidence.sentence >= 0) {
      Key("kith:sentence");
      Int(evidence.sentence);
    }
    Key("kith:begin");
    Int(static_cast<std::int64_t>(evidence.span.begin));
    Key("kith:end");
    Int(static_cast<std::int64_t>(evidence.span.end));
  }

  void WriteRelation(const StoredRelation& r) {
    writer_.StartObject();
    Field("@id", TieIri(r.id));
    Field("@type", IsFamilyType(r.type) ? "kith:FamilyTie" : "kith:Relation");
    Field("kith:relative", EntityIri(r.subject));
    Field("kith:relation", r.type);
    Field("kith:anchor", EntityIri(r.object));
    FieldIfSet("kith:kinTerm", r.term);
    Key("kith:inferred");
    Bool(r.inferred);
    if (!r.sources.empty()) {
      Key("kith:inferredFrom");
      writer_.StartArray();
      for (std::int64_t source : r.sources) String(TieIri(source));
      writer_.EndArray();
    }
    WriteEvidence(r.evidence);
    writer_.EndObject();
    NodeDone();
  }

  void WriteEvent(const StoredEvent& ev) {
    struct Value {
      bool is_node;
      std::string text;  // IRI or literal
    };
    // Roles and attributes as kith: properties, grouped by key (sorted).
    std::map<std::string, std::vector<Value>> properties;
    auto key_for = [](const std::string& name, const char* prefix, const char* fallback) {
      std::string key = CamelCase(name, false);
      if (key.empty()) key = fallback;
      if (ReservedEventKeys().count(key) != 0) key = prefix + CamelCase(key, true);
      return "kith:" + key;
    };
    for (const StoredEventRole& role : ev.roles) {
      properties[key_for(role.role, "role", "participant")].push_back(Value{true, EntityIri(role.entity)});
    }
    // A sum is one schema:MonetaryAmount (or, in a unit of account such as MCI, a
    // schema:QuantitativeValue) under kith:amount; a group's size is an integer.
    const std::string amount = Attribute(ev, "amount");
    const std::string currency = Attribute(ev, "currency");
    const std::string unit = Attribute(ev, "unit");
    const bool money = IsDecimal(amount, false) && (!currency.empty() || !unit.empty());
    const std::string count = Attribute(ev, "participant_count");
    const bool counted = IsDecimal(count, true) && count.size() <= 15;
    for (const auto& attribute : ev.attributes) {
      const std::string& name = attribute.first;
      if (money && (name == "amount" || name == "currency" || name == "unit")) continue;
      if (counted && name == "participant_count") continue;
      properties[key_for(name, "attribute", "attribute")].push_back(Value{false, attribute.second});
    }

    writer_.StartObject();
    Field("@id", EventIri(ev.id));
    Key("@type");
    writer_.StartArray();
    String("Event");
    const std::string kind = CamelCase(ev.kind, true);
    if (!kind.empty()) String("kith:" + kind);
    writer_.EndArray();
    FieldIfSet("startDate", ev.date);
    FieldIfSet("kith:datePrecision", ev.date_precision);
    if (ev.place != 0) Field("location", EntityIri(ev.place));
    for (const auto& property : properties) {
      Key(property.first);
      writer_.StartArray();
      for (const Value& v : property.second) {
        if (v.is_node) {
          Ref(v.text);
        } else {
          String(v.text);
        }
      }
      writer_.EndArray();
    }
    if (money) {
      Key("kith:amount");
      writer_.StartObject();
      Field("@type", currency.empty() ? "QuantitativeValue" : "MonetaryAmount");
      Key("value");
      writer_.StartObject();
      Field("@value", amount);
      Field("@type", "xsd:decimal");
      writer_.EndObject();
      if (currency.empty()) {
        Field("unitText", unit);
      } else {
        Field("currency", currency);
      }
      writer_.EndObject();
    }
    if (counted) {
      Key("kith:participantCount");
      Int(std::stoll(count));
    }
    if (!ev.same_as.empty()) {
      // The other articles' reports of the same happening: one node per report, each with its own evidence.
      Key("owl:sameAs");
      writer_.StartArray();
      for (std::int64_t other : ev.same_as) String(EventIri(other));
      writer_.EndArray();
    }
    WriteEvidence(ev.evidence);
    writer_.EndObject();
    NodeDone();
  }

  static constexpr std::size_t kHandOverSize = std::size_t{1} << 20;

  const StoredGraph& graph_;
  TextOutput* out_ = nullptr;
  rapidjson::StringBuffer buffer_;
  JsonWriter writer_;
  bool ok_ = true;
  // (document id, sentence index) of every tie and event, sorted, unique
  std::vector<std::pair<std::int64_t, int>> sentences_;
  // (entity id, family property, target entity id), sorted, unique
  struct FamilyLink {
    std::int64_t node;
    std::size_t property;  // index into kFamilyProperties
    std::int64_t target;
    bool operator<(const FamilyLink& o) const {
      return std::tie(node, property, target) < std::tie(o.node, o.property, o.target);
    }
    bool operator==(const FamilyLink& o) const {
      return node == o.node && property == o.property && target == o.target;
    }
  };
  std::vector<FamilyLink> family_;
  std::size_t next_family_ = 0;  // WriteFamily's position in family_
};

}  // namespace

Status WriteJsonLd(const StoredGraph& graph, std::string* out) {
  std::string json;
  StringOutput output(&json);
  KITH_RETURN_IF_ERROR(Emitter(graph).Run(&output));
  output.Flush();
  *out = std::move(json);
  return Status::Ok();
}

Status WriteJsonLdFile(const StoredGraph& graph, const std::string& path, const AtomicWriteOptions& options) {
  AtomicFile file(options);
  KITH_RETURN_IF_ERROR(file.Open(path));
  KITH_RETURN_IF_ERROR(Emitter(graph).Run(&file));
  return file.Commit();
}

}  // namespace kith
