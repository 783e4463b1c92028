#include "exporters/text_escape.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>

#include "exporters/text_output.h"
#include "exporters/utf8_sanitizer.h"

namespace kith {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Appends to a std::string or a TextOutput alike.
struct StringSink {
  std::string* out;
  void Append(std::string_view text) { out->append(text.data(), text.size()); }
};
struct OutputSink {
  TextOutput* out;
  void Append(std::string_view text) { out->Append(text); }
};

unsigned char Byte(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// U+FFFE or U+FFFF at byte i of valid UTF-8 (EF BF BE, EF BF BF).
bool IsNonCharacterAt(std::string_view text, std::size_t i) {
  return Byte(text, i) == 0xEF && Byte(text, i + 1) == 0xBF && (Byte(text, i + 2) & 0xFE) == 0xBE;
}

// Runs `escape` over valid UTF-8: for the byte at i it returns the
// replacement text and sets *skip to the bytes it replaces, or returns no
// data for a byte that is kept. Kept bytes are appended in runs.
template <typename Sink, typename Table>
void EscapeValid(std::string_view text, Sink& sink, Table escape) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t skip = 1;
    const std::string_view replacement = escape(text, i, &skip);
    if (replacement.data() == nullptr) {
      ++i;
      continue;
    }
    if (i > run) sink.Append(text.substr(run, i - run));
    sink.Append(replacement);
    i += skip;
    run = i;
  }
  if (run < text.size()) sink.Append(text.substr(run));
}

// Sanitizes (only when needed: most text is valid) and escapes.
template <typename Sink, typename Table>
void Escape(std::string_view text, Sink& sink, Table escape) {
  if (IsValidUtf8(text)) {
    EscapeValid(text, sink, escape);
  } else {
    const std::string clean = SanitizeUtf8(text);
    EscapeValid(clean, sink, escape);
  }
}

// The tables of the header, byte by byte over valid UTF-8. Every special
// character but U+FFFE/U+FFFF and the C1 controls is ASCII, and in valid
// UTF-8 an ASCII byte is always a whole character.
std::string_view XmlEscape(std::string_view text, std::size_t i, std::size_t* skip) {
  const unsigned char c = Byte(text, i);
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default: break;
  }
  if (c < 0x20) return kReplacement;
  if (IsNonCharacterAt(text, i)) {
    *skip = 3;
    return kReplacement;
  }
  return {};
}

std::string_view DotEscape(std::string_view text, std::size_t i, std::size_t* skip) {
  const unsigned char c = Byte(text, i);
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\r':
      if (Byte(text, i + 1) == '\n') *skip = 2;  // CRLF is one line break
      return "\\n";
    case '\n': return "\\n";
    case '\t': return " ";
    case '&': return "&amp;";
    default: break;
  }
  // Graphviz writes SVG, which is XML: no control characters, no U+FFFE/U+FFFF.
  if (c < 0x20 || c == 0x7F) return kReplacement;
  if (c == 0xC2 && Byte(text, i + 1) >= 0x80 && Byte(text, i + 1) <= 0x9F) {  // U+0080..U+009F
    *skip = 2;
    return kReplacement;
  }
  if (IsNonCharacterAt(text, i)) {
    *skip = 3;
    return kReplacement;
  }
  return {};
}

std::string_view CsvEscape(std::string_view text, std::size_t i, std::size_t* /*skip*/) {
  const unsigned char c = Byte(text, i);
  if (c == '"') return "\"\"";
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return kReplacement;  // U+001F included
  return {};
}

template <typename Sink>
void XmlTo(std::string_view text, Sink sink) {
  Escape(text, sink, XmlEscape);
}
template <typename Sink>
void DotTo(std::string_view text, Sink sink) {
  sink.Append("\"");
  Escape(text, sink, DotEscape);
  sink.Append("\"");
}
template <typename Sink>
void CsvTo(std::string_view text, Sink sink) {
  sink.Append("\"");
  Escape(text, sink, CsvEscape);
  sink.Append("\"");
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  XmlTo(text, StringSink{&out});
  return out;
}

std::string QuoteDot(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  DotTo(text, StringSink{&out});
  return out;
}

std::string QuoteCsv(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  CsvTo(text, StringSink{&out});
  return out;
}

void AppendEscapedXml(std::string_view text, TextOutput* out) { XmlTo(text, OutputSink{out}); }
void AppendQuotedDot(std::string_view text, TextOutput* out) { DotTo(text, OutputSink{out}); }
void AppendQuotedCsv(std::string_view text, TextOutput* out) { CsvTo(text, OutputSink{out}); }

std::string QuoteCsvArray(const std::vector<std::string>& items) {
  // Each item is quoted on its own first so that a U+001F inside an item is
  // replaced before the items are joined with it.
  std::string out = "\"";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += "\x1F";
    StringSink sink{&out};
    Escape(items[i], sink, CsvEscape);
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
