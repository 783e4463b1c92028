#include "query/events_query.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <set>
#include <utility>

#include "store/database.h"

namespace kith {
namespace {

// Compares two ISO dates on the fields both know; negative, zero or positive.
int CompareKnown(const std::string& a, const std::string& b) {
  const bool a_year = a.compare(0, 2, "--") != 0;
  const bool b_year = b.compare(0, 2, "--") != 0;
  std::string x = a;
  std::string y = b;
  if (!a_year || !b_year) {  // compare month-day only
    x = a_year ? (a.size() > 4 ? "--" + a.substr(5) : "") : a;
    y = b_year ? (b.size() > 4 ? "--" + b.substr(5) : "") : b;
    if (x.empty() || y.empty()) return 0;
  }
  const std::size_t n = std::min(x.size(), y.size());
  return x.compare(0, n, y, 0, n);
}

// The ids of every event joined to `id` by event_same_as, `id` included, ascending.
Status SameHappening(Database* db, std::int64_t id, std::vector<std::int64_t>* out) {
  Statement links;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT same_as_event_id FROM event_same_as WHERE event_id = ?1 "
      "UNION SELECT event_id FROM event_same_as WHERE same_as_event_id = ?1",
      &links));
  std::set<std::int64_t> seen{id};
  std::vector<std::int64_t> todo{id};
  while (!todo.empty()) {
    const std::int64_t at = todo.back();
    todo.pop_back();
    KITH_RETURN_IF_ERROR(links.BindInt64(1, at));
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(links.Step(&row));
      if (!row) break;
      if (seen.insert(links.ColumnInt64(0)).second) todo.push_back(links.ColumnInt64(0));
    }
    links.Reset();
  }
  out->assign(seen.begin(), seen.end());
  return Status::Ok();
}

// Adds the members of JSON object text `json` that `into` lacks.
void MergeAttributes(const std::string& json, rapidjson::Document* into) {
  rapidjson::Document more;
  more.Parse(json.c_str(), json.size());
  if (more.HasParseError() || !more.IsObject()) return;
  for (auto it = more.MemberBegin(); it != more.MemberEnd(); ++it) {
    if (into->HasMember(it->name)) continue;
    rapidjson::Value key(it->name, into->GetAllocator());
    rapidjson::Value value(it->value, into->GetAllocator());
    into->AddMember(key, value, into->GetAllocator());
  }
}

// One row for the reports `ids` (ascending) of one happening.
Status ReadRow(Database* db, const std::vector<std::int64_t>& ids, EventRow* out) {
  Statement event;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT e.kind, e.date, COALESCE(p.name, ''), e.attributes, d.path, COALESCE(s.text, ''), e.rule "
      "FROM events AS e JOIN documents AS d ON d.id = e.document_id "
      "LEFT JOIN entities AS p ON p.id = e.place_entity LEFT JOIN sentences AS s ON s.id = e.sentence_id "
      "WHERE e.id = ?1",
      &event));
  Statement roles;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT r.role, en.id, COALESCE(en.name, '(' || COALESCE(en.description, 'unnamed person') || ')') "
      "FROM event_roles AS r JOIN entities AS en ON en.id = r.entity_id WHERE r.event_id = ?1 ORDER BY r.role, en.id",
      &roles));
  rapidjson::Document attributes;
  attributes.SetObject();
  std::set<std::pair<std::string, std::int64_t>> seen;
  for (std::int64_t id : ids) {
    KITH_RETURN_IF_ERROR(event.BindInt64(1, id));
    KITH_RETURN_IF_ERROR(event.StepRow());
    if (out->evidence.empty()) {
      out->id = id;
      out->kind = event.ColumnText(0);
      out->date = event.ColumnText(1);
    }
    if (out->place.empty()) out->place = event.ColumnText(2);
    MergeAttributes(event.ColumnText(3), &attributes);
    out->evidence.push_back(EventEvidence{id, event.ColumnText(4), event.ColumnText(5), event.ColumnText(6)});
    event.Reset();
    KITH_RETURN_IF_ERROR(roles.BindInt64(1, id));
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(roles.Step(&row));
      if (!row) break;
      if (seen.insert({roles.ColumnText(0), roles.ColumnInt64(1)}).second) {
        out->participants.push_back(EventParticipant{roles.ColumnText(0), roles.ColumnInt64(1), roles.ColumnText(2)});
      }
    }
    roles.Reset();
  }
  std::stable_sort(out->participants.begin(), out->participants.end(),
                   [](const EventParticipant& a, const EventParticipant& b) {
                     return a.role != b.role ? a.role < b.role : a.id < b.id;
                   });
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  attributes.Accept(writer);
  out->attributes.assign(buffer.GetString(), buffer.GetSize());
  return Status::Ok();
}

}  // namespace

bool DateInRange(const std::string& date, const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return true;
  if (date.empty()) return false;
  if (!from.empty() && CompareKnown(date, from) < 0) return false;
  if (!to.empty() && CompareKnown(date, to) > 0) return false;
  return true;
}

Status FindEvents(Database* db, const EventsFilter& filter, std::vector<EventRow>* out) {
  out->clear();
  Statement events;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT e.id, e.date FROM events AS e "
      "WHERE (?1 = '' OR e.kind = ?1) "
      "  AND (?2 = 0 OR EXISTS (SELECT 1 FROM event_roles AS r WHERE r.event_id = e.id AND r.entity_id = ?2)) "
      "ORDER BY e.date = '', e.date, e.id",
      &events));
  KITH_RETURN_IF_ERROR(events.BindText(1, filter.kind));
  KITH_RETURN_IF_ERROR(events.BindInt64(2, filter.person));
  std::vector<std::int64_t> selected;
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(events.Step(&row));
    if (!row) break;
    if (DateInRange(events.ColumnText(1), filter.from, filter.to)) selected.push_back(events.ColumnInt64(0));
  }
  events.Reset();
  std::set<std::int64_t> done;
  for (std::int64_t id : selected) {
    if (done.count(id)) continue;
    std::vector<std::int64_t> reports;
    KITH_RETURN_IF_ERROR(SameHappening(db, id, &reports));
    done.insert(reports.begin(), reports.end());
    EventRow e;
    KITH_RETURN_IF_ERROR(ReadRow(db, reports, &e));
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace kith
