// Event matcher: joins an event just stored to the events of other articles
// that report the same happening.
//
// Across articles, two events are one happening only when their kind, their
// full date (day precision with the year known: "2021-02-22"), their place
// entity and at least one participant entity agree. Anything less never
// links: a year-less "--02-22", a month, no place, or no shared person.
// Unnamed persons belong to one article, so only named persons (shared by
// the entity matcher) can be shared.
//
// A link is a row of event_same_as (event_id = the new event,
// same_as_event_id = the other), one per matching event, so the events of a
// happening stay connected when one of the articles is replaced. The lookup
// starts from the new event's participants (index event_roles_by_entity), so
// its cost is that of their other events, not of the store.
//
// Internal to the store: the caller holds the write transaction. Errors are
// kDatabase Statuses from the Database.
#pragma once

#include <cstdint>

#include "base/status.h"
#include "graph/document_graph.h"
#include "store/database.h"

namespace kith {

// Whether `event` can be joined to another article's at all (a full date, a
// place and a participant): the statement asks the same, so an event that
// cannot needs no lookup.
bool MayLinkSameEvents(const Event& event);

// Links stored event `event_id` to every matching event of another document.
Status LinkSameEvents(Database* db, std::int64_t event_id);

// The statement LinkSameEvents runs (?1 = the new event), for plan tests.
extern const char* const kLinkSameEventsSql;

}  // namespace kith
