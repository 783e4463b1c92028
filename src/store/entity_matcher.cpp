#include "store/entity_matcher.h"

namespace kith {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if invalid.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  char32_t value = 0;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    value = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[len] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *cp = value;
  return len;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1
  if (c == 0x178) return 0xFF;  // Y with diaeresis
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;  // Latin Extended-A pairs
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool IsSpace(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x2009 || c == 0x202F; }

}  // namespace

std::string NormalizeNameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(name, i, &cp);
    if (len == 0) {  // keep an invalid byte as it is
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
