// Interview turns: in an article printed as questions and answers, which
// sentences are a person's own words though no quotation marks surround them.
// A line that opens with an answer label ("A:", "Answer:"; the lexicon
// `interview_labels`, role=answer) is the interviewee's answer; a line that
// opens with a person's name and a colon ("Sadykova: ...") is that person's, so
// is a transcript's label in capitals that spells one person's name ("GRANT:",
// "DINARA GRANT (guest):", "DINARA G.:" with the family name's initial), or of several names exactly one ending with it
// ("YASIN:" for Zulpiye Yasin beside Yasin Tohti), or of several the one an earlier label named
// in full ("HUSEYNOV:" after "ELCHIN HUSEYNOV:"), or the one the line before addresses by a
// given name ("Ilgar, ..."), but none where it addresses someone by that family name ("Mr
// Huseynov, ..."); a host, whose label once gives a question
// label's role in brackets ("LEYLA ORUJOVA (presenter):"), asks in every line labelled with
// their name; a question label ("Q:") ends the turn, and so, in a
// transcript with two such lines or more, does a label in capitals that spells
// no one's name (the host's, "DAWSON:"), and where two lines or more are answers,
// a label that is an outlet's or another body's name ("Azattyq:"), the
// interviewer's. Sentences after the first line of a
// turn belong to it until the next line. The interviewee is the person a
// verb of speech introduces in the nearer of the two lines before the first
// labelled line that has one: the name right before the verb or right after
// it ("Her brother, Y, is jailed. X spoke to us in Almaty." is X), else the
// first person named outside quotes in that line ("..., she told us"); else
// the person the text before it names most often outside quotes (the first
// named on a tie). An interview printed without labels is
// found too: a line that is one question (also in emphasis marks: "**When did
// he leave?**"), answered by a line in the first person outside quotes, at
// least twice; then a line of one sentence in emphasis marks and not in the
// first person so answered is a question too ("**You have also
// protested.**"). Each answer runs over the first-person lines after its
// question, and the interviewee is found the same way.
#pragma once

#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"

namespace kith {

struct InterviewTurns {
  static constexpr int kNotAnswer = -2;  // narration or a question
  static constexpr int kUnknown = -1;    // an answer whose speaker is unknown
  // Per sentence: kNotAnswer, kUnknown, or the entity of the person answering.
  std::vector<int> speaker;
  // Per sentence: true in a question's turn.
  std::vector<bool> question;
};

// `mention_entity[i]` is the entity of ex.mentions[i] (-1 if none); `in_quote[t]` says
// whether token t lies inside double quotes of its sentence.
InterviewTurns FindInterviewTurns(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                                  const std::vector<bool>& in_quote);

}  // namespace kith
