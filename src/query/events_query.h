// Events query: a timeline of stored events, optionally for one person, one
// kind and a date range, each with its participants by role, its place and
// its evidence (article, sentence, rule). Dates compare as ISO strings on the
// fields both sides know: "2021-02" lies within --from 2021-01 --to 2021-12;
// a year-less "--02-22" matches a range only on month and day.
// A happening reported by several articles (events joined by event_same_as,
// see store/event_matcher.h) is one row: its participants and attributes
// gathered from every report, one evidence per report. The row appears when
// any of its reports passes the filter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

class Database;

struct EventsFilter {
  std::int64_t person = 0;  // 0: any person
  std::string kind;         // "" or Protest, Detention, Sentence, Fine, Release, Death, Travel
  std::string from;         // ISO date prefix, "" for open
  std::string to;
};

struct EventParticipant {
  std::string role;
  std::int64_t id = 0;
  std::string name;  // or "(son of X)" for an unnamed person
};

struct EventEvidence {
  std::int64_t event_id = 0;  // the stored event of this report
  std::string article;        // document path
  std::string sentence;       // the sentence text
  std::string rule;
};

struct EventRow {
  std::int64_t id = 0;    // the lowest id among the happening's reports
  std::string kind;
  std::string date;       // ISO as stored
  std::string place;      // name, or ""
  std::vector<EventParticipant> participants;  // every report's, each (role, person) once
  std::string attributes; // JSON object text (duration, amount, ...); per key the lowest id's value
  std::vector<EventEvidence> evidence;  // one per report, by event id; never empty
};

// Events in date order (undated last), then by id.
Status FindEvents(Database* db, const EventsFilter& filter, std::vector<EventRow>* out);

// True when `date` (as stored) lies in [from, to] (either may be "").
bool DateInRange(const std::string& date, const std::string& from, const std::string& to);

}  // namespace kith
