// Dateline: the publication date an article states at its top, for articles
// whose front matter gives none. Two shapes are read, in the first lines of
// the body that are not blank:
//  - a dateline: a place in capitals or of capitalised words, perhaps its
//    country, then the date, an optional outlet in parentheses and a dash,
//    after which the first sentence may follow ("DUSHANBE, November 9, 2022
//    (Central Asia Monitor) --", "ALMATY, Kazakhstan, 3 March 2021 - Police
//    ...", "Almaty, March 3, 2021 -- ...");
//  - a line that is only a date, perhaps after its weekday and with a time
//    of day and its zone ("Tuesday, February 22, 2021 12:37 GMT",
//    "22 March 2021", "2021-02-22"), or after a label that says it is the
//    article's ("Published: 2021-10-14", "Posted on March 3, 2022 at 10:15",
//    "First published 4 May 2021"; not "Updated: ...");
//  - failing both, a heading that ends in a date after a dash or a bar
//    ("Prisoner Update No. 14 -- Monday, 11 March 2024", "Weekly Bulletin |
//    March 3, 2024"); not a list item, a label's field ("Photo: ...") nor a
//    heading that dates something else ("Born -- ...", "Last updated -- ...",
//    "Remembering X -- 3 March 2014").
// Only a whole date (year, month and day) counts: "March 2021" alone is no
// publication date. The search stops at the first line of running prose, so
// a timeline or a date heading further down is not taken for one.
#pragma once

#include <cstddef>
#include <string>

#include "text/document.h"

namespace kith {

// Non-blank lines of the body that are searched.
inline constexpr std::size_t kDatelineMaxLines = 8;

// The ISO date ("YYYY-MM-DD") of the first dateline or date line among the
// first kDatelineMaxLines non-blank lines of `body` in `text`; "" when none.
std::string DatelineDate(const std::string& text, Span body);

}  // namespace kith
