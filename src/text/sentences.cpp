#include "text/sentences.h"

#include "base/utf8.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool IsFinal(const Token& t) {
  return t.norm == "."sv || t.norm == "!"sv || t.norm == "?"sv || t.norm.rfind("...", 0) == 0;
}

bool IsClosingQuote(const Token& t) { return t.norm == "\""sv || t.norm == "'"sv || t.norm == ")"sv; }

// Tokens that can open a sentence: a capital, a digit, an opening quote or bracket, or a
// letter of an alphabet without case. Not ",", ";" or ":" (which continue one).
bool StartsUpperOrDigit(const Token& t) {
  std::size_t len = 0;
  const char32_t cp = DecodeUtf8(t.norm, 0, &len);
  if (IsUpper(cp) || IsDigit(cp) || t.norm == "\""sv || t.norm == "("sv || t.norm == "'"sv) return true;
  return IsLetter(cp) && !IsLower(cp);
}

bool OpensSentence(const Token& t, const SentenceOptions& options) {
  if (options.openers == nullptr || options.openers->count(t.lower) == 0) return false;
  std::size_t len = 0;
  return IsUpper(DecodeUtf8(t.norm, 0, &len));
}

bool StartsLower(const Token& t) {
  std::size_t len = 0;
  return IsLower(DecodeUtf8(t.norm, 0, &len));
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(const std::vector<Token>& tokens, const SentenceOptions& options) {
  std::vector<SentenceSpan> out;
  std::size_t begin = 0;
  bool in_quote = false;
  const auto close = [&](std::size_t end) {
    if (end > begin) out.push_back(SentenceSpan{begin, end});
    begin = end;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > begin && t.line_start) {
      const Token& prev = tokens[i - 1];
      const bool continues = !IsFinal(prev) && !IsClosingQuote(prev) && prev.norm != ":"sv && StartsLower(t);
      if (!continues) {
        close(i);
        in_quote = false;
      }
    }
    if (i - begin >= options.max_tokens) {
      close(i);
      in_quote = false;
    }
    if (t.norm == "\""sv) {
      const bool closing = in_quote;
      in_quote = !in_quote;
      // A quote that closes on final punctuation ends the sentence when a new one starts.
      if (closing && i > begin && IsFinal(tokens[i - 1]) &&
          (i + 1 >= tokens.size() || tokens[i + 1].line_start || StartsUpperOrDigit(tokens[i + 1])) &&
          (i + 1 >= tokens.size() || tokens[i + 1].norm != "\""sv)) {
        close(i + 1);
      }
      continue;
    }
    // An abbreviation that may end a sentence ("in the U.S. Then ...") ends
    // one when the next word clearly opens a new one.
    if (!in_quote && t.may_end_sentence && i + 1 < tokens.size() && !tokens[i + 1].line_start &&
        OpensSentence(tokens[i + 1], options)) {
      close(i + 1);
      continue;
    }
    if (in_quote || !IsFinal(t)) continue;
    // Absorb closing quotes and brackets that follow the final punctuation.
    std::size_t end = i + 1;
    while (end < tokens.size() && !tokens[end].line_start && IsClosingQuote(tokens[end]) &&
           tokens[end].norm != "\""sv) {
      ++end;
    }
    if (end >= tokens.size() || tokens[end].line_start || StartsUpperOrDigit(tokens[end])) {
      close(end);
      i = end - 1;
    }
  }
  close(tokens.size());
  return out;
}

}  // namespace kith
