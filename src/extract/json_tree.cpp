#include "extract/json_tree.h"

#include <algorithm>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "base/utf8.h"

namespace kith {
namespace {

// Builds JsonValues from SAX events; offsets come from the input stream's position.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& text, const rapidjson::StringStream* stream) : text_(text), stream_(stream) {}

  bool Null() { return Scalar(JsonValue::Type::kNull, [](JsonValue&) {}); }
  bool Bool(bool b) { return Scalar(JsonValue::Type::kBool, [b](JsonValue& v) { v.boolean = b; }); }
  bool Int(int i) { return Integer(i); }
  bool Uint(unsigned u) { return Integer(u); }
  bool Int64(std::int64_t i) { return Integer(i); }
  bool Uint64(std::uint64_t u) { return Integer(static_cast<std::int64_t>(u)); }
  bool Double(double d) { return Scalar(JsonValue::Type::kNumber, [d](JsonValue& v) { v.number = d; }); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  // RapidJSON reads a string through a copy of the stream, so during these callbacks the
  // stream still stands at the string's opening quote: that is the string's offset.
  bool String(const char* s, rapidjson::SizeType len, bool) {
    JsonValue v;
    v.type = JsonValue::Type::kString;
    v.offset = Position();
    v.string.assign(s, len);
    return Add(std::move(v));
  }
  bool StartObject() { return Open(JsonValue::Type::kObject); }
  bool Key(const char* s, rapidjson::SizeType len, bool) {
    pending_key_ = std::string(s, len);
    pending_key_offset_ = Position();
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(JsonValue::Type::kArray); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  JsonValue TakeRoot() { return std::move(root_); }
  bool too_deep() const { return too_deep_; }
  std::size_t too_deep_at() const { return too_deep_at_; }
  static constexpr std::size_t kMaxDepth = 64;  // rule files nest a few levels; more is hostile

 private:
  std::size_t Position() const { return stream_->Tell(); }

  // A scalar ends at the stream position; its start is found by scanning back over its characters.
  std::size_t ScalarStart(std::size_t end) const {
    std::size_t i = end;
    while (i > 0) {
      const char c = text_[i - 1];
      const bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' ||
                        c == 'E';
      if (!part) break;
      --i;
    }
    return i;
  }

  template <typename Fill>
  bool Scalar(JsonValue::Type type, Fill fill) {
    JsonValue v;
    v.type = type;
    v.offset = ScalarStart(Position());
    fill(v);
    return Add(std::move(v));
  }

  bool Integer(std::int64_t i) {
    return Scalar(JsonValue::Type::kNumber, [i](JsonValue& v) {
      v.number = static_cast<double>(i);
      v.integer = i;
      v.is_integer = true;
    });
  }

  bool Open(JsonValue::Type type) {
    if (stack_.size() >= kMaxDepth) {
      too_deep_ = true;
      too_deep_at_ = Position();
      return false;  // RapidJSON stops: a handler error, reported by Parse with this offset
    }
    JsonValue v;
    v.type = type;
    v.offset = Position() - 1;
    stack_.push_back(std::move(v));
    keys_.push_back(pending_key_);
    key_offsets_.push_back(pending_key_offset_);
    return true;
  }

  bool Close() {
    JsonValue v = std::move(stack_.back());
    stack_.pop_back();
    pending_key_ = keys_.back();
    pending_key_offset_ = key_offsets_.back();
    keys_.pop_back();
    key_offsets_.pop_back();
    return Add(std::move(v));
  }

  bool Add(JsonValue v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return true;
    }
    JsonValue& parent = stack_.back();
    if (parent.type == JsonValue::Type::kArray) {
      parent.items.push_back(std::move(v));
    } else {
      parent.members.emplace_back(pending_key_, std::move(v));
      parent.key_offsets.push_back(pending_key_offset_);
    }
    return true;
  }

  const std::string& text_;
  const rapidjson::StringStream* stream_;
  std::vector<JsonValue> stack_;
  std::vector<std::string> keys_;
  std::vector<std::size_t> key_offsets_;
  std::string pending_key_;
  std::size_t pending_key_offset_ = 0;
  JsonValue root_;
  bool too_deep_ = false;
  std::size_t too_deep_at_ = 0;
};

}  // namespace

const JsonValue* JsonValue::Find(const std::string& key) const {
  for (const auto& m : members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

const char* JsonValue::TypeName() const {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "value";
}

Status JsonSource::Parse(const std::string& file, std::string text, std::unique_ptr<JsonSource>* out) {
  auto src = std::unique_ptr<JsonSource>(new JsonSource());
  src->file_ = file;
  src->text_ = std::move(text);
  src->line_starts_.push_back(0);  // every rule asks for its line: index them once
  for (std::size_t i = 0; i < src->text_.size(); ++i) {
    if (src->text_[i] == '\n') src->line_starts_.push_back(i + 1);
  }
  // RapidJSON's encoding validation may look a few bytes past a truncated UTF-8 sequence at the
  // end: parse a copy padded with NULs (offsets are the same).
  const std::string padded = src->text_ + std::string(8, '\0');
  rapidjson::StringStream stream(padded.c_str());
  TreeBuilder builder(src->text_, &stream);
  rapidjson::Reader reader;
  // The builder refuses deep nesting, which bounds the recursive reader's depth.
  constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseCommentsFlag |
                              rapidjson::kParseTrailingCommasFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  if (builder.too_deep()) {
    return src->ErrorAt(builder.too_deep_at(),
                        "JSON nests deeper than " + std::to_string(TreeBuilder::kMaxDepth) + " levels");
  }
  if (result.IsError()) {
    return src->ErrorAt(result.Offset(), std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code()));
  }
  if (src->text_.find('\0') != std::string::npos) {
    return src->ErrorAt(src->text_.find('\0'), "invalid JSON: NUL byte");
  }
  src->root_ = builder.TakeRoot();
  *out = std::move(src);
  return Status::Ok();
}

void JsonSource::LineColumn(std::size_t offset, int* line, int* column) const {
  if (offset > text_.size()) offset = text_.size();
  // The last line starting at or before `offset`.
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_start = *(next - 1);
  *line = static_cast<int>(next - line_starts_.begin());
  *column = static_cast<int>(CodePointCount(std::string_view(text_).substr(line_start, offset - line_start))) + 1;
}

Status JsonSource::ErrorAt(std::size_t offset, const std::string& message) const {
  int line = 0;
  int column = 0;
  LineColumn(offset, &line, &column);
  return Status::At(StatusCode::kRuleError, file_, line, column, message);
}

}  // namespace kith
