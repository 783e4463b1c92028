#include "graph/date_resolver.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace kith {
namespace {

using Attributes = std::map<std::string, std::string>;

// Dates as the tests write them: {year, month, day}, 0 for unknown.
constexpr DateValue kNone{0, 0, 0};
constexpr DateValue D(int y, int m, int d) { return DateValue{y, m, d}; }

struct ResolveCase {
  const char* name;
  Attributes attributes;  // as the rules in rules/15_dates.json create them
  DateValue publication;
  DateValue previous;
  const char* iso;
  const char* precision;
};

// 2021-03-10 is a Wednesday; 2021-03-13 a Saturday, 2021-03-14 a Sunday.
const ResolveCase kResolveCases[] = {
    // ---- Absolute dates ---------------------------------------------------
    {"month and day without a year or publication", {{"month", "02"}, {"day", "22"}}, kNone, kNone, "--02-22", "day"},
    {"ordinal day", {{"month", "02"}, {"day", "22nd"}}, kNone, kNone, "--02-22", "day"},
    {"figures, day first", {{"figures", "12.05.2018"}, {"order", "dmy"}}, kNone, kNone, "2018-05-12", "day"},
    {"figures, month first", {{"figures", "5.12.2018"}, {"order", "mdy"}}, kNone, kNone, "2018-05-12", "day"},
    {"figures, month and year", {{"figures", "04.2021"}, {"order", "dmy"}}, kNone, kNone, "2021-04", "month"},
    {"figures, ISO 8601", {{"figures", "2018-05-12"}, {"order", "dmy"}}, kNone, kNone, "2018-05-12", "day"},
    {"figures, ISO month", {{"figures", "2018-05"}}, kNone, kNone, "2018-05", "month"},
    {"figures, no such day", {{"figures", "31.02.2019"}, {"order", "dmy"}}, kNone, kNone, "", ""},
    {"figures, no month thirteen", {{"figures", "05.13.2019"}, {"order", "dmy"}}, kNone, kNone, "", ""},
    {"figures, day and month in no named order", {{"figures", "12.05.2018"}}, kNone, kNone, "", ""},
    {"figures, no year", {{"figures", "12.05"}, {"order", "dmy"}}, kNone, kNone, "", ""},
    {"a year with its part written on", {{"year", "mid-2018"}}, kNone, kNone, "2018", "year"},
    {"years counted from the date before stay at or before the publication",
     {{"amount", "2"}, {"unit", "years"}, {"direction", "later"}, {"anchor", "previous"}}, D(2026, 3, 9),
     D(2018, 3, 19), "2020", "year"},
    {"years counted on past the publication are no date",
     {{"amount", "2"}, {"unit", "years"}, {"direction", "later"}, {"anchor", "previous"}}, D(2026, 3, 9),
     D(2025, 3, 26), "", ""},
    {"months counted on past the publication month are no date",
     {{"amount", "3"}, {"unit", "months"}, {"direction", "later"}, {"anchor", "previous"}}, D(2026, 3, 9),
     D(2026, 1, 0), "", ""},
    {"month and day take the publication year", {{"month", "02"}, {"day", "22"}}, D(2021, 3, 10), kNone,
     "2021-02-22", "day"},
    {"month and day a few days after publication keep its year", {{"month", "03"}, {"day", "15"}}, D(2021, 3, 10),
     kNone, "2021-03-15", "day"},
    {"month and day exactly a week after publication keep its year", {{"month", "03"}, {"day", "17"}},
     D(2021, 3, 10), kNone, "2021-03-17", "day"},
    {"month and day more than a week after publication are the year before", {{"month", "03"}, {"day", "18"}},
     D(2021, 3, 10), kNone, "2020-03-18", "day"},
    {"late December read in early January is the year before", {{"month", "12"}, {"day", "28"}}, D(2021, 1, 5),
     kNone, "2020-12-28", "day"},
    {"a written year wins over the publication year", {{"month", "05"}, {"day", "12"}, {"year", "2019"}},
     D(2021, 3, 10), kNone, "2019-05-12", "day"},
    {"a day of this year after publication keeps its year", {{"month", "03"}, {"day", "18"}, {"year_of", "this"}},
     D(2021, 3, 10), kNone, "2021-03-18", "day"},
    {"a month of last year is the year before publication", {{"month", "05"}, {"year_of", "last"}}, D(2021, 9, 10),
     kNone, "2020-05", "month"},
    {"a month of this year without publication", {{"month", "05"}, {"year_of", "this"}}, kNone, kNone, "--05",
     "month"},
    {"month and year", {{"month", "10"}, {"year", "2018"}}, D(2021, 3, 10), kNone, "2018-10", "month"},
    {"month alone takes the publication year", {{"month", "02"}}, D(2021, 3, 10), kNone, "2021-02", "month"},
    {"month alone after publication is the year before", {{"month", "04"}}, D(2021, 3, 10), kNone, "2020-04",
     "month"},
    {"month alone without publication", {{"month", "04"}}, kNone, kNone, "--04", "month"},
    {"month alone with a publication year only", {{"month", "04"}}, D(2021, 0, 0), kNone, "2021-04", "month"},
    {"year only", {{"year", "2019"}}, D(2021, 3, 10), kNone, "2019", "year"},
    {"part of a year is ignored", {{"year", "2018"}, {"part", "late"}}, kNone, kNone, "2018", "year"},
    {"part of a month is ignored", {{"month", "04"}, {"part", "early"}}, D(2021, 5, 1), kNone, "2021-04", "month"},
    {"month name with a part, mid-September", {{"month_name", "mid-September"}}, D(2021, 10, 1), kNone, "2021-09",
     "month"},
    {"month name with a part and a year", {{"month_name", "late-October"}, {"year", "2018"}}, D(2021, 3, 10), kNone,
     "2018-10", "month"},
    {"an absolute date ignores the previous date", {{"month", "10"}, {"year", "2018"}}, kNone, D(2020, 5, 5),
     "2018-10", "month"},

    // ---- Relative to the date mentioned before ----------------------------
    {"a day earlier across a month boundary",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, D(2021, 3, 10),
     D(2021, 3, 1), "2021-02-28", "day"},
    {"a day earlier across February 29 of a leap year",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone, D(2020, 3, 1),
     "2020-02-29", "day"},
    {"a day earlier than a date without a year",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone, D(0, 3, 1),
     "--02-29", "day"},
    {"two days later across a month boundary",
     {{"amount", "2"}, {"unit", "days"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2021, 2, 27),
     "2021-03-01", "day"},
    {"the next day across a year boundary",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "next"}, {"anchor", "previous"}}, kNone, D(2021, 12, 31),
     "2022-01-01", "day"},
    {"the day before", {{"amount", "1"}, {"unit", "day"}, {"direction", "before"}, {"anchor", "previous"}}, kNone,
     D(2021, 1, 1), "2020-12-31", "day"},
    {"no amount counts one", {{"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone,
     D(2021, 3, 10), "2021-03-09", "day"},
    {"three weeks before: the month it falls in",
     {{"amount", "3"}, {"unit", "weeks"}, {"direction", "before"}, {"anchor", "previous"}}, kNone, D(2021, 3, 10),
     "2021-02", "month"},
    {"a week later across a year boundary",
     {{"amount", "1"}, {"unit", "week"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2021, 12, 28),
     "2022-01", "month"},
    {"weeks later than a year keeps the year", {{"unit", "weeks"}, {"direction", "later"}, {"anchor", "previous"}},
     kNone, D(2018, 0, 0), "2018", "year"},
    {"three days later than a month keeps the month",
     {{"amount", "3"}, {"unit", "days"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2019, 3, 0),
     "2019-03", "month"},
    {"two weeks later than a month keeps only its year",
     {{"amount", "2"}, {"unit", "weeks"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2019, 3, 0),
     "2019", "year"},
    {"days later than a day: the month it stays in", {{"unit", "days"}, {"direction", "later"}, {"anchor", "previous"}},
     kNone, D(2018, 5, 3), "2018-05", "month"},
    {"weeks later than a day late in its month: the year", {{"unit", "weeks"}, {"direction", "later"},
     {"anchor", "previous"}}, kNone, D(2018, 5, 20), "2018", "year"},
    {"within days of a day", {{"unit", "days"}, {"direction", "within"}, {"anchor", "previous"}}, kNone,
     D(2018, 4, 2), "2018-04", "month"},
    {"weeks later than a December may be the next year",
     {{"unit", "weeks"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2019, 12, 0), "", ""},
    {"two months later across a year boundary",
     {{"amount", "2"}, {"unit", "months"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(2021, 11, 15),
     "2022-01", "month"},
    {"a month earlier across a year boundary",
     {{"amount", "1"}, {"unit", "month"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone, D(2021, 1, 15),
     "2020-12", "month"},
    {"a year later", {{"amount", "1"}, {"unit", "year"}, {"direction", "later"}, {"anchor", "previous"}}, kNone,
     D(2019, 5, 0), "2020", "year"},
    {"three years earlier", {{"amount", "3"}, {"unit", "years"}, {"direction", "earlier"}, {"anchor", "previous"}},
     kNone, D(2019, 0, 0), "2016", "year"},
    {"the following spring", {{"amount", "1"}, {"unit", "spring"}, {"direction", "following"}, {"anchor", "previous"}},
     kNone, D(2019, 10, 1), "2020", "year"},

    // ---- Relative to the publication date ---------------------------------
    {"yesterday across a month boundary", {{"unit", "yesterday"}, {"anchor", "document"}}, D(2021, 3, 1), kNone,
     "2021-02-28", "day"},
    {"today", {{"unit", "today"}, {"anchor", "document"}}, D(2021, 3, 10), kNone, "2021-03-10", "day"},
    {"last week: the month a week before", {{"unit", "week"}, {"direction", "last"}, {"anchor", "document"}},
     D(2021, 3, 3), kNone, "2021-02", "month"},
    {"this week", {{"unit", "week"}, {"direction", "this"}, {"anchor", "document"}}, D(2021, 3, 3), kNone, "2021-03",
     "month"},
    {"this month", {{"unit", "month"}, {"direction", "this"}, {"anchor", "document"}}, D(2021, 3, 10), kNone,
     "2021-03", "month"},
    {"last month across a year boundary", {{"unit", "month"}, {"direction", "last"}, {"anchor", "document"}},
     D(2021, 1, 10), kNone, "2020-12", "month"},
    {"last year", {{"unit", "year"}, {"direction", "last"}, {"anchor", "document"}}, D(2021, 3, 10), kNone, "2020",
     "year"},
    {"this year", {{"unit", "year"}, {"direction", "this"}, {"anchor", "document"}}, D(2021, 3, 10), kNone, "2021",
     "year"},
    {"last year with a publication year only", {{"unit", "year"}, {"direction", "last"}, {"anchor", "document"}},
     D(2021, 0, 0), kNone, "2020", "year"},
    {"the weekend: the Saturday before a Wednesday",
     {{"unit", "weekend"}, {"direction", "the"}, {"anchor", "document"}}, D(2021, 3, 10), kNone, "2021-03-06", "day"},
    {"the weekend: the Saturday before a Sunday", {{"unit", "weekend"}, {"direction", "the"}, {"anchor", "document"}},
     D(2021, 3, 14), kNone, "2021-03-13", "day"},
    {"the weekend published on a Saturday is that Saturday",
     {{"unit", "weekend"}, {"direction", "the"}, {"anchor", "document"}}, D(2021, 3, 13), kNone, "2021-03-13",
     "day"},
    {"on Wednesday published on a Wednesday", {{"unit", "weekday"}, {"weekday", "3"}, {"anchor", "document"}},
     D(2021, 3, 10), kNone, "2021-03-10", "day"},
    {"on Wednesday published on a Friday", {{"unit", "weekday"}, {"weekday", "3"}, {"anchor", "document"}},
     D(2021, 3, 12), kNone, "2021-03-10", "day"},
    {"on Friday published on a Wednesday", {{"unit", "weekday"}, {"weekday", "5"}, {"anchor", "document"}},
     D(2021, 3, 10), kNone, "2021-03-05", "day"},
    {"on Sunday published on a Monday across a month boundary",
     {{"unit", "weekday"}, {"weekday", "7"}, {"anchor", "document"}}, D(2021, 3, 1), kNone, "2021-02-28", "day"},
    {"last March published in June", {{"unit", "named-month"}, {"month", "03"}, {"direction", "last"}, {"anchor", "document"}},
     D(2025, 6, 12), kNone, "2025-03", "month"},
    {"last March published in March is a year back",
     {{"unit", "named-month"}, {"month", "03"}, {"direction", "last"}, {"anchor", "document"}}, D(2025, 3, 20), kNone,
     "2024-03", "month"},
    {"this October published in March", {{"unit", "named-month"}, {"month", "10"}, {"direction", "this"}, {"anchor", "document"}},
     D(2025, 3, 20), kNone, "2025-10", "month"},
    {"last autumn published in March", {{"unit", "autumn"}, {"direction", "last"}, {"anchor", "document"}},
     D(2025, 3, 20), kNone, "2024", "year"},
    {"last summer published in October", {{"unit", "summer"}, {"direction", "last"}, {"anchor", "document"}},
     D(2025, 10, 1), kNone, "2025", "year"},
    {"that September after June 2019", {{"unit", "named-month"}, {"month", "09"}, {"direction", "that"}, {"anchor", "previous"}},
     D(2025, 10, 1), D(2019, 6, 0), "2019-09", "month"},
    {"the following January after September", {{"unit", "named-month"}, {"month", "01"}, {"direction", "following"}, {"anchor", "previous"}},
     kNone, D(2019, 9, 0), "2020-01", "month"},
    {"the following November after September", {{"unit", "named-month"}, {"month", "11"}, {"direction", "following"}, {"anchor", "previous"}},
     kNone, D(2019, 9, 0), "2019-11", "month"},
    {"the previous December after March", {{"unit", "named-month"}, {"month", "12"}, {"direction", "previous"}, {"anchor", "previous"}},
     kNone, D(2019, 3, 0), "2018-12", "month"},
    {"that summer after February 2018", {{"unit", "summer"}, {"direction", "that"}, {"anchor", "previous"}},
     kNone, D(2018, 2, 0), "2018", "year"},
    {"that year after March 2019", {{"unit", "year"}, {"direction", "that"}, {"anchor", "previous"}},
     kNone, D(2019, 3, 0), "2019", "year"},
    {"that evening after 5 July 2021", {{"unit", "evening"}, {"direction", "that"}, {"anchor", "previous"}},
     kNone, D(2021, 7, 5), "2021-07-05", "day"},
    {"the same day after 5 July 2021", {{"unit", "day"}, {"direction", "same"}, {"anchor", "previous"}},
     kNone, D(2021, 7, 5), "2021-07-05", "day"},
    {"that day after March 2019", {{"unit", "day"}, {"direction", "that"}, {"anchor", "previous"}},
     kNone, D(2019, 3, 0), "", ""},
    {"the next summer after 2018", {{"unit", "summer"}, {"direction", "next"}, {"anchor", "previous"}},
     kNone, D(2018, 0, 0), "2019", "year"},
    {"April 9 of that year after February 2017",
     {{"unit", "month-day-of-year"}, {"month", "04"}, {"day", "9"}, {"direction", "that"}, {"anchor", "previous"}},
     D(2026, 3, 11), D(2017, 2, 0), "2017-04-09", "day"},
    {"May 3 of the following year after 2018",
     {{"unit", "month-day-of-year"}, {"month", "05"}, {"day", "3"}, {"direction", "following"}, {"anchor", "previous"}},
     kNone, D(2018, 0, 0), "2019-05-03", "day"},
    {"February 30 of that year is no date",
     {{"unit", "month-day-of-year"}, {"month", "02"}, {"day", "30"}, {"direction", "that"}, {"anchor", "previous"}},
     kNone, D(2018, 0, 0), "", ""},

    // ---- Missing anchors: nothing rather than a guess ---------------------
    {"that September without a previous year", {{"unit", "named-month"}, {"month", "09"}, {"direction", "that"}, {"anchor", "previous"}},
     D(2025, 10, 1), D(0, 6, 0), "", ""},
    {"last March without a publication month", {{"unit", "named-month"}, {"month", "03"}, {"direction", "last"}, {"anchor", "document"}},
     D(2025, 0, 0), kNone, "", ""},
    {"a day earlier without a previous date",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, D(2021, 3, 10), kNone, "",
     ""},
    {"a day earlier than a month-precise date: mostly that month",
     {{"amount", "1"}, {"unit", "day"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone, D(2021, 3, 0),
     "2021-03", "month"},
    {"forty days earlier than a month-precise date: too far to say",
     {{"amount", "40"}, {"unit", "days"}, {"direction", "earlier"}, {"anchor", "previous"}}, kNone, D(2021, 3, 0), "",
     ""},
    {"a year later than a date without a year",
     {{"amount", "1"}, {"unit", "year"}, {"direction", "later"}, {"anchor", "previous"}}, kNone, D(0, 3, 1), "", ""},
    {"the following spring without a previous year",
     {{"amount", "1"}, {"unit", "spring"}, {"direction", "following"}, {"anchor", "previous"}}, kNone, D(0, 3, 1), "",
     ""},
    {"yesterday without publication", {{"unit", "yesterday"}, {"anchor", "document"}}, kNone, D(2021, 3, 1), "", ""},
    {"last week with a publication year only", {{"unit", "week"}, {"direction", "last"}, {"anchor", "document"}},
     D(2021, 0, 0), kNone, "", ""},
    {"the weekend without publication", {{"unit", "weekend"}, {"direction", "the"}, {"anchor", "document"}}, kNone,
     kNone, "", ""},
    {"a weekday without publication", {{"unit", "weekday"}, {"weekday", "3"}, {"anchor", "document"}}, kNone, kNone,
     "", ""},
    {"a weekday without its number", {{"unit", "weekday"}, {"anchor", "document"}}, D(2021, 3, 10), kNone, "", ""},
    {"no attributes at all", {}, D(2021, 3, 10), D(2021, 3, 1), "", ""},
    {"a day without a month", {{"day", "22"}}, D(2021, 3, 10), kNone, "", ""},
};

TEST_CASE("DateResolver resolves absolute and relative dates", "[graph]") {
  for (const ResolveCase& c : kResolveCases) {
    INFO(c.name);
    const DateValue d = DateResolver(c.publication).Resolve(c.attributes, c.previous);
    CHECK(d.Iso() == c.iso);
    CHECK(d.Precision() == c.precision);
    CHECK(d.empty() == (std::string(c.iso).empty()));
  }
}

TEST_CASE("DateValue prints ISO 8601 with its precision", "[graph]") {
  struct Case {
    DateValue d;
    const char* iso;
    const char* precision;
  };
  const Case cases[] = {
      {D(2021, 2, 22), "2021-02-22", "day"}, {D(2021, 2, 0), "2021-02", "month"}, {D(2019, 0, 0), "2019", "year"},
      {D(0, 2, 22), "--02-22", "day"},       {D(0, 4, 0), "--04", "month"},       {kNone, "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.iso);
    CHECK(c.d.Iso() == c.iso);
    CHECK(c.d.Precision() == c.precision);
  }
}

struct IsoCase {
  const char* text;
  DateValue expected;
};

bool Same(const DateValue& a, const DateValue& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

TEST_CASE("ParseIsoDate reads YYYY, YYYY-MM and YYYY-MM-DD", "[graph]") {
  const IsoCase good[] = {
      {"2021-03-10", D(2021, 3, 10)},
      {"2021-03", D(2021, 3, 0)},
      {"2021", D(2021, 0, 0)},
      {"1999-12-31", D(1999, 12, 31)},
  };
  for (const IsoCase& c : good) {
    INFO(c.text);
    const DateValue d = ParseIsoDate(c.text);
    CHECK(Same(d, c.expected));
    CHECK(d.Iso() == c.text);
  }
}

TEST_CASE("ParseIsoDate gives an empty date for what is no ISO date", "[graph]") {
  const char* const bad[] = {"", "abc", "21-03-10", "0999", "2021-13-01", "2021-02-32", "March 10, 2021", "--03-10"};
  for (const char* text : bad) {
    INFO('"' << text << '"');
    const DateValue d = ParseIsoDate(text);
    CHECK(d.empty());
    CHECK(d.Iso().empty());
  }
}

// The header promises "empty on anything else", but only the first four
// characters, a '-' at 4 and at 7 are looked at: "2021/03/10" and the basic
// format "20210310" read as the year 2021, "2021-3-10" as March 2021, and
// "2021-00-10" as the year 2021 (month 00 accepted).
TEST_CASE("ParseIsoDate rejects malformed dates rather than reading a prefix", "[graph]") {
  const char* const bad[] = {"2021/03/10", "20210310", "2021-3-10", "2021-03-1x", "2021-00-10", "2021x"};
  for (const char* text : bad) {
    INFO('"' << text << "\" parses as \"" << ParseIsoDate(text).Iso() << '"');
    CHECK(ParseIsoDate(text).empty());
  }
}

}  // namespace
}  // namespace kith
