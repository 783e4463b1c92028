#include "text/front_matter.h"

#include <cctype>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

namespace {

// One physical line of the text: [begin, end) without its terminator, and
// `next` = where the following line starts.
struct RawLine {
  std::size_t begin;
  std::size_t end;
  std::size_t next;
};

RawLine LineAt(const std::string& text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  std::size_t next = end;
  if (next < text.size()) {
    next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
  }
  return {begin, end, next};
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// [b, e) with spaces and tabs trimmed from both ends.
void Trim(const std::string& text, std::size_t* b, std::size_t* e) {
  while (*b < *e && IsSpace(text[*b])) ++*b;
  while (*e > *b && IsSpace(text[*e - 1])) --*e;
}

bool IsFenceLine(const std::string& text, const RawLine& line) {
  std::size_t b = line.begin;
  std::size_t e = line.end;
  Trim(text, &b, &e);
  return text.compare(b, e - b, "---") == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int Column(const RawLine& line, std::size_t offset) { return static_cast<int>(offset - line.begin) + 1; }

// Unquotes a value that starts with a quote. Returns false when the closing
// quote is missing or is followed by more text.
bool Unquote(const std::string& raw, std::string* out) {
  const char quote = raw[0];
  std::string value;
  std::size_t i = 1;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote == '\'' && c == '\'' && i + 1 < raw.size() && raw[i + 1] == '\'') {
      value += raw[++i];  // YAML's escape inside '...': '' is one quote
      continue;
    }
    if (c == quote) break;
    if (quote == '"' && c == '\\' && i + 1 < raw.size() && (raw[i + 1] == '"' || raw[i + 1] == '\\')) {
      value += raw[++i];
      continue;
    }
    value += c;
  }
  if (i != raw.size() - 1) return false;
  *out = std::move(value);
  return true;
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Pad(int value, int width) {
  std::string s = std::to_string(value);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

// Builds the ISO form from parts; month/day 0 = absent. False when out of range.
bool FormatIso(int year, int month, int day, std::string* out) {
  if (year < 1 || year > 9999) return false;
  if (month == 0) {
    *out = Pad(year, 4);
    return day == 0;
  }
  if (month < 1 || month > 12) return false;
  if (day == 0) {
    *out = Pad(year, 4) + "-" + Pad(month, 2);
    return true;
  }
  if (day < 1 || day > DaysInMonth(year, month)) return false;
  *out = Pad(year, 4) + "-" + Pad(month, 2) + "-" + Pad(day, 2);
  return true;
}

// Parses a number of 1..max_len digits; -1 if it is not one.
int Number(const std::string& s, std::size_t min_len, std::size_t max_len) {
  if (!AllDigits(s) || s.size() < min_len || s.size() > max_len) return -1;
  return std::stoi(s);
}

// The ISO forms: YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time
// "Thh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm]", which is dropped.
bool ParseIsoForm(const std::string& s, std::string* out) {
  std::string date = s;
  const std::size_t t = s.find_first_of("Tt");
  if (t != std::string::npos) {
    date = s.substr(0, t);
    const std::string time = s.substr(t + 1);
    if (date.size() != 10 || time.size() < 5) return false;
    for (char c : time) {
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != 'Z' && c != 'z' &&
          c != '+' && c != '-') {
        return false;
      }
    }
    if (!std::isdigit(static_cast<unsigned char>(time[0])) || time[2] != ':') return false;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dash = date.find('-', start);
    parts.push_back(date.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (parts.size() > 3) return false;
  const int year = Number(parts[0], 4, 4);
  const int month = parts.size() > 1 ? Number(parts[1], 2, 2) : 0;
  const int day = parts.size() > 2 ? Number(parts[2], 2, 2) : 0;
  if (year < 0 || month < 0 || day < 0) return false;
  if (parts.size() > 1 && month == 0) return false;
  if (parts.size() > 2 && day == 0) return false;
  return FormatIso(year, month, day, out);
}

// The written forms: "22 February 2021", "February 22, 2021", "Feb. 22 2021",
// "February 2021".
bool ParseWrittenForm(const std::string& s, std::string* out) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  // Commas are allowed only right after the day of "Month D, YYYY".
  const std::size_t comma = s.find(',');
  if (comma != std::string::npos && s.find(',', comma + 1) != std::string::npos) return false;
  if (words.size() == 2) {
    const int month = MonthFromName(words[0]);
    const int year = Number(words[1], 4, 4);
    if (month == 0 || year < 0 || comma != std::string::npos) return false;
    return FormatIso(year, month, 0, out);
  }
  if (words.size() != 3) return false;
  const int year = Number(words[2], 4, 4);
  if (year < 0) return false;
  int month = MonthFromName(words[0]);
  int day = -1;
  if (month != 0) {
    day = Number(words[1], 1, 2);
    // The comma may only follow the day.
    if (comma != std::string::npos && s.find(words[1]) + words[1].size() != comma) return false;
  } else {
    month = MonthFromName(words[1]);
    day = Number(words[0], 1, 2);
    if (comma != std::string::npos) return false;
  }
  if (month == 0 || day <= 0) return false;
  return FormatIso(year, month, day, out);
}

}  // namespace

int MonthFromName(std::string word) {
  if (!word.empty() && word.back() == '.') word.pop_back();
  word = Lower(word);
  static const char* const kFull[] = {"january", "february", "march",     "april",   "may",      "june",
                                      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string full = kFull[m];
    if (word == full || word == full.substr(0, 3)) return m + 1;
  }
  if (word == "sept"sv) return 9;
  return 0;
}

Status NormalizeIsoDate(const std::string& in, std::string* out) {
  std::size_t b = 0;
  std::size_t e = in.size();
  Trim(in, &b, &e);
  const std::string s = in.substr(b, e - b);
  std::string result;
  const bool iso_shape = !s.empty() && std::isdigit(static_cast<unsigned char>(s[0])) &&
                         s.find(' ') == std::string::npos;
  // Years before 1000 are no publication dates (and ParseIsoDate refuses them too).
  if (s.empty() || !(iso_shape ? ParseIsoForm(s, &result) : ParseWrittenForm(s, &result)) || result.compare(0, 1, "0") == 0) {
    return Status::Error(StatusCode::kInvalidInput,
                         "bad date \"" + in +
                             "\": expected YYYY-MM-DD, YYYY-MM, YYYY, \"22 February 2021\", "
                             "\"February 22, 2021\" or \"Feb. 22, 2021\"");
  }
  *out = std::move(result);
  return Status::Ok();
}

Status ParseFrontMatter(Document* doc) {
  const std::string& text = doc->text;
  doc->body = Span{0, text.size()};
  const RawLine first = LineAt(text, 0);
  if (!IsFenceLine(text, first)) return Status::Ok();

  const auto error = [&](int line, int column, const std::string& message) {
    return Status::At(StatusCode::kInvalidInput, doc->path, line, column, "front matter: " + message);
  };

  // Find the closing fence first, so an unclosed block is reported as such
  // rather than as whatever its first prose line looks like.
  std::vector<RawLine> lines;  // between the fences
  RawLine line = first;
  bool closed = false;
  for (int n = 0; n < kFrontMatterMaxLines && line.next < text.size(); ++n) {
    line = LineAt(text, line.next);
    if (IsFenceLine(text, line)) {
      closed = true;
      break;
    }
    lines.push_back(line);
  }
  if (!closed) {
    return error(1, 1,
                 "opening \"---\" has no closing \"---\" within " + std::to_string(kFrontMatterMaxLines) +
                     " lines");
  }
  const RawLine closing = line;

  DocumentMeta meta;
  std::vector<std::string> seen;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const RawLine& l = lines[k];
    const int line_no = static_cast<int>(k) + 2;
    std::size_t b = l.begin;
    std::size_t e = l.end;
    Trim(text, &b, &e);
    if (b == e || text[b] == '#') continue;
    const std::size_t colon = text.find(':', b);
    if (colon == std::string::npos || colon >= e) {
      return error(line_no, Column(l, b),
                   "expected \"key: value\", got \"" + text.substr(b, e - b) + "\" (no ':')");
    }
    std::size_t kb = b;
    std::size_t ke = colon;
    Trim(text, &kb, &ke);
    if (kb == ke) return error(line_no, Column(l, b), "empty key before ':'");
    const std::string key = Lower(text.substr(kb, ke - kb));
    for (const std::string& s : seen) {
      if (s == key) return error(line_no, Column(l, kb), "repeated key \"" + key + "\"");
    }
    seen.push_back(key);

    std::size_t vb = colon + 1;
    std::size_t ve = e;
    Trim(text, &vb, &ve);
    std::string value = text.substr(vb, ve - vb);
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
      std::string unquoted;
      if (!Unquote(value, &unquoted)) {
        // '"A quote": and more' closes its quote before the value ends.
        const bool closed_early = value.find(value[0], 1) != std::string::npos;
        return error(line_no, Column(l, vb),
                     closed_early ? "text after the closing quote of \"" + key +
                                        "\" (quote the whole value, e.g. with '...' around \"...\")"
                                  : "unterminated quoted value for \"" + key + "\"");
      }
      value = std::move(unquoted);
    }

    if (key == "title"sv) {
      meta.title = value;
    } else if (key == "date"sv) {
      std::string iso;
      const Status s = NormalizeIsoDate(value, &iso);
      if (!s.ok()) return error(line_no, Column(l, vb), s.message());
      meta.date = iso;
    } else if (key == "url"sv) {
      meta.url = value;
    } else if (key == "source"sv) {
      meta.source = value;
    } else if (key == "author"sv) {
      // One person only: "A and B", "A, B" or "A & B" credit several.
      const bool several = value.find(" and ") != std::string::npos || value.find('&') != std::string::npos ||
                           value.find(',') != std::string::npos || value.find(';') != std::string::npos;
      meta.author = several ? "" : value;
    } else {
      meta.extra[key] = value;
    }
  }
  doc->meta = std::move(meta);
  doc->body = Span{closing.next, text.size()};
  return Status::Ok();
}

}  // namespace kith
