// Reference resolver: who a pronoun, a quote's "I/my", a list item's bullet standing for its
// subject ("- Detained in 2017", see ListSubject) or a case entry's verb opening a sentence that
// names no subject ("1. X, 61, a vet. Detained in 2017.", see EntrySubject) refers to, given a
// document's tokens, sentences and the person each mention was joined to.
//  - "my", "our", "I", "me", "we" inside a quote: the quote's speaker (in an
//    interview's answer, see interview_turns.h, the person answering), the
//    person outside the quotes of the same sentence nearest a speech verb
//    (", X told ...", "X said: ...", "..., said X", or "..., she said" with
//    the person "she" refers to, or "..., the 46-year-old teacher said" with
//    the person a pronoun there would mean), else such a person in the
//    sentence before;
//  - "my", "our", "I", "me", "we" outside quotes: the narrator, the author an article told
//    in the first person is by ("By X ... My father was detained"); nobody when there is none;
//  - "her", "his", "she", "he" inside a quote or an interview's answer: the
//    nearest person who fits named earlier in the same speech (a possessor, "Y's father",
//    only when no one else of its sentence fits), unless the
//    speaker's own relative ("my husband") comes nearer (see NearestInSpeech; SpokenRelative
//    gives that relative's kin word); an answer's earlier turns come after the question
//    before it, which gives whom it names or the relative it asks about ("Q: And your uncle?
//    A: He was released in 2020."; see AskedAbout);
//    in a quote that names nobody and no relative of the speaker's before it,
//    whom the narration before the quote spoke of (see NarrationBefore);
//  - "her", "his", "she", "he" in a sentence's opening phrase before its first comma, when the
//    phrase names nobody and a person of fitting gender follows the comma: that person
//    ("Against his wife's pleading, X booked a flight"; "When she landed, Y was detained");
//  - "her", "his", "she", "he" after a description opening the sentence ("The mullah ... his
//    release"), when an earlier apposition gave one person that description's head noun
//    ("X, the mullah who ..."): that person; such a description opening the sentence before
//    counts as that sentence's first person below;
//  - "her", "his", "she", "he" elsewhere: the first person of the sentence before it
//    (then of the sentence before, past sentences that are all quotation; for
//    "he"/"she", then the person of a pronoun of the same gender there; for
//    "his"/"her" opening a sentence or its main clause after an opening phrase
//    that names nobody ("Two months later, her ..."), of the first subject
//    pronoun of the same gender there, and first whom the same word opening
//    the sentence before stands for: "Her husband, X, left after his mother, Y, fell ill. Her son ...";
//    in a list of relatives, whom the list's first "her"/"his" stands for:
//    "her mother, A, her sister, B, and her brother C")
//    whose
//    gender does not conflict (in the pronoun's own sentence, one of unknown gender gives way to
//    a subject pronoun of the pronoun's gender before it) and who is
//    not a possessor, since a pronoun mostly refers to the subject ("X's
//    husband ... he" is the husband), except the owner of a thing when no
//    pronoun of that gender comes first ("X's passport was returned. She
//    ..." is X); a possessive pronoun falls back to the
//    first possessor ("X's mother, Y, lives with his sisters" is X's);
//  - "you", "your" in an interview's question: the person who answers it;
//    elsewhere nobody (whom a quote addresses is not known);
//  - "their" in a list of relatives after the first "their" ("Their son, A, is 16, and their
//    daughter"): whom that first "their" stands for;
//  - "their", "they": every person before it in the sentence, else the most
//    recent list of persons ("A and her husband B ... their son"); nobody
//    when a plural kin word of one person comes between the last person and it
//    ("A said her two brothers were jailed after they ...": the brothers);
//  - "her" after "she" in its sentence (the first pronoun of that gender
//    there): whom "she" stands for ("she met X's sons, her cousins");
//  - "him", or "her" with no noun after it, right after a person's verb ("Judge X fined
//    him"): not that person, but whom a pronoun opening the sentence would mean;
//  - a definite description opening its sentence outside quotes ("The old man was
//    held"): the name apposed to it, else the last fitting person of the sentence
//    before, since a description names again someone a pronoun would not mean;
//  - a possessive outside quotes after a sentence whose quote names several persons who fit
//    and whose narration names none: that quote's speaker ("\"These are my sons, A and B,\"
//    he said. His wife ...");
//  - a singular pronoun outside quotes that nothing above resolves: the topic,
//    the first fitting person of the nearest sentence up to five back that
//    names anyone it may mean, unless a relative who fits it ("his son", not one in a speech tag: ", his son said,") or a name of no
//    one person comes in between ("X stood outside. The 56-year-old said ...
//    A judge fined her. Her son ...": X).
//  - a possessive outside quotes on a case list's item line that names nobody before it ("1. X, 61\n
//    - Other relatives: his wife ..."): the person the list's heading names, if the gender fits;
//  - a pronoun paired with another by "or" ("his or her parents"): nobody in particular.
//  Outside Resolve, NarratedRelative gives the kin word an unresolved subject or object pronoun
//  may mean when the narration spoke of a relative ("Her father stayed behind, and he crossed
//  ...", "Her brother was detained; three days later a magistrate fined him"); an object never
//  means the relative of its own clause, nor one before a pronoun chain about someone else.
// Read-only; returns entity indices, empty when nothing fits.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "graph/document_graph.h"
#include "graph/interview_turns.h"

namespace kith {

// True for an age written as one word in lower case: "46-year-old" (one to three digits).
bool IsAgeWord(const std::string& lower);

class ReferenceResolver {
 public:
  // `mention_entity[i]` is the entity of ex.mentions[i] (-1 if none); `entities` gives genders;
  // `narrator` is the entity of the article's first-person narrator, or -1.
  ReferenceResolver(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                    const std::vector<Entity>& entities, int narrator = -1);

  // Entities the pronoun at token `t` refers to; for a list item's bullet, ListSubject; for any
  // other word, EntrySubject.
  std::vector<int> Resolve(std::size_t t) const;
  // The person a definite description opening its sentence outside quotes refers to ("The old
  // man was held ...", "The retired teacher, now 72, was detained"): the one named right after
  // it in apposition ("The third speaker, X, ..."), else the one person an earlier apposition
  // gave its head noun ("X, the mullah who ..."), else the last person of the sentence before
  // (outside quotes, no possessor) whom the head noun's `gender` ("" when the noun fixes none)
  // fits, else whom a pronoun of that gender would mean there. A description owning something
  // in apposition to the name opening its sentence ("Y, the detained man's daughter") is whom a
  // pronoun of its gender opening that sentence would mean, never Y; any other is empty. When
  // the sentence before names nobody who fits but opens with the same description ("The widow
  // went back in 2021. Two years later the widow ..."), it is whom that one is.
  std::vector<int> ResolveDescription(const CaptureRange& c, const std::string& gender, int depth = 0) const;
  // True when token `t` lies inside a double-quoted passage of its sentence.
  bool InQuote(std::size_t t) const { return t < in_quote_.size() && in_quote_[t]; }
  // Whether tokens [first, last) are the subject of a speech tag between commas: a comma before
  // them, a speech verb (not its base form) right after, and a comma after that (", his son said,").
  bool SpeechTagBetweenCommas(std::size_t first, std::size_t last) const;
  // For a description `c` that owns a relative in apposition after a name ("Y, the detained
  // man's daughter", "Y, a cousin of the former lawmaker"): the comma after the name; else the
  // number of tokens.
  std::size_t KinOwnerApposedAt(const CaptureRange& c) const;
  // For a description `c` that owns a relative named as a predicate's subject ("X is a
  // sister-in-law of the dead blogger"): the verb ("is", "was"); else the number of tokens.
  std::size_t KinOwnerPredicatedAt(const CaptureRange& c) const;
  // True when a mention of person `e` before token `before` stands beside a role noun (a title
  // before the name, an apposition after it) that is `head` or of its category ("former member
  // of parliament" for "lawmaker").
  bool CalledLike(int e, const std::string& head, std::size_t before) const;
  // True when a mention of person `e` before token `before` has a word of death close by ("X
  // died in the colony", "the late X").
  bool DiedNear(int e, std::size_t before) const;
  // True when `test` holds for a token near a mention of person `e` before token `before`: from
  // three words before the name to `reach` words after it, in its sentence.
  bool NearMentionOf(int e, std::size_t before, std::size_t reach, const std::function<bool(std::size_t)>& test) const;
  // Whether the person at tokens [first, last) is the source named in the speech tag closing a
  // sentence after a comma: ", spokesman X said." or ", said X." with "said", "told" or "added";
  // "told" names whom it was told to ("told reporters", "told Ala-Too Reporter"), and a time or
  // place may follow ("said on Monday", "told us at a briefing"), nothing else.
  bool ClosingSpeechTag(std::size_t first, std::size_t last) const;
  // Whether token `t` comes right after "according to", both at or after token `floor`
  // ("according to X", the source of a claim).
  bool AfterAccordingTo(std::size_t t, std::size_t floor = 0) const;
  // The Person mentions that start in sentence `s` (indexes into ex.mentions, ascending).
  const std::vector<std::size_t>& PersonsIn(int s) const { return persons_in_[static_cast<std::size_t>(s)]; }
  // The person a list item is about when its bullet at token `t` stands where its subject would
  // ("1. X (Y), 61, a vet\n- Detained in 2017\n- Sentenced in 2019"): walking back past the
  // list's item lines, the first line that is no item, when a person's name opens it (after
  // a number or a label such as "1." or "Case 2:") as no possessor ("X's wife, Y"), and the line
  // neither ends with a colon nor holds a speech verb or a possessive ("X, in her letter"). Nobody when the item names its own
  // subject after a colon ("- Detained in 2018: his brother, X") or an item passed on the way
  // opens with a name (a nested list, or a list of persons).
  std::vector<int> ListSubject(std::size_t t) const;
  // The person a case entry is about when the event verb at `t` opens one of its sentences that
  // names no subject ("2. X, 39, a nurse. Taken from the hospital in May 2018; ... . Released in
  // 2020."), or a kin word with "of" does ("Brother of Y."): the person who opens the entry's
  // line as for ListSubject, when the line opens with a label ("1.", "2)", "Case 3:", "No. 4")
  // or the line before is that label alone, perhaps with a short note ("No. 4417 (new)"), its
  // first sentence (the heading) has no finite verb ("is", "was", an event verb), no sentence
  // between names anyone or speaks of someone by a pronoun, and no comma in the sentence of `t`
  // is followed by a subject of its own ("Detained in 2018, X was ...", "..., the brother",
  // "..., her son").
  std::vector<int> EntrySubject(std::size_t t) const;
  // The heading sentence of the case entry whose line holds `t` (labelled as for EntrySubject,
  // naming and describing without a finite verb), when `t` lies after it; else -1.
  int EntryHeading(std::size_t t) const;
  // The person a case entry is about, for a pronoun of `gender` that is the first word of a
  // sentence of the entry to speak of anyone ("4. X, born 1953. A retired teacher. She was
  // detained ...", "In 2018 he was sentenced"), or goes on from that first one with its gender
  // ("While she was held, her two sons"), when the heading names one person of that gender
  // or of none known; else -1.
  int EntryPerson(std::size_t t, const std::string& gender) const;
  // The speaker of the quotes in sentence `s`, or -1.
  int Speaker(int s) const;
  // For a quote that opens the paragraph of sentence `s` and names no speaker: the speaker of the
  // quote the paragraph before left open, or the person whose account the sentence before
  // announces ("Her account, lightly edited for length, follows."); else the one person every
  // other quote of the article is by, if there is one; else -1.
  int AnnouncedSpeaker(int s) const;
  // Whom the possessive pronoun spelled as token `t` means in sentence `s` where, before a kin
  // word, it introduces a relative by name ("met by his son-in-law, D"): that possessive's
  // person, if not the relative; else -1.
  int KinIntroducerIn(int s, std::size_t t, const std::string& gender, int depth) const;
  // When sentence `s` is an interview's question, the person who answers it; else -1.
  int Interviewee(int s) const;
  // The most recent list of two or more persons joined by commas, "and", kin words and words
  // introducing a person ("A and her husband B", "A and a second woman, B") or ages
  // ("A, 51, and B, 22") before token `t` in its sentence or the three before that are not
  // all quotation;
  // `want` > 0 asks for a list of exactly that size. Empty when there is none.
  std::vector<int> RecentList(std::size_t t, int want) const;
  // Sentence `s` and the `count` sentences before it that are not all quotation, nearest first.
  std::vector<int> LookBack(int s, int count) const;
  // For a third-person singular pronoun inside a quote that means the speaker's own relative
  // ("My mother waited. She crossed in 2023."): the token of that kin word ("mother"), whose
  // person only the family ties name; else the number of tokens.
  std::size_t SpokenRelative(std::size_t t) const;
  // For a third-person singular subject pronoun outside quotes that `Resolve` leaves to nobody,
  // because the narration before it spoke of someone's relative rather than a named person
  // ("Her father stayed behind, and he crossed ..."; "My father stayed. He planned ... . He went
  // back"): the token of that relative's kin word, whose person only the family ties name. The
  // kin word is owned ("her", "my", "X's"), singular and of the pronoun's gender; it is looked
  // for in the pronoun's sentence before it, then back over up to five sentences, passing only
  // those that speak of someone by a pronoun of the same gender. A fitting person named nearer,
  // a description of someone who may be meant ("a man from the committee", "her neighbour"), or
  // two fitting relatives in one sentence ("her husband ... with her son") stop the search.
  // An object pronoun ("a magistrate fined him") is read so too, past a description that is its
  // own clause's subject, but not for a relative in its own clause ("Her brother drove him") nor
  // past a pronoun of its gender told after the relative. Else the number of tokens.
  // With `possessive_too`, a possessive pronoun is read so as well ("Her father was detained.
  // His name is X").
  std::size_t NarratedRelative(std::size_t t, bool possessive_too = false) const;
  // True when the pronoun at `t` is an object: "him", or "her" with no noun after it ("fined
  // her 80,000 tenge", "took her to a camp"; not "her son").
  bool ObjectReading(std::size_t t, const LexiconEntry& entry) const;

 private:
  // Persons named in sentence `s` before token `end` (`quoted` 1: inside quotes only, 0: outside only,
  // -1: either): the first whose gender fits and who is no possessor, the first such possessor,
  // whether anyone is named there, whether anyone of a fitting gender is, and whether a name
  // stands for no one person.
  struct Named {
    int person = -1;     // the first non-possessor whose gender does not conflict
    std::size_t person_at = 0;    // the person's first token
    std::size_t person_last = 0;  // one past the person's last token
    int possessor = -1;  // the first such possessor ("X's son"), unless X owns a thing
    std::size_t possessor_at = 0;  // the possessor's first token
    bool anyone = false;
    bool fits = false;  // someone named there has a gender that does not conflict
    bool unresolved = false;
  };
  // The persons of sentence `s` before token `end` (outside or inside quotes by `quoted`: 1, 0,
  // or -1 for both); with `skip_prepositional`, none right after a preposition ("after X"); with
  // `skip_sources`, none right after "according to".
  Named NamedIn(int s, std::size_t end, const std::string& gender, int quoted, bool skip_prepositional = false,
                bool skip_sources = false) const;
  int NearestBefore(std::size_t t, const std::string& gender, bool possessive, int depth = 0) const;
  // True when the name of mention `m`, which stands for no one entity, is a word of the names of
  // persons who all have a gender other than `gender` ("Abdurehim" for "Abdurehim Tursun" and
  // "Muhemmet Abdurehim", both men, when a "her" is resolved).
  bool SharedOnlyByOtherGender(const ExtractedMention& m, const std::string& gender) const;
  // The nearest reference of a fitting gender in the question that ends at sentence `s` (its
  // sentences from the last back): a person named there other than the `interviewee`, or, as -1
  // with `at` set to the kin word, the interviewee's relative ("your brother"); -2 for none.
  int AskedAbout(int s, const std::string& gender, int interviewee, std::size_t* at) const;
  // The person the pronoun at `t` (outside quotes) stands for when its sentence and the one
  // before name nobody that fits: the first fitting person of the nearest sentence before them
  // that names anyone of a fitting gender, up to five back (eight for a possessive), unless a
  // relative that fits the pronoun ("his son") or a name shared by several persons comes in
  // between.
  int TopicBefore(std::size_t t, const std::string& gender, bool possessive) const;
  // The person the pronoun at `t`, inside quotes or an interview's answer, stands for: the
  // nearest fitting person named earlier in the same speech (its sentence, then the quotes of
  // the sentences before that hold quotes, or one speaker's answers past the questions between,
  // up to twenty sentences back), unless the speaker's own relative who fits ("my husband")
  // comes nearer; -1 then or when nobody fits.
  // `speech_start` is set to the speech's first sentence when the speech (not an interview's
  // answer) names nobody and no relative of the speaker's before `t`, else to -1.
  // `relative_at`, when not null, is set to the kin word of that nearer relative, else to the
  // number of tokens.
  int NearestInSpeech(std::size_t t, const std::string& gender, int* speech_start,
                      std::size_t* relative_at = nullptr) const;
  // Whom a singular pronoun of `gender` means at the start of a speech that names nobody,
  // beginning in sentence `s`: the first fitting person the narration outside quotes names in
  // the two sentences before it, or whom a pronoun of that gender there stands for; -1
  // when a relative of that gender or a person of the other gender only comes first.
  int NarrationBefore(int s, const std::string& gender) const;
  // Whether sentence `s` before token `end` speaks, outside quotes, of one relative who may be
  // whom a singular pronoun of `gender` means ("his son in Europe"; not "his grandfather's
  // courtyard", not "whose relatives", not one of a counted group).
  bool RelativeSpokenOf(int s, std::size_t end, const std::string& gender) const;
  // True when sentence `s` opens, outside quotes, with a description by a singular role noun
  // whose gender fits `gender` ("The fourth picketer, a retired driver, ...", "A nurse ..."),
  // not by an office ("A judge fined her").
  bool OpensWithDescription(int s, const std::string& gender) const;
  // True when a role noun names an office over the persons of a story (a judge, an officer, an
  // official, a consul): its category is official, law, security or diplomacy.
  static bool IsOffice(const LexiconEntry& role);
  // The first pronoun of `gender` outside quotes in sentence `s` (with `subject_only`, the
  // first subject pronoun: "told her she would need ..." gives "she"), or the token count.
  std::size_t SamePronoun(int s, const std::string& gender, bool subject_only = false) const;
  // The first token of the line of token `t`, and one past its last.
  std::size_t LineStartOf(std::size_t t) const;
  // The persons a first-person word `t` outside quotes stands for when a statement opens a
  // sentence of its line with its writers: "I, X, born 1961, ask about my son" for the
  // singular words, "We, A and B, sisters, ask about our mother" for the plural ones (those
  // named before the sentence's next first-person word); else empty ("We, the undersigned").
  std::vector<int> DeclaredWriters(std::size_t t) const;
  std::size_t LineEndOf(std::size_t t) const;
  // ListSubject without its look at the item's own line: the person the list's heading names.
  std::vector<int> ListHeading(std::size_t t) const;
  // The person who opens the heading at tokens [line, end) (past a label such as "1." or "Case
  // 2:"), as no possessor, when the heading neither ends with a colon nor holds a speech verb or
  // a possessive; else empty.
  std::vector<int> HeadingPerson(std::size_t line, std::size_t end) const;
  // For a possessive pronoun of `gender` at `t` on a list item's line that names nobody before
  // it ("- Other relatives: his wife and infant son remain in Artux"): the person the list is
  // about (ListSubject), when that person's gender does not conflict; else -1.
  int ItemSubject(std::size_t t, const std::string& gender) const;
  // The first word of sentence `s`, or the token count.
  std::size_t FirstWord(int s) const;
  // "her mother, A, her sister, B, and her brother C": for the possessive at `t` that follows a
  // kin word and the person apposed to it (maybe with a clause of up to four words after the
  // name: "Their son, A, is now 16, and their daughter"), the same possessive before that kin word; after a
  // semicolon ("her husband, A, who ...; and her sister"), the same possessive before a kin word
  // in the item before; else the token count.
  std::size_t ListedPossessiveBefore(std::size_t t) const;
  // "Against his wife's pleading, X booked a flight": for the singular pronoun at `t` in a
  // sentence's opening phrase that names nobody, the person named right after the phrase's
  // comma (its subject) when the gender fits and the name is no possessor and not apposed to a
  // kin or role word before the comma; else -1.
  int FrontedSubject(std::size_t t, const std::string& gender) const;
  // The one person an earlier apposition described with the head noun that ends `c` ("X, the
  // mullah who recited the prayer, ..." for "The mullah"), or -1 when none or several were.
  int ApposedEarlier(const CaptureRange& c) const;
  // The person the description opening sentence `s` before token `t` stands for ("The mullah
  // did not live to see his release"), when an earlier apposition gave that person the
  // description's head noun and `gender` fits; else nothing.
  std::vector<int> DescribedOpening(int s, std::size_t t, const std::string& gender) const;
  // True when no word comes before token `t` in its sentence.
  bool OpensSentence(std::size_t t) const;
  // In sentence `s`, outside quotes, a description opening it (after any time phrase) whose head
  // noun is `head` ("the widow", "the elderly widow"); unset when there is none.
  CaptureRange OpeningDescription(int s, const std::string& head) const;
  // True when only a time phrase comes before token `t` in its sentence: words of date mentions,
  // commas and adverbs of sequence ("Two years later the widow ...", "In March, then, the ...").
  bool OpensAfterTime(std::size_t t) const;
  // True when token `t` opens its sentence or comes right after the sentence's first comma,
  // whose opening phrase holds no person and no pronoun ("Two months after that, her ...").
  bool OpensMainClause(std::size_t t) const;
  // True when the words from token `t` (right after a name's "'s") name a person: a kin term or a
  // role noun after any kin modifiers ("X's elder brother", "X's lawyer"), not a thing ("X's
  // passport"), whose owner a later pronoun may mean.
  bool OwnsPerson(std::size_t t) const;
  // In sentence `s`, outside quotes, the "the" of a description by age followed by a speech
  // verb ("the 46-year-old teacher said"), or the token count.
  std::size_t AgeDescriptionBeforeSpeech(int s) const;
  // True when token `t` is a subject pronoun ("he", "she").
  bool SubjectPronoun(std::size_t t) const;
  // The person named right before the lower-case word before token `t` ("Judge X fined" before
  // "him"), or -1.
  int VerbSubjectBefore(std::size_t t) const;
  // True when sentence `s` is all quotation.
  bool QuoteOnly(int s) const;
  // True when sentence `s` holds a double quotation mark.
  bool HasQuoteMark(int s) const;
  // True when sentence `s` quotes someone: it has a speech verb outside its quote marks, a quote
  // after a colon, one in the first or second person (the pronouns lexicon), or one of more than
  // four words. A short quote alone is a phrase held at a distance ("gave me six years for
  // \"inciting extremism\""), not another's words.
  bool QuotesSomeone(int s) const;
  std::vector<int> PersonsBefore(std::size_t t) const;
  // True when a plural kin word of one person ("her sons") lies between the last person named
  // in t's sentence and t.
  bool PluralKinSince(std::size_t t) const;
  // True when kin word `w` counts out a plural kin word before it ("their three children, two
  // boys and a girl"): one of a group, not a relative the text goes on about.
  bool MemberOfPluralKin(std::size_t w) const;
  // True for a word that may stand between list members before the next person ("a second woman").
  bool IntroducesPerson(const std::string& lower) const;

  const Extraction& ex_;
  // The lexicons the resolver reads, found once by name (nullptr where the rules have none):
  // many of its questions are asked of every pronoun and kin word.
  const Lexicon* kin_terms_;
  const Lexicon* kin_modifiers_;
  const Lexicon* role_nouns_;
  const Lexicon* pronouns_;
  const Lexicon* speech_verbs_;
  const Lexicon* event_verbs_;
  const Lexicon* numbers_;
  const std::vector<int>& mention_entity_;
  const std::vector<Entity>& entities_;
  int narrator_ = -1;
  std::vector<bool> in_quote_;  // inside double quotes, or in an interview's answer
  // Per sentence: the Person mentions that start in it, in the order of ex_.mentions.
  std::vector<std::vector<std::size_t>> persons_in_;
  InterviewTurns turns_;
  // The one person whose words every attributed quote of the article is, or -1; found on first
  // need (few articles have a quote that nothing announces) and kept. While it is being found,
  // AnnouncedSpeaker has no such fallback.
  static constexpr int kNotYetFound = -2;
  mutable int sole_speaker_ = kNotYetFound;
  int SoleSpeaker() const;
  int SoleSpeakerOfQuotes() const;
};

}  // namespace kith
