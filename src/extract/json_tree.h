// JsonTree: a JSON document parsed with RapidJSON's SAX reader into a small
// tree whose every value remembers its byte offset in the source, so rule
// errors can point at file:line:col and quote the culprit. RapidJSON's own
// syntax errors come back with their offset turned into line and column.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kith {

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  bool is_integer = false;
  std::int64_t integer = 0;
  std::string string;
  std::vector<JsonValue> items;                           // array elements
  std::vector<std::pair<std::string, JsonValue>> members; // object members in source order
  std::vector<std::size_t> key_offsets;                   // byte offset of each member's key
  std::size_t offset = 0;                                  // byte offset where the value starts

  const JsonValue* Find(const std::string& key) const;
  bool IsString() const { return type == Type::kString; }
  bool IsObject() const { return type == Type::kObject; }
  bool IsArray() const { return type == Type::kArray; }
  // "string", "array", ... for messages.
  const char* TypeName() const;
};

class JsonSource {
 public:
  // Parses `text`; on a syntax error returns a Status located at file:line:col.
  static Status Parse(const std::string& file, std::string text, std::unique_ptr<JsonSource>* out);

  const JsonValue& root() const { return root_; }
  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }
  // 1-based line and column (in code points) of a byte offset.
  void LineColumn(std::size_t offset, int* line, int* column) const;
  // A located error: "file:line:col: error: message".
  Status ErrorAt(std::size_t offset, const std::string& message) const;

 private:
  std::string file_;
  std::string text_;
  JsonValue root_;
  std::vector<std::size_t> line_starts_;  // byte offset where each line starts
};

}  // namespace kith
