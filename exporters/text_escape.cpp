#include "exporters/text_escape.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>

#include "base/utf8.h"
#include "exporters/utf8_sanitizer.h"

namespace kith {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls f(code point, its bytes) for every code point of valid UTF-8 `text`.
template <typename F>
void ForEachCodePoint(const std::string& text, F f) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    const char32_t cp = DecodeUtf8(text, pos, &length);
    f(cp, std::string_view(text).substr(pos, length));
    pos += length;
  }
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  const std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size() + 8);
  ForEachCodePoint(clean, [&out](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&apos;"; return;
      case '\t': out += "&#9;"; return;
      case '\n': out += "&#10;"; return;
      case '\r': out += "&#13;"; return;
      default: break;
    }
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
      out += kReplacement;
    } else {
      out.append(bytes.data(), bytes.size());
    }
  });
  return out;
}

std::string QuoteDot(std::string_view text) {
  const std::string clean = SanitizeUtf8(text);
  std::string out = "\"";
  out.reserve(clean.size() + 8);
  bool after_cr = false;
  ForEachCodePoint(clean, [&out, &after_cr](char32_t cp, std::string_view bytes) {
    const bool was_cr = after_cr;
    after_cr = cp == '\r';
    if (cp == '\n' && was_cr) return;  // CRLF is one line break
    switch (cp) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\n':
      case '\r': out += "\\n"; return;
      case '\t': out += ' '; return;
      case '&': out += "&amp;"; return;
      default: break;
    }
    // Graphviz writes SVG, which is XML: no control characters, no U+FFFE/U+FFFF.
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
      out += kReplacement;
    } else {
      out.append(bytes.data(), bytes.size());
    }
  });
  out += '"';
  return out;
}

std::string QuoteCsv(std::string_view text) {
  const std::string clean = SanitizeUtf8(text);
  std::string out = "\"";
  out.reserve(clean.size() + 4);
  ForEachCodePoint(clean, [&out](char32_t cp, std::string_view bytes) {
    if (cp == '"') {
      out += "\"\"";
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x1F) {
      out += kReplacement;
    } else {
      out.append(bytes.data(), bytes.size());
    }
  });
  out += '"';
  return out;
}

std::string QuoteCsvArray(const std::vector<std::string>& items) {
  // Each item is quoted on its own first so that a U+001F inside an item is
  // replaced before the items are joined with it.
  std::string out = "\"";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += "\x1F";
    const std::string one = QuoteCsv(items[i]);
    out.append(one, 1, one.size() - 2);
  }
  out += '"';
  return out;
}

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void JsonString(JsonWriter& writer, std::string_view text) {
  const std::string clean = SanitizeUtf8(text);
  writer.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()), true);
}

std::string Text(const rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

}  // namespace

std::string JsonArray(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (const std::string& item : items) JsonString(writer, item);
  writer.EndArray();
  return Text(buffer);
}

std::string JsonArray(const std::vector<std::int64_t>& items) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (std::int64_t item : items) writer.Int64(item);
  writer.EndArray();
  return Text(buffer);
}

std::string JsonObject(const std::map<std::string, std::string>& members) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  for (const auto& member : members) {
    JsonString(writer, member.first);
    JsonString(writer, member.second);
  }
  writer.EndObject();
  return Text(buffer);
}

}  // namespace kith
