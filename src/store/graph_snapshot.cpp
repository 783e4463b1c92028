#include "store/graph_snapshot.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <climits>
#include <utility>

#include "store/database.h"
#include "store/store.h"

namespace kith {

namespace {

// The element with this id in a vector sorted by id, or nullptr.
template <typename Vector>
auto FindById(Vector& items, std::int64_t id) -> decltype(items.data()) {
  auto it = std::lower_bound(items.begin(), items.end(), id,
                             [](const auto& item, std::int64_t v) { return item.id < v; });
  return (it != items.end() && it->id == id) ? &*it : nullptr;
}

// FindById for ids asked in ascending order (rows read ORDER BY the id):
// one forward walk over the vector instead of a search per row.
template <typename Item>
class AscendingFinder {
 public:
  explicit AscendingFinder(std::vector<Item>& items) : items_(items) {}
  Item* Find(std::int64_t id) {
    while (next_ < items_.size() && items_[next_].id < id) ++next_;
    return (next_ < items_.size() && items_[next_].id == id) ? &items_[next_] : nullptr;
  }

 private:
  std::vector<Item>& items_;
  std::size_t next_ = 0;
};

Span ReadSpan(const Statement& stmt, int begin_column) {
  Span span;
  span.begin = static_cast<std::size_t>(std::max<std::int64_t>(0, stmt.ColumnInt64(begin_column)));
  span.end = static_cast<std::size_t>(std::max<std::int64_t>(0, stmt.ColumnInt64(begin_column + 1)));
  return span;
}

// Columns: document_id, sentence idx (NULL = none), begin, end, rule.
StoredEvidence ReadEvidence(const Statement& stmt, int first) {
  StoredEvidence evidence;
  evidence.document_id = stmt.ColumnInt64(first);
  evidence.sentence = stmt.ColumnIsNull(first + 1) ? -1 : static_cast<int>(stmt.ColumnInt64(first + 1));
  evidence.span = ReadSpan(stmt, first + 2);
  evidence.rule = stmt.ColumnText(first + 4);
  return evidence;
}

class Reader {
 public:
  Reader(Database* db, StoredGraph* out) : db_(db), out_(out) {}

  Status Run() {
    KITH_RETURN_IF_ERROR(ReadDocuments());
    KITH_RETURN_IF_ERROR(ReadEntities());
    KITH_RETURN_IF_ERROR(ReadNames());
    KITH_RETURN_IF_ERROR(ReadEntityDocuments());
    KITH_RETURN_IF_ERROR(ReadRelations());
    KITH_RETURN_IF_ERROR(ReadEvents());
    return ReadSameHappenings();
  }

 private:
  Status Corrupt(const std::string& message) const {
    return Status::At(StatusCode::kDatabase, db_->path(), 0, 0, "unexpected stored data: " + message);
  }

  // The number of rows of `table`, to reserve the vectors exactly: grown by
  // doubling they would hold up to twice the memory, and twice again while
  // they move.
  Status CountRows(const char* table, std::size_t* count) {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(std::string("SELECT count(*) FROM ") + table, &stmt));
    bool row = false;
    KITH_RETURN_IF_ERROR(stmt.Step(&row));
    *count = row ? static_cast<std::size_t>(std::max<std::int64_t>(0, stmt.ColumnInt64(0))) : 0;
    return Status::Ok();
  }

  template <typename Item>
  Status Reserve(const char* table, std::vector<Item>* items) {
    std::size_t count = 0;
    KITH_RETURN_IF_ERROR(CountRows(table, &count));
    items->reserve(count);
    return Status::Ok();
  }

  Status ReadDocuments() {
    KITH_RETURN_IF_ERROR(Reserve("documents", &out_->documents));
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "SELECT id, content_hash, path, title, date, url, source, byte_length, ingested_at "
        "FROM documents ORDER BY id",
        &stmt));
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      StoredDocument d;
      d.id = stmt.ColumnInt64(0);
      d.content_hash = stmt.ColumnText(1);
      d.path = stmt.ColumnText(2);
      d.title = stmt.ColumnText(3);
      d.date = stmt.ColumnText(4);
      d.url = stmt.ColumnText(5);
      d.source = stmt.ColumnText(6);
      d.byte_length = stmt.ColumnInt64(7);
      d.ingested_at = stmt.ColumnText(8);
      out_->documents.push_back(std::move(d));
    }
    return Status::Ok();
  }

  Status ReadEntities() {
    KITH_RETURN_IF_ERROR(Reserve("entities", &out_->entities));
    keys_.reserve(out_->entities.capacity());
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "SELECT id, kind, type, name, gender, age, description, located_in, origin_document_id, normalized "
        "FROM entities ORDER BY id",
        &stmt));
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      StoredEntity e;
      e.id = stmt.ColumnInt64(0);
      const std::string kind = stmt.ColumnText(1);
      if (kind == "person") {
        e.kind = EntityKind::kPerson;
      } else if (kind == "organization") {
        e.kind = EntityKind::kOrganization;
      } else if (kind == "place") {
        e.kind = EntityKind::kPlace;
      } else {
        return Corrupt("entity " + std::to_string(e.id) + " has kind \"" + kind + "\"");
      }
      e.type = stmt.ColumnText(2);
      e.name = stmt.ColumnText(3);
      e.gender = stmt.ColumnText(4);
      e.age = stmt.ColumnIsNull(5) ? -1 : static_cast<int>(std::min<std::int64_t>(stmt.ColumnInt64(5), INT_MAX));
      e.description = stmt.ColumnText(6);
      e.located_in = stmt.ColumnInt64(7);
      e.origin_document_id = stmt.ColumnInt64(8);
      keys_.push_back(stmt.ColumnText(9));
      out_->entities.push_back(std::move(e));
    }
    return Status::Ok();
  }

  // Aliases: every stored name but the one that is the entity's own name.
  Status ReadNames() {
    Statement stmt;
    KITH_RETURN_IF_ERROR(
        db_->Prepare("SELECT entity_id, name, normalized FROM entity_names ORDER BY entity_id, rowid", &stmt));
    AscendingFinder<StoredEntity> entities(out_->entities);
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      StoredEntity* e = entities.Find(stmt.ColumnInt64(0));
      if (e == nullptr) continue;
      const std::size_t index = static_cast<std::size_t>(e - out_->entities.data());
      if (stmt.ColumnText(2) == keys_[index] || e->name.empty()) continue;
      e->aliases.push_back(stmt.ColumnText(1));
    }
    return Status::Ok();
  }

  // Which documents mention each entity. The mentions are read in table
  // order (one sequential pass; an ORDER BY would visit the table once per
  // row through the entity index) and sorted here.
  Status ReadEntityDocuments() {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare("SELECT entity_id, document_id FROM mentions", &stmt));
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    std::size_t count = 0;
    KITH_RETURN_IF_ERROR(CountRows("mentions", &count));
    pairs.reserve(count);
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      pairs.emplace_back(stmt.ColumnInt64(0), stmt.ColumnInt64(1));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    AscendingFinder<StoredEntity> entities(out_->entities);
    for (const auto& pair : pairs) {
      if (StoredEntity* e = entities.Find(pair.first)) e->documents.push_back(pair.second);
    }
    return Status::Ok();
  }

  Status ReadRelations() {
    KITH_RETURN_IF_ERROR(Reserve("relations", &out_->relations));
    {
      Statement stmt;
      KITH_RETURN_IF_ERROR(db_->Prepare(
          "SELECT r.id, r.subject_entity, r.type, r.object_entity, r.term, r.inferred, "
          "r.document_id, s.idx, r.\"begin\", r.\"end\", r.rule "
          "FROM relations AS r LEFT JOIN sentences AS s ON s.id = r.sentence_id ORDER BY r.id",
          &stmt));
      bool row = false;
      while (true) {
        KITH_RETURN_IF_ERROR(stmt.Step(&row));
        if (!row) break;
        StoredRelation r;
        r.id = stmt.ColumnInt64(0);
        r.subject = stmt.ColumnInt64(1);
        r.type = stmt.ColumnText(2);
        r.object = stmt.ColumnInt64(3);
        r.term = stmt.ColumnText(4);
        r.inferred = stmt.ColumnInt64(5) != 0;
        r.evidence = ReadEvidence(stmt, 6);
        out_->relations.push_back(std::move(r));
      }
    }
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "SELECT relation_id, source_relation_id FROM relation_sources ORDER BY relation_id, source_relation_id",
        &stmt));
    AscendingFinder<StoredRelation> relations(out_->relations);
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      StoredRelation* r = relations.Find(stmt.ColumnInt64(0));
      if (r != nullptr) r->sources.push_back(stmt.ColumnInt64(1));
    }
    return Status::Ok();
  }

  Status ParseAttributes(std::int64_t event_id, const std::string& json,
                         std::map<std::string, std::string>* out) const {
    rapidjson::Document parsed;
    parsed.Parse(json.c_str(), json.size());
    if (parsed.HasParseError() || !parsed.IsObject()) {
      return Corrupt("event " + std::to_string(event_id) + " attributes are not a JSON object: " + json);
    }
    for (auto it = parsed.MemberBegin(); it != parsed.MemberEnd(); ++it) {
      std::string key(it->name.GetString(), it->name.GetStringLength());
      if (it->value.IsString()) {
        (*out)[key] = std::string(it->value.GetString(), it->value.GetStringLength());
      } else {  // written by hand in the shell: keep the JSON text of the value
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        it->value.Accept(writer);
        (*out)[key] = std::string(buffer.GetString(), buffer.GetSize());
      }
    }
    return Status::Ok();
  }

  Status ReadEvents() {
    KITH_RETURN_IF_ERROR(Reserve("events", &out_->events));
    {
      Statement stmt;
      KITH_RETURN_IF_ERROR(db_->Prepare(
          "SELECT v.id, v.kind, v.date, v.date_precision, v.place_entity, v.attributes, "
          "v.document_id, s.idx, v.\"begin\", v.\"end\", v.rule "
          "FROM events AS v LEFT JOIN sentences AS s ON s.id = v.sentence_id ORDER BY v.id",
          &stmt));
      bool row = false;
      while (true) {
        KITH_RETURN_IF_ERROR(stmt.Step(&row));
        if (!row) break;
        StoredEvent ev;
        ev.id = stmt.ColumnInt64(0);
        ev.kind = stmt.ColumnText(1);
        ev.date = stmt.ColumnText(2);
        ev.date_precision = stmt.ColumnText(3);
        ev.place = stmt.ColumnInt64(4);
        KITH_RETURN_IF_ERROR(ParseAttributes(ev.id, stmt.ColumnText(5), &ev.attributes));
        ev.evidence = ReadEvidence(stmt, 6);
        out_->events.push_back(std::move(ev));
      }
    }
    Statement stmt;
    KITH_RETURN_IF_ERROR(
        db_->Prepare("SELECT event_id, role, entity_id FROM event_roles ORDER BY event_id, rowid", &stmt));
    AscendingFinder<StoredEvent> events(out_->events);
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      StoredEvent* ev = events.Find(stmt.ColumnInt64(0));
      if (ev != nullptr) ev->roles.push_back(StoredEventRole{stmt.ColumnText(1), stmt.ColumnInt64(2)});
    }
    return Status::Ok();
  }

  // Events joined by event_same_as, directly or through other reports, are one happening; each
  // later report names the happening's first report (its lowest id). A star, not every pair:
  // a happening reported a thousand times gives a thousand links, not half a million.
  Status ReadSameHappenings() {
    std::map<std::int64_t, std::int64_t> parent;  // union-find over linked event ids
    const auto root = [&](std::int64_t id) {
      std::int64_t r = id;
      while (parent[r] != r) r = parent[r];
      while (parent[id] != r) id = std::exchange(parent[id], r);  // path compression
      return r;
    };
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare("SELECT event_id, same_as_event_id FROM event_same_as ORDER BY 1, 2", &stmt));
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      const std::int64_t a = stmt.ColumnInt64(0);
      const std::int64_t b = stmt.ColumnInt64(1);
      parent.emplace(a, a);
      parent.emplace(b, b);
      const std::int64_t ra = root(a);
      const std::int64_t rb = root(b);
      if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
    }
    AscendingFinder<StoredEvent> events(out_->events);
    for (const auto& kv : parent) {
      const std::int64_t first = root(kv.first);
      if (first == kv.first) continue;
      if (StoredEvent* ev = events.Find(kv.first)) ev->same_as = {first};
    }
    return Status::Ok();
  }

  Database* db_;
  StoredGraph* out_;
  std::vector<std::string> keys_;  // normalized name per entity, parallel to out_->entities
};

}  // namespace

const StoredEntity* StoredGraph::FindEntity(std::int64_t id) const {
  return FindById(entities, id);
}

Status ReadGraph(Store& store, StoredGraph* out) {
  *out = StoredGraph();
  Database* db = store.database();
  Transaction txn(db);
  KITH_RETURN_IF_ERROR(txn.Begin(Transaction::Mode::kDeferred));
  Status status = Reader(db, out).Run();
  if (status.ok()) status = txn.Commit();
  if (!status.ok()) *out = StoredGraph();
  return status;
}

}  // namespace kith
