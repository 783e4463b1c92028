#include "text/tokenizer.h"

#include <algorithm>

#include "base/utf8.h"

namespace kith {
namespace {

// Punctuation code points that normalise to ASCII; 0 when not one of them.
const char* NormalisedPunct(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033: return "\"";
    case 0x2013: return "-";
    case 0x2014: case 0x2015: return "--";
    case 0x2026: return "...";
    case 0x2022: case 0x00B7: case 0x25AA: return "*";
    default: return nullptr;
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
}

bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

class Scanner {
 public:
  Scanner(std::string_view text, std::size_t end) : text_(text), end_(end) {}
  char32_t At(std::size_t pos, std::size_t* len) const {
    if (pos >= end_) {
      *len = 0;
      return 0;
    }
    const unsigned char b = static_cast<unsigned char>(text_[pos]);
    if (b < 0x80) {
      *len = 1;
      return b;
    }
    return DecodeUtf8(text_.substr(0, end_), pos, len);
  }
  char32_t At(std::size_t pos) const {
    std::size_t len = 0;
    return At(pos, &len);
  }
  std::size_t Next(std::size_t pos) const {
    std::size_t len = 0;
    At(pos, &len);
    return pos + (len == 0 ? 1 : len);
  }

 private:
  std::string_view text_;
  std::size_t end_;
};

// Whether the word after spaces from `pos` holds a digit ("No. 3", "No. A-7", not "No. She").
bool NumberFollows(const Scanner& sc, std::size_t pos, std::size_t end) {
  while (pos < end && (sc.At(pos) == ' ' || sc.At(pos) == '\t' || sc.At(pos) == 0xA0)) pos = sc.Next(pos);
  for (; pos < end && sc.At(pos) != ' ' && sc.At(pos) != '\t' && sc.At(pos) != '\n' && sc.At(pos) != 0xA0; pos = sc.Next(pos)) {
    if (sc.At(pos) >= '0' && sc.At(pos) <= '9') return true;
  }
  return false;
}

bool IsAscii(std::string_view raw) {
  return std::none_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The three forms of an ASCII token in one pass, as Normalise, Utf8Lower and
// WordShape give them (nothing ASCII is normalised).
void SetAsciiForms(std::string_view raw, Token* t) {
  t->norm.assign(raw);
  t->lower.resize(raw.size());
  t->shape.clear();
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    const bool upper = c >= 'A' && c <= 'Z';
    t->lower[i] = upper ? static_cast<char>(c + 32) : c;
    const char cls = upper ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : 0;
    if (cls == 0) {
      last = 0;
      run = 0;
      t->shape.push_back(c);
      continue;
    }
    run = cls == last ? run + 1 : 1;
    last = cls;
    if (run <= 4) t->shape.push_back(cls);
  }
}

// A token with characters outside ASCII, the only ones ever replaced.
std::string Normalise(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t len = 1;
    const char32_t cp = DecodeUtf8(raw, i, &len);
    if (const char* p = NormalisedPunct(cp)) {
      out += p;
    } else {
      out.append(raw.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

Tokenizer::Tokenizer(std::unordered_set<std::string> abbreviations, std::unordered_set<std::string> may_end_sentence,
                     std::unordered_set<std::string> before_number)
    : abbreviations_(std::move(abbreviations)),
      may_end_sentence_(std::move(may_end_sentence)),
      before_number_(std::move(before_number)) {}

std::vector<Token> Tokenizer::Tokenize(std::string_view text) const {
  std::vector<Token> out;
  Tokenize(text, Span{0, text.size()}, &out);
  return out;
}

void Tokenizer::Tokenize(std::string_view text, Span range, std::vector<Token>* out) const {
  const Scanner sc(text, range.end);
  bool line_start = true;
  std::size_t pos = range.begin;
  const auto emit = [&](std::size_t b, std::size_t e, TokenKind kind) {
    Token& t = out->emplace_back();
    t.span = Span{b, e};
    const std::string_view raw = text.substr(b, e - b);
    if (IsAscii(raw)) {
      SetAsciiForms(raw, &t);
    } else {
      t.norm = Normalise(raw);
      t.lower = Utf8Lower(t.norm);
      t.shape = WordShape(t.norm);
    }
    t.kind = kind;
    t.line_start = line_start;
    line_start = false;
  };
  while (pos < range.end) {
    std::size_t len = 0;
    const char32_t cp = sc.At(pos, &len);
    if (IsSpace(cp)) {
      if (cp == '\n' || cp == '\r') line_start = true;
      pos += len;
      continue;
    }
    const std::size_t start = pos;
    if (IsWordChar(cp)) {
      const bool numeric_start = IsDigit(cp);
      bool has_letter = !numeric_start;
      pos += len;
      while (pos < range.end) {
        std::size_t l2 = 0;
        const char32_t c = sc.At(pos, &l2);
        if (IsWordChar(c)) {
          has_letter = has_letter || IsLetter(c);
          pos += l2;
          continue;
        }
        const char32_t after = sc.At(pos + l2);
        // Joiners: a hyphen, slash or (inside numbers) comma/period between word characters.
        if ((c == '-' || c == 0x2010 || c == 0x2011 || c == '/') && IsWordChar(after)) {
          pos += l2;
          continue;
        }
        if (numeric_start && !has_letter && (c == ',' || c == '.') && IsDigit(after)) {
          pos += l2;
          continue;
        }
        // Apostrophes inside a name (O'Brien) but not the possessive 's.
        if (IsApostrophe(c) && IsLetter(after)) {
          const std::size_t after_pos = pos + l2;
          const char32_t after2 = sc.At(sc.Next(after_pos));
          const bool possessive = (after == 's' || after == 'S') && !IsWordChar(after2);
          if (!possessive) {
            pos += l2;
            continue;
          }
        }
        break;
      }
      // Periods that belong to the token: dotted initialisms (U.S., U.N.) and known abbreviations.
      bool may_end = false;
      if (pos < range.end && sc.At(pos) == '.') {
        const std::string word = Utf8Lower(text.substr(start, pos - start));
        std::size_t dotted = pos;
        // Initialism: single letters each followed by a period.
        bool initialism = CodePointCount(word) == 1;
        if (initialism) {
          while (dotted < range.end && sc.At(dotted) == '.' && IsLetter(sc.At(dotted + 1)) &&
                 sc.At(sc.Next(dotted + 1)) == '.') {
            dotted = sc.Next(dotted + 1);
          }
        }
        if (initialism && dotted > pos) {
          pos = dotted + 1;  // up to and including the final period
          may_end = true;
        } else if (abbreviations_.count(word + ".") != 0 &&
                   (before_number_.count(word + ".") == 0 || NumberFollows(sc, pos + 1, range.end))) {
          may_end = may_end_sentence_.count(word + ".") != 0;
          pos += 1;
        } else if (initialism && IsUpper(cp)) {
          pos += 1;  // a personal initial: "John F. Kennedy"
        }
      }
      emit(start, pos, has_letter ? TokenKind::kWord : TokenKind::kNumber);
      out->back().may_end_sentence = may_end;
      continue;
    }
    // Possessive 's (after a word) and the bare apostrophe.
    if (IsApostrophe(cp)) {
      const char32_t next = sc.At(pos + len);
      if ((next == 's' || next == 'S') && !IsWordChar(sc.At(pos + len + 1)) && !out->empty() &&
          out->back().span.end == pos) {
        pos += len + 1;
        emit(start, pos, TokenKind::kWord);
        continue;
      }
    }
    // Runs: "--", "...", "....".
    if (cp == '-' && sc.At(pos + 1) == '-') {
      while (pos < range.end && sc.At(pos) == '-') ++pos;
      emit(start, pos, TokenKind::kPunct);
      continue;
    }
    if (cp == '.' && sc.At(pos + 1) == '.') {
      while (pos < range.end && sc.At(pos) == '.') ++pos;
      emit(start, pos, TokenKind::kPunct);
      continue;
    }
    pos += len;
    emit(start, pos, TokenKind::kPunct);
  }
}

bool IsBulletMark(std::string_view norm) {
  return norm == "-" || norm == "*" || norm == "\u2022" || norm == "--";
}

}  // namespace kith
