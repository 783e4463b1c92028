#include "store/document_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <set>
#include <vector>

#include "store/entity_matcher.h"
#include "store/event_matcher.h"

namespace kith {

namespace {

std::int64_t Offset(std::size_t offset) { return static_cast<std::int64_t>(offset); }

const char* DefaultType(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "Person";
    case EntityKind::kOrganization: return "Organization";
    case EntityKind::kPlace: return "Place";
  }
  return "Thing";
}

// The attributes of an event as a JSON object of strings, keys in order.
std::string AttributesJson(const std::map<std::string, std::string>& attributes) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& kv : attributes) {
    writer.Key(kv.first.data(), static_cast<rapidjson::SizeType>(kv.first.size()), true);
    writer.String(kv.second.data(), static_cast<rapidjson::SizeType>(kv.second.size()), true);
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

class Writer {
 public:
  Writer(Database* db, const Document& doc, const DocumentGraph& graph) : db_(db), doc_(doc), graph_(graph) {}

  Status Run(const std::string& content_hash, const std::string& extraction_fingerprint) {
    KITH_RETURN_IF_ERROR(WriteDocument(content_hash, extraction_fingerprint));
    KITH_RETURN_IF_ERROR(WriteSentences());
    KITH_RETURN_IF_ERROR(WriteEntities());
    KITH_RETURN_IF_ERROR(WriteMentions());
    KITH_RETURN_IF_ERROR(WriteRelations());
    return WriteEvents();
  }

  // Stored id of each graph entity, by graph index.
  const std::vector<std::int64_t>& entity_ids() const { return entity_ids_; }

 private:
  std::int64_t SentenceId(int index) const { return index < 0 ? 0 : sentence_ids_[static_cast<std::size_t>(index)]; }
  std::int64_t EntityId(int index) const { return entity_ids_[static_cast<std::size_t>(index)]; }

  // Binds sentence_id, begin, end, rule at parameters first..first+3.
  Status BindEvidence(Statement* stmt, int first, const Evidence& evidence) const {
    KITH_RETURN_IF_ERROR(stmt->BindIdOrNull(first, SentenceId(evidence.sentence)));
    KITH_RETURN_IF_ERROR(stmt->BindInt64(first + 1, Offset(evidence.span.begin)));
    KITH_RETURN_IF_ERROR(stmt->BindInt64(first + 2, Offset(evidence.span.end)));
    return stmt->BindText(first + 3, evidence.rule);
  }

  Status WriteDocument(const std::string& content_hash, const std::string& extraction_fingerprint) {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO documents (content_hash, path, title, date, url, source, byte_length, extraction_fingerprint) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindText(1, content_hash));
    KITH_RETURN_IF_ERROR(stmt.BindText(2, doc_.path));
    KITH_RETURN_IF_ERROR(stmt.BindText(3, doc_.meta.title));
    KITH_RETURN_IF_ERROR(stmt.BindText(4, doc_.meta.date));
    KITH_RETURN_IF_ERROR(stmt.BindText(5, doc_.meta.url));
    KITH_RETURN_IF_ERROR(stmt.BindText(6, doc_.meta.source));
    KITH_RETURN_IF_ERROR(stmt.BindInt64(7, Offset(doc_.text.size())));
    KITH_RETURN_IF_ERROR(stmt.BindText(8, extraction_fingerprint));
    KITH_RETURN_IF_ERROR(stmt.Run());
    document_id_ = db_->LastInsertRowId();
    return Status::Ok();
  }

  Status WriteSentences() {
    Statement stmt;
    KITH_RETURN_IF_ERROR(
        db_->Prepare("INSERT INTO sentences (document_id, idx, \"begin\", \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
                     &stmt));
    sentence_ids_.reserve(graph_.sentences.size());
    for (std::size_t i = 0; i < graph_.sentences.size(); ++i) {
      KITH_RETURN_IF_ERROR(stmt.BindInt64(1, document_id_));
      KITH_RETURN_IF_ERROR(stmt.BindInt64(2, Offset(i)));
      KITH_RETURN_IF_ERROR(stmt.BindInt64(3, Offset(graph_.sentences[i].span.begin)));
      KITH_RETURN_IF_ERROR(stmt.BindInt64(4, Offset(graph_.sentences[i].span.end)));
      const Span& sp = graph_.sentences[i].span;
      KITH_RETURN_IF_ERROR(stmt.BindText(5, sp.end <= doc_.text.size() ? doc_.text.substr(sp.begin, sp.size()) : ""));
      KITH_RETURN_IF_ERROR(stmt.Run());
      sentence_ids_.push_back(db_->LastInsertRowId());
    }
    return Status::Ok();
  }

  Status InsertEntity(const Entity& e, const std::string& key, std::int64_t* id) {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO entities (kind, type, name, normalized, gender, age, description, origin_document_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindText(1, EntityKindName(e.kind)));
    KITH_RETURN_IF_ERROR(stmt.BindText(2, e.type.empty() ? DefaultType(e.kind) : e.type));
    const bool named = !key.empty();
    KITH_RETURN_IF_ERROR(named ? stmt.BindText(3, e.name) : stmt.BindNull(3));
    KITH_RETURN_IF_ERROR(named ? stmt.BindText(4, key) : stmt.BindNull(4));
    KITH_RETURN_IF_ERROR(stmt.BindTextOrNull(5, e.gender));
    KITH_RETURN_IF_ERROR(e.age >= 0 ? stmt.BindInt64(6, e.age) : stmt.BindNull(6));
    KITH_RETURN_IF_ERROR(stmt.BindTextOrNull(7, e.description));
    // Only unnamed persons belong to a document; named entities are shared.
    KITH_RETURN_IF_ERROR(named ? stmt.BindNull(8) : stmt.BindInt64(8, document_id_));
    KITH_RETURN_IF_ERROR(stmt.Run());
    *id = db_->LastInsertRowId();
    return Status::Ok();
  }

  // Fills in what the stored entity lacks; never overwrites a known value.
  // An entity that knows nothing beyond its name (most places and
  // institutions) has nothing to add, and rewriting its row would cost as
  // much as an insert.
  Status EnrichEntity(const Entity& e, std::int64_t id) {
    const bool specific = !e.type.empty() && e.type != DefaultType(e.kind);
    if (e.gender.empty() && e.age < 0 && e.description.empty() && !specific) return Status::Ok();
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "UPDATE entities SET gender = COALESCE(gender, ?2), age = COALESCE(age, ?3), "
        "description = COALESCE(description, ?4), "
        // Comparisons, not IN (...): a list of three or more makes SQLite build a temporary
        // index on every run.
        "type = CASE WHEN ?5 IS NOT NULL AND (type = 'Person' OR type = 'Organization' OR type = 'Place' "
        "OR type = 'Thing' OR type = '') THEN ?5 ELSE type END "
        "WHERE id = ?1",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindInt64(1, id));
    KITH_RETURN_IF_ERROR(stmt.BindTextOrNull(2, e.gender));
    KITH_RETURN_IF_ERROR(e.age >= 0 ? stmt.BindInt64(3, e.age) : stmt.BindNull(3));
    KITH_RETURN_IF_ERROR(stmt.BindTextOrNull(4, e.description));
    KITH_RETURN_IF_ERROR(specific ? stmt.BindText(5, e.type) : stmt.BindNull(5));
    return stmt.Run();
  }

  Status AddName(std::int64_t id, const std::string& name) {
    const std::string key = NormalizeNameKey(name);
    if (key.empty()) return Status::Ok();
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO entity_names (entity_id, name, normalized) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (entity_id, normalized) DO NOTHING",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindInt64(1, id));
    KITH_RETURN_IF_ERROR(stmt.BindText(2, name));
    KITH_RETURN_IF_ERROR(stmt.BindText(3, key));
    return stmt.Run();
  }

  Status WriteEntities() {
    entity_ids_.reserve(graph_.entities.size());
    for (const Entity& e : graph_.entities) {
      // The graph may give a spelling-insensitive identity key; else the name decides.
      const std::string key = e.name.empty() ? std::string() : !e.identity_key.empty() ? e.identity_key : NormalizeNameKey(e.name);
      std::int64_t id = 0;
      KITH_RETURN_IF_ERROR(MatchEntity(db_, e, key, &id));
      if (id == 0) {
        KITH_RETURN_IF_ERROR(InsertEntity(e, key, &id));
      } else {
        KITH_RETURN_IF_ERROR(EnrichEntity(e, id));
      }
      if (!key.empty()) {
        KITH_RETURN_IF_ERROR(AddName(id, e.name));
        for (const std::string& alias : e.aliases) KITH_RETURN_IF_ERROR(AddName(id, alias));
      }
      entity_ids_.push_back(id);
    }
    // located_in may point forward, so it is set once every entity has an id.
    Statement stmt;
    KITH_RETURN_IF_ERROR(
        db_->Prepare("UPDATE entities SET located_in = ?2 WHERE id = ?1 AND located_in IS NULL", &stmt));
    for (std::size_t i = 0; i < graph_.entities.size(); ++i) {
      const int place = graph_.entities[i].located_in;
      if (place < 0 || EntityId(place) == entity_ids_[i]) continue;
      KITH_RETURN_IF_ERROR(stmt.BindInt64(1, entity_ids_[i]));
      KITH_RETURN_IF_ERROR(stmt.BindInt64(2, EntityId(place)));
      KITH_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  Status WriteMentions() {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO mentions (document_id, entity_id, text, sentence_id, \"begin\", \"end\", rule) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &stmt));
    for (const Mention& m : graph_.mentions) {
      KITH_RETURN_IF_ERROR(stmt.BindInt64(1, document_id_));
      KITH_RETURN_IF_ERROR(stmt.BindInt64(2, EntityId(m.entity)));
      KITH_RETURN_IF_ERROR(stmt.BindText(3, doc_.text.substr(m.evidence.span.begin, m.evidence.span.size())));
      KITH_RETURN_IF_ERROR(BindEvidence(&stmt, 4, m.evidence));
      KITH_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  Status WriteRelations() {
    std::vector<std::int64_t> relation_ids;
    relation_ids.reserve(graph_.relations.size());
    {
      Statement stmt;
      KITH_RETURN_IF_ERROR(db_->Prepare(
          "INSERT INTO relations (document_id, subject_entity, type, object_entity, term, inferred, "
          "sentence_id, \"begin\", \"end\", rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
          &stmt));
      for (const Relation& r : graph_.relations) {
        KITH_RETURN_IF_ERROR(stmt.BindInt64(1, document_id_));
        KITH_RETURN_IF_ERROR(stmt.BindInt64(2, EntityId(r.subject)));
        KITH_RETURN_IF_ERROR(stmt.BindText(3, r.type));
        KITH_RETURN_IF_ERROR(stmt.BindInt64(4, EntityId(r.object)));
        KITH_RETURN_IF_ERROR(stmt.BindText(5, r.term));
        KITH_RETURN_IF_ERROR(stmt.BindInt64(6, r.inferred ? 1 : 0));
        KITH_RETURN_IF_ERROR(BindEvidence(&stmt, 7, r.evidence));
        KITH_RETURN_IF_ERROR(stmt.Run());
        relation_ids.push_back(db_->LastInsertRowId());
      }
    }
    // Sources may point forward too: written once every relation has an id.
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO relation_sources (relation_id, source_relation_id) VALUES (?1, ?2) "
        "ON CONFLICT (relation_id, source_relation_id) DO NOTHING",
        &stmt));
    for (std::size_t i = 0; i < graph_.relations.size(); ++i) {
      for (int source : graph_.relations[i].sources) {
        KITH_RETURN_IF_ERROR(stmt.BindInt64(1, relation_ids[i]));
        KITH_RETURN_IF_ERROR(stmt.BindInt64(2, relation_ids[static_cast<std::size_t>(source)]));
        KITH_RETURN_IF_ERROR(stmt.Run());
      }
    }
    return Status::Ok();
  }

  Status WriteEvents() {
    Statement event_stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO events (document_id, kind, date, date_precision, place_entity, attributes, "
        "sentence_id, \"begin\", \"end\", rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &event_stmt));
    Statement role_stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "INSERT INTO event_roles (event_id, role, entity_id) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (event_id, role, entity_id) DO NOTHING",
        &role_stmt));
    for (const Event& ev : graph_.events) {
      KITH_RETURN_IF_ERROR(event_stmt.BindInt64(1, document_id_));
      KITH_RETURN_IF_ERROR(event_stmt.BindText(2, ev.kind));
      KITH_RETURN_IF_ERROR(event_stmt.BindText(3, ev.date));
      KITH_RETURN_IF_ERROR(event_stmt.BindText(4, ev.date_precision));
      KITH_RETURN_IF_ERROR(event_stmt.BindIdOrNull(5, ev.place < 0 ? 0 : EntityId(ev.place)));
      KITH_RETURN_IF_ERROR(event_stmt.BindText(6, AttributesJson(ev.attributes)));
      KITH_RETURN_IF_ERROR(BindEvidence(&event_stmt, 7, ev.evidence));
      KITH_RETURN_IF_ERROR(event_stmt.Run());
      const std::int64_t event_id = db_->LastInsertRowId();
      for (const EventRole& role : ev.roles) {
        KITH_RETURN_IF_ERROR(role_stmt.BindInt64(1, event_id));
        KITH_RETURN_IF_ERROR(role_stmt.BindText(2, role.role));
        KITH_RETURN_IF_ERROR(role_stmt.BindInt64(3, EntityId(role.entity)));
        KITH_RETURN_IF_ERROR(role_stmt.Run());
      }
      if (MayLinkSameEvents(ev)) KITH_RETURN_IF_ERROR(LinkSameEvents(db_, event_id));
    }
    return Status::Ok();
  }

  Database* db_;
  const Document& doc_;
  const DocumentGraph& graph_;
  std::int64_t document_id_ = 0;
  std::vector<std::int64_t> sentence_ids_;
  std::vector<std::int64_t> entity_ids_;
};

}  // namespace

Status WriteDocumentGraph(Database* db, const Document& doc, const std::string& content_hash,
                          const std::string& extraction_fingerprint, const DocumentGraph& graph,
                          std::vector<std::int64_t>* entity_ids) {
  Writer writer(db, doc, graph);
  KITH_RETURN_IF_ERROR(writer.Run(content_hash, extraction_fingerprint));
  const auto& ids = writer.entity_ids();
  entity_ids->insert(entity_ids->end(), ids.begin(), ids.end());
  return Status::Ok();
}

Status DocumentEntities(Database* db, std::int64_t document_id, std::vector<std::int64_t>* out) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT entity_id FROM mentions WHERE document_id = ?1 "
      "UNION SELECT subject_entity FROM relations WHERE document_id = ?1 "
      "UNION SELECT object_entity FROM relations WHERE document_id = ?1 "
      "UNION SELECT r.entity_id FROM event_roles AS r JOIN events AS v ON v.id = r.event_id "
      "WHERE v.document_id = ?1 "
      "UNION SELECT place_entity FROM events WHERE document_id = ?1 AND place_entity IS NOT NULL",
      &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindInt64(1, document_id));
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(stmt.Step(&row));
    if (!row) break;
    out->push_back(stmt.ColumnInt64(0));
  }
  return Status::Ok();
}

Status RemoveUnreferencedEntities(Database* db, std::vector<std::int64_t> candidates) {
  Statement unreferenced;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT e.located_in FROM entities AS e WHERE e.id = ?1 AND "
      "NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = e.id) AND "
      "NOT EXISTS (SELECT 1 FROM relations WHERE subject_entity = e.id) AND "
      "NOT EXISTS (SELECT 1 FROM relations WHERE object_entity = e.id) AND "
      "NOT EXISTS (SELECT 1 FROM event_roles WHERE entity_id = e.id) AND "
      "NOT EXISTS (SELECT 1 FROM events WHERE place_entity = e.id) AND "
      "NOT EXISTS (SELECT 1 FROM entities AS c WHERE c.located_in = e.id)",
      &unreferenced));
  Statement remove;
  KITH_RETURN_IF_ERROR(db->Prepare("DELETE FROM entities WHERE id = ?1", &remove));
  std::set<std::int64_t> seen;
  while (!candidates.empty()) {
    const std::int64_t id = candidates.back();
    candidates.pop_back();
    if (!seen.insert(id).second) continue;
    KITH_RETURN_IF_ERROR(unreferenced.BindInt64(1, id));
    bool row = false;
    KITH_RETURN_IF_ERROR(unreferenced.Step(&row));
    const std::int64_t place = row ? unreferenced.ColumnInt64(0) : 0;
    unreferenced.Reset();
    if (!row) continue;
    KITH_RETURN_IF_ERROR(remove.BindInt64(1, id));
    KITH_RETURN_IF_ERROR(remove.Run());
    // Removing an institution can leave the place it was in unreferenced.
    if (place != 0) {
      seen.erase(place);
      candidates.push_back(place);
    }
  }
  return Status::Ok();
}

}  // namespace kith
