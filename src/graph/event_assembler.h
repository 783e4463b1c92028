// Event assembler: turns the event candidates of one document into events.
//  - Dates: every Date mention is resolved in text order (DateResolver), so
//    "a day earlier" counts from the date mentioned before it (passing over a
//    state's start by a year alone, "held since 2017", when the story before
//    it gave a month). An event takes
//    the date its rule captured, else the nearest date of its sentence that no
//    other event word separates from its trigger and no relative clause closed
//    before the trigger holds (", who was fined in 2023, was jailed"; ", a
//    bookkeeper who turns 66 in March, crossed"), else a
//    day-precise date of the sentence before. A state that lasts until now
//    ("has been behind bars") takes the "since" date before it.
//  - Place: the place or institution its rule captured, else the one of its
//    sentence nearest the reporting word, preferring one after a locative
//    word ("in", "at", "outside", ...).
//  - A fine's sum: the Money mention its rule captured (attributes amount,
//    currency, unit), else the Money mention of its sentence nearest the
//    trigger that no other event word separates from it. `amount` becomes a
//    plain decimal ("150,000" -> "150000", number words through the
//    `number_words` lexicon); a sum that is no number, or has neither
//    currency nor unit, is left out.
//  - Group size: "A, B and nine other people" (rule attribute `others`) and
//    "some 30 people, including A" (rule attribute `group`) give the event
//    `participant_count`, the total number of people taking part: the
//    distinct persons of the candidate's roles plus the others, or the
//    group's size (never fewer than the persons named). Merged mentions
//    keep the larger count.
//  - Terms: a written term gains its ISO 8601 `duration` ("ten days" ->
//    P10D). A list of terms with as many persons in the event's one role
//    ("A and B were sentenced to 10 and 8 years", "her two sons ... to 12
//    and 7 years") makes one event per person, in text order, each with its
//    own `duration` and the same date, place and evidence. When terms and
//    persons do not pair up, the one event lists the terms in `durations`
//    ("P12Y P7Y").
//  - One event mentioned twice is one event: candidates of one kind merge when
//    their evidence overlaps, when they have the same date, or when one has no
//    date and they share a participant; but never when their durations or
//    their sums differ (two terms, two fines), nor when each took place at
//    another institution (two embassies) or in another city. A person's deaths are one death, on
//    the earliest of their days (a death is told after it happens). The events of one per-defendant split never
//    merge with each other; another mention joins all of them (date, place,
//    attributes, the judge) when it names no defendant outside them.
//  - Protesters named only by a role noun ("one of the protesters, X") take
//    part in the article's protest: the protest dated by the first date of a
//    sentence that speaks of protesting.
//  - "Among them was X" makes X a participant of the last event of the
//    sentence before, in the role its kind gives participants.
//  - A roster ("Those detained were A, B and C") names the group that the
//    events up to six sentences before it or three after speak of only as
//    "them", "the group", "each of them" or a crowd of as many persons.
//  - A candidate whose rule attribute `replaces` names a kind drops the
//    candidates of that kind on the same trigger ("jailed him for 13 years"
//    is a sentence, not also a detention); the attribute is not stored.
//  - A candidate whose rule attribute `setting` is "captured" takes only the date
//    and place its rule captured, none from the sentence ("fined by the city
//    court on October 11 for taking part in a gathering": the gathering's day and
//    place are not told); the attribute is not stored either.
//  - A candidate whose reporting word lies inside a Date mention is dropped:
//    "since March 2019" names a month, not a march.
//  - Events left without any participant are dropped.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "graph/date_resolver.h"
#include "graph/document_graph.h"

namespace kith {

class EventAssembler {
 public:
  struct Candidate {
    std::string kind;
    int sentence = -1;
    Evidence evidence;
    Span trigger;             // bytes of the reporting word, when known (dates are looked up near it)
    std::map<std::string, std::string> attributes;
    CaptureRange date_range;  // set when the rule captured the date
    int place = -1;
    std::vector<EventRole> roles;
    // A role whose words were a plural pronoun that found nobody ("They were taken to a police
    // station" after "X and her daughter stood outside"): Finish() gives it the persons the
    // latest event of the sentence before has two or more of in one role.
    std::string group_role;
  };

  EventAssembler(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                 DateValue publication);

  void Add(Candidate candidate) { candidates_.push_back(std::move(candidate)); }
  // "Among them was X" in sentence `sentence`: X takes part in the last event of the sentence before.
  void AddMember(int sentence, int entity) { members_.push_back({sentence, entity}); }
  // "Those detained were A, B and C" in sentence `sentence`: the persons of a group that a
  // candidate near it speaks of only as "them", "the group" or "five ethnic Kazakhs" (see
  // FillGroupRoles).
  void AddRoster(int sentence, std::vector<int> entities) { rosters_.push_back({sentence, std::move(entities)}); }
  // The assembled events; `entities` are the document's entities.
  std::vector<Event> Finish(const std::vector<Entity>& entities);

 private:
  void ResolveDates();
  // Fills each candidate's group_role (see Candidate) from the sentence before, else from the
  // nearest roster at most six sentences after or three before it; a counted crowd with no
  // person ("fined five ethnic Kazakhs") takes a roster of as many persons.
  void FillGroupRoles(const std::vector<bool>& inner);
  // The persons of the roster that names the group `c` speaks of, or none.
  std::vector<int> RosterFor(const Candidate& c) const;
  // The date of the candidate: a captured one, else its sentence's nearest that fits, else a
  // day-precise one of the sentence before; a list item looks past the items before it to the
  // line that opens the list ("The court on Sunday imposed these penalties:").
  DateValue DateFor(const Candidate& c) const;
  // When sentence `s` goes on a paragraph that opens with a date alone ("March 2019. X dies at
  // home."), that date; else none.
  DateValue ParagraphLabelDate(int s) const;
  // True when sentence `s` is an item of a list: it opens with a bullet.
  bool IsListItem(int s) const;
  // True when the place mention `m` tells where a person is from, not where something happened:
  // "X (52), of Oskemen", "a citizen of Kyrgyzstan", "a native of Ghulja".
  bool PlaceOfPerson(const ExtractedMention& m) const;
  // True when the organization mention `m` is where a report comes from or goes to, not where
  // something happened: whom something was told ("told RFE/RL"), a source ("according to the ministry",
  // "the ministry said") or whom a speaker works for ("a spokeswoman for the Foreign Ministry",
  // "a researcher at Human Rights Watch", "the ministry's spokesman"), or a label naming who
  // speaks ("Azattyq: ...").
  bool PartyToReport(const ExtractedMention& m) const;
  // True when the candidate's rule asks for the captured date and place only (setting=captured).
  static bool OnlyCaptured(const Candidate& c);
  // Whether token `t` lies in a phrase opened by "from" at most four words before it, not past
  // token `floor` ("from Ghulja", "from her home in Taldykorgan").
  bool FromPhrase(std::size_t t, std::size_t floor) const;
  int PlaceFor(const Candidate& c) const;
  const ExtractedMention* NearestMoney(const Candidate& c) const;
  void AddAmount(const Candidate& c, Event* e) const;
  void AddParticipantCount(Event* e) const;
  // The role a participant has in an event of kind `kind` ("Fine": "fined"), "participant" for others.
  static std::string ParticipantRole(const std::string& kind);
  // "A court fined six ethnic Kazakhs ... The court found A, 61, B, 44, ... and F guilty": an
  // event of a counted crowd and no one named goes to the persons of the longest list the next
  // sentence names (commas, "and" and ages between them), when they are exactly as many.
  void NameCountedCrowds(std::vector<Event>* events) const;
  // Whether the list of names at tokens [first, end) may be a counted crowd: no kin or role word
  // names them just before ("Their lawyers, A and B"), and no "who" or speech verb follows
  // ("A and B, who saw it, told ...").
  bool CrowdList(std::size_t first, std::size_t end) const;
  // Appends `e`, or one event per defendant, to *events; *groups gets each one's split group or -1.
  void AddTerms(Event e, std::vector<Event>* events, std::vector<int>* groups, int* next_group) const;
  void JoinMentions(const std::vector<Entity>& entities, std::vector<Event>* events, std::vector<int>* groups) const;
  bool SpeaksOfProtest(const SentenceSpan& s) const;
  std::string EventWordKind(std::size_t t, bool verbs_only) const;
  // The entry of `lex` of two or more words that the tokens from `t` spell ("let out"), or nullptr.
  const LexiconEntry* PhraseAt(const Lexicon& lex, std::size_t t) const;
  std::string NearestEventKind(std::size_t t, const SentenceSpan& s) const;
  bool AnotherEventWordBetween(const Candidate& c, const ExtractedMention& other) const;
  // True when `date` lies in a relative clause set off by commas (", who was fined in 2023,";
  // an apposition holding one: ", a bookkeeper who turns 66 in March,") that closes before the
  // candidate's trigger: the clause's own event, not the candidate's.
  bool InClauseBeforeTrigger(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when `date` lies in a relative clause opened by a comma after the candidate's trigger
  // ("X, who was led out by officers, spoke for his nephew, Y, who vanished in 2019"): the
  // clause speaks of its own antecedent.
  bool InClauseAfterTrigger(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when `date`, before the candidate's trigger, is told with another event verb at most
  // four words before it and an "and" or ";" comes between it and the trigger ("detained in 2017
  // and released from a camp in December 2019"): the date of that verb's phrase. It gives way
  // only when OwnDateCloseAfter.
  bool DatesVerbBefore(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when `date`, after the candidate's trigger, opens a clause joined by "and", "but", "then"
  // or ";" whose own event verb follows it within six words and no punctuation ("was arrested, and
  // in May 2019 a court sentenced him"; "was detained, and two years later he was sentenced"): the
  // date of that verb, not of the candidate.
  bool OpensLaterVerbsClause(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when a date follows the candidate's trigger in sentence `s` within eight words and no
  // punctuation ("released from a camp in December 2019"; not "sentenced to 20 years, according
  // to a verdict seen in March 2021").
  bool OwnDateCloseAfter(const Candidate& c, const SentenceSpan& s) const;
  // True when the candidate's trigger lies in a relative clause opened by ", who" and `date`
  // comes after a comma that closes it before the main clause's verb ("X, who is serving seven
  // years, has not written since March"): the date is the main clause's, not the clause's event.
  bool AfterTriggersClause(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when `date` comes after the candidate's trigger and dates a verb of speech a few words
  // before it ("X has died, his children said on Tuesday", "... told reporters on Monday"): the
  // day the news was told, not the day of the event.
  bool DatesSpeechAfterTrigger(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // Whether `date` is the day of a speech verb up to five words before it in its sentence (which
  // opens at token `sentence_first`), none of them punctuation nor ending at byte `after` or
  // before: "told reporters outside the court on Wednesday".
  bool DatesSpeech(const ExtractedMention& date, std::size_t sentence_first, std::size_t after) const;
  // True when `date` is a dateline's ("ISTANBUL, 12 May 2022 -- ..."): the day of publication,
  // which dates no event told after it.
  bool InDateline(const ExtractedMention& date) const;
  // True when `date` opens with "since" or follows it ("since 2017", "since March"): the start of a
  // state that lasts.
  bool AfterSinceWord(const ExtractedMention& date) const;
  // True when sentence `s` says nothing but `date` ("In March 2016.", "A: On 4 May."), a speaker's
  // label aside.
  bool OnlyDateOfSentence(const ExtractedMention& date, const SentenceSpan& s) const;
  // True when "since" stands at most three words before the candidate's trigger ("held since his
  // arrest"): the event is the start of a state, told with no time of its own.
  bool AfterSince(const Candidate& c) const;
  // True when `date` is a birthday: "born" among the three tokens before it ("born 14 May 1958").
  bool Birth(const ExtractedMention& date) const;
  // True when token `t` is "who", "which" or "whose".
  bool IsRelativePronoun(std::size_t t) const;
  // True when `date` dates only the event of its own phrase (attribute dates=phrase: "five months
  // after his arrest") and the candidate's trigger is not that event's word: the first event word
  // after the date, unless a comma and a subject pronoun come before it.
  bool OutsideItsPhrase(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const;
  // True when the trigger is a present perfect ("has been imprisoned", "have long been held").
  bool PresentPerfect(const Candidate& c) const;
  void AddProtesters(std::vector<Event>* events) const;
  // "... picketed the consulate. ... Police broke up the picket and put A, B and C into a van":
  // those police detain, in no town but the protest's and not in someone's words, where the sentence (or
  // the one before it) speaks of the protest, are protesters of the protest told just before
  // (of the nearest one told before, when their own sentence speaks of it), when the dates agree;
  // with no such protest, they held one of their own where police are told breaking it up, or
  // where the sentence before speaks of a protest on the detention's day.
  void AddDetainedProtesters(const std::vector<Entity>& entities, std::vector<Event>* events) const;
  // Whether sentence `s` tells of police ending a gathering (the dispersal_words lexicon).
  bool TellsOfDispersal(int s) const;
  // Whether sentence `s` holds a date mention resolved to `iso`.
  bool NamesDate(int s, const std::string& iso) const;
  // Whether sentence `s` names police or guards (role nouns of the security category).
  bool NamesCustodyAgent(const SentenceSpan& s) const;

  const Extraction& ex_;
  const RuleSet& rules_;
  const std::vector<int>& mention_entity_;
  DateValue publication_;
  std::vector<Candidate> candidates_;
  std::vector<std::pair<int, int>> members_;  // (sentence, entity)
  std::vector<std::pair<int, std::vector<int>>> rosters_;  // (sentence, entities)
  std::map<std::size_t, DateValue> dates_;  // Date mention index -> resolved date
  std::vector<std::size_t> by_begin_;       // token indexes by where they begin in the text
};

}  // namespace kith
