// Rule: the parsed, validated form of one extraction rule from a rule file.
// A rule has an id, a priority, a stage, a token pattern with named captures,
// what it creates (mentions, relations, events) and its own examples. Rules
// are data: see rule_parser.h for the JSON syntax and README for a reference.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kith {

class TokenRegex;
class Lexicon;

// Conditions on one token (or, for lexicon and mention tests, on the run of
// tokens an entry or mention covers). Every listed condition must hold; a
// list of strings means "any of these".
struct TokenTest {
  std::vector<std::string> text;    // exact normalised text
  std::vector<std::string> lower;   // lower-cased text
  std::vector<std::string> shape;   // WordShape()
  std::vector<std::string> prefix;  // lower-cased prefix
  std::vector<std::string> suffix;  // lower-cased suffix
  std::string word_case;            // "title", "upper", "lower"
  std::string kind;                 // "word", "number", "punct"
  std::string regex_source;         // full match on the normalised token text
  std::shared_ptr<const TokenRegex> regex;
  std::string lexicon;                          // entry of this lexicon starts here (may span tokens)
  std::map<std::string, std::string> lexicon_where;  // the entry's attributes must equal these
  const Lexicon* lexicon_ptr = nullptr;
  std::vector<std::string> mention;  // a mention with one of these labels starts here
  std::vector<TokenTest> none_of;    // "not": none of these single-token tests holds
  bool line_start = false;           // the token opens a line

  bool SpansTokens() const { return !lexicon.empty() || !mention.empty(); }
};

struct PatternElement {
  // kAssert: a zero-width test of the next token, or of the next few in order ("followed_by" /
  // "not_followed_by").
  enum class Kind { kToken, kGroup, kAlternatives, kAssert };
  Kind kind = Kind::kToken;
  TokenTest test;                                  // kToken, kAssert (the next token)
  std::vector<TokenTest> then;                     // kAssert: the tokens after the next one, in order
  std::vector<PatternElement> group;               // kGroup
  std::vector<std::vector<PatternElement>> alternatives;  // kAlternatives
  int min = 1;
  int max = 1;            // -1: unbounded
  bool negated = false;   // kAssert: true for "not_followed_by" (also holds where the sentence ends first)
  int within = 1;         // kAssert of one test: it is asked of each of the next `within` tokens
  std::string capture;    // named capture around this element, "" if none
  std::size_t offset = 0; // byte offset in the rule file
};

// A value in "attributes": a literal, "@cap" (a capture's text) or "@cap.key"
// (attribute `key` of the lexicon entry or mention the capture matched).
// Alternatives separated by "|" are tried in order: "@n.value|@kin.count|1".
struct AttributeValue {
  std::string literal;
  std::string capture;
  std::string key;
  std::vector<AttributeValue> otherwise;  // tried when this one resolves to nothing
  bool IsLiteral() const { return capture.empty(); }
};

struct CreateSpec {
  enum class Kind { kMention, kRelation, kEvent };
  Kind kind = Kind::kMention;
  std::string label;    // mention label, relation type or event kind (may be "@cap.key")
  AttributeValue label_value;
  std::string span;     // capture that gives the created fact's span; "" = the whole match
  std::map<std::string, AttributeValue> attributes;
  std::string subject;  // relation: capture naming the subject
  std::string object;   // relation: capture naming the object
  std::map<std::string, std::string> roles;  // event: role -> capture
  std::string trigger;  // event: capture holding the word that reports it (checked for negation)
  bool nests = false;   // mention: may lie inside a longer mention of another label
};

struct RuleExample {
  std::string text;
  bool should_match = true;
  std::size_t offset = 0;
};

struct Rule {
  std::string id;
  std::string file;
  int line = 0;
  int stage = 0;
  int priority = 0;
  std::vector<PatternElement> pattern;
  // "not_after": the rule does not start right after a token passing any of these one-token
  // tests ("with his wife, ... and was detained": no subject right after "with"). A lexicon
  // test here passes when the token is a one-word entry of the lexicon.
  std::vector<TokenTest> not_after;
  std::vector<std::string> captures;  // capture names in order of first appearance
  // capture -> the lexicons of its single-token elements, in pattern order (a capture named in
  // several alternatives may test a different lexicon in each); owned by the rule set
  std::map<std::string, std::vector<const Lexicon*>> capture_lexicons;
  std::vector<CreateSpec> creates;
  std::vector<RuleExample> examples;
};

// Canonical, deterministic text form of a rule (for table-driven tests).
std::string DumpRule(const Rule& rule);
// Canonical text of one token test: equal tests have equal texts.
std::string DumpTokenTest(const TokenTest& test);

}  // namespace kith
