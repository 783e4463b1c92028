#include "extract/rule_parser.h"

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>

#include "base/utf8.h"
#include "extract/json_tree.h"
#include "extract/lexicon.h"
#include "extract/token_regex.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

class Parser {
 public:
  Parser(const JsonSource& src, const RuleParseContext& ctx) : src_(src), ctx_(ctx) {}

  Status File(std::vector<Rule>* out) {
    const JsonValue& root = src_.root();
    if (!root.IsObject()) return src_.ErrorAt(root.offset, "a rule file is a JSON object with \"rules\"");
    int stage = 0;
    const JsonValue* rules = nullptr;
    for (std::size_t i = 0; i < root.members.size(); ++i) {
      const auto& [key, value] = root.members[i];
      if (key != "macros"sv) continue;
      if (!value.IsObject()) return TypeError(value, "\"macros\"", "an object of name: [elements]");
      for (const auto& m : value.members) {
        if (!m.second.IsArray() || m.second.items.empty()) {
          return TypeError(m.second, "macro \"" + m.first + "\"", "a non-empty array of elements");
        }
        macros_[m.first] = &m.second;
      }
    }
    for (std::size_t i = 0; i < root.members.size(); ++i) {
      const auto& [key, value] = root.members[i];
      if (key == "macros"sv) {
        continue;
      } else if (key == "stage"sv) {
        KITH_RETURN_IF_ERROR(Int(value, "stage", &stage));
      } else if (key == "rules"sv) {
        if (!value.IsArray()) return TypeError(value, "\"rules\"", "an array");
        rules = &value;
      } else if (key != "description"sv && key != "comment"sv) {
        return UnknownKey(root.key_offsets[i], key, "rule file");
      }
    }
    if (rules == nullptr) return src_.ErrorAt(root.offset, "rule file has no \"rules\" array");
    for (const JsonValue& r : rules->items) {
      Rule rule;
      rule.stage = stage;
      KITH_RETURN_IF_ERROR(ParseRule(r, &rule));
      out->push_back(std::move(rule));
    }
    return Status::Ok();
  }

 private:
  Status ParseRule(const JsonValue& v, Rule* rule) {
    if (!v.IsObject()) return TypeError(v, "a rule", "an object");
    int line = 0;
    int column = 0;
    src_.LineColumn(v.offset, &line, &column);
    rule->file = src_.file();
    rule->line = line;
    const JsonValue* pattern = nullptr;
    const JsonValue* create = nullptr;
    for (std::size_t i = 0; i < v.members.size(); ++i) {
      const auto& [key, value] = v.members[i];
      if (key == "id"sv) {
        KITH_RETURN_IF_ERROR(String(value, "\"id\"", &rule->id));
        if (rule->id.empty()) return src_.ErrorAt(value.offset, "rule \"id\" is empty");
      } else if (key == "priority"sv) {
        KITH_RETURN_IF_ERROR(Int(value, "priority", &rule->priority));
      } else if (key == "pattern"sv) {
        pattern = &value;
      } else if (key == "create"sv) {
        create = &value;
      } else if (key == "examples"sv) {
        KITH_RETURN_IF_ERROR(Examples(value, rule));
      } else if (key == "not_after"sv) {
        KITH_RETURN_IF_ERROR(NotAfter(value, rule));
      } else if (key != "comment"sv && key != "description"sv) {
        return UnknownKey(v.key_offsets[i], key, "rule");
      }
    }
    if (rule->id.empty()) return src_.ErrorAt(v.offset, "rule has no \"id\"");
    if (pattern == nullptr) return src_.ErrorAt(v.offset, "rule \"" + rule->id + "\" has no \"pattern\"");
    if (create == nullptr) return src_.ErrorAt(v.offset, "rule \"" + rule->id + "\" has no \"create\"");
    if (!pattern->IsArray() || pattern->items.empty()) {
      return src_.ErrorAt(pattern->offset, "rule \"" + rule->id + "\": \"pattern\" must be a non-empty array");
    }
    captures_.clear();
    capture_lexicons_.clear();
    KITH_RETURN_IF_ERROR(Sequence(*pattern, &rule->pattern));
    rule->captures = capture_order_;
    capture_order_.clear();
    rule->capture_lexicons = capture_lexicons_;
    if (create->IsArray()) {
      for (const JsonValue& c : create->items) KITH_RETURN_IF_ERROR(Create(c, rule));
    } else {
      KITH_RETURN_IF_ERROR(Create(*create, rule));
    }
    if (rule->creates.empty()) return src_.ErrorAt(create->offset, "rule \"" + rule->id + "\" creates nothing");
    return Status::Ok();
  }

  Status Sequence(const JsonValue& arr, std::vector<PatternElement>* out) {
    if (!arr.IsArray()) return TypeError(arr, "a pattern", "an array of elements");
    for (const JsonValue& e : arr.items) {
      PatternElement el;
      KITH_RETURN_IF_ERROR(Element(e, &el));
      out->push_back(std::move(el));
    }
    return Status::Ok();
  }

  Status Element(const JsonValue& v, PatternElement* el) {
    if (!v.IsObject()) return TypeError(v, "a pattern element", "an object");
    el->offset = v.offset;
    for (std::size_t i = 0; i < v.members.size(); ++i) {
      const auto& [key, value] = v.members[i];
      if (key == "op"sv) {
        KITH_RETURN_IF_ERROR(Quantifier(value, el));
      } else if (key == "within"sv) {
        continue;  // read with the look it widens, below
      } else if (key == "as"sv) {
        KITH_RETURN_IF_ERROR(String(value, "\"as\"", &el->capture));
        if (el->capture.empty() || captures_.count(el->capture) != 0) {
          return src_.ErrorAt(value.offset, "capture name \"" + el->capture + "\" is empty or used twice");
        }
        captures_.insert(el->capture);
        if (std::find(capture_order_.begin(), capture_order_.end(), el->capture) == capture_order_.end()) {
          capture_order_.push_back(el->capture);
        }
      } else if (key == "use"sv) {
        std::string name;
        KITH_RETURN_IF_ERROR(String(value, "\"use\"", &name));
        auto macro = macros_.find(name);
        if (macro == macros_.end()) return src_.ErrorAt(value.offset, "unknown macro \"" + name + "\"");
        if (++macro_depth_ > 10) return src_.ErrorAt(value.offset, "macros nest more than 10 deep");
        el->kind = PatternElement::Kind::kGroup;
        Status st = Sequence(*macro->second, &el->group);
        --macro_depth_;
        KITH_RETURN_IF_ERROR(st);
      } else if (key == "followed_by"sv || key == "not_followed_by"sv) {
        // A zero-width look at the next token, {"not_followed_by": {"text": "'s"}}, or at the next
        // few in order, {"not_followed_by": [{"lower": "to"}, {"lower": "hospital"}]}.
        std::vector<const JsonValue*> looks;
        if (value.IsArray()) {
          for (const JsonValue& x : value.items) looks.push_back(&x);
          if (looks.empty()) return src_.ErrorAt(value.offset, "\"" + key + "\" is an empty array");
        } else {
          looks.push_back(&value);
        }
        el->kind = PatternElement::Kind::kAssert;
        el->negated = key == "not_followed_by"sv;
        for (std::size_t n = 0; n < looks.size(); ++n) {
          const JsonValue& look = *looks[n];
          if (!look.IsObject()) return TypeError(look, "\"" + key + "\"", "an element object or an array of them");
          TokenTest* test = n == 0 ? &el->test : &el->then.emplace_back();
          for (std::size_t k = 0; k < look.members.size(); ++k) {
            KITH_RETURN_IF_ERROR(
                Predicate(look.members[k].first, look.members[k].second, look.key_offsets[k], test, true));
          }
          KITH_RETURN_IF_ERROR(WhereHasLexicon(*test));
        }
      } else if (key == "group"sv) {
        el->kind = PatternElement::Kind::kGroup;
        KITH_RETURN_IF_ERROR(Sequence(value, &el->group));
        if (el->group.empty()) return src_.ErrorAt(value.offset, "\"group\" is empty");
      } else if (key == "any"sv) {
        el->kind = PatternElement::Kind::kAlternatives;
        if (!value.IsArray() || value.items.empty()) {
          return TypeError(value, "\"any\"", "a non-empty array of element arrays");
        }
        // Sibling alternatives may bind the same capture names: each starts from the same set.
        const std::set<std::string> before = captures_;
        std::set<std::string> after = captures_;
        for (const JsonValue& alt : value.items) {
          captures_ = before;
          std::vector<PatternElement> seq;
          KITH_RETURN_IF_ERROR(Sequence(alt, &seq));
          after.insert(captures_.begin(), captures_.end());
          if (seq.empty()) return src_.ErrorAt(alt.offset, "an alternative in \"any\" is empty");
          el->alternatives.push_back(std::move(seq));
        }
        captures_ = after;
      } else {
        KITH_RETURN_IF_ERROR(Predicate(key, value, v.key_offsets[i], &el->test, false));
      }
    }
    KITH_RETURN_IF_ERROR(WhereHasLexicon(el->test));
    const bool has_test = !TestIsEmpty(el->test);
    const bool has_assert = v.Find("followed_by") != nullptr || v.Find("not_followed_by") != nullptr;
    const JsonValue* within = v.Find("within");
    if (has_assert || el->kind == PatternElement::Kind::kAssert) {
      if (v.members.size() != (within != nullptr ? 2u : 1u) || !has_assert) {
        return src_.ErrorAt(v.offset, "\"followed_by\" and \"not_followed_by\" stand alone in their element");
      }
      if (within != nullptr) {
        // {"not_followed_by": {"lower": "hospital"}, "within": 6}: none of the next six tokens.
        if (!el->then.empty()) return src_.ErrorAt(within->offset, "\"within\" takes one test, not an array of them");
        if (within->type != JsonValue::Type::kNumber || !within->is_integer || within->integer < 1 || within->integer > 20) {
          return src_.ErrorAt(within->offset, "\"within\" is a whole number of tokens from 1 to 20");
        }
        el->within = static_cast<int>(within->integer);
      }
      return Status::Ok();
    }
    if (within != nullptr) return src_.ErrorAt(within->offset, "\"within\" goes with \"followed_by\" or \"not_followed_by\"");
    if (el->kind != PatternElement::Kind::kToken && has_test) {
      return src_.ErrorAt(v.offset, "an element with \"group\" or \"any\" cannot also test a token");
    }
    if (!el->capture.empty() && el->kind == PatternElement::Kind::kToken && !el->test.lexicon.empty() &&
        el->max == 1) {
      std::vector<const Lexicon*>& lexicons = capture_lexicons_[el->capture];
      if (std::find(lexicons.begin(), lexicons.end(), el->test.lexicon_ptr) == lexicons.end()) {
        lexicons.push_back(el->test.lexicon_ptr);
      }
    }
    return Status::Ok();
  }

  // "where" filters the entries of the element's own lexicon.
  Status WhereHasLexicon(const TokenTest& t) const {
    if (t.lexicon_where.empty() || !t.lexicon.empty()) return Status::Ok();
    return src_.ErrorAt(where_offset_, "\"where\" needs a \"lexicon\" in the same element");
  }

  static bool TestIsEmpty(const TokenTest& t) {
    return t.text.empty() && t.lower.empty() && t.shape.empty() && t.prefix.empty() && t.suffix.empty() &&
           t.word_case.empty() && t.kind.empty() && t.regex_source.empty() && t.lexicon.empty() &&
           t.mention.empty() && t.none_of.empty() && !t.line_start;
  }

  Status Predicate(const std::string& key, const JsonValue& value, std::size_t key_offset, TokenTest* t,
                   bool single_token_only) {
    if (key == "text"sv) return Strings(value, key, &t->text, false);
    if (key == "lower"sv) return Strings(value, key, &t->lower, true);
    if (key == "shape"sv) return Strings(value, key, &t->shape, false);
    if (key == "prefix"sv) return Strings(value, key, &t->prefix, true);
    if (key == "suffix"sv) return Strings(value, key, &t->suffix, true);
    if (key == "case"sv) {
      KITH_RETURN_IF_ERROR(String(value, "\"case\"", &t->word_case));
      if (t->word_case != "title"sv && t->word_case != "upper"sv && t->word_case != "lower"sv) {
        return src_.ErrorAt(value.offset, "\"case\" is \"title\", \"upper\" or \"lower\", not \"" + t->word_case + "\"");
      }
      return Status::Ok();
    }
    if (key == "kind"sv) {
      KITH_RETURN_IF_ERROR(String(value, "\"kind\"", &t->kind));
      if (t->kind != "word"sv && t->kind != "number"sv && t->kind != "punct"sv) {
        return src_.ErrorAt(value.offset, "\"kind\" is \"word\", \"number\" or \"punct\", not \"" + t->kind + "\"");
      }
      return Status::Ok();
    }
    if (key == "line_start"sv) {
      if (value.type != JsonValue::Type::kBool) return TypeError(value, "\"line_start\"", "true or false");
      t->line_start = value.boolean;
      return Status::Ok();
    }
    if (key == "regex"sv) {
      KITH_RETURN_IF_ERROR(String(value, "\"regex\"", &t->regex_source));
      std::unique_ptr<TokenRegex> re;
      Status s = TokenRegex::Compile(t->regex_source, &re);
      if (!s.ok()) return src_.ErrorAt(value.offset, s.message());
      t->regex = std::shared_ptr<const TokenRegex>(std::move(re));
      return Status::Ok();
    }
    if (key == "lexicon"sv) {
      KITH_RETURN_IF_ERROR(String(value, "\"lexicon\"", &t->lexicon));
      auto it = ctx_.lexicons.find(t->lexicon);
      if (it == ctx_.lexicons.end()) {
        return src_.ErrorAt(value.offset, "unknown lexicon \"" + t->lexicon + "\"");
      }
      t->lexicon_ptr = it->second;
      return Status::Ok();
    }
    if (key == "where"sv) {
      where_offset_ = key_offset;
      if (!value.IsObject()) return TypeError(value, "\"where\"", "an object of attribute values");
      for (const auto& m : value.members) {
        if (!m.second.IsString()) return TypeError(m.second, "a \"where\" value", "a string");
        t->lexicon_where[m.first] = m.second.string;
      }
      return Status::Ok();
    }
    if (key == "mention"sv && !single_token_only) return Strings(value, key, &t->mention, false);
    if (key == "not"sv && !single_token_only) {
      std::vector<const JsonValue*> items;
      if (value.IsArray()) {
        for (const JsonValue& x : value.items) items.push_back(&x);
      } else {
        items.push_back(&value);
      }
      for (const JsonValue* x : items) {
        if (!x->IsObject()) return TypeError(*x, "\"not\"", "an element object");
        TokenTest inner;
        for (std::size_t i = 0; i < x->members.size(); ++i) {
          KITH_RETURN_IF_ERROR(Predicate(x->members[i].first, x->members[i].second, x->key_offsets[i], &inner, true));
        }
        KITH_RETURN_IF_ERROR(WhereHasLexicon(inner));
        t->none_of.push_back(std::move(inner));
      }
      return Status::Ok();
    }
    if (single_token_only && (key == "mention"sv || key == "not"sv)) {
      return src_.ErrorAt(key_offset, "\"" + key + "\" is not allowed inside \"not\"");
    }
    return UnknownKey(key_offset, key, "pattern element");
  }

  Status Quantifier(const JsonValue& v, PatternElement* el) {
    std::string op;
    KITH_RETURN_IF_ERROR(String(v, "\"op\"", &op));
    if (op == "?"sv) {
      el->min = 0;
      el->max = 1;
    } else if (op == "*"sv) {
      el->min = 0;
      el->max = -1;
    } else if (op == "+"sv) {
      el->min = 1;
      el->max = -1;
    } else if (op.size() >= 3 && op.front() == '{' && op.back() == '}') {
      const std::string body = op.substr(1, op.size() - 2);
      const std::size_t comma = body.find(',');
      try {
        std::size_t used = 0;
        el->min = std::stoi(body.substr(0, comma), &used);
        if (used != (comma == std::string::npos ? body.size() : comma)) throw std::invalid_argument("min");
        if (comma == std::string::npos) {
          el->max = el->min;
        } else if (comma + 1 == body.size()) {
          el->max = -1;
        } else {
          el->max = std::stoi(body.substr(comma + 1), &used);
          if (used != body.size() - comma - 1) throw std::invalid_argument("max");
        }
      } catch (const std::exception&) {
        return src_.ErrorAt(v.offset, "bad quantifier \"" + op + "\"");
      }
      if (el->min < 0 || (el->max != -1 && el->max < el->min) || el->max > 50 || el->min > 50) {
        return src_.ErrorAt(v.offset, "quantifier \"" + op + "\" out of range (0 <= m <= n <= 50)");
      }
    } else {
      return src_.ErrorAt(v.offset, "unknown \"op\" \"" + op + "\" (use ?, *, +, {m,n})");
    }
    return Status::Ok();
  }

  Status Create(const JsonValue& v, Rule* rule) {
    if (!v.IsObject() || v.members.size() != 1) {
      return src_.ErrorAt(v.offset, "\"create\" takes objects with one key: \"mention\", \"relation\" or \"event\"");
    }
    const std::string& what = v.members[0].first;
    const JsonValue& body = v.members[0].second;
    CreateSpec c;
    if (what == "mention"sv) {
      c.kind = CreateSpec::Kind::kMention;
    } else if (what == "relation"sv) {
      c.kind = CreateSpec::Kind::kRelation;
    } else if (what == "event"sv) {
      c.kind = CreateSpec::Kind::kEvent;
    } else {
      return UnknownKey(v.key_offsets[0], what, "create");
    }
    if (!body.IsObject()) return TypeError(body, "\"" + what + "\"", "an object");
    const char* label_key = c.kind == CreateSpec::Kind::kMention ? "label"
                            : c.kind == CreateSpec::Kind::kRelation ? "type" : "kind";
    for (std::size_t i = 0; i < body.members.size(); ++i) {
      const auto& [key, value] = body.members[i];
      if (key == label_key) {
        KITH_RETURN_IF_ERROR(String(value, "\"" + key + "\"", &c.label));
        KITH_RETURN_IF_ERROR(Value(value, *rule, &c.label_value));
      } else if (key == "span"sv) {
        KITH_RETURN_IF_ERROR(CaptureRef(value, &c.span));
      } else if (key == "attributes"sv) {
        if (!value.IsObject()) return TypeError(value, "\"attributes\"", "an object");
        for (const auto& m : value.members) {
          AttributeValue av;
          KITH_RETURN_IF_ERROR(Value(m.second, *rule, &av));
          c.attributes[m.first] = av;
        }
      } else if (key == "nests"sv && c.kind == CreateSpec::Kind::kMention) {
        if (value.type != JsonValue::Type::kBool) return TypeError(value, "\"nests\"", "true or false");
        c.nests = value.boolean;
      } else if (key == "subject"sv && c.kind == CreateSpec::Kind::kRelation) {
        KITH_RETURN_IF_ERROR(CaptureRef(value, &c.subject));
      } else if (key == "object"sv && c.kind == CreateSpec::Kind::kRelation) {
        KITH_RETURN_IF_ERROR(CaptureRef(value, &c.object));
      } else if (key == "trigger"sv && c.kind == CreateSpec::Kind::kEvent) {
        KITH_RETURN_IF_ERROR(CaptureRef(value, &c.trigger));
      } else if (key == "roles"sv && c.kind == CreateSpec::Kind::kEvent) {
        if (!value.IsObject()) return TypeError(value, "\"roles\"", "an object of role: capture");
        for (std::size_t k = 0; k < value.members.size(); ++k) {
          const auto& m = value.members[k];
          std::string cap;
          KITH_RETURN_IF_ERROR(CaptureRef(m.second, &cap));
          if (!m.first.empty() && m.first[0] == '@' &&
              captures_.count(m.first.substr(1, m.first.find('.') == std::string::npos ? std::string::npos
                                                                                       : m.first.find('.') - 1)) == 0) {
            return src_.ErrorAt(value.key_offsets[k], "role \"" + m.first + "\" names no capture of this rule");
          }
          c.roles[m.first] = cap;
        }
      } else {
        return UnknownKey(body.key_offsets[i], key, "\"" + what + "\"");
      }
    }
    if (c.label.empty()) return src_.ErrorAt(body.offset, "\"" + what + "\" needs a non-empty \"" + label_key + "\"");
    if (c.kind == CreateSpec::Kind::kRelation && (c.subject.empty() || c.object.empty())) {
      return src_.ErrorAt(body.offset, "\"relation\" needs \"subject\" and \"object\" captures");
    }
    rule->creates.push_back(std::move(c));
    return Status::Ok();
  }

  Status Value(const JsonValue& v, const Rule& rule, AttributeValue* out) {
    (void)rule;
    if (v.type == JsonValue::Type::kBool) {
      out->literal = v.boolean ? "true" : "false";
      return Status::Ok();
    }
    if (v.type == JsonValue::Type::kNumber) {
      out->literal = v.is_integer ? std::to_string(v.integer) : std::to_string(v.number);
      return Status::Ok();
    }
    if (!v.IsString()) return TypeError(v, "an attribute value", "a string");
    if (v.string.empty() || v.string[0] != '@') {
      out->literal = v.string;
      return Status::Ok();
    }
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
      const std::size_t bar = v.string.find('|', start);
      parts.push_back(v.string.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      AttributeValue one;
      if (parts[i].empty() || parts[i][0] != '@') {
        one.literal = parts[i];
      } else {
        const std::string ref = parts[i].substr(1);
        const std::size_t dot = ref.find('.');
        one.capture = ref.substr(0, dot);
        if (dot != std::string::npos) one.key = ref.substr(dot + 1);
        if (captures_.count(one.capture) == 0) {
          return src_.ErrorAt(v.offset, "\"" + parts[i] + "\" names no capture of this rule");
        }
      }
      if (i == 0) {
        *out = one;
      } else {
        out->otherwise.push_back(one);
      }
    }
    return Status::Ok();
  }

  Status CaptureRef(const JsonValue& v, std::string* out) {
    KITH_RETURN_IF_ERROR(String(v, "a capture reference", out));
    if (captures_.count(*out) == 0) return src_.ErrorAt(v.offset, "no capture named \"" + *out + "\" in this rule");
    return Status::Ok();
  }

  // "not_after": one-token test object, or an array of them (any one passing bars the start).
  Status NotAfter(const JsonValue& v, Rule* rule) {
    std::vector<const JsonValue*> items;
    if (v.IsArray()) {
      for (const JsonValue& x : v.items) items.push_back(&x);
    } else {
      items.push_back(&v);
    }
    if (items.empty()) return src_.ErrorAt(v.offset, "\"not_after\" is an empty array");
    for (const JsonValue* x : items) {
      if (!x->IsObject()) return TypeError(*x, "\"not_after\"", "an element object or an array of them");
      TokenTest test;
      for (std::size_t k = 0; k < x->members.size(); ++k) {
        if (x->members[k].first == "mention"sv) {
          return src_.ErrorAt(x->key_offsets[k], "\"not_after\" takes one-token tests, not \"mention\"");
        }
        KITH_RETURN_IF_ERROR(Predicate(x->members[k].first, x->members[k].second, x->key_offsets[k], &test, true));
      }
      if (TestIsEmpty(test)) return src_.ErrorAt(x->offset, "\"not_after\" has an empty test");
      KITH_RETURN_IF_ERROR(WhereHasLexicon(test));
      rule->not_after.push_back(std::move(test));
    }
    return Status::Ok();
  }

  Status Examples(const JsonValue& v, Rule* rule) {
    if (!v.IsObject()) return TypeError(v, "\"examples\"", "an object with \"match\" and \"no_match\"");
    for (std::size_t i = 0; i < v.members.size(); ++i) {
      const auto& [key, value] = v.members[i];
      const bool should = key == "match"sv;
      if (!should && key != "no_match"sv) return UnknownKey(v.key_offsets[i], key, "examples");
      if (!value.IsArray()) return TypeError(value, "\"" + key + "\"", "an array of strings");
      for (const JsonValue& s : value.items) {
        if (!s.IsString()) return TypeError(s, "an example", "a string");
        rule->examples.push_back(RuleExample{s.string, should, s.offset});
      }
    }
    return Status::Ok();
  }

  Status Strings(const JsonValue& v, const std::string& key, std::vector<std::string>* out, bool lower) {
    std::vector<const JsonValue*> items;
    if (v.IsArray()) {
      for (const JsonValue& x : v.items) items.push_back(&x);
    } else {
      items.push_back(&v);
    }
    for (const JsonValue* x : items) {
      if (!x->IsString()) return TypeError(*x, "\"" + key + "\"", "a string or an array of strings");
      std::string s = lower ? Utf8Lower(x->string) : x->string;  // the same folding as tokens' lower forms
      out->push_back(std::move(s));
    }
    if (out->empty()) return src_.ErrorAt(v.offset, "\"" + key + "\" is an empty list");
    return Status::Ok();
  }

  Status String(const JsonValue& v, const std::string& what, std::string* out) {
    if (!v.IsString()) return TypeError(v, what, "a string");
    *out = v.string;
    return Status::Ok();
  }

  Status Int(const JsonValue& v, const std::string& what, int* out) {
    if (v.type != JsonValue::Type::kNumber || !v.is_integer) return TypeError(v, "\"" + what + "\"", "an integer");
    *out = static_cast<int>(v.integer);
    return Status::Ok();
  }

  Status TypeError(const JsonValue& v, const std::string& what, const std::string& expected) {
    return src_.ErrorAt(v.offset, what + " must be " + expected + ", not " + v.TypeName());
  }

  Status UnknownKey(std::size_t offset, const std::string& key, const std::string& where) {
    return src_.ErrorAt(offset, "unknown key \"" + key + "\" in " + where);
  }

  const JsonSource& src_;
  const RuleParseContext& ctx_;
  std::set<std::string> captures_;
  std::vector<std::string> capture_order_;
  std::map<std::string, std::vector<const Lexicon*>> capture_lexicons_;
  std::map<std::string, const JsonValue*> macros_;
  int macro_depth_ = 0;
  std::size_t where_offset_ = 0;  // of the last "where" key read
};

}  // namespace

Status ParseRuleFile(const std::string& file, const std::string& text, const RuleParseContext& context,
                     std::vector<Rule>* out) {
  std::unique_ptr<JsonSource> src;
  KITH_RETURN_IF_ERROR(JsonSource::Parse(file, text, &src));
  Parser parser(*src, context);
  return parser.File(out);
}

}  // namespace kith
