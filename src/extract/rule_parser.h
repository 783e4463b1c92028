// Rule parser: reads a rule file (JSON) into validated Rules. Every error
// names file:line:col and quotes the offending key or value, e.g.
//   rules/persons.json:12:5: error: unknown key "lemmaa" in pattern element
//
// File syntax:
//   { "stage": 3, "macros": { "NAME": [ELEMENT, ...] }, "rules": [ RULE, ... ] }
// RULE:
//   { "id": "person.role-apposition", "priority": 10,
//     "pattern": [ ELEMENT, ... ],
//     "create": CREATE or [ CREATE, ... ],
//     "examples": { "match": ["..."], "no_match": ["..."] },
//     "not_after": TEST or [TEST, ...] }   (optional: no match starts right after a
//                            token passing one TEST, a one-token test without
//                            mention; a lexicon there asks for a one-word entry)
// ELEMENT (all keys optional; {} matches any one token):
//   "text" | "lower" | "shape" | "prefix" | "suffix": string or [strings]
//   "case": "title"|"upper"|"lower"   "kind": "word"|"number"|"punct"
//   "regex": "..." (linear-time, full match)   "line_start": true
//   "lexicon": "name", "where": {"key": "value", "key2": "!value"}  (may span
//              several tokens; "!value": the attribute is absent or differs;
//              "*": the attribute is present)
//   "mention": "Label" or ["Label", ...]          (spans the mention's tokens)
//   "not": ELEMENT or [ELEMENT, ...]   (single-token tests that must all fail;
//          a "lexicon" inside "not" tests for a one-word entry, with the
//          attributes its "where" asks for)
//   "group": [ELEMENT, ...]   "any": [[ELEMENT, ...], [ELEMENT, ...]]
//   "use": "NAME"   (the file's macro NAME, as a group)
//   {"followed_by": TEST} / {"not_followed_by": TEST}: a zero-width look at the
//          next token (single-token tests, as in "not"); "not_followed_by" also
//          holds at the end of the sentence
// Capture names are unique in a rule, except that sibling alternatives of
// one "any" may bind the same name.
//   "op": "?" | "*" | "+" | "{m,n}" | "{m,}" | "{m}"    "as": "capture name"
// CREATE:
//   {"mention":  {"label": L, "span": CAP, "attributes": {...}, "nests": bool}}
//   {"relation": {"type": T, "subject": CAP, "object": CAP, "span": CAP, "attributes": {...}}}
//   {"event":    {"kind": K, "roles": {"role": CAP, ...}, "trigger": CAP, "span": CAP, "attributes": {...}}}
//   (a role name "@cap.key" is taken from the lexicon entry the capture matched: "@t.passive")
//   attribute values: "literal", "@cap" (captured text), "@cap.key" (lexicon or mention attribute);
//   "a|b|c" tries each in turn until one resolves ("@n.value|@kin.count|1")
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/rule.h"

namespace kith {

class Lexicon;

struct RuleParseContext {
  // Lexicons by name; a rule naming another lexicon is an error.
  std::map<std::string, const Lexicon*> lexicons;
};

// Parses one rule file's text. On success appends its rules to *out.
Status ParseRuleFile(const std::string& file, const std::string& text, const RuleParseContext& context,
                     std::vector<Rule>* out);

}  // namespace kith
