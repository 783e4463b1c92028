#include "store/event_matcher.h"

namespace kith {

// Driven by the new event's participants: each participant's other events
// come from the index on event_roles.entity_id and are then filtered by kind,
// date and place. Starting from (kind, date, place) instead would read every
// event of a busy day at a busy place (a weekly picket reported by hundreds
// of articles), and the cost per article would grow with the store.
const char* const kLinkSameEventsSql =
    "INSERT INTO event_same_as (event_id, same_as_event_id) "
    "SELECT DISTINCT n.id, o.id FROM events AS n "
    "CROSS JOIN event_roles AS rn ON rn.event_id = n.id "
    "CROSS JOIN event_roles AS ro ON ro.entity_id = rn.entity_id "
    "CROSS JOIN events AS o ON o.id = ro.event_id "
    "WHERE n.id = ?1 AND o.document_id <> n.document_id "
    "  AND o.kind = n.kind AND o.date = n.date AND o.place_entity = n.place_entity "
    "  AND n.date_precision = 'day' AND length(n.date) = 10 AND substr(n.date, 1, 2) <> '--' "
    "  AND n.place_entity IS NOT NULL "
    "ON CONFLICT (event_id, same_as_event_id) DO NOTHING";

bool MayLinkSameEvents(const Event& event) {
  return event.date_precision == "day" && event.date.size() == 10 && event.date.compare(0, 2, "--") != 0 &&
         event.place >= 0 && !event.roles.empty();
}

Status LinkSameEvents(Database* db, std::int64_t event_id) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(kLinkSameEventsSql, &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindInt64(1, event_id));
  return stmt.Run();
}

}  // namespace kith
