// Helpers shared by the query commands (relatives, path, explain): opening an
// existing store, and resolving a name argument to exactly one person, with
// the candidates listed on stderr when the name is ambiguous.
#pragma once

#include <memory>
#include <string>

#include "query/person_lookup.h"
#include "store/store.h"

namespace kith {

// Opens an existing database (never creates one). Reports and returns false on failure.
bool OpenExistingStore(const std::string& path, std::unique_ptr<Store>* out);
// Resolves `name` to one person; reports "no person named" or the candidates and returns false.
bool ResolveOnePerson(Store* store, const std::string& name, PersonRef* out);

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string CsvField(const std::string& s);

}  // namespace kith
