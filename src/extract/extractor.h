// Extractor: runs a RuleSet over one Document. It tokenizes the content
// lines, splits sentences, then runs the rule stages in order; each stage
// sees the mentions of the stages before it. Between stages, the names of
// persons found so far are propagated to their other mentions in the
// document (name_propagation.h). Read-only on its inputs; thread-safe as long
// as each call has its own Extraction.
#pragma once

#include <iosfwd>
#include <set>
#include <string>

#include "base/status.h"
#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "text/document.h"

namespace kith {

struct ExtractOptions {
  std::ostream* trace = nullptr;  // when set, every fired rule, its captures and the losers are written here
  SentenceOptions sentences;      // sentence splitting limits
  std::set<std::string>* fired = nullptr;  // when set, receives the id of every rule that matched
};

Status Extract(const Document& doc, const RuleSet& rules, const ExtractOptions& options, Extraction* out);

// Tokens and sentences of a plain text (no furniture handling), for rule examples and tests.
void TokenizePlain(const std::string& text, const RuleSet& rules, Extraction* out);

// Runs the rule stages over an Extraction whose tokens and sentences are set.
void RunStages(const std::string& text, const RuleSet& rules, const ExtractOptions& options, Extraction* ex);

}  // namespace kith
