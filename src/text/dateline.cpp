#include "text/dateline.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "text/front_matter.h"
#include "text/line_classifier.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

// Splits off the first word (up to a space) of `s`.
std::string_view NextWord(std::string_view* s) {
  *s = TrimLeft(*s);
  std::size_t n = 0;
  while (n < s->size() && !IsSpace((*s)[n])) ++n;
  const std::string_view word = s->substr(0, n);
  s->remove_prefix(n);
  return word;
}

// "DUSHANBE," or "NUR-SULTAN," or "ST. PETERSBURG," or "Almaty,": up to four words, each opening
// with a capital, up to a comma, then perhaps one or two words in any case up to a second comma
// ("Kazakhstan,"). Returns the rest of the line after the place, or `line` itself when it opens
// with none.
std::string_view SkipPlace(std::string_view line, bool* found) {
  *found = false;
  std::size_t i = 0;
  bool letters = false;
  int words = 0;
  while (i < line.size() && line[i] != ',') {
    const char c = line[i];
    const bool word_start = i == 0 || IsSpace(line[i - 1]);
    if (word_start && !IsSpace(c) && ++words > 4) return line;
    if (IsUpperAscii(c)) {
      letters = true;
    } else if (c >= 'a' && c <= 'z') {
      if (word_start) return line;
    } else if (!(IsSpace(c) || c == '-' || c == '.' || c == '\'' || static_cast<unsigned char>(c) >= 0x80)) {
      return line;
    }
    ++i;
  }
  if (!letters || i >= line.size()) return line;
  std::string_view rest = line.substr(i + 1);
  *found = true;
  // An optional country or region: words up to a second comma, unless they open with a month
  // ("November 9, 2022").
  const std::size_t comma = rest.find(',');
  if (comma != std::string_view::npos && comma < 30) {
    std::string_view region = TrimLeft(rest.substr(0, comma));
    std::string_view probe = region;
    const std::string_view first = NextWord(&probe);
    const bool is_date = MonthFromName(std::string(first)) != 0;
    if (!region.empty() && IsUpperAscii(region.front()) && !is_date) rest = rest.substr(comma + 1);
  }
  return rest;
}

// A whole date at the start of `s` ("November 9, 2022", "Nov. 9, 2022", "9 November 2022",
// "2022-11-09"), perhaps after its weekday ("Tuesday, November 8, 2022", "Thursday 16 March
// 2023"): its ISO form, with `s` moved past it; "" when `s` opens with none.
std::string LeadingDate(std::string_view* s) {
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  std::string_view probe = *s;
  std::string_view after_weekday = probe;
  std::string_view first = NextWord(&after_weekday);
  if (!first.empty() && first.back() == ',') first.remove_suffix(1);
  if (std::find(std::begin(kWeekdays), std::end(kWeekdays), first) != std::end(kWeekdays)) probe = after_weekday;
  std::string iso;
  std::string_view one = probe;
  const std::string_view word = NextWord(&one);
  if (word.size() == 10 && word[4] == '-' && NormalizeIsoDate(std::string(word), &iso).ok()) {
    *s = one;
    return iso;
  }
  std::string words;
  for (int n = 0; n < 3; ++n) {
    std::string_view w = NextWord(&probe);
    if (w.empty()) return "";
    if (n == 2 && !w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (n > 0) words += ' ';
    words += w;
  }
  if (!NormalizeIsoDate(words, &iso).ok() || iso.size() != 10) return "";
  *s = probe;
  return iso;
}

// What may follow a date on a date line: a time of day and its zone ("at 12:37 p.m. EST"),
// nothing else.
bool OnlyTime(std::string_view rest) {
  for (std::string_view w = NextWord(&rest); !w.empty(); w = NextWord(&rest)) {
    const bool clock = w.find(':') != std::string_view::npos &&
                       w.find_first_not_of("0123456789:") == std::string_view::npos;
    const bool zone = w.size() >= 2 && w.size() <= 5 &&
                      std::all_of(w.begin(), w.end(), [](char c) { return IsUpperAscii(c); });
    const bool other = w == "a.m." || w == "p.m." || w == "at" || w == "|" || w == "-" || w == ",";
    if (!clock && !zone && !other) return false;
  }
  return true;
}

// A line of running prose: ten words or more, ending as a sentence ends. Datelines come before
// the first one.
bool IsProse(std::string_view line) {
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != '"') return false;
  std::size_t words = 0;
  for (std::string_view w = NextWord(&line); !w.empty(); w = NextWord(&line)) ++words;
  return words >= 10;
}

// After a dateline's date: an optional "(Outlet)", then a dash or the end of the line.
bool DatelineTail(std::string_view rest) {
  rest = TrimLeft(rest);
  if (!rest.empty() && rest.front() == '(') {
    const std::size_t close = rest.find(')');
    if (close == std::string_view::npos) return false;
    rest = TrimLeft(rest.substr(close + 1));
  }
  if (rest.empty()) return true;
  for (std::string_view dash : {"--", "\xE2\x80\x94", "\xE2\x80\x93", "-"}) {
    if (rest.substr(0, dash.size()) == dash) return true;
  }
  return false;
}

// After a labelled date: a time, then perhaps a byline or another field of the header
// ("Posted on 12 March 2022 by admin", "Published: March 12, 2022 | Updated: March 14, 2022").
bool LabelTail(std::string_view rest) {
  rest = TrimLeft(rest);
  for (std::string_view sep : {"|"sv, "by "sv, "By "sv, "\xC2\xB7"sv, "\xE2\x80\xA2"sv, ";"sv}) {
    const std::size_t at = rest.find(sep);
    if (at != std::string_view::npos && (at == 0 || IsSpace(rest[at - 1]))) return OnlyTime(rest.substr(0, at));
  }
  return OnlyTime(rest);
}

// "Published: ", "Posted on ", "First published ", "Date: ": a label saying the date after it is
// the article's (any case of its first letter, the colon or "on" optional). Returns the rest of
// the line after it, or `line` itself when it opens with none. "Updated: ..." is no such label.
std::string_view SkipPublishedLabel(std::string_view line, bool* found) {
  *found = false;
  static constexpr std::string_view kLabels[] = {"published", "first published", "posted", "date",
                                                 "publication date", "date published"};
  const std::string lower = Utf8Lower(line.substr(0, 24));
  for (std::string_view label : kLabels) {
    if (lower.compare(0, label.size(), label) != 0) continue;
    std::string_view rest = line.substr(label.size());
    if (!rest.empty() && rest.front() == ':') {
      rest.remove_prefix(1);
    } else if (rest.empty() || !IsSpace(rest.front())) {
      continue;  // "Postedon", "Dates"
    }
    rest = TrimLeft(rest);
    if (rest.substr(0, 3) == "on ") rest = TrimLeft(rest.substr(3));
    *found = true;
    return rest;
  }
  return line;
}

// "Prisoner Update No. 14 \u2014 Monday, 11 March 2024", "Weekly Bulletin | March 3, 2024": a
// heading that ends in a whole date after a dash or a bar (and perhaps a time). Returns its ISO
// form, or "".
std::string HeadingDate(std::string_view line) {
  // Not a list item ("- Detained \u2014 21 May 2018"), nor a field that dates something else
  // ("Born \u2014 4 June 1985", "Last updated \u2014 ...", "Photo: archive | March 3, 2019").
  if (line.empty() || line.front() == '-' || line.front() == '*' || line.substr(0, 3) == "\xE2\x80\xA2"sv) return "";
  for (std::string_view sep : {"\xE2\x80\x94"sv, "\xE2\x80\x93"sv, "--"sv, "|"sv, "-"sv}) {
    const std::size_t at = line.rfind(sep);
    if (at == std::string_view::npos || at == 0 || !IsSpace(line[at - 1])) continue;
    const std::string head = Utf8Lower(line.substr(0, at));
    for (std::string_view word : {"updated"sv, "modified"sv, "born"sv, "died"sv, "photo"sv, "archive"sv, "detained"sv,
                                  "arrested"sv, "sentenced"sv, "released"sv, "remembering"sv, ":"sv}) {
      if (head.find(word) != std::string::npos) return "";
    }
    std::string_view rest = TrimLeft(line.substr(at + sep.size()));
    const std::string iso = LeadingDate(&rest);
    if (!iso.empty() && OnlyTime(rest)) return iso;
  }
  return "";
}

}  // namespace

std::string DatelineDate(const std::string& text, Span body) {
  std::size_t seen = 0;
  std::string heading;
  for (const Span& span : SplitLines(text, body)) {
    std::string_view line = TrimLeft(std::string_view(text).substr(span.begin, span.end - span.begin));
    if (line.empty()) continue;
    if (++seen > kDatelineMaxLines) break;
    bool labelled = false;
    std::string_view rest = SkipPublishedLabel(line, &labelled);
    bool place = false;
    if (!labelled) rest = TrimLeft(SkipPlace(line, &place));
    const std::string iso = LeadingDate(&rest);
    if (!iso.empty() && (place ? DatelineTail(rest) : labelled ? LabelTail(rest) : OnlyTime(rest))) return iso;
    // What looked like a place may be a date's weekday ("Tuesday, February 22, 2022 12:37 GMT").
    std::string_view whole = line;
    const std::string line_date = place ? LeadingDate(&whole) : "";
    if (!line_date.empty() && OnlyTime(whole)) return line_date;
    if (IsProse(line)) break;
    // A heading's date counts only where no dateline or date line follows it.
    if (heading.empty()) heading = HeadingDate(line);
  }
  return heading;
}

}  // namespace kith
