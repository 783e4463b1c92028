#include "query/person_lookup.h"

#include "store/database.h"
#include "store/entity_matcher.h"
#include "text/tokenizer.h"

namespace kith {
namespace {

Status Collect(Statement* stmt, std::vector<PersonRef>* out) {
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(stmt->Step(&row));
    if (!row) break;
    PersonRef p{stmt->ColumnInt64(0), stmt->ColumnText(1), stmt->ColumnText(2)};
    bool seen = false;
    for (const PersonRef& q : *out) seen = seen || q.id == p.id;
    if (!seen) out->push_back(p);
  }
  return Status::Ok();
}

}  // namespace

std::string DisplayName(const PersonRef& p) {
  if (!p.name.empty()) return p.name;
  return "(" + (p.description.empty() ? "unnamed person " + std::to_string(p.id) : p.description) + ")";
}

Status FindPersons(Database* db, const std::string& query, const NameKey& keys, std::vector<PersonRef>* out) {
  out->clear();
  const std::string normalized = NormalizeNameKey(query);
  if (normalized.empty()) return Status::Error(StatusCode::kInvalidInput, "empty name");
  {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db->Prepare(
        "SELECT DISTINCT e.id, COALESCE(e.name, ''), COALESCE(e.description, '') FROM entity_names AS n "
        "JOIN entities AS e ON e.id = n.entity_id WHERE n.normalized = ?1 AND e.kind = 'person' ORDER BY e.id",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindText(1, normalized));
    KITH_RETURN_IF_ERROR(Collect(&stmt, out));
  }
  if (!out->empty()) return Status::Ok();
  std::vector<std::string> words;
  for (const Token& t : Tokenizer().Tokenize(query)) {
    if (t.kind == TokenKind::kWord && t.norm != "'s") words.push_back(t.lower);
  }
  const std::string key = keys.OfName(words);
  {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db->Prepare(
        "SELECT id, COALESCE(name, ''), COALESCE(description, '') FROM entities "
        "WHERE kind = 'person' AND normalized = ?1 ORDER BY id",
        &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindText(1, "person:" + key));
    KITH_RETURN_IF_ERROR(Collect(&stmt, out));
  }
  if (!out->empty()) return Status::Ok();
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT DISTINCT e.id, COALESCE(e.name, ''), COALESCE(e.description, '') FROM entity_names AS n "
      "JOIN entities AS e ON e.id = n.entity_id WHERE e.kind = 'person' AND "
      "instr(' ' || n.normalized || ' ', ' ' || ?1 || ' ') > 0 "
      "ORDER BY e.id",
      &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindText(1, normalized));
  return Collect(&stmt, out);
}

}  // namespace kith
