#include "graph/interview_turns.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace kith {

using namespace std::string_view_literals;

namespace {

constexpr int kNoLabel = 0;
constexpr int kQuestion = 1;
constexpr int kAnswer = 2;
constexpr int kNamedAnswer = 3;
constexpr int kCapitalsLabel = 4;  // a label in capitals that spells nobody's name
constexpr int kBodyLabel = 5;      // an organization's name as a label ("Azattyq:", "RFE/RL:")

struct LineLabel {
  int kind = kNoLabel;
  int speaker = InterviewTurns::kUnknown;  // kNamedAnswer: the person named
  bool host = false;                       // the role in brackets is a question label's ("(presenter)")
  std::set<int> spelled_by;                // a label in capitals that several persons' names spell
};

// A word written in capitals ("GRANT"), as transcripts print their speakers' names.
bool InCapitals(const Token& t) {
  return t.kind == TokenKind::kWord && t.shape.size() >= 2 &&
         std::all_of(t.shape.begin(), t.shape.end(), [](char c) { return c == 'X'; });
}

// "GRANT:", "DINARA GRANT:", "CLAIRE DAWSON (presenter):", "DINARA G.:": a transcript's speaker
// label in capitals, maybe with the family name's initial or the speaker's role in brackets. It
// is the person whose name it spells (the whole name or a part of it, as the text names that
// person elsewhere; after an initial, the next word of the name starts with it) when exactly one
// person's name does, or of several exactly one ends with it ("YASIN:" is Zulpiye Yasin, not
// Yasin Tohti: a transcript labels by family name); kCapitalsLabel when it spells nobody's.
LineLabel CapitalsLabelAt(const Extraction& ex, const Lexicon* labels, const std::vector<int>& mention_entity,
                          std::size_t first, std::size_t end) {
  LineLabel out;
  std::vector<std::string> words;
  std::size_t at = first;
  while (at < end && at < first + 4 && InCapitals(ex.tokens[at])) words.push_back(ex.tokens[at++].lower);
  if (words.empty()) return out;
  // "GULZHAMAL T.:": a given name and the family name's initial.
  char initial = 0;
  if (at < end && (ex.tokens[at].shape == "X"sv || ex.tokens[at].shape == "X."sv)) {
    initial = ex.tokens[at++].lower[0];
    if (at < end && ex.tokens[at].norm == "."sv) ++at;
  }
  bool host = false;
  if (at < end && ex.tokens[at].norm == "("sv) {
    const std::size_t open = at;
    while (at < end && at < open + 5 && ex.tokens[at].norm != ")"sv) {
      const LexiconEntry* e = labels != nullptr ? labels->FindWord(ex.tokens[at].lower) : nullptr;
      host = host || (e != nullptr && AttributeOf(e->attributes, "role") == "question"sv);
      ++at;
    }
    ++at;
  }
  if (at >= end || ex.tokens[at].norm != ":"sv) return out;
  std::set<int> owners;
  std::set<int> by_surname;  // owners whose name ends with the label: "YASIN:" is Zulpiye Yasin, not Yasin Tohti
  for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
    const ExtractedMention& m = ex.mentions[i];
    if (m.label != "Person"sv || mention_entity[i] < 0 || m.last - m.first < words.size()) continue;
    for (std::size_t k = m.first; k + words.size() <= m.last; ++k) {
      bool same = true;
      for (std::size_t w = 0; w < words.size() && same; ++w) same = ex.tokens[k + w].lower == words[w];
      if (same && initial != 0) {
        const std::size_t next = k + words.size();
        same = next < m.last && ex.tokens[next].lower[0] == initial;
      }
      if (!same) continue;
      owners.insert(mention_entity[i]);
      if (k + words.size() == m.last) by_surname.insert(mention_entity[i]);
    }
  }
  if (owners.size() > 1 && by_surname.size() == 1) owners = by_surname;
  out.kind = owners.size() == 1 ? kNamedAnswer : owners.empty() ? kCapitalsLabel : kNoLabel;
  if (owners.size() == 1) out.speaker = *owners.begin();
  if (owners.size() > 1) out.spelled_by = by_surname.size() > 1 ? by_surname : owners;
  out.host = host;
  return out;
}

// Of the persons a family name's label spells (`label.spelled_by`; `word` is the label's word):
// the one the line before (sentences [from, to)) addresses by a given name ("Ilgar, what have
// you heard?"); none where it addresses someone by that family name ("Mr Huseynov, ..."), who
// may be any of them; else the one an earlier label named in full (`labelled`), if exactly one
// did; else kUnknown.
int SharedLabelSpeaker(const Extraction& ex, const Lexicon* titles, const std::vector<int>& mention_entity,
                       const LineLabel& label, const std::string& word, const std::set<int>& labelled, std::size_t from,
                       std::size_t to) {
  if (label.spelled_by.size() < 2) return InterviewTurns::kUnknown;
  int addressed = InterviewTurns::kUnknown;
  for (std::size_t b = from; b < to; ++b) {
    const SentenceSpan& asked = ex.sentences[b];
    std::size_t w = asked.first;
    if (w < asked.last && titles != nullptr && titles->FindWord(ex.tokens[w].lower) != nullptr) ++w;
    if (w + 1 >= asked.last || ex.tokens[w + 1].norm != ","sv || ex.tokens[w].kind != TokenKind::kWord) continue;
    if (ex.tokens[w].lower == word) return InterviewTurns::kUnknown;
    for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
      const int e = mention_entity[i];
      if (label.spelled_by.count(e) != 0 && ex.tokens[ex.mentions[i].first].lower == ex.tokens[w].lower) addressed = e;
    }
  }
  if (addressed >= 0) return addressed;
  std::vector<int> named_before;
  std::set_intersection(label.spelled_by.begin(), label.spelled_by.end(), labelled.begin(), labelled.end(),
                        std::back_inserter(named_before));
  return named_before.size() == 1 ? named_before.front() : InterviewTurns::kUnknown;
}

// The label opening the line whose first token is `first`, if any.
LineLabel LabelAt(const Extraction& ex, const Lexicon* labels, const std::vector<int>& mention_entity,
                  std::size_t first, std::size_t end) {
  LineLabel out;
  const auto colon_at = [&](std::size_t t) { return t < end && ex.tokens[t].norm == ":"sv; };
  if (labels != nullptr && colon_at(first + 1)) {
    if (const LexiconEntry* e = labels->FindWord(ex.tokens[first].lower)) {
      const std::string role = AttributeOf(e->attributes, "role");
      out.kind = role == "answer"sv ? kAnswer : role == "question"sv ? kQuestion : kNoLabel;
      return out;
    }
  }
  for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
    const ExtractedMention& m = ex.mentions[i];
    if (m.first != first || m.label != "Person"sv || mention_entity[i] < 0 || !colon_at(m.last)) continue;
    out.kind = kNamedAnswer;
    out.speaker = mention_entity[i];
    return out;
  }
  for (const ExtractedMention& m : ex.mentions) {
    if (m.first == first && m.label == "Organization"sv && colon_at(m.last)) {
      out.kind = kBodyLabel;
      return out;
    }
  }
  return CapitalsLabelAt(ex, labels, mention_entity, first, end);
}

// An adverb that may stand between a speaker's name and the verb ("X later told us", "X
// recently said"): a word in -ly, or one of a few adverbs of time.
bool IsAdverb(std::string_view lower) {
  static constexpr std::string_view kTime[] = {"later", "also", "then", "since", "once", "again", "first"};
  if (lower.size() > 3 && lower.substr(lower.size() - 2) == "ly"sv) return true;
  for (std::string_view w : kTime) {
    if (lower == w) return true;
  }
  return false;
}

// The person a verb of speech outside quotes introduces in sentences [first, last): the one named
// right before the first such verb ("Her brother, Y, is jailed. X spoke to us in Almaty." is X;
// an age, a title or an adverb may stand between) or right after it ("..., said X"); when no
// name stands there ("she told us"), the first named outside quotes in the sentences; kUnknown
// when no verb of speech stands outside quotes.
int IntroducedIn(const Extraction& ex, const Lexicon* speech, const std::vector<int>& mention_entity,
                 const std::vector<bool>& in_quote, int first, int last) {
  if (speech == nullptr) return InterviewTurns::kUnknown;
  // The first person named outside quotes (by position) whose mention `fits`.
  const auto person_at = [&](auto&& fits) {
    int found = InterviewTurns::kUnknown;
    std::size_t found_at = 0;
    for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
      const ExtractedMention& m = ex.mentions[i];
      if (m.label != "Person"sv || mention_entity[i] < 0 || in_quote[m.first] || !fits(m)) continue;
      if (found < 0 || m.first < found_at) {
        found = mention_entity[i];
        found_at = m.first;
      }
    }
    return found;
  };
  // "X spoke", "X, 36, told us": at most four tokens between the name and the verb, no word in
  // lower case among them; on a second pass an adverb may stand there too ("X later told us"),
  // so that a relative's "Y reportedly told the court" does not win over "X spoke to us".
  bool speaks = false;
  for (const bool adverbs : {false, true}) {
    for (int s = first; s < last; ++s) {
      const SentenceSpan& sent = ex.sentences[static_cast<std::size_t>(s)];
      for (std::size_t v = sent.first; v < sent.last; ++v) {
        if (in_quote[v] || speech->FindWord(ex.tokens[v].lower) == nullptr) continue;
        speaks = true;
        const int before = person_at([&](const ExtractedMention& m) {
          if (m.last > v || m.last + 4 < v) return false;
          for (std::size_t k = m.last; k < v; ++k) {
            const Token& tok = ex.tokens[k];
            if (tok.kind == TokenKind::kWord && tok.norm == tok.lower && !(adverbs && IsAdverb(tok.lower))) return false;
          }
          return true;
        });
        if (before >= 0) return before;
        const int after = person_at([&](const ExtractedMention& m) { return m.first == v + 1; });
        if (after >= 0) return after;
      }
    }
  }
  if (!speaks) return InterviewTurns::kUnknown;
  return person_at([&](const ExtractedMention& m) { return m.sentence >= first && m.sentence < last; });
}

// The interviewee of an interview whose first question is sentence `before`: whom a verb of
// speech introduces (IntroducedIn) in the nearer of the two lines before it that has one, since
// those mostly introduce the talk ("X spoke to us in Kyrgyz."), else the person named most often
// outside quotes before it.
int Interviewee(const Extraction& ex, const Lexicon* speech, const std::vector<int>& mention_entity,
                const std::vector<bool>& in_quote, int before) {
  int line_end = before;
  for (int lines = 0, s = before - 1; s >= 0 && lines < 2; --s) {
    const SentenceSpan& sent = ex.sentences[static_cast<std::size_t>(s)];
    if (sent.first >= sent.last || !ex.tokens[sent.first].line_start) continue;
    if (const int named = IntroducedIn(ex, speech, mention_entity, in_quote, s, line_end); named >= 0) return named;
    line_end = s;
    ++lines;
  }
  std::map<int, int> count;
  std::map<int, std::size_t> first_seen;
  for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
    const ExtractedMention& m = ex.mentions[i];
    if (m.label != "Person"sv || mention_entity[i] < 0 || m.sentence < 0 || m.sentence >= before) continue;
    if (in_quote[m.first]) continue;
    ++count[mention_entity[i]];
    first_seen.emplace(mention_entity[i], m.first);
  }
  int best = InterviewTurns::kUnknown;
  for (const auto& [entity, n] : count) {
    if (best < 0 || n > count[best] || (n == count[best] && first_seen[entity] < first_seen[best])) best = entity;
  }
  return best;
}

bool IsFirstPersonWord(const std::string& lower) {
  return lower == "i"sv || lower == "my"sv || lower == "me"sv || lower == "mine"sv || lower == "we"sv ||
         lower == "our"sv || lower == "us"sv || lower == "ours"sv;
}

// The lines of the body, each as the range of sentences [first, last) it holds.
std::vector<std::pair<std::size_t, std::size_t>> LinesOf(const Extraction& ex) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  for (std::size_t s = 0; s < ex.sentences.size(); ++s) {
    const SentenceSpan& sent = ex.sentences[s];
    if (sent.first >= sent.last) continue;
    if (lines.empty() || ex.tokens[sent.first].line_start) lines.emplace_back(s, s);
    lines.back().second = s + 1;
  }
  return lines;
}

// Markdown's emphasis marks around a line ("**How did you meet?**").
bool IsEmphasisMark(const Token& t) {
  return !t.norm.empty() && t.norm.find_first_not_of("*_") == std::string::npos;
}

// An interview printed without labels: a line of one question ("When did you last hear
// from her?", also in emphasis marks) followed by a line in the first person outside quotes,
// at least twice. Once two such questions make the article an interview, a line of one
// sentence wholly in emphasis marks answered so is a question too ("**You have also
// protested.**"). Each question's answer runs over the first-person lines after it. Marks the
// answers as the interviewee's and the questions as questions; false (and nothing marked)
// when the article has no such interview.
bool MarkUnlabelledInterview(const Extraction& ex, const Lexicon* speech, const std::vector<int>& mention_entity,
                             const std::vector<bool>& in_quote, InterviewTurns* turns) {
  const auto lines = LinesOf(ex);
  // The line's one sentence without emphasis marks around it, or an empty range; `emphasised`
  // tells whether marks stood at both ends.
  const auto question_words = [&](const std::pair<std::size_t, std::size_t>& line, bool* emphasised) {
    std::pair<std::size_t, std::size_t> words{0, 0};
    if (line.second != line.first + 1) return words;
    const SentenceSpan& sent = ex.sentences[line.first];
    std::size_t first = sent.first;
    std::size_t last = sent.last;
    while (first < last && IsEmphasisMark(ex.tokens[first])) ++first;
    while (last > first && IsEmphasisMark(ex.tokens[last - 1])) --last;
    for (std::size_t t = first; t < last; ++t) {
      if (ex.tokens[t].norm == "\""sv) return words;
    }
    *emphasised = first > sent.first && last < sent.last;
    return std::pair<std::size_t, std::size_t>{first, last};
  };
  const auto first_person = [&](const std::pair<std::size_t, std::size_t>& line) {
    for (std::size_t t = ex.sentences[line.first].first; t < ex.sentences[line.second - 1].last; ++t) {
      if (!in_quote[t] && IsFirstPersonWord(ex.tokens[t].lower)) return true;
    }
    return false;
  };
  bool interview = false;
  // An emphasised statement is a question only in the second person: an answer set in
  // italics ("*We think in 2017.*") speaks in the first.
  const auto is_question = [&](const std::pair<std::size_t, std::size_t>& line) {
    bool emphasised = false;
    const auto [first, last] = question_words(line, &emphasised);
    if (first >= last) return false;
    return ex.tokens[last - 1].norm == "?"sv || (interview && emphasised && !first_person(line));
  };
  // The lines of questions answered in the first person.
  const auto answered = [&] {
    std::vector<std::size_t> asked;
    for (std::size_t l = 0; l + 1 < lines.size(); ++l) {
      if (is_question(lines[l]) && !is_question(lines[l + 1]) && first_person(lines[l + 1])) asked.push_back(l);
    }
    return asked;
  };
  if (answered().size() < 2) return false;
  interview = true;
  const std::vector<std::size_t> asked = answered();
  if (asked.size() < 2) return false;
  const int interviewee = Interviewee(ex, speech, mention_entity, in_quote, static_cast<int>(lines[asked[0]].first));
  for (std::size_t l : asked) {
    turns->question[lines[l].first] = true;
    for (std::size_t a = l + 1; a < lines.size() && !is_question(lines[a]) && first_person(lines[a]); ++a) {
      for (std::size_t s = lines[a].first; s < lines[a].second; ++s) turns->speaker[s] = interviewee;
    }
  }
  return true;
}

// A dash that opens a line of dialogue.
bool IsDialogueDash(std::string_view norm) {
  return norm == "\u2014"sv || norm == "\u2013"sv || norm == "-"sv || norm == "--"sv;
}

}  // namespace

InterviewTurns FindInterviewTurns(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                                  const std::vector<bool>& in_quote) {
  InterviewTurns turns;
  const std::size_t n = ex.sentences.size();
  turns.speaker.assign(n, InterviewTurns::kNotAnswer);
  turns.question.assign(n, false);
  const Lexicon* labels = rules.lexicon("interview_labels");
  const Lexicon* speech = rules.lexicon("speech_verbs");
  bool interviewee_known = false;
  int interviewee = InterviewTurns::kUnknown;
  int current = InterviewTurns::kNotAnswer;
  bool asking = false;
  // A transcript names its speakers in capitals: where two lines or more are a person's so, a
  // line whose capitals spell no one's name is the host's, who asks. Where two lines or more
  // are answers, a line labelled with an outlet's or another body's name is the interviewer's.
  std::vector<LineLabel> line_labels(n);
  int spoken_in_capitals = 0;
  int answers = 0;
  // A label that several names spell ("HUSEYNOV:" beside Elchin and Ilgar Huseynov) is read by
  // SharedLabelSpeaker. A host, whose label once gives
  // a question label's role in brackets ("LEYLA ORUJOVA (presenter):"), asks in every line
  // labelled with their name.
  const Lexicon* titles = rules.lexicon("titles");
  std::set<int> labelled;
  std::set<int> hosts;
  std::size_t line_before = n;  // the first sentence of the line before
  for (std::size_t s = 0; s < n; ++s) {
    const SentenceSpan& sent = ex.sentences[s];
    if (sent.first >= sent.last || !ex.tokens[sent.first].line_start) continue;
    const std::size_t before_from = line_before;
    line_before = s;
    LineLabel& label = line_labels[s];
    label = LabelAt(ex, labels, mention_entity, sent.first, sent.last);
    if (const int speaker = SharedLabelSpeaker(ex, titles, mention_entity, label, ex.tokens[sent.first].lower, labelled,
                                               before_from, s);
        speaker >= 0) {
      label.kind = kNamedAnswer;
      label.speaker = speaker;
    }
    if (label.kind == kNamedAnswer) labelled.insert(label.speaker);
    if (label.host && label.kind == kNamedAnswer) hosts.insert(label.speaker);
    if (label.host && label.kind == kCapitalsLabel) label.kind = kQuestion;
  }
  for (std::size_t s = 0; s < n; ++s) {
    LineLabel& label = line_labels[s];
    if (label.kind == kNamedAnswer && hosts.count(label.speaker) != 0) label.kind = kQuestion;
    if (label.kind == kNamedAnswer && InCapitals(ex.tokens[ex.sentences[s].first])) ++spoken_in_capitals;
    if (label.kind == kNamedAnswer || label.kind == kAnswer) ++answers;
  }
  for (LineLabel& label : line_labels) {
    if (label.kind == kCapitalsLabel) label.kind = spoken_in_capitals >= 2 ? kQuestion : kNoLabel;
    if (label.kind == kBodyLabel) label.kind = answers >= 2 ? kQuestion : kNoLabel;
  }
  for (std::size_t s = 0; s < n; ++s) {
    const SentenceSpan& sent = ex.sentences[s];
    if (sent.first >= sent.last) continue;
    if (ex.tokens[sent.first].line_start) {
      const LineLabel label = line_labels[s];
      current = InterviewTurns::kNotAnswer;
      asking = label.kind == kQuestion;
      // The interviewee is whom the text before the first labelled line introduces (Interviewee).
      if (label.kind != kNoLabel && !interviewee_known) {
        interviewee = Interviewee(ex, speech, mention_entity, in_quote, static_cast<int>(s));
        interviewee_known = true;
      }
      if (label.kind == kAnswer) current = interviewee;
      if (label.kind == kNamedAnswer) current = label.speaker;
      // A dialogue dash opens a turn of its own in a labelled interview ("— And your husband's
      // brother?" / "— He is nine years younger than my husband."): a question when the line
      // ends with a question mark, else the interviewee's answer.
      if (label.kind == kNoLabel && interviewee_known && IsDialogueDash(ex.tokens[sent.first].norm)) {
        std::size_t line_end = s + 1;
        while (line_end < n && !(ex.sentences[line_end].first < ex.sentences[line_end].last &&
                                 ex.tokens[ex.sentences[line_end].first].line_start)) {
          ++line_end;
        }
        const SentenceSpan& last = ex.sentences[line_end - 1];
        asking = last.last > last.first && ex.tokens[last.last - 1].norm == "?"sv;
        if (!asking) current = interviewee;
      }
    }
    turns.speaker[s] = current;
    turns.question[s] = asking;
  }
  if (!interviewee_known) MarkUnlabelledInterview(ex, speech, mention_entity, in_quote, &turns);
  return turns;
}

}  // namespace kith
