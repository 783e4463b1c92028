#include "extract/token_regex.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <cstdio>
#include <utility>

namespace kith {

namespace {

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

constexpr std::uint32_t kMaxRune = 0x10FFFF;
// An invalid byte b of the text decodes to kInvalidBase + b: above every code
// point, so no literal or positive class matches it but '.' and negations do.
constexpr std::uint32_t kInvalidBase = 0x110000;
constexpr std::uint32_t kMaxValue = kInvalidBase + 0xFF;
constexpr std::size_t kMaxQuotedBytes = 200;

// Decodes one UTF-8 code point from s[0, n), n >= 1, strictly (no overlongs,
// surrogates or values past U+10FFFF). Returns its width; an invalid sequence
// yields width 1 and kInvalidBase + the byte, and *valid = false.
std::size_t DecodeRune(const char* s, std::size_t n, std::uint32_t* rune, bool* valid) {
  const auto b = [s](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])); };
  const auto cont = [&](std::size_t i) { return i < n && (b(i) & 0xC0) == 0x80; };
  const std::uint32_t b0 = b(0);
  *valid = true;
  if (b0 < 0x80) {
    *rune = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    *rune = ((b0 & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const std::uint32_t b1 = b(1);
    if (!(b0 == 0xE0 && b1 < 0xA0) && !(b0 == 0xED && b1 > 0x9F)) {
      *rune = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b(2) & 0x3F);
      return 3;
    }
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const std::uint32_t b1 = b(1);
    if (!(b0 == 0xF0 && b1 < 0x90) && !(b0 == 0xF4 && b1 > 0x8F)) {
      *rune = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      return 4;
    }
  }
  *valid = false;
  *rune = kInvalidBase + b0;
  return 1;
}

void AppendUtf8(std::string* out, std::uint32_t r) {
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

// One code point for Dump(): printable ASCII as itself (syntax characters
// escaped), control and space as \xNN, printable non-ASCII as UTF-8, the rest
// (C1 controls, surrogate or out-of-range bounds) as \x{hex}.
void AppendDumpRune(std::string* out, std::uint32_t r, bool in_class) {
  char buf[16];
  if (r <= 0x20 || r == 0x7F) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
    *out += buf;
  } else if (r < 0x80) {
    const char c = static_cast<char>(r);
    if (c == '\\' || c == '{' || c == '}' || (in_class && c == '-')) out->push_back('\\');
    out->push_back(c);
  } else if (r < 0xA0 || r > kMaxRune || (r >= 0xD800 && r <= 0xDFFF)) {
    std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(r));
    *out += buf;
  } else {
    AppendUtf8(out, r);
  }
}

// The pattern as quoted in error messages: control bytes and invalid UTF-8 as
// \xNN, cut after kMaxQuotedBytes on a code point boundary.
std::string QuotePattern(const std::string& p) {
  std::string out;
  std::size_t i = 0;
  while (i < p.size()) {
    if (i >= kMaxQuotedBytes) {
      out += "...";
      break;
    }
    std::uint32_t r = 0;
    bool valid = true;
    const std::size_t w = DecodeRune(p.data() + i, p.size() - i, &r, &valid);
    if (!valid || r < 0x20 || r == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(p[i])));
      out += buf;
    } else {
      out.append(p, i, w);
    }
    i += w;
  }
  return out;
}

void Normalize(Ranges* r) {
  std::sort(r->begin(), r->end());
  Ranges merged;
  for (const auto& range : *r) {
    if (!merged.empty() && range.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  *r = std::move(merged);
}

// Adds the other ASCII case of every ASCII letter in *r, then normalizes.
void FoldAscii(Ranges* r) {
  const Ranges original = *r;
  for (const auto& [lo, hi] : original) {
    const std::uint32_t a = std::max<std::uint32_t>(lo, 'a'), z = std::min<std::uint32_t>(hi, 'z');
    if (a <= z) r->emplace_back(a - 32, z - 32);
    const std::uint32_t A = std::max<std::uint32_t>(lo, 'A'), Z = std::min<std::uint32_t>(hi, 'Z');
    if (A <= Z) r->emplace_back(A + 32, Z + 32);
  }
  Normalize(r);
}

// The complement of normalized ranges within [0, kMaxValue].
Ranges Complement(const Ranges& r) {
  Ranges out;
  std::uint32_t next = 0;
  for (const auto& [lo, hi] : r) {
    if (lo > next) out.emplace_back(next, lo - 1);
    next = hi + 1;
  }
  if (next <= kMaxValue) out.emplace_back(next, kMaxValue);
  return out;
}

bool InRanges(const Ranges& r, std::uint32_t c) {
  auto it = std::upper_bound(r.begin(), r.end(), c,
                             [](std::uint32_t v, const std::pair<std::uint32_t, std::uint32_t>& range) {
                               return v < range.first;
                             });
  return it != r.begin() && c <= std::prev(it)->second;
}

// The ranges of \d \w \s (lower-case letter), normalized.
Ranges PerlClass(char letter) {
  switch (letter) {
    case 'd': return {{'0', '9'}};
    case 'w': return {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
    default: return {{'\t', '\r'}, {' ', ' '}};
  }
}

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// ---- Syntax tree ----

enum class Kind { kEmpty, kLit, kAny, kClass, kCat, kAlt, kRepeat, kBol, kEol };

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
  Node(Kind k, int c) : kind(k), col(c) {}
  Kind kind;
  int col;                 // 1-based column where the node starts (kRepeat: its quantifier)
  std::uint32_t rune = 0;  // kLit
  Ranges ranges;           // kClass, normalized
  bool negated = false;    // kClass
  std::vector<NodePtr> subs;
  int min = 0, max = 0;    // kRepeat; max -1 = unbounded
};

void DumpNode(const Node& n, std::string* out) {
  switch (n.kind) {
    case Kind::kEmpty: *out += "emp{}"; return;
    case Kind::kAny: *out += "dot{}"; return;
    case Kind::kBol: *out += "bol{}"; return;
    case Kind::kEol: *out += "eol{}"; return;
    case Kind::kLit:
      *out += "lit{";
      AppendDumpRune(out, n.rune, false);
      *out += "}";
      return;
    case Kind::kClass:
      *out += n.negated ? "ncc{" : "cc{";
      for (const auto& [lo, hi] : n.ranges) {
        AppendDumpRune(out, lo, true);
        if (hi != lo) {
          *out += "-";
          AppendDumpRune(out, hi, true);
        }
      }
      *out += "}";
      return;
    case Kind::kCat:
    case Kind::kAlt:
      *out += n.kind == Kind::kCat ? "cat{" : "alt{";
      for (const auto& sub : n.subs) DumpNode(*sub, out);
      *out += "}";
      return;
    case Kind::kRepeat:
      if (n.min == 0 && n.max == -1) {
        *out += "star{";
      } else if (n.min == 1 && n.max == -1) {
        *out += "plus{";
      } else if (n.min == 0 && n.max == 1) {
        *out += "que{";
      } else {
        *out += "rep{" + std::to_string(n.min) + "," + std::to_string(n.max) + " ";
      }
      DumpNode(*n.subs[0], out);
      *out += "}";
      return;
  }
}

// Builds a concatenation or alternation, flattening nested ones of the same
// kind; a single child stands for itself, none is emp{}.
NodePtr MakeList(Kind kind, std::vector<NodePtr> items, int col) {
  std::vector<NodePtr> flat;
  for (auto& item : items) {
    if (item->kind == kind) {
      for (auto& sub : item->subs) flat.push_back(std::move(sub));
    } else if (kind == Kind::kCat && item->kind == Kind::kEmpty) {
      continue;  // emp{} in a sequence changes nothing
    } else {
      flat.push_back(std::move(item));
    }
  }
  if (flat.empty()) return std::make_unique<Node>(Kind::kEmpty, col);
  if (flat.size() == 1) return std::move(flat[0]);
  auto node = std::make_unique<Node>(kind, flat[0]->col);
  node->subs = std::move(flat);
  return node;
}

Status RegexError(const std::string& pattern, int col, const std::string& what) {
  return Status::At(StatusCode::kRuleError, "", 0, col,
                    "regex \"" + QuotePattern(pattern) + "\": " + what + " at column " + std::to_string(col));
}

// ---- Parser: recursive descent; recursion depth is bounded by kMaxNesting ----

class Parser {
 public:
  explicit Parser(const std::string& pattern) : p_(pattern) {}

  Status Parse(NodePtr* out) {
    // Validate UTF-8 first so that every later step can decode freely.
    for (std::size_t i = 0; i < p_.size();) {
      std::uint32_t r = 0;
      bool valid = true;
      const std::size_t w = DecodeRune(p_.data() + i, p_.size() - i, &r, &valid);
      if (!valid) return Error(i, "invalid UTF-8 byte");
      i += w;
    }
    if (p_.compare(0, 4, "(?i)") == 0) {
      fold_ = true;
      pos_ = 4;
    }
    KITH_RETURN_IF_ERROR(ParseAlt(out));
    if (!AtEnd()) return Error(pos_, "unmatched ')'");  // ParseAlt stops only at ')' or the end
    return Status::Ok();
  }

  Status Error(std::size_t offset, const std::string& what) const {
    return RegexError(p_, Column(offset), what);
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return p_[pos_]; }
  bool LookingAt(const char* s) const { return p_.compare(pos_, std::char_traits<char>::length(s), s) == 0; }
  int Column(std::size_t offset) const {
    int col = 1;
    for (std::size_t i = 0; i < offset && i < p_.size(); ++i) {
      if ((static_cast<unsigned char>(p_[i]) & 0xC0) != 0x80) ++col;
    }
    return col;
  }
  int Col() const { return Column(pos_); }
  std::uint32_t NextRune() {
    std::uint32_t r = 0;
    bool valid = true;
    pos_ += DecodeRune(p_.data() + pos_, p_.size() - pos_, &r, &valid);
    return r;
  }

  Status ParseAlt(NodePtr* out) {
    std::vector<NodePtr> alts;
    const int col = Col();
    while (true) {
      NodePtr branch;
      KITH_RETURN_IF_ERROR(ParseConcat(&branch));
      alts.push_back(std::move(branch));
      if (AtEnd() || Peek() != '|') break;
      ++pos_;
    }
    *out = alts.size() == 1 ? std::move(alts[0]) : MakeList(Kind::kAlt, std::move(alts), col);
    return Status::Ok();
  }

  Status ParseConcat(NodePtr* out) {
    std::vector<NodePtr> items;
    const int col = Col();
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      NodePtr atom;
      KITH_RETURN_IF_ERROR(ParseAtom(&atom));
      KITH_RETURN_IF_ERROR(ParseQuantifier(&atom));
      items.push_back(std::move(atom));
    }
    *out = MakeList(Kind::kCat, std::move(items), col);
    return Status::Ok();
  }

  Status ParseAtom(NodePtr* out) {
    const std::size_t start = pos_;
    const int col = Col();
    const char c = Peek();
    switch (c) {
      case '(': return ParseGroup(out);
      case '[': return ParseClass(out);
      case '.':
        ++pos_;
        *out = std::make_unique<Node>(Kind::kAny, col);
        return Status::Ok();
      case '^':
      case '$':
        ++pos_;
        *out = std::make_unique<Node>(c == '^' ? Kind::kBol : Kind::kEol, col);
        return Status::Ok();
      case '*':
      case '+':
      case '?':
      case '{':
        return Error(start, std::string("nothing to repeat before '") + c + "'");
      case ']':
      case '}':
        return Error(start, std::string("unmatched '") + c + "' (write '\\" + c + "' for the literal)");
      case '\\': {
        Ranges ranges;
        bool is_class = false, negated = false;
        std::uint32_t rune = 0;
        KITH_RETURN_IF_ERROR(ParseEscape(&rune, &ranges, &is_class, &negated));
        if (is_class) {
          auto node = std::make_unique<Node>(Kind::kClass, col);
          node->ranges = std::move(ranges);
          node->negated = negated;
          *out = std::move(node);
        } else {
          *out = Literal(rune, col);
        }
        return Status::Ok();
      }
      default:
        *out = Literal(NextRune(), col);
        return Status::Ok();
    }
  }

  // A literal; under (?i) an ASCII letter becomes the class of both cases.
  NodePtr Literal(std::uint32_t rune, int col) const {
    const bool letter = (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z');
    if (fold_ && letter) {
      auto node = std::make_unique<Node>(Kind::kClass, col);
      node->ranges = {{rune, rune}};
      FoldAscii(&node->ranges);
      return node;
    }
    auto node = std::make_unique<Node>(Kind::kLit, col);
    node->rune = rune;
    return node;
  }

  Status ParseGroup(NodePtr* out) {
    const std::size_t open = pos_;
    if (depth_ >= TokenRegex::kMaxNesting) {
      return Error(open, "groups nested deeper than " + std::to_string(TokenRegex::kMaxNesting));
    }
    if (LookingAt("(?:")) {
      pos_ += 3;
    } else if (LookingAt("(?=") || LookingAt("(?!")) {
      return Error(open, "lookahead is not supported");
    } else if (LookingAt("(?<=") || LookingAt("(?<!")) {
      return Error(open, "lookbehind is not supported");
    } else if (LookingAt("(?P<") || LookingAt("(?<") || LookingAt("(?'")) {
      return Error(open, "named groups are not supported (nothing is captured)");
    } else if (LookingAt("(?i)")) {
      return Error(open, "(?i) is only allowed at the start of the pattern");
    } else if (LookingAt("(?")) {
      return Error(open, "unsupported group syntax (only '(', '(?:' and a leading '(?i)')");
    } else {
      ++pos_;
    }
    ++depth_;
    NodePtr inner;
    KITH_RETURN_IF_ERROR(ParseAlt(&inner));
    --depth_;
    if (AtEnd()) return Error(pos_, "missing ')'");
    ++pos_;  // ParseAlt stops only at ')' or the end
    *out = std::move(inner);
    return Status::Ok();
  }

  // At a backslash, outside or inside a class. Sets *is_class for \d \w \s
  // \D \W \S (with *ranges and *negated), else *rune to the escaped literal.
  Status ParseEscape(std::uint32_t* rune, Ranges* ranges, bool* is_class, bool* negated) {
    const std::size_t start = pos_;
    ++pos_;
    if (AtEnd()) return Error(start, "trailing backslash");
    const char c = Peek();
    if (c == 'd' || c == 'w' || c == 's' || c == 'D' || c == 'W' || c == 'S') {
      ++pos_;
      *is_class = true;
      *negated = c < 'a';
      *ranges = PerlClass(static_cast<char>(c | 0x20));
      return Status::Ok();
    }
    if (IsAsciiPunct(c)) {
      ++pos_;
      *is_class = false;
      *rune = static_cast<unsigned char>(c);
      return Status::Ok();
    }
    if (c >= '1' && c <= '9') return Error(start, "backreferences are not supported");
    if (c == 'b' || c == 'B') return Error(start, "word-boundary assertions are not supported");
    if (c == 'A' || c == 'z' || c == 'Z') return Error(start, "use ^ and $ instead of \\A \\z \\Z");
    if (c == 'p' || c == 'P') return Error(start, "Unicode property classes are not supported");
    const std::size_t after = pos_;
    NextRune();
    const std::string shown = p_.substr(start, pos_ - start);
    pos_ = after;
    return Error(start, "unsupported escape '" + shown + "'");
  }

  Status ParseClass(NodePtr* out) {
    const std::size_t open = pos_;
    auto node = std::make_unique<Node>(Kind::kClass, Col());
    ++pos_;
    if (!AtEnd() && Peek() == '^') {
      node->negated = true;
      ++pos_;
    }
    bool first = true;
    while (true) {
      if (AtEnd()) return Error(pos_, "missing ']'");
      const char c = Peek();
      if (c == ']') {
        if (first) return Error(open, "empty character class (write '\\]' for a literal ']')");
        ++pos_;
        break;
      }
      if (c == '[') return Error(pos_, "unescaped '[' inside a class (write '\\[')");
      const std::size_t item = pos_;
      std::uint32_t lo = 0;
      KITH_RETURN_IF_ERROR(ParseClassChar(&lo, &node->ranges));
      first = false;
      if (lo == kNotAChar) continue;  // \d and friends added their ranges
      // A '-' followed by anything but ']' makes a range.
      if (pos_ + 1 < p_.size() && Peek() == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (p_[pos_] == '[') return Error(pos_, "unescaped '[' inside a class (write '\\[')");
        std::uint32_t hi = 0;
        Ranges unused;
        KITH_RETURN_IF_ERROR(ParseClassChar(&hi, &unused));
        if (hi == kNotAChar) return Error(item, "a class escape cannot end a range");
        if (hi < lo) {
          return Error(item, "range '" + p_.substr(item, pos_ - item) + "' ends before it starts");
        }
        node->ranges.emplace_back(lo, hi);
      } else {
        node->ranges.emplace_back(lo, lo);
      }
    }
    Normalize(&node->ranges);
    if (fold_) FoldAscii(&node->ranges);
    *out = std::move(node);
    return Status::Ok();
  }

  static constexpr std::uint32_t kNotAChar = 0xFFFFFFFF;

  // One class member: a literal or escaped literal into *rune, or for \d \w
  // \s (and complements) their ranges added to *ranges and *rune = kNotAChar.
  Status ParseClassChar(std::uint32_t* rune, Ranges* ranges) {
    if (Peek() != '\\') {
      *rune = NextRune();
      return Status::Ok();
    }
    Ranges perl;
    bool is_class = false, negated = false;
    KITH_RETURN_IF_ERROR(ParseEscape(rune, &perl, &is_class, &negated));
    if (is_class) {
      if (negated) perl = Complement(perl);
      ranges->insert(ranges->end(), perl.begin(), perl.end());
      *rune = kNotAChar;
    }
    return Status::Ok();
  }

  // A quantifier, if one follows the atom, wraps it in kRepeat.
  Status ParseQuantifier(NodePtr* atom) {
    if (AtEnd()) return Status::Ok();
    const char c = Peek();
    if (c != '*' && c != '+' && c != '?' && c != '{') return Status::Ok();
    const std::size_t q = pos_;
    if ((*atom)->kind == Kind::kBol || (*atom)->kind == Kind::kEol) {
      return Error(q, std::string("cannot repeat the anchor '") + ((*atom)->kind == Kind::kBol ? '^' : '$') + "'");
    }
    int min = 0, max = -1;
    if (c == '*') {
      ++pos_;
    } else if (c == '+') {
      min = 1;
      ++pos_;
    } else if (c == '?') {
      max = 1;
      ++pos_;
    } else {
      KITH_RETURN_IF_ERROR(ParseCount(&min, &max));
    }
    if (!AtEnd()) {
      const char next = Peek();
      if (next == '?') return Error(pos_, "lazy quantifiers are not supported");
      if (next == '+') return Error(pos_, "possessive quantifiers are not supported");
      if (next == '*' || next == '{') return Error(pos_, "quantifier follows another quantifier");
    }
    auto node = std::make_unique<Node>(Kind::kRepeat, Column(q));
    node->min = min;
    node->max = max;
    node->subs.push_back(std::move(*atom));
    *atom = std::move(node);
    return Status::Ok();
  }

  // {m} {m,} {m,n} at '{'.
  Status ParseCount(int* min, int* max) {
    const std::size_t open = pos_;
    ++pos_;
    if (!ParseInt(min)) return Error(pos_, "expected a number after '{'");
    *max = *min;
    if (!AtEnd() && Peek() == ',') {
      ++pos_;
      if (!ParseInt(max)) *max = -1;
    }
    if (AtEnd() || Peek() != '}') return Error(pos_, "missing '}' in repetition");
    ++pos_;
    const std::string text = p_.substr(open, pos_ - open);
    if (*min > TokenRegex::kMaxRepeat || *max > TokenRegex::kMaxRepeat) {
      return Error(open, "repetition " + text + " exceeds the maximum count " +
                             std::to_string(TokenRegex::kMaxRepeat));
    }
    if (*max != -1 && *max < *min) return Error(open, "repetition " + text + " has maximum below minimum");
    return Status::Ok();
  }

  // Decimal digits; a huge number is clamped (it is rejected as too large anyway).
  bool ParseInt(int* value) {
    if (AtEnd() || Peek() < '0' || Peek() > '9') return false;
    int v = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9') {
      v = std::min(v * 10 + (Peek() - '0'), 1000000);
      ++pos_;
    }
    *value = v;
    return true;
  }

  const std::string& p_;
  std::size_t pos_ = 0;
  bool fold_ = false;
  int depth_ = 0;
};

// Instructions that `n` compiles into (kMatch excluded), checked against the
// cap bottom-up so that the culprit named is the smallest subtree too big.
// Each count is at most the cap times kMaxRepeat: no overflow.
Status ProgramSize(const Node& n, const std::string& pattern, std::size_t* size) {
  constexpr std::size_t kLimit = TokenRegex::kMaxProgramSize - 1;  // room for kMatch
  const auto too_big = [&](int col) {
    return RegexError(pattern, col,
                      "pattern too large: the compiled program would exceed " +
                          std::to_string(TokenRegex::kMaxProgramSize) + " instructions");
  };
  std::size_t total = 0;
  switch (n.kind) {
    case Kind::kEmpty: total = 0; break;
    case Kind::kLit:
    case Kind::kAny:
    case Kind::kClass:
    case Kind::kBol:
    case Kind::kEol: total = 1; break;
    case Kind::kCat:
    case Kind::kAlt:
      total = n.kind == Kind::kAlt ? 2 * (n.subs.size() - 1) : 0;
      for (const auto& sub : n.subs) {
        std::size_t s = 0;
        KITH_RETURN_IF_ERROR(ProgramSize(*sub, pattern, &s));
        total += s;
        if (total > kLimit) return too_big(sub->col);
      }
      break;
    case Kind::kRepeat: {
      std::size_t s = 0;
      KITH_RETURN_IF_ERROR(ProgramSize(*n.subs[0], pattern, &s));
      const auto m = static_cast<std::size_t>(n.min);
      if (n.max == -1) {
        total = m == 0 ? s + 2 : m * s + 1;  // x* = split x jmp; x{m,} = x^(m-1) x split
      } else {
        total = m * s + (static_cast<std::size_t>(n.max) - m) * (s + 1);  // x^m (split x)^(n-m)
      }
      break;
    }
  }
  *size = total;
  if (total > kLimit) return too_big(n.col);
  return Status::Ok();
}

// A sparse set of program counters (Briggs & Torczon): O(1) insert, test and
// clear, iteration in insertion order.
class SparseSet {
 public:
  explicit SparseSet(std::size_t n) : sparse_(n), dense_(n) {}
  bool Contains(std::uint32_t i) const {
    const std::uint32_t s = sparse_[i];
    return s < size_ && dense_[s] == i;
  }
  bool Insert(std::uint32_t i) {
    if (Contains(i)) return false;
    sparse_[i] = size_;
    dense_[size_++] = i;
    return true;
  }
  void Clear() { size_ = 0; }
  std::uint32_t size() const { return size_; }
  std::uint32_t operator[](std::uint32_t k) const { return dense_[k]; }

 private:
  std::vector<std::uint32_t> sparse_;
  std::vector<std::uint32_t> dense_;
  std::uint32_t size_ = 0;
};

}  // namespace

// Emits the program for a syntax tree whose size ProgramSize has checked.
// Recursion follows the tree, whose depth the parser bounds.
class RegexCompiler {
 public:
  explicit RegexCompiler(TokenRegex* re) : re_(re) {}

  void Emit(const Node& n) {
    using Op = TokenRegex::Op;
    switch (n.kind) {
      case Kind::kEmpty: return;
      case Kind::kLit: Add(Op::kChar, n.rune); return;
      case Kind::kAny: Add(Op::kAny, 0); return;
      case Kind::kBol: Add(Op::kBol, 0); return;
      case Kind::kEol: Add(Op::kEol, 0); return;
      case Kind::kClass:
        re_->classes_.push_back(n.ranges);
        Add(n.negated ? Op::kNotClass : Op::kClass, static_cast<std::uint32_t>(re_->classes_.size() - 1));
        return;
      case Kind::kCat:
        for (const auto& sub : n.subs) Emit(*sub);
        return;
      case Kind::kAlt: {
        // split L1, L2; L1: a; jmp end; L2: split ...; last alternative falls through.
        std::vector<std::uint32_t> jumps;
        for (std::size_t i = 0; i + 1 < n.subs.size(); ++i) {
          const std::uint32_t split = Add(Op::kSplit, 0);
          Prog()[split].x = split + 1;
          Emit(*n.subs[i]);
          jumps.push_back(Add(Op::kJmp, 0));
          Prog()[split].y = Here();
        }
        Emit(*n.subs.back());
        for (std::uint32_t j : jumps) Prog()[j].x = Here();
        return;
      }
      case Kind::kRepeat: EmitRepeat(*n.subs[0], n.min, n.max); return;
    }
  }

  void Finish() { Add(TokenRegex::Op::kMatch, 0); }

 private:
  std::vector<TokenRegex::Inst>& Prog() { return re_->prog_; }
  std::uint32_t Here() const { return static_cast<std::uint32_t>(re_->prog_.size()); }
  std::uint32_t Add(TokenRegex::Op op, std::uint32_t arg) {
    TokenRegex::Inst inst;
    inst.op = op;
    inst.arg = arg;
    re_->prog_.push_back(inst);
    return Here() - 1;
  }

  void EmitRepeat(const Node& sub, int min, int max) {
    using Op = TokenRegex::Op;
    if (max == -1 && min == 0) {  // L: split L+1, end; x; jmp L
      const std::uint32_t split = Add(Op::kSplit, 0);
      Prog()[split].x = split + 1;
      Emit(sub);
      Prog()[Add(Op::kJmp, 0)].x = split;
      Prog()[split].y = Here();
      return;
    }
    if (max == -1) {  // x^(min-1) then L: x; split L, next
      for (int i = 0; i + 1 < min; ++i) Emit(sub);
      const std::uint32_t loop = Here();
      Emit(sub);
      const std::uint32_t split = Add(Op::kSplit, 0);
      Prog()[split].x = loop;
      Prog()[split].y = split + 1;
      return;
    }
    // x^min, then (max - min) optional copies, each skipping straight to the end.
    for (int i = 0; i < min; ++i) Emit(sub);
    std::vector<std::uint32_t> splits;
    for (int i = min; i < max; ++i) {
      const std::uint32_t split = Add(Op::kSplit, 0);
      Prog()[split].x = split + 1;
      splits.push_back(split);
      Emit(sub);
    }
    for (std::uint32_t s : splits) Prog()[s].y = Here();
  }

  TokenRegex* re_;
};

TokenRegex::~TokenRegex() = default;

Status TokenRegex::Compile(const std::string& pattern, std::unique_ptr<TokenRegex>* out) {
  out->reset();
  NodePtr tree;
  Parser parser(pattern);
  KITH_RETURN_IF_ERROR(parser.Parse(&tree));
  std::size_t size = 0;
  KITH_RETURN_IF_ERROR(ProgramSize(*tree, pattern, &size));

  std::unique_ptr<TokenRegex> re(new TokenRegex());
  re->pattern_ = pattern;
  DumpNode(*tree, &re->dump_);
  re->prog_.reserve(size + 1);
  RegexCompiler compiler(re.get());
  compiler.Emit(*tree);
  compiler.Finish();
  re->ComputeFilters();
  *out = std::move(re);
  return Status::Ok();
}

void TokenRegex::ComputeFilters() {
  const std::size_t n = prog_.size();
  // Shortest path to kMatch counting consuming instructions (0-1 BFS).
  std::vector<std::size_t> dist(n, SIZE_MAX);
  std::deque<std::uint32_t> queue{0};
  dist[0] = 0;
  while (!queue.empty()) {
    const std::uint32_t pc = queue.front();
    queue.pop_front();
    const Inst& in = prog_[pc];
    const auto relax = [&](std::uint32_t to, std::size_t weight) {
      if (to >= n || dist[pc] + weight >= dist[to]) return;
      dist[to] = dist[pc] + weight;
      if (weight == 0) {
        queue.push_front(to);
      } else {
        queue.push_back(to);
      }
    };
    switch (in.op) {
      case Op::kSplit: relax(in.x, 0); relax(in.y, 0); break;
      case Op::kJmp: relax(in.x, 0); break;
      case Op::kBol:
      case Op::kEol: relax(pc + 1, 0); break;
      case Op::kMatch: break;
      default: relax(pc + 1, 1); break;
    }
  }
  min_units_ = dist[n - 1] == SIZE_MAX ? 0 : dist[n - 1];
  // The instructions that can consume the first code point.
  std::vector<bool> seen(n, false);
  std::vector<std::uint32_t> stack{0};
  bool filter = true;
  while (!stack.empty()) {
    const std::uint32_t pc = stack.back();
    stack.pop_back();
    if (pc >= n || seen[pc]) continue;
    seen[pc] = true;
    const Inst& in = prog_[pc];
    switch (in.op) {
      case Op::kSplit: stack.push_back(in.x); stack.push_back(in.y); break;
      case Op::kJmp: stack.push_back(in.x); break;
      case Op::kBol:
      case Op::kEol: stack.push_back(pc + 1); break;
      case Op::kMatch: filter = false; break;
      default: filter = first_.Add(in, classes_) && filter; break;
    }
  }
  first_filter_ = filter;

  // The instructions that can consume the last code point: those whose
  // successor reaches kMatch without consuming.
  std::vector<bool> ends(n, false);  // reaches kMatch without consuming
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = n; pc-- > 0;) {
      if (ends[pc]) continue;
      const Inst& in = prog_[pc];
      bool reaches = false;
      switch (in.op) {
        case Op::kMatch: reaches = true; break;
        case Op::kSplit: reaches = (in.x < n && ends[in.x]) || (in.y < n && ends[in.y]); break;
        case Op::kJmp: reaches = in.x < n && ends[in.x]; break;
        case Op::kBol:
        case Op::kEol: reaches = pc + 1 < n && ends[pc + 1]; break;
        default: break;
      }
      if (reaches) ends[pc] = changed = true;
    }
  }
  bool last_filter = !ends[0];  // a regex that can match nothing has no last code point to test
  for (std::size_t pc = 0; pc + 1 < n && last_filter; ++pc) {
    const Inst& in = prog_[pc];
    if (in.op == Op::kMatch || in.op == Op::kSplit || in.op == Op::kJmp || in.op == Op::kBol || in.op == Op::kEol) {
      continue;
    }
    if (ends[pc + 1]) last_filter = last_.Add(in, classes_);
  }
  last_filter_ = last_filter;
}

bool TokenRegex::EdgeBytes::Add(const Inst& in, const std::vector<Ranges>& classes) {
  const auto set = [&](std::uint32_t c) {
    if (c < 128) {
      ascii[c / 64] |= std::uint64_t{1} << (c % 64);
    } else {
      non_ascii = true;
    }
  };
  switch (in.op) {
    case Op::kChar: set(in.arg); return true;
    case Op::kClass:
      for (const auto& [lo, hi] : classes[in.arg]) {
        for (std::uint32_t c = lo; c <= hi && c < 128; ++c) set(c);
        if (hi >= 128) set(hi);
      }
      return true;
    default: return false;  // kAny, kNotClass: any code point
  }
}

bool TokenRegex::FullMatch(std::string_view text) const {
  if (text.size() < min_units_) return false;
  if (first_filter_) {
    if (text.empty()) return false;
    if (!first_.Holds(static_cast<unsigned char>(text[0]))) return false;
  }
  if (last_filter_) {
    if (text.empty()) return false;
    // A last byte of 128 or more belongs to a non-ASCII code point (or is an invalid byte,
    // which only kAny and kNotClass match, and those turn this filter off).
    if (!last_.Holds(static_cast<unsigned char>(text.back()))) return false;
  }
  return Run(text, true);
}

bool TokenRegex::PartialMatch(std::string_view text) const { return Run(text, false); }

std::string TokenRegex::Dump() const { return dump_; }

// Thompson simulation: `cur` holds every program state alive before the code
// point at `pos`; each step moves them across it into `next`. Each state enters
// a set at most once per position, so the work is O(len(text) x prog_.size()).
bool TokenRegex::Run(std::string_view text, bool full) const {
  const auto n = static_cast<std::uint32_t>(prog_.size());
  const std::uint32_t match = n - 1;
  SparseSet cur(n), next(n);
  std::vector<std::uint32_t> stack;
  stack.reserve(2 * static_cast<std::size_t>(n));

  // Adds `pc` and every state reachable from it without consuming input.
  const auto add = [&](SparseSet* set, std::uint32_t pc, bool at_begin, bool at_end) {
    stack.push_back(pc);
    while (!stack.empty()) {
      const std::uint32_t i = stack.back();
      stack.pop_back();
      if (!set->Insert(i)) continue;
      const Inst& inst = prog_[i];
      switch (inst.op) {
        case Op::kJmp: stack.push_back(inst.x); break;
        case Op::kSplit:
          stack.push_back(inst.y);
          stack.push_back(inst.x);
          break;
        case Op::kBol:
          if (at_begin) stack.push_back(i + 1);
          break;
        case Op::kEol:
          if (at_end) stack.push_back(i + 1);
          break;
        default: break;
      }
    }
  };

  const std::size_t len = text.size();
  std::size_t pos = 0;
  add(&cur, 0, true, len == 0);
  while (true) {
    if (!full && cur.Contains(match)) return true;
    if (pos == len) return cur.Contains(match);
    std::uint32_t c = 0;
    bool valid = true;
    const std::size_t width = DecodeRune(text.data() + pos, len - pos, &c, &valid);
    const bool at_end = pos + width == len;
    next.Clear();
    for (std::uint32_t k = 0; k < cur.size(); ++k) {
      const std::uint32_t pc = cur[k];
      const Inst& inst = prog_[pc];
      bool step = false;
      switch (inst.op) {
        case Op::kChar: step = c == inst.arg; break;
        case Op::kClass: step = InRanges(classes_[inst.arg], c); break;
        case Op::kNotClass: step = !InRanges(classes_[inst.arg], c); break;
        case Op::kAny: step = true; break;
        default: break;
      }
      if (step) add(&next, pc + 1, false, at_end);
    }
    pos += width;
    std::swap(cur, next);
    if (!full) {
      add(&cur, 0, false, at_end);  // unanchored: a match may start here too
    } else if (cur.size() == 0) {
      return false;
    }
  }
}

}  // namespace kith
