#include "text/line_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include "base/utf8.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

// ---------------------------------------------------------------------------
// UTF-8 helpers. Input is valid UTF-8 (the reader repairs it); these still
// never read past the end on bad bytes.

char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len) { return DecodeUtf8(s, i, len); }

// The code point that ends at s[end) and its byte length.
char32_t DecodeBefore(std::string_view s, std::size_t begin, std::size_t end, std::size_t* len) {
  std::size_t start = end - 1;
  while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u && end - start < 4) --start;
  std::size_t n = 0;
  const char32_t cp = DecodeAt(s, start, &n);
  if (start + n != end) {
    *len = 1;
    return static_cast<unsigned char>(s[end - 1]);
  }
  *len = n;
  return cp;
}

bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// [b, e) shrunk past whitespace (Unicode spaces included) at both ends.
Span TrimSpan(const std::string& s, Span span) {
  std::size_t b = span.begin;
  std::size_t e = span.end;
  while (b < e) {
    std::size_t n = 0;
    const char32_t cp = DecodeAt(s, b, &n);
    if (!IsSpaceCp(cp) || b + n > e) break;
    b += n;
  }
  while (e > b) {
    std::size_t n = 0;
    const char32_t cp = DecodeBefore(s, b, e, &n);
    if (!IsSpaceCp(cp)) break;
    e -= n;
  }
  return Span{b, e};
}

// Splits on whitespace; words keep their punctuation.
// Byte length of the space character at s[i], or 0 when s[i] starts no space.
std::size_t SpaceAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ? 1 : 0;
  std::size_t n = 0;
  return IsSpaceCp(DecodeAt(s, i, &n)) ? n : 0;
}

// The whitespace-separated words of `s`; at most `limit` of them (a caller
// asking whether a line has more than N words needs only N + 1).
std::vector<std::string_view> SplitWords(std::string_view s, std::size_t limit = SIZE_MAX) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  std::size_t word_begin = 0;
  while (i < s.size() && words.size() < limit) {
    const std::size_t space = SpaceAt(s, i);
    if (space == 0) {
      std::size_t n = 1;
      if (static_cast<unsigned char>(s[i]) >= 0x80) DecodeAt(s, i, &n);
      i += n;
      continue;
    }
    if (i > word_begin) words.push_back(s.substr(word_begin, i - word_begin));
    i += space;
    word_begin = i;
  }
  if (i > word_begin && words.size() < limit) words.push_back(s.substr(word_begin, i - word_begin));
  return words;
}

// `words` lower-cased (ASCII) and joined by single spaces.
std::string JoinLowered(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    for (char c : w) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Lower-case ASCII, whitespace runs collapsed to one space, trimmed.
std::string Normalize(const std::string& s) { return JoinLowered(SplitWords(s)); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Bullet characters that open a list item or a navigation entry.
const char* const kBullets[] = {"\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */,   "\xE2\x96\xAA" /* ▪ */,
                                "\xE2\x97\xA6" /* ◦ */, "\xE2\x80\xA3" /* ‣ */, "\xE2\x96\xBA" /* ► */,
                                "\xE2\x96\xB8" /* ▸ */, "*",                    "-"};

// Byte length of the bullet at the start of `s`, or 0.
std::size_t BulletLength(std::string_view s) {
  for (const char* bullet : kBullets) {
    const std::string_view b = bullet;
    if (!StartsWith(s, b)) continue;
    // ASCII bullets need a space after them ("-5 degrees", "*Note" are text).
    if (b.size() == 1 && s.size() > 1 && s[1] != ' ' && s[1] != '\t') return 0;
    return b.size();
  }
  return 0;
}

// Strips leading bullets and navigation arrows; used to compare against cues.
std::string_view StripLeadingMarks(std::string_view s) {
  static const char* const kMarks[] = {"\xE2\x80\xA2", "\xC2\xB7",     "\xE2\x96\xAA", "\xE2\x97\xA6",
                                       "\xE2\x80\xA3", "\xE2\x96\xBA", "\xE2\x96\xB8", "\xC2\xBB",
                                       "\xE2\x80\xBA", "*",            "-",            ">",
                                       "|",            " "};
  bool stripped = true;
  while (stripped && !s.empty()) {
    stripped = false;
    for (const char* mark : kMarks) {
      if (StartsWith(s, mark)) {
        s.remove_prefix(std::string_view(mark).size());
        stripped = true;
      }
    }
  }
  return s;
}

// Strips trailing punctuation, arrows and a trailing count: "Comments (12)",
// "Read more »", "Share:" all reduce to their label.
std::string_view StripTrailingMarks(std::string_view s) {
  static const char* const kMarks[] = {".", ",", ":", ";", "!", "?", "|", ">", "-", "*", " ",
                                       "\xE2\x80\xA6" /* … */, "\xC2\xBB" /* » */, "\xE2\x80\xBA" /* › */,
                                       "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */};
  bool stripped = true;
  while (stripped && !s.empty()) {
    stripped = false;
    for (const char* mark : kMarks) {
      if (EndsWith(s, mark)) {
        s.remove_suffix(std::string_view(mark).size());
        stripped = true;
      }
    }
    // A trailing count: "label 12" or "label (12)".
    std::size_t e = s.size();
    const bool paren = e > 0 && s[e - 1] == ')';
    if (paren) --e;
    std::size_t d = e;
    while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9') --d;
    if (d == e) continue;
    if (paren) {
      if (d == 0 || s[d - 1] != '(') continue;
      --d;
    }
    if (d > 0 && s[d - 1] == ' ') {
      s = s.substr(0, d);
      stripped = true;
    }
  }
  return s;
}

// The last code point of a trimmed line is final sentence punctuation or a
// closing quote (such a line may be the end of a quotation, not a title).
bool HasFinalPunctuation(std::string_view line) {
  if (line.empty()) return false;
  std::size_t n = 0;
  const char32_t cp = DecodeBefore(line, 0, line.size(), &n);
  switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case ',': case '"': case '\'':
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x00BB:  // »
    case 0x2026:  // …
      return true;
    default:
      return false;
  }
}

// Letters in `word` and whether its first letter is upper case.
void LetterShape(std::string_view word, std::size_t* letters, bool* capitalised) {
  *letters = 0;
  *capitalised = false;
  std::size_t i = 0;
  while (i < word.size()) {
    std::size_t n = 0;
    const char32_t cp = DecodeAt(word, i, &n);
    if (IsLetter(cp)) {
      if (*letters == 0) *capitalised = IsUpper(cp);
      ++*letters;
    }
    i += n;
  }
}

bool ParseCount(const std::string& s, std::size_t* out) {
  if (s.empty() || s.size() > 6) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  *out = v;
  return v > 0;
}

// ---------------------------------------------------------------------------
// Cues.

using Cue = FurnitureCues::Cue;
using CueMatch = FurnitureCues::Match;

std::vector<Cue> CompileCues(const std::vector<LexiconEntry>& entries, const LineClassifierOptions& options) {
  std::vector<Cue> cues;
  for (const LexiconEntry& e : entries) {
    const auto match = e.attributes.find("match");
    if (match == e.attributes.end()) continue;
    Cue cue;
    if (match->second == "line"sv) {
      cue.match = CueMatch::kLine;
      const std::string normal = Normalize(e.text);
      cue.key = StripTrailingMarks(StripLeadingMarks(normal));
    } else if (match->second == "prefix"sv) {
      cue.match = CueMatch::kPrefix;
      cue.key = Normalize(e.text);
      cue.max_words = options.prefix_cue_max_words;
    } else if (match->second == "contains"sv) {
      cue.match = CueMatch::kContains;
      cue.key = Normalize(e.text);
    } else {
      continue;
    }
    const auto max_words = e.attributes.find("max_words");
    if (max_words != e.attributes.end()) ParseCount(max_words->second, &cue.max_words);
    if (!cue.key.empty()) cues.push_back(std::move(cue));
  }
  return cues;
}

// ---------------------------------------------------------------------------
// Lines and rules.

struct Line {
  Span span;                       // trimmed, into Document::text
  std::string_view text;                // the trimmed text, in Document::text
  std::vector<std::string_view> words;  // whitespace-separated, in Document::text
  std::string norm;                // Normalize(text)
};

const char* MatchCue(const std::vector<Cue>& cues, const Line& line) {
  const std::string_view marks_stripped = StripLeadingMarks(line.norm);
  const std::string_view line_key = StripTrailingMarks(marks_stripped);
  for (const Cue& cue : cues) {
    if (cue.max_words > 0 && line.words.size() > cue.max_words) continue;
    switch (cue.match) {
      case CueMatch::kLine:
        if (line_key == cue.key) return kRuleCueLine;
        break;
      case CueMatch::kPrefix:
        if (StartsWith(marks_stripped, cue.key) &&
            (!IsAsciiAlnum(cue.key.back()) || marks_stripped.size() == cue.key.size() ||
             !IsAsciiAlnum(marks_stripped[cue.key.size()]))) {
          return kRuleCuePrefix;
        }
        break;
      case CueMatch::kContains: {
        std::size_t at = line.norm.find(cue.key);
        while (at != std::string::npos) {
          if (!IsAsciiAlnum(cue.key[0]) || at == 0 || !IsAsciiAlnum(line.norm[at - 1])) return kRuleCueContains;
          at = line.norm.find(cue.key, at + 1);
        }
        break;
      }
    }
  }
  return nullptr;
}

bool IsNumber(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "16x9", "4:3", "2:31", "16×9".
bool IsDimension(std::string_view w) {
  for (const char* sep : {"x", ":", "\xC3\x97" /* × */}) {
    const std::size_t at = w.find(sep);
    if (at != std::string_view::npos && IsNumber(w.substr(0, at)) && IsNumber(w.substr(at + std::string_view(sep).size()))) {
      return true;
    }
  }
  return false;
}

// Media marker: "Photo", "16x9 Image", "Image 1 of 5", "• Video 2:31".
bool IsMediaMarker(const Line& line, const LineClassifierOptions& options) {
  const std::string_view body = StripLeadingMarks(line.norm);
  const std::vector<std::string_view> words = SplitWords(body, options.media_max_words + 1);
  if (words.empty() || words.size() > options.media_max_words) return false;
  bool media_word = false;
  for (std::string_view w : words) {
    while (!w.empty() && (w.back() == ':' || w.back() == ',' || w.back() == ')' || w.back() == '.')) w.remove_suffix(1);
    while (!w.empty() && w.front() == '(') w.remove_prefix(1);
    bool is_media = false;
    for (const std::string& m : options.media_words) is_media = is_media || w == m;
    if (is_media) {
      media_word = true;
      continue;
    }
    if (w.empty() || IsNumber(w) || IsDimension(w) || w == "of"sv || w == "/"sv || w == "|"sv) continue;
    return false;
  }
  return media_word;
}

// "• Share", "- World", "* Home": a bullet and a short label.
bool IsBulletLabel(const Line& line, const LineClassifierOptions& options) {
  const std::size_t bullet = BulletLength(line.text);
  if (bullet == 0) return false;
  const std::string_view label = line.text.substr(bullet);
  const std::vector<std::string_view> words = SplitWords(label, options.bullet_label_max_words + 1);
  if (words.size() > options.bullet_label_max_words) return false;
  if (words.empty()) return true;
  return !HasFinalPunctuation(words.back());
}

// "RFE/RL" (possessive already stripped): upper-case letters and digits around a slash.
bool IsSlashAcronym(std::string_view w) {
  const std::size_t slash = w.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= w.size()) return false;
  bool letter = false;
  for (char c : w) {
    if (c == '/') continue;
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return letter;
}

std::string_view StripWordPunctuation(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) w.remove_suffix(1);
  if (EndsWith(w, "'s")) w.remove_suffix(2);
  if (EndsWith(w, "\xE2\x80\x99s")) w.remove_suffix(4);
  return w;
}

// The number of words that open a credit: 1 for "By", 2 for a kind of work and
// "by" ("Interview by", "Reporting by"); 0 for none.
std::size_t CreditOpening(const std::vector<std::string_view>& w) {
  if (w.empty()) return 0;
  if (w[0] == "By"sv || w[0] == "BY"sv) return 1;
  static const char* const kWorks[] = {"Interview", "Interviewed", "Reporting", "Reported", "Written", "Text",
                                       "Story", "Words", "Photos", "Photographs", "Translated", "Edited"};
  if (w.size() < 3 || (w[1] != "by"sv && w[1] != "By"sv)) return 0;
  for (const char* work : kWorks) {
    if (w[0] == work) return 2;
  }
  return 0;
}

// "By Jane Doe", "Interview by Jane Doe", "By RFE/RL's Kazakh Service": sets
// *organisation to the named organisation when it looks like one, and *person
// to the credit's first part when that is one person ("Jane Doe", not "A and B").
bool IsByline(const Line& line, const LineClassifierOptions& options, std::string* organisation,
              std::string* person) {
  const std::vector<std::string_view>& w = line.words;
  if (w.size() < 2 || w.size() > options.byline_max_words) return false;
  const std::size_t credit_words = CreditOpening(w);
  if (credit_words == 0) return false;
  if (EndsWith(line.text, ".")) return false;  // a sentence, not a credit
  static const char* const kConnectors[] = {"and", "of",  "the", "de", "del", "da", "van", "von", "der",
                                            "den", "la",  "le",  "al", "el",  "bin", "ibn", "y",  "&",
                                            "in",  "for", "at",  "|",  "/",   "-"};
  for (std::size_t i = credit_words; i < w.size(); ++i) {
    std::size_t letters = 0;
    bool capitalised = false;
    LetterShape(w[i], &letters, &capitalised);
    bool connector = false;
    for (const char* c : kConnectors) connector = connector || w[i] == c;
    if (i == credit_words && !capitalised) return false;
    if (!capitalised && !connector && letters > 0) return false;
  }
  // The credit may list people and an organisation ("Jane Doe, Example
  // News"): the organisation is the first part with an organisation word or
  // a slash acronym.
  std::string part;
  bool first_part = true;
  const std::size_t credit_begin =
      static_cast<std::size_t>(w[credit_words - 1].data() - line.text.data()) + w[credit_words - 1].size();
  const std::string credit = std::string(line.text.substr(credit_begin)) + ",";
  for (char c : credit) {
    if (c != ',' && c != ';' && c != '|') {
      part += c;
      continue;
    }
    bool organisation_like = false;
    for (std::string_view word : SplitWords(part)) {
      const std::string_view bare = StripWordPunctuation(word);
      for (const std::string& org : options.organisation_words) organisation_like = organisation_like || bare == org;
      organisation_like = organisation_like || IsSlashAcronym(bare);
    }
    if (organisation_like) {
      const Span t = TrimSpan(part, Span{0, part.size()});
      *organisation = part.substr(t.begin, t.size());
      break;
    }
    if (first_part) {
      // The capitalised words that open the part: "Jane Doe in Almaty" credits Jane Doe.
      std::string name;
      std::size_t words = 0;
      bool opening = true;
      bool several = false;  // "By A, B and C": the whole credit, not only its first part
      for (std::size_t i = 1; i < w.size(); ++i) several = several || w[i] == "and"sv || w[i] == "And"sv || w[i] == "&"sv;
      for (std::string_view word : SplitWords(part)) {
        std::size_t letters = 0;
        bool capitalised = false;
        LetterShape(word, &letters, &capitalised);
        opening = opening && capitalised;
        if (!opening) continue;
        name += (name.empty() ? "" : " ") + std::string(word);
        ++words;
      }
      if (!several && words >= 2) *person = name;
    }
    first_part = false;
    part.clear();
  }
  return true;
}

// A line that is a publisher's name followed by a paragraph describing it:
// "Example News" then "Example News offers ...".
bool IsPublisherIntro(const Line& line, const Line* next, const LineClassifierOptions& options) {
  if (next == nullptr || line.words.empty() || line.words.size() > options.publisher_name_max_words) return false;
  if (HasFinalPunctuation(line.text)) return false;
  if (!StartsWith(next->text, line.text) || next->text.substr(line.text.size(), 1) != " "sv) return false;
  const std::vector<std::string_view> rest = SplitWords(next->text.substr(line.text.size()));
  if (rest.empty()) return false;
  for (const std::string& verb : options.publisher_verbs) {
    if (rest[0] == verb) return true;
  }
  return false;
}

// "(born 1978)", "(Born in 1979)", "(b. 1985)", "(1951-2020)": a case file's heading gives a
// person's year of birth or life span.
bool GivesBirthYear(const Line& line) {
  const auto year_at = [](std::string_view w) {
    return w.size() >= 4 && std::all_of(w.begin(), w.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  };
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const std::string_view w = line.words[i];
    // "(1951-2020)" is one word.
    if (w.size() >= 11 && w.front() == '(' && year_at(w.substr(1)) && w[5] == '-' && year_at(w.substr(6))) return true;
    const std::string lower = Utf8Lower(w);
    if (lower != "(born"sv && lower != "(b."sv) continue;
    std::size_t next = i + 1;
    if (next < line.words.size() && Utf8Lower(line.words[next]) == "in"sv) ++next;
    if (next < line.words.size() && year_at(line.words[next])) return true;
  }
  return false;
}

// "Qydyrbek Amanzholuly (Kydyrbek Amanzholov), 61, ethnic Kazakh, ...": a case list's
// heading gives a person's age between commas.
bool GivesAge(const Line& line) {
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    const std::string_view w = line.words[i];
    const std::string_view before = line.words[i - 1];
    if (w.size() < 2 || w.size() > 4 || w.back() != ',' || before.empty() || before.back() != ',') continue;
    if (std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) return true;
  }
  return false;
}

// Title-case line without final punctuation: "Protesters Return To Square". A line naming
// someone with a year of birth or an age is no headline: "Case 4. Abdukerim Sidiq (born 1978)".
bool IsHeadline(const Line& line, const LineClassifierOptions& options) {
  if (line.words.size() < options.headline_min_words || line.words.size() > options.headline_max_words) return false;
  if (HasFinalPunctuation(line.text) || GivesBirthYear(line) || GivesAge(line)) return false;
  std::size_t long_words = 0;
  std::size_t capitalised_words = 0;
  for (std::string_view w : line.words) {
    std::size_t letters = 0;
    bool capitalised = false;
    LetterShape(w, &letters, &capitalised);
    if (letters < options.headline_long_word_letters) continue;
    ++long_words;
    if (capitalised) ++capitalised_words;
  }
  return long_words > 0 &&
         static_cast<double>(capitalised_words) >= options.headline_capitalised_share * static_cast<double>(long_words);
}

enum class Kind { kContent, kHeadline, kFurniture };

}  // namespace

std::vector<Span> SplitLines(const std::string& text, Span range) {
  std::vector<Span> lines;
  std::size_t begin = range.begin;
  std::size_t i = range.begin;
  while (i < range.end) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back(Span{begin, i});
      i += (c == '\r' && i + 1 < range.end && text[i + 1] == '\n') ? 2 : 1;
      begin = i;
    } else {
      ++i;
    }
  }
  if (begin < range.end) lines.push_back(Span{begin, range.end});
  return lines;
}

void ClassifyLines(const std::vector<LexiconEntry>& furniture_cues, Document* doc) {
  ClassifyLines(furniture_cues, LineClassifierOptions(), doc);
}

void ClassifyLines(const std::vector<LexiconEntry>& furniture_cues, const LineClassifierOptions& options,
                   Document* doc) {
  ClassifyLines(FurnitureCues(furniture_cues, options), options, doc);
}

FurnitureCues::FurnitureCues(const std::vector<LexiconEntry>& entries, const LineClassifierOptions& options)
    : cues_(CompileCues(entries, options)) {}

void ClassifyLines(const FurnitureCues& furniture_cues, const LineClassifierOptions& options, Document* doc) {
  doc->content_lines.clear();
  doc->headline_lines.clear();
  doc->furniture.clear();
  const std::vector<Cue>& cues = furniture_cues.cues();

  std::vector<Line> lines;  // non-blank lines only
  for (const Span& raw : SplitLines(doc->text, doc->body)) {
    const Span span = TrimSpan(doc->text, raw);
    if (span.empty()) continue;
    Line line;
    line.span = span;
    line.text = std::string_view(doc->text).substr(span.begin, span.size());
    line.words = SplitWords(line.text);
    line.norm = JoinLowered(line.words);  // Normalize(line.text), from the words already split
    lines.push_back(std::move(line));
  }
  const std::size_t n = lines.size();
  const auto next_of = [&](std::size_t i) { return i + 1 < n ? &lines[i + 1] : nullptr; };

  // The footer: from the first media/bullet marker or publisher intro in the
  // last part of the body to the end.
  std::size_t footer = n;
  const auto footer_from = static_cast<std::size_t>(std::ceil(options.footer_start_fraction * static_cast<double>(n)));
  for (std::size_t i = footer_from; i < n; ++i) {
    if (IsMediaMarker(lines[i], options) || IsBulletLabel(lines[i], options) ||
        IsPublisherIntro(lines[i], next_of(i), options)) {
      footer = i;
      break;
    }
  }
  // The block starts at the media or bullet markers just before (a picture
  // or a share bar above the publisher's blurb).
  while (footer < n && footer > 0 &&
         (IsMediaMarker(lines[footer - 1], options) || IsBulletLabel(lines[footer - 1], options))) {
    --footer;
  }

  std::vector<Kind> kinds(n, Kind::kContent);
  std::vector<const char*> rules(n, nullptr);
  std::string byline_org;
  std::string byline_person;
  for (std::size_t i = 0; i < n; ++i) {
    const Line& line = lines[i];
    const char* rule = nullptr;
    std::string org;
    std::string person;
    if (i >= footer) {
      rule = kRuleFooter;
    } else if (const char* cue_rule = MatchCue(cues, line)) {
      rule = cue_rule;
    } else if (IsMediaMarker(line, options)) {
      rule = kRuleMedia;
    } else if (IsBulletLabel(line, options)) {
      rule = kRuleBullet;
    } else if (IsByline(line, options, &org, &person)) {
      rule = kRuleByline;
      if (byline_org.empty()) byline_org = org;
      if (byline_person.empty()) byline_person = person;
    } else if (i > 0 && line.text == lines[i - 1].text) {
      rule = kRuleRepeatedLine;
    }
    if (rule != nullptr) {
      kinds[i] = Kind::kFurniture;
      rules[i] = rule;
      continue;
    }
    // The first copy of a repeated caption stays content whatever its shape.
    const bool caption = i + 1 < n && lines[i + 1].text == line.text;
    if (!caption && IsHeadline(line, options)) kinds[i] = Kind::kHeadline;
  }

  // The title: the first headline, or the first non-furniture line when it
  // has no final punctuation (a sentence-case title), which is then a headline.
  std::size_t title = n;
  for (std::size_t i = 0; i < n; ++i) {
    if (kinds[i] == Kind::kFurniture) continue;
    const bool caption = i + 1 < n && lines[i + 1].text == lines[i].text;
    if (kinds[i] == Kind::kContent && !caption && !HasFinalPunctuation(lines[i].text) &&
        lines[i].words.size() <= options.headline_max_words) {
      kinds[i] = Kind::kHeadline;
    }
    break;
  }
  for (std::size_t i = 0; i < n && title == n; ++i) {
    if (kinds[i] == Kind::kHeadline) title = i;
  }
  if (doc->meta.title.empty() && title < n) doc->meta.title = lines[title].text;

  if (doc->meta.source.empty() && !byline_org.empty()) doc->meta.source = byline_org;
  if (doc->meta.author.empty()) doc->meta.author = byline_person;
  if (doc->meta.source.empty()) {
    for (std::size_t i = footer; i < n; ++i) {
      if (IsPublisherIntro(lines[i], next_of(i), options)) {
        doc->meta.source = lines[i].text;
        break;
      }
    }
  }

  for (std::size_t i = 0; i < n; ++i) {
    switch (kinds[i]) {
      case Kind::kContent:
        doc->content_lines.push_back(lines[i].span);
        break;
      case Kind::kHeadline:
        doc->headline_lines.push_back(lines[i].span);
        break;
      case Kind::kFurniture:
        doc->furniture.push_back({lines[i].span, rules[i]});
        break;
    }
  }
}

Status ValidateFurnitureCues(const std::vector<LexiconEntry>& furniture_cues, const std::string& file) {
  for (const LexiconEntry& e : furniture_cues) {
    const auto error = [&](const std::string& message) {
      return Status::At(StatusCode::kRuleError, file, e.line, 0, "furniture cue \"" + e.text + "\": " + message);
    };
    const auto match = e.attributes.find("match");
    if (match == e.attributes.end()) return error("missing match=line|prefix|contains");
    if (match->second != "line"sv && match->second != "prefix"sv && match->second != "contains"sv) {
      return error("unknown match=\"" + match->second + "\" (expected line, prefix or contains)");
    }
    const auto kind = e.attributes.find("kind");
    if (kind == e.attributes.end()) return error("missing kind=navigation|legal|footer|media");
    if (kind->second != "navigation"sv && kind->second != "legal"sv && kind->second != "footer"sv &&
        kind->second != "media"sv) {
      return error("unknown kind=\"" + kind->second + "\" (expected navigation, legal, footer or media)");
    }
    const auto max_words = e.attributes.find("max_words");
    std::size_t count = 0;
    if (max_words != e.attributes.end() && !ParseCount(max_words->second, &count)) {
      return error("max_words=\"" + max_words->second + "\" is not a positive integer");
    }
    if (Normalize(e.text).empty()) return error("empty cue text");
  }
  return Status::Ok();
}

}  // namespace kith
