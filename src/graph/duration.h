// Duration: a written term ("10 days", "ten days", "10-day", "18 months",
// "a year", "13 years") as an ISO 8601 duration ("P10D", "P18M", "P1Y",
// "P2W"). Number words come from the `numbers` lexicon. Returns "" when the
// text is no duration.
#pragma once

#include <string>

namespace kith {

class Lexicon;

std::string IsoDuration(const std::string& text, const Lexicon* numbers);

}  // namespace kith
