// Extraction: what the rule stages found in one document, before entities
// are formed: tokens, sentences, labelled mentions (token ranges), and the
// relation and event candidates with their arguments as token ranges.
// Token ranges are half-open [first, last) into `tokens`; spans are bytes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/span.h"
#include "extract/matcher.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace kith {

struct ExtractedMention {
  std::size_t first = 0;
  std::size_t last = 0;
  Span span;
  std::string label;
  std::map<std::string, std::string> attributes;
  std::string rule;
  int sentence = -1;
  int priority = 0;
  bool nests = false;
};

struct ExtractedRelation {
  std::string type;
  CaptureRange subject;
  CaptureRange object;
  std::map<std::string, std::string> attributes;
  std::string rule;
  int sentence = -1;
  Span span;
};

struct ExtractedEvent {
  std::string kind;
  CaptureRange trigger;  // the reporting word, when the rule names it
  std::map<std::string, CaptureRange> roles;
  std::map<std::string, std::string> attributes;
  std::string rule;
  int sentence = -1;
  Span span;
};

struct Extraction {
  std::vector<Token> tokens;
  std::vector<SentenceSpan> sentences;
  std::vector<ExtractedMention> mentions;
  std::vector<ExtractedRelation> relations;
  std::vector<ExtractedEvent> events;
  // The sentence read from the name the byline credits as author (after the text's sentences
  // and the publisher's), or -1; only Person mentions come from it.
  int author_sentence = -1;

  // Index of the sentence containing token `t`, or -1.
  int SentenceOf(std::size_t t) const;
};

// Labels of the entity layer; mentions with these labels exclude each other
// unless one nests in the other. Any other label is auxiliary.
bool IsEntityLabel(const std::string& label);

// The value of `key` in a rule's or a lexicon entry's attributes, or "" when it has none.
std::string AttributeOf(const std::map<std::string, std::string>& attributes, const std::string& key);

}  // namespace kith
