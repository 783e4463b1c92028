#include "store/entity_matcher.h"

#include "base/utf8.h"

namespace kith {

namespace {

bool IsSpace(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x2009 || c == 0x202F; }

}  // namespace

std::string NormalizeNameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t len = 1;
    char32_t cp = DecodeUtf8(name, i, &len);
    if (cp == 0xFFFD && len == 1) {  // keep an invalid byte as it is
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(name[i]);
      ++i;
      continue;
    }
    i += len;
    if (IsSpace(cp)) {
      pending_space = true;
      continue;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    AppendUtf8(ToLower(cp), &out);
  }
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

Status MatchEntity(Database* db, const Entity& entity, const std::string& key, std::int64_t* id) {
  *id = 0;
  if (key.empty()) return Status::Ok();  // unnamed persons are never merged
  Statement stmt;
  // The key is the blocking key (an index lookup, never a scan of all pairs); evidence that
  // conflicts keeps two entities apart: a person of the other gender is someone else.
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT id FROM entities WHERE kind = ?1 AND normalized = ?2 "
      "AND (?3 = '' OR gender IS NULL OR gender = ?3) ORDER BY id LIMIT 1",
      &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindText(1, EntityKindName(entity.kind)));
  KITH_RETURN_IF_ERROR(stmt.BindText(2, key));
  KITH_RETURN_IF_ERROR(stmt.BindText(3, entity.kind == EntityKind::kPerson ? entity.gender : std::string()));
  bool row = false;
  KITH_RETURN_IF_ERROR(stmt.Step(&row));
  if (row) *id = stmt.ColumnInt64(0);
  return Status::Ok();
}

}  // namespace kith
