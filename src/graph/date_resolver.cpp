#include "graph/date_resolver.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

// Days since 1970-01-01 for a civil date, and back (H. Hinnant's algorithms).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

DateValue CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return DateValue{y, m, d};
}

// Weekday 1 (Monday) .. 7 (Sunday).
int Weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

// The number an attribute's text starts with, after a leading word part ("mid-2018": 2018).
int Number(const std::map<std::string, std::string>& a, const char* key) {
  const auto it = a.find(key);
  if (it == a.end()) return 0;
  const std::size_t digit = it->second.find_first_of("0123456789");
  return digit == std::string::npos ? 0 : std::atoi(it->second.c_str() + digit);
}

std::string Get(const std::map<std::string, std::string>& a, const char* key) {
  const auto it = a.find(key);
  return it == a.end() ? "" : Utf8Lower(it->second);
}

int MonthFromName(const std::string& text) {
  static const char* const kNames[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (text.find(kNames[i]) != std::string::npos) return i + 1;
  }
  return 0;
}

DateValue AddDays(const DateValue& d, long n) { return CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + n); }

// The last month of a season named in the text ("spring" ends in May), or 0.
int SeasonLastMonth(const std::string& season) {
  if (season == "spring"sv) return 5;
  if (season == "summer"sv) return 8;
  if (season == "autumn"sv || season == "fall"sv) return 11;
  return 0;
}

// "12.05.2018" read in the order "dmy", "04.2021" (month and year), "2018-05-12" and "2018-05": the
// numbers between dots, hyphens or slashes. A date that ends in its year is read in `order`
// ("dmy" or "mdy"; without a day, month then year); one that opens with its year is ISO 8601's
// year, month, day. No date when a part is out of range or the day is not in its month.
DateValue FromFigures(const std::string& figures, const std::string& order) {
  std::vector<int> parts;
  std::vector<std::size_t> widths;
  for (std::size_t from = 0; from <= figures.size();) {
    std::size_t to = figures.find_first_of(".-/", from);
    if (to == std::string::npos) to = figures.size();
    const std::string part = figures.substr(from, to - from);
    if (part.empty() || part.size() > 4 || part.find_first_not_of("0123456789") != std::string::npos) return DateValue{};
    parts.push_back(std::atoi(part.c_str()));
    widths.push_back(part.size());
    from = to + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return DateValue{};
  DateValue d;
  if (widths.front() == 4) {
    d.year = parts[0];
    d.month = parts[1];
    d.day = parts.size() == 3 ? parts[2] : 0;
  } else if (widths.back() == 4) {
    d.year = parts.back();
    if (parts.size() == 2) {
      d.month = parts[0];
    } else if (order == "mdy"sv) {
      d.month = parts[0];
      d.day = parts[1];
    } else if (order == "dmy"sv) {
      d.day = parts[0];
      d.month = parts[1];
    } else {
      return DateValue{};
    }
  } else {
    return DateValue{};
  }
  if (d.year < 1000 || d.month < 1 || d.month > 12 || (parts.size() == 3 && d.day < 1)) return DateValue{};
  // The day must exist in its month: no 31.02.2019.
  if (d.day != 0 && CivilFromDays(DaysFromCivil(d.year, d.month, d.day)).day != d.day) return DateValue{};
  return d;
}

}  // namespace

std::string DateValue::Precision() const {
  if (month != 0 && day != 0) return "day";
  if (month != 0) return "month";
  if (year != 0) return "year";
  return "";
}

std::string DateValue::Iso() const {
  char buf[16];
  if (year != 0 && month != 0 && day != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (year != 0 && month != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else if (year != 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (month != 0 && day != 0) {
    std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  } else if (month != 0) {
    std::snprintf(buf, sizeof buf, "--%02d", month);
  } else {
    return "";
  }
  return buf;
}

DateValue ParseIsoDate(const std::string& iso) {
  // Exactly YYYY, YYYY-MM or YYYY-MM-DD; anything else is no date.
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
    }
    return true;
  };
  const bool shape = (iso.size() == 4 && digits(0, 4)) ||
                     (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2)) ||
                     (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' && digits(8, 2));
  if (!shape) return DateValue{};
  DateValue d;
  d.year = std::atoi(iso.substr(0, 4).c_str());
  if (iso.size() >= 7) d.month = std::atoi(iso.substr(5, 2).c_str());
  if (iso.size() >= 10) d.day = std::atoi(iso.substr(8, 2).c_str());
  if (d.year < 1000 || (iso.size() >= 7 && (d.month < 1 || d.month > 12)) || (iso.size() >= 10 && d.day < 1)) {
    return DateValue{};
  }
  // The day must exist in its month: no February 31.
  if (iso.size() >= 10) {
    const DateValue back = CivilFromDays(DaysFromCivil(d.year, d.month, d.day));
    if (back.month != d.month || back.day != d.day) return DateValue{};
  }
  return d;
}

DateValue DateResolver::Resolve(const std::map<std::string, std::string>& a, const DateValue& previous) const {
  const std::string anchor = Get(a, "anchor");
  if (anchor == "previous"sv) {
    // Counted on past the publication month, the date before was not the one the count is from.
    const DateValue r = FromPrevious(a, previous);
    const bool later = publication_.year != 0 &&
                       (r.year > publication_.year ||
                        (r.year == publication_.year && publication_.month != 0 && r.month > publication_.month));
    return later ? DateValue{} : r;
  }
  return FromDocument(a);
}

DateValue DateResolver::FromPrevious(const std::map<std::string, std::string>& a, const DateValue& previous) {
  const std::string unit = Get(a, "unit");
  const std::string dir = Get(a, "direction");
  if (previous.year == 0 && previous.month == 0) return DateValue{};
  // Offsets beyond ten thousand units are no dates (and would overflow the arithmetic).
  const int amount = a.count("amount") ? std::min(10000, std::max(1, Number(a, "amount"))) : 1;
  const int sign = (dir == "earlier"sv || dir == "before"sv || dir == "previous"sv || dir == "preceding"sv) ? -1 : 1;
  if (!a.count("amount") && (unit == "days"sv || unit == "weeks"sv) && previous.year != 0 && previous.day != 0) {
    // "days later", "within weeks of": an uncounted span from a day, told no more precisely than
    // the month it stays in (up to a week, or three), else the year.
    const DateValue end = AddDays(previous, sign * (unit == "days"sv ? 7L : 21L));
    if (end.year != previous.year) return DateValue{};
    return DateValue{previous.year, end.month == previous.month ? previous.month : 0, 0};
  }
  // "that evening", "the same day": the day before, when one was told; after a month or a year
  // it is a day of the story that the text does not give.
  if ((dir == "that"sv || dir == "same"sv) && (unit == "day"sv || unit == "morning"sv || unit == "afternoon"sv ||
                                               unit == "evening"sv || unit == "night"sv)) {
    return previous.day != 0 ? previous : DateValue{};
  }
  if ((unit == "day"sv || unit == "days"sv || unit == "morning"sv || unit == "evening"sv) && previous.day != 0) {
    if (previous.year == 0) {
      // No year: count within a leap year so February 29 exists, then drop the year again.
      DateValue r = AddDays(DateValue{2000, previous.month, previous.day}, sign * amount);
      r.year = 0;
      return r;
    }
    return AddDays(previous, sign * amount);
  }
  if ((unit == "week"sv || unit == "weeks"sv) && previous.day != 0 && previous.year != 0) {
    const DateValue r = AddDays(previous, sign * 7L * amount);
    return DateValue{r.year, r.month, 0};
  }
  // "in the spring of 2018 ... weeks later": days or weeks from a date of no day stay in its
  // year, unless the count may cross into another one (from December, or back from January);
  // a few days from a month ("in March 2019 ... three days later") mostly stay in that month.
  const bool days_or_weeks = unit == "day"sv || unit == "days"sv || unit == "week"sv || unit == "weeks"sv;
  const bool weeks = unit == "week"sv || unit == "weeks"sv;
  // Uncounted ("days later", "weeks later"): up to a week, or three.
  const int reach_days = !a.count("amount") ? (weeks ? 21 : 7) : weeks ? 7 * amount : amount;
  if (days_or_weeks && previous.day == 0 && previous.year != 0 && reach_days <= 31 &&
      !(sign > 0 && previous.month == 12) && !(sign < 0 && previous.month == 1)) {
    return DateValue{previous.year, reach_days <= 7 ? previous.month : 0, 0};
  }
  // "that year", "that summer": the year of the date before.
  const int step = dir == "that"sv ? 0 : sign;
  if ((unit == "year"sv || unit == "years"sv) && previous.year != 0) return DateValue{previous.year + step * amount, 0, 0};
  if ((unit == "month"sv || unit == "months"sv) && previous.month != 0) {
    int m = previous.month + sign * amount;
    int y = previous.year;
    while (m < 1) { m += 12; if (y) --y; }
    while (m > 12) { m -= 12; if (y) ++y; }
    return DateValue{y, m, 0};
  }
  if (previous.year != 0 && (unit == "spring"sv || unit == "summer"sv || unit == "autumn"sv || unit == "fall"sv || unit == "winter"sv)) {
    return DateValue{previous.year + (step > 0 ? 1 : 0), 0, 0};
  }
  if (unit == "month-day-of-year"sv) {
    // "April 9 of that year" (or "of the same year"): in the year of the date before;
    // "of the following year": the year after it.
    const int m = Number(a, "month");
    const int d = Number(a, "day");
    if (m < 1 || m > 12 || d < 1 || d > 31 || previous.year == 0) return DateValue{};
    const DateValue r{previous.year + (dir == "that"sv || dir == "same"sv ? 0 : sign), m, d};
    const DateValue back = CivilFromDays(DaysFromCivil(r.year, r.month, r.day));
    return back.month == r.month && back.day == r.day ? r : DateValue{};
  }
  if (unit == "named-month"sv) {
    // "that September": in the year of the date before; "the following January": the first one after it.
    const int m = Number(a, "month");
    if (m < 1 || m > 12 || previous.year == 0) return DateValue{};
    if (dir == "that"sv) return DateValue{previous.year, m, 0};
    if (sign > 0) return DateValue{previous.year + (previous.month != 0 && m <= previous.month ? 1 : 0), m, 0};
    return DateValue{previous.year - (previous.month == 0 || m >= previous.month ? 1 : 0), m, 0};
  }
  return DateValue{};
}

DateValue DateResolver::FromDocument(const std::map<std::string, std::string>& a) const {
  const std::string anchor = Get(a, "anchor");
  const std::string unit = Get(a, "unit");
  const std::string dir = Get(a, "direction");
  const bool pub_day = publication_.year != 0 && publication_.month != 0 && publication_.day != 0;
  if (anchor == "document"sv && publication_.year != 0 && publication_.month != 0) {
    // "last March", "last autumn": the last one that ended before the publication month;
    // "this March": the publication year's.
    const int named = unit == "named-month"sv ? Number(a, "month") : SeasonLastMonth(unit);
    if (named >= 1 && named <= 12) {
      const int year = dir == "this"sv || named < publication_.month ? publication_.year : publication_.year - 1;
      return DateValue{year, unit == "named-month"sv ? named : 0, 0};
    }
  }
  if (anchor == "document"sv) {
    if (!pub_day) {
      if (publication_.year != 0 && unit == "year"sv) {
        return DateValue{dir == "last"sv || dir == "past"sv ? publication_.year - 1 : publication_.year, 0, 0};
      }
      return DateValue{};
    }
    const long today = DaysFromCivil(publication_.year, publication_.month, publication_.day);
    if (unit == "yesterday"sv) return CivilFromDays(today - 1);
    if (unit == "today"sv) return publication_;
    if (unit == "weekend"sv) {
      // The Saturday before publication (or of this week when published on a weekend day).
      long d = today;
      while (Weekday(d) != 6) --d;
      const DateValue r = CivilFromDays(d);
      return r;
    }
    if (unit == "weekday"sv) {
      const int want = Number(a, "weekday");
      if (want < 1 || want > 7) return DateValue{};
      long d = today;
      while (Weekday(d) != want) --d;
      return CivilFromDays(d);
    }
    if (unit == "week"sv) {
      const DateValue r = CivilFromDays(today - (dir == "this"sv ? 0 : 7));
      return DateValue{r.year, r.month, 0};
    }
    if (unit == "month"sv) {
      int m = publication_.month - (dir == "this"sv ? 0 : 1);
      int y = publication_.year;
      if (m < 1) { m = 12; --y; }
      return DateValue{y, m, 0};
    }
    if (unit == "year"sv) return DateValue{dir == "this"sv ? publication_.year : publication_.year - 1, 0, 0};
    return DateValue{};
  }
  if (a.count("figures") != 0) return FromFigures(a.at("figures"), Get(a, "order"));
  DateValue d;
  d.year = Number(a, "year");
  d.month = Number(a, "month");
  if (d.month == 0 && a.count("month_name")) d.month = MonthFromName(Get(a, "month_name"));
  d.day = Number(a, "day");
  if (d.month < 0 || d.month > 12) d.month = 0;
  if (d.day < 0 || d.day > 31 || d.month == 0) d.day = 0;
  // "on March 3 this year", "in May of last year": the publication's year, or the one before.
  const std::string year_of = Get(a, "year_of");
  if (d.year == 0 && d.month != 0 && publication_.year != 0 && (year_of == "this"sv || year_of == "last"sv)) {
    d.year = publication_.year - (year_of == "last"sv ? 1 : 0);
  }
  if (d.year == 0 && d.month != 0 && publication_.year != 0) {
    d.year = publication_.year;
    if (publication_.month != 0) {
      const long pub = DaysFromCivil(publication_.year, publication_.month, publication_.day ? publication_.day : 28);
      if (DaysFromCivil(d.year, d.month, d.day ? d.day : 1) > pub + 7) --d.year;
    }
  }
  return d;
}

}  // namespace kith
