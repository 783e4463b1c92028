// Date resolver: turns the attributes of a Date mention into an ISO 8601
// date with its precision. Absolute parts (year, month, day) are kept as the
// text gives them, in words or in figures ("12.05.2018" with the order "dmy"
// its rule names); a month and day said to be "this year" or "last year"
// take the publication's year or the one before; without a year they take
// the publication year (the year before when that would put them more than a
// week after publication). Relative dates count from their anchor: the publication
// date ("last week", "yesterday", "on Wednesday") or the date mentioned
// before ("a day earlier", "the next day"; days or weeks from a date of no day keep
// its year, and up to a week from a month its month). A month or season named against
// an anchor ("last March", "last autumn", "that September", "the following
// January") is the one that anchor points to, and so is a day "of that year" or "of the
// following year". Without the anchor they need,
// they resolve to nothing rather than to a guess, and so does a count from
// the date before that lands after the publication month ("two years
// later" after a day and month read in the publication year).
#pragma once

#include <map>
#include <string>

namespace kith {

struct DateValue {
  int year = 0;   // 0: unknown
  int month = 0;  // 1-12, 0: unknown
  int day = 0;    // 1-31, 0: unknown

  bool empty() const { return year == 0 && month == 0; }
  // "day", "month", "year" or "".
  std::string Precision() const;
  // "2021-02-22", "2021-02", "2019", "--02-22", "--04", or "".
  std::string Iso() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a publication date); empty on anything else.
DateValue ParseIsoDate(const std::string& iso);

class DateResolver {
 public:
  explicit DateResolver(DateValue publication) : publication_(publication) {}

  // `previous`: the last date resolved before this one in the text (may be empty).
  DateValue Resolve(const std::map<std::string, std::string>& attributes, const DateValue& previous) const;

 private:
  static DateValue FromPrevious(const std::map<std::string, std::string>& attributes, const DateValue& previous);
  DateValue FromDocument(const std::map<std::string, std::string>& attributes) const;
  DateValue publication_;
};

}  // namespace kith
