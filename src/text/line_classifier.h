// Line classifier: sorts the lines of a Document's body into content,
// headlines and page furniture (navigation, bylines, media markers, legal
// notices, publisher footers) that extraction should not read.
//
// The rules are general line shapes plus cue phrases from a furniture lexicon
// (rules/lexicons/furniture.txt). Each cue entry has attributes:
//   match=line      the whole trimmed line, ignoring case, leading bullets and
//                   trailing punctuation or a trailing count "(12)", is the cue
//   match=prefix    the line starts with the cue (at a word boundary)
//   match=contains  the line contains the cue (starting at a word boundary)
//   kind=navigation|legal|footer|media   what the cue is (documentation only)
//   max_words=N     optional: the cue applies only to lines of <= N words
// Entries without a valid match= attribute are ignored by ClassifyLines and
// reported by ValidateFurnitureCues.
//
// Every Span produced is a byte range into Document::text, trimmed of
// surrounding whitespace and without its line terminator. Blank lines produce
// no span. Thread-safety: reentrant, no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/span.h"
#include "base/status.h"
#include "extract/lexicon.h"
#include "text/document.h"

namespace kith {

// Rule names recorded in Document::Furniture::rule.
inline constexpr const char* kRuleCueLine = "cue-line";
inline constexpr const char* kRuleCuePrefix = "cue-prefix";
inline constexpr const char* kRuleCueContains = "cue-contains";
inline constexpr const char* kRuleBullet = "bullet";
inline constexpr const char* kRuleMedia = "media";
inline constexpr const char* kRuleByline = "byline";
inline constexpr const char* kRuleRepeatedLine = "repeated-line";
inline constexpr const char* kRuleFooter = "footer";

struct LineClassifierOptions {
  // A headline has at least this many words. Default 3.
  std::size_t headline_min_words = 3;
  // A headline has at most this many words. Default 25.
  std::size_t headline_max_words = 25;
  // Share of the words of headline_long_word_letters+ letters that must start
  // with an upper-case letter for a line to be a headline. Default 0.7.
  double headline_capitalised_share = 0.7;
  // Letters from which a word counts for the capitalisation share. Default 4.
  std::size_t headline_long_word_letters = 4;
  // A byline ("By Jane Doe") has at most this many words, "By" included. Default 8.
  std::size_t byline_max_words = 8;
  // A bullet line ("• Share") is furniture when its label has at most this
  // many words and no final sentence punctuation. Default 5.
  std::size_t bullet_label_max_words = 5;
  // A media marker line ("16x9 Image", "Image 1 of 5") has at most this many
  // words. Default 6.
  std::size_t media_max_words = 6;
  // Prefix cues without their own max_words apply to lines of at most this
  // many words. Default 20 (a prose sentence may start "Sign up ...").
  std::size_t prefix_cue_max_words = 20;
  // The publisher footer is looked for only in the last part of the body:
  // from this fraction of its non-blank lines on. Default 2/3.
  double footer_start_fraction = 2.0 / 3.0;
  // A publisher name line has at most this many words. Default 8.
  std::size_t publisher_name_max_words = 8;
  // Words (case-sensitive, possessive "'s" ignored) that make a byline name an
  // organisation; a slash acronym ("RFE/RL") also does. Such a byline fills
  // meta.source when it is empty.
  std::vector<std::string> organisation_words = {"Service", "News",   "Radio",  "Agency",
                                                 "Desk",    "Press",  "Bureau", "Newsroom"};
  // Verbs that follow a publisher's name in its self-description ("X offers
  // ..."), which marks the start of a footer.
  std::vector<std::string> publisher_verbs = {"offers",    "is",       "provides", "covers",
                                              "reports",   "brings",   "delivers", "publishes",
                                              "produces",  "serves",   "was",      "has",
                                              "broadcasts", "operates", "aims"};
  // Lower-case words of media marker lines ("Photo", "16x9 Image", "Image 1 of 5").
  std::vector<std::string> media_words = {"image",   "images",      "photo",    "photos",
                                          "picture", "pictures",    "video",    "videos",
                                          "gallery", "slideshow",   "audio",    "graphic",
                                          "infographic", "illustration", "map",  "chart"};
};

// Splits `range` of `text` into lines at LF, CRLF and lone CR. Each span
// excludes its terminator; blank lines are included (possibly empty spans).
std::vector<Span> SplitLines(const std::string& text, Span range);

// Classifies the lines of doc->body (set by ParseFrontMatter) into
// doc->content_lines, doc->headline_lines and doc->furniture, replacing their
// previous contents. Fills doc->meta.title from the first headline (or from
// the first non-furniture line when it has no final punctuation) and
// doc->meta.source from an organisation byline or a publisher footer, and
// doc->meta.author from the first byline crediting one person, each only
// when empty. `furniture_cues` are entries of the furniture lexicon.
void ClassifyLines(const std::vector<LexiconEntry>& furniture_cues, Document* doc);
void ClassifyLines(const std::vector<LexiconEntry>& furniture_cues, const LineClassifierOptions& options,
                   Document* doc);

// Furniture cues compiled once (normalised phrases, their match kind and
// word limits) for classifying many documents with the same options.
class FurnitureCues {
 public:
  enum class Match { kLine, kPrefix, kContains };
  struct Cue {
    Match match = Match::kLine;
    std::string key;            // normalised cue text
    std::size_t max_words = 0;  // 0 = no limit
  };
  FurnitureCues() = default;
  FurnitureCues(const std::vector<LexiconEntry>& entries, const LineClassifierOptions& options);
  const std::vector<Cue>& cues() const { return cues_; }

 private:
  std::vector<Cue> cues_;
};
// As above with cues compiled with these same `options`.
void ClassifyLines(const FurnitureCues& furniture_cues, const LineClassifierOptions& options, Document* doc);

// Checks that every cue has match=line|prefix|contains, kind=navigation|
// legal|footer|media and, if present, a positive integer max_words. Errors are
// kRuleError located at `file` and the entry's line.
Status ValidateFurnitureCues(const std::vector<LexiconEntry>& furniture_cues, const std::string& file);

}  // namespace kith
