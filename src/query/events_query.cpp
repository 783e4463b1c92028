#include "query/events_query.h"

#include <algorithm>

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
      "SELECT e.id, e.kind, e.date, COALESCE(p.name, ''), e.attributes, d.path, COALESCE(s.text, ''), e.rule "
      "FROM events AS e JOIN documents AS d ON d.id = e.document_id "
      "LEFT JOIN entities AS p ON p.id = e.place_entity LEFT JOIN sentences AS s ON s.id = e.sentence_id "
      "WHERE (?1 = '' OR e.kind = ?1) "
      "  AND (?2 = 0 OR EXISTS (SELECT 1 FROM event_roles AS r WHERE r.event_id = e.id AND r.entity_id = ?2)) "
      "ORDER BY e.date = '', e.date, e.id",
      &events));
  KITH_RETURN_IF_ERROR(events.BindText(1, filter.kind));
  KITH_RETURN_IF_ERROR(events.BindInt64(2, filter.person));
  Statement roles;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT r.role, en.id, COALESCE(en.name, '(' || COALESCE(en.description, 'unnamed person') || ')') "
      "FROM event_roles AS r JOIN entities AS en ON en.id = r.entity_id WHERE r.event_id = ?1 ORDER BY r.role, en.id",
      &roles));
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(events.Step(&row));
    if (!row) break;
    EventRow e;
    e.id = events.ColumnInt64(0);
    e.kind = events.ColumnText(1);
    e.date = events.ColumnText(2);
    if (!DateInRange(e.date, filter.from, filter.to)) continue;
    e.place = events.ColumnText(3);
    e.attributes = events.ColumnText(4);
    e.article = events.ColumnText(5);
    e.sentence = events.ColumnText(6);
    e.rule = events.ColumnText(7);
    KITH_RETURN_IF_ERROR(roles.BindInt64(1, e.id));
    bool r = false;
    while (true) {
      KITH_RETURN_IF_ERROR(roles.Step(&r));
      if (!r) break;
      e.participants.push_back(EventParticipant{roles.ColumnText(0), roles.ColumnInt64(1), roles.ColumnText(2)});
    }
    roles.Reset();
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace kith
