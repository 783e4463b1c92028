#include "store/graph_check.h"

#include <string>

#include "store/entity_matcher.h"

namespace kith {

namespace {

class Checker {
 public:
  Checker(const Document& doc, const DocumentGraph& graph) : doc_(doc), graph_(graph) {}

  Status Run() {
    for (std::size_t i = 0; i < graph_.sentences.size(); ++i) {
      const Span& span = graph_.sentences[i].span;
      KITH_RETURN_IF_ERROR(CheckSpan("sentence " + std::to_string(i), span));
    }
    for (std::size_t i = 0; i < graph_.entities.size(); ++i) KITH_RETURN_IF_ERROR(CheckEntity(i));
    for (std::size_t i = 0; i < graph_.mentions.size(); ++i) {
      const Mention& m = graph_.mentions[i];
      const std::string what = "mention " + std::to_string(i);
      KITH_RETURN_IF_ERROR(CheckEvidence(what, m.evidence));
      KITH_RETURN_IF_ERROR(CheckEntityIndex(what, "entity", m.entity, m.evidence));
    }
    for (std::size_t i = 0; i < graph_.relations.size(); ++i) KITH_RETURN_IF_ERROR(CheckRelation(i));
    for (std::size_t i = 0; i < graph_.events.size(); ++i) KITH_RETURN_IF_ERROR(CheckEvent(i));
    return Status::Ok();
  }

 private:
  // A Status located at `offset` of the document when that offset is usable.
  Status Fail(const std::string& message, const Evidence* evidence = nullptr) const {
    int line = 0;
    int column = 0;
    if (evidence != nullptr && evidence->span.begin <= doc_.text.size()) {
      line = 1;
      column = 1;
      for (std::size_t i = 0; i < evidence->span.begin; ++i) {
        if (doc_.text[i] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(doc_.text[i]) & 0xC0) != 0x80) {
          ++column;  // columns count characters, not continuation bytes
        }
      }
    }
    return Status::At(StatusCode::kInvalidInput, doc_.path, line, column, "document graph: " + message);
  }

  Status CheckSpan(const std::string& what, const Span& span) const {
    if (span.begin > span.end || span.end > doc_.text.size()) {
      return Fail(what + ": span [" + std::to_string(span.begin) + ", " + std::to_string(span.end) +
                  ") is not inside the text (" + std::to_string(doc_.text.size()) + " bytes)");
    }
    return Status::Ok();
  }

  Status CheckEvidence(const std::string& what, const Evidence& evidence) const {
    KITH_RETURN_IF_ERROR(CheckSpan(what, evidence.span));
    if (evidence.sentence < -1 || evidence.sentence >= static_cast<int>(graph_.sentences.size())) {
      return Fail(what + ": sentence " + std::to_string(evidence.sentence) + " is not a sentence index (" +
                      std::to_string(graph_.sentences.size()) + " sentences)",
                  &evidence);
    }
    if (evidence.rule.empty()) return Fail(what + ": no rule id", &evidence);
    return Status::Ok();
  }

  Status CheckEntityIndex(const std::string& what, const char* field, int index, const Evidence& evidence) const {
    if (index < 0 || index >= static_cast<int>(graph_.entities.size())) {
      return Fail(what + ": " + field + " " + std::to_string(index) + " is not an entity index (" +
                      std::to_string(graph_.entities.size()) + " entities)",
                  &evidence);
    }
    return Status::Ok();
  }

  Status CheckEntity(std::size_t i) const {
    const Entity& e = graph_.entities[i];
    const std::string what = "entity " + std::to_string(i);
    const bool named = !NormalizeNameKey(e.name).empty();
    if (!named && e.kind != EntityKind::kPerson) {
      return Fail(what + ": " + EntityKindName(e.kind) + " without a name");
    }
    if (!named && !e.aliases.empty()) {
      return Fail(what + ": unnamed person with alias \"" + e.aliases.front() + "\"");
    }
    if (!e.gender.empty() && e.gender != "male" && e.gender != "female") {
      return Fail(what + ": gender \"" + e.gender + "\" is not \"male\", \"female\" or \"\"");
    }
    if (e.located_in != -1 &&
        (e.located_in < 0 || e.located_in >= static_cast<int>(graph_.entities.size()) ||
         e.located_in == static_cast<int>(i))) {
      return Fail(what + ": located_in " + std::to_string(e.located_in) + " is not another entity's index");
    }
    return Status::Ok();
  }

  Status CheckRelation(std::size_t i) const {
    const Relation& r = graph_.relations[i];
    const std::string what = "relation " + std::to_string(i);
    KITH_RETURN_IF_ERROR(CheckEvidence(what, r.evidence));
    KITH_RETURN_IF_ERROR(CheckEntityIndex(what, "subject", r.subject, r.evidence));
    KITH_RETURN_IF_ERROR(CheckEntityIndex(what, "object", r.object, r.evidence));
    if (r.type.empty()) return Fail(what + ": no type", &r.evidence);
    for (int source : r.sources) {
      if (source < 0 || source >= static_cast<int>(graph_.relations.size()) || source == static_cast<int>(i)) {
        return Fail(what + ": source " + std::to_string(source) + " is not another relation's index",
                    &r.evidence);
      }
    }
    return Status::Ok();
  }

  Status CheckEvent(std::size_t i) const {
    const Event& ev = graph_.events[i];
    const std::string what = "event " + std::to_string(i);
    KITH_RETURN_IF_ERROR(CheckEvidence(what, ev.evidence));
    if (ev.kind.empty()) return Fail(what + ": no kind", &ev.evidence);
    if (ev.place != -1) KITH_RETURN_IF_ERROR(CheckEntityIndex(what, "place", ev.place, ev.evidence));
    for (const EventRole& role : ev.roles) {
      if (role.role.empty()) return Fail(what + ": role without a name", &ev.evidence);
      KITH_RETURN_IF_ERROR(CheckEntityIndex(what + " role \"" + role.role + "\"", "entity", role.entity, ev.evidence));
    }
    for (const auto& attribute : ev.attributes) {
      if (attribute.first.empty()) return Fail(what + ": attribute without a name", &ev.evidence);
    }
    return Status::Ok();
  }

  const Document& doc_;
  const DocumentGraph& graph_;
};

}  // namespace

Status CheckDocumentGraph(const Document& doc, const DocumentGraph& graph) { return Checker(doc, graph).Run(); }

}  // namespace kith
