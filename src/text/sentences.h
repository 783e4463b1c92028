// Sentence splitter over tokens. A sentence is a half-open range of token
// indices. Boundaries: sentence-final punctuation (. ! ? ...) followed by a
// token that can open a sentence; never inside an open double quote, so a
// quoted passage and its attribution (", X said.") stay one sentence; line
// breaks are hard boundaries unless the line clearly continues (the previous
// line lacks final punctuation and the next starts in lower case); a token
// that may end a sentence though it keeps its period ("U.S.", "Jr.") ends one
// when a capitalised word that clearly opens a sentence ("He", "The": the
// rule set's lexicons say which) follows. A sentence longer than `max_tokens`
// is cut, which keeps matching time linear.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/tokenizer.h"

namespace kith {

struct SentenceSpan {
  std::size_t first = 0;  // index of the first token
  std::size_t last = 0;   // one past the last token
};

struct SentenceOptions {
  std::size_t max_tokens = 300;  // hard cut for pathological input
  // Lower-case words that, capitalised, open a new sentence after an
  // abbreviation that may end one ("he", "the"); none when null.
  const std::unordered_set<std::string>* openers = nullptr;
};

std::vector<SentenceSpan> SplitSentences(const std::vector<Token>& tokens, const SentenceOptions& options = {});

}  // namespace kith
