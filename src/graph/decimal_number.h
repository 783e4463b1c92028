// Decimal number: a number as an article writes it ("150,000", "2,000.50",
// "1.5 million", "ten thousand", "twenty-five", "two hundred and fifty") as a
// plain decimal string ("150000", "2000.5", "1500000", "10000", "25", "250"):
// digits without separators, a decimal point only when there is a fraction.
// Digits may carry thousands commas and one decimal point. Number words and
// scale words come from the `numbers` lexicon (`value=`; `scale=yes` marks
// hundred, thousand, million, billion, which multiply what precedes them).
// Returns "" when the text is no number, holds an unknown word, or its value
// needs more than 18 significant digits.
#pragma once

#include <string>

namespace kith {

class Lexicon;

std::string DecimalNumber(const std::string& text, const Lexicon* numbers);

}  // namespace kith
