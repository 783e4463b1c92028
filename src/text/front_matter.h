// Front matter: an optional metadata block at the very top of an article.
//
//   ---
//   title: "Protest Continues Outside Consulate"
//   date: 2021-02-22
//   url: https://example.org/a/1
//   source: Example News
//   ---
//
// The first line is "---" (surrounding spaces allowed, so a UTF-8 BOM turned
// into spaces does not hide it); then `key: value` lines (blank lines and
// lines starting with '#' are skipped); then a closing "---" within 50 lines.
// Keys are case-insensitive. Known keys: title, date, url, source, author; others are
// kept in DocumentMeta::extra and otherwise ignored. A value may be quoted
// with "..." or '...' (inside "...", \" and \\ are escapes; inside '...',
// as in YAML, '' is one quote).
#pragma once

#include <string>

#include "base/status.h"
#include "text/document.h"

namespace kith {

// Most lines after the opening "---" searched for the closing one.
inline constexpr int kFrontMatterMaxLines = 50;

// Parses the front matter of doc->text, if any. Sets doc->meta (date
// normalised by NormalizeIsoDate) and doc->body: the span after the block's
// closing line, or the whole text when there is no block. Errors are
// kInvalidInput located at doc->path, line and column (1-based, bytes): an
// opening "---" without a closing one within kFrontMatterMaxLines lines, a
// line without ':', an empty key, a repeated key, an unterminated quote, a
// date in none of the accepted forms.
Status ParseFrontMatter(Document* doc);

// Normalises a date to ISO 8601 "YYYY-MM-DD", "YYYY-MM" or "YYYY". Accepts
// (surrounding spaces ignored, month names in any case, full or abbreviated
// with an optional '.', "Sept" too):
//   2021-02-22   2021-02   2021   2021-02-22T10:30:00Z (time dropped)
//   22 February 2021   February 22, 2021   Feb. 22, 2021   February 2021
// Checks month 1-12 and the day against the month (leap years included).
// Returns kInvalidInput naming the input otherwise; `*out` is then unchanged.
Status NormalizeIsoDate(const std::string& in, std::string* out);

// Month number (1-12) of an English month name, full or abbreviated ("Sept" too), any case,
// with an optional final '.'; 0 if none.
int MonthFromName(std::string word);

}  // namespace kith
