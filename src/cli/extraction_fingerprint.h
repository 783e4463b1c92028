// Extraction fingerprint: one hash of everything that decides what kith
// extracts from an article besides its bytes — the kith version and the
// rules (every lexicon and rule file the rule set was loaded from, by name
// relative to the rules directory and content).
//
// The store keeps it with each document: ingesting an article stored with
// other rules extracts it again, so editing a rule and re-running the same
// command updates the graph, while an unchanged corpus with unchanged rules
// is still skipped by its content hashes. Pure apart from reading the files.
#pragma once

#include <string>

#include "base/status.h"
#include "extract/rule_set.h"

namespace kith {

// Sets *out to 64 lowercase hex digits (SHA-256). Fails, naming the file,
// when a source file of `rules` can no longer be read.
Status ExtractionFingerprint(const RuleSet& rules, std::string* out);

}  // namespace kith
