#include "cli/query_support.h"

#include <iostream>

#include "cli/commands.h"
#include "extract/lexicon.h"
#include "extract/rule_set.h"

namespace kith {

bool OpenExistingStore(const std::string& path, std::unique_ptr<Store>* out) {
  StoreOptions options;
  options.create_if_missing = false;
  const Status s = Store::Open(path, options, out);
  if (!s.ok()) ReportError(s.ToString());
  return s.ok();
}

bool ResolveOnePerson(Store* store, const std::string& name, PersonRef* out) {
  // Spelling variants use the same transliteration table as extraction.
  std::unique_ptr<Lexicon> table;
  const std::string path = ResolveRulesDir("") + "/lexicons/transliteration.txt";
  const Status ls = Lexicon::Load("transliteration", path, Tokenizer(), &table);
  const NameKey keys(ls.ok() ? table.get() : nullptr);
  std::vector<PersonRef> found;
  const Status s = FindPersons(store->database(), name, keys, &found);
  if (!s.ok()) {
    ReportError(s.ToString());
    return false;
  }
  if (found.empty()) {
    ReportError("no person named \"" + name + "\"");
    return false;
  }
  if (found.size() > 1) {
    ReportError("\"" + name + "\" is ambiguous; candidates:");
    for (const PersonRef& p : found) std::cerr << "  " << DisplayName(p) << " (id " << p.id << ")\n";
    return false;
  }
  *out = found[0];
  return true;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace kith
