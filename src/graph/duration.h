// Duration: a written term ("10 days", "ten days", "10-day", "18 months",
// "a year", "13 years", "a decade") as an ISO 8601 duration ("P10D", "P18M",
// "P1Y", "P2W", "P10Y"). Number words ("ten", "seventeen") come from the
// lexicon given. Returns "" when the text is no duration. IsoDurations()
// reads a list of terms ("12 and 7 years").
#pragma once

#include <string>
#include <vector>

namespace kith {

class Lexicon;

std::string IsoDuration(const std::string& text, const Lexicon* numbers);

// Several terms written as one list, in their order: "12 and 7 years" ->
// {"P12Y", "P7Y"}; "10, 8 and 5 years" -> three; "ten years and 18 months"
// -> {"P10Y", "P18M"}; a single term -> one. A bare number takes the unit
// of the next term that has one. Years followed by fewer than twelve months
// are one term: "seven years and six months" -> {"P7Y6M"}. Empty when any
// part is no term.
// `join_months` false keeps "seven years and six months" two terms, as after "respectively".
std::vector<std::string> IsoDurations(const std::string& text, const Lexicon* numbers, bool join_months = true);

}  // namespace kith
