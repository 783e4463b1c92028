#include "store/event_matcher.h"

namespace kith {

Status LinkSameEvents(Database* db, std::int64_t event_id) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "INSERT INTO event_same_as (event_id, same_as_event_id) "
      "SELECT n.id, o.id FROM events AS n "
      "JOIN events AS o ON o.kind = n.kind AND o.date = n.date AND o.place_entity = n.place_entity "
      "WHERE n.id = ?1 AND o.document_id <> n.document_id "
      "  AND n.date_precision = 'day' AND length(n.date) = 10 AND substr(n.date, 1, 2) <> '--' "
      "  AND n.place_entity IS NOT NULL "
      "  AND EXISTS (SELECT 1 FROM event_roles AS rn JOIN event_roles AS ro ON ro.entity_id = rn.entity_id "
      "              WHERE rn.event_id = n.id AND ro.event_id = o.id) "
      "ON CONFLICT (event_id, same_as_event_id) DO NOTHING",
      &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindInt64(1, event_id));
  return stmt.Run();
}

}  // namespace kith
