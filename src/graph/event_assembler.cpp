#include "graph/event_assembler.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "graph/decimal_number.h"
#include "graph/duration.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

bool HasRole(const Event& e, const EventRole& r) {
  return std::any_of(e.roles.begin(), e.roles.end(),
                     [&](const EventRole& x) { return x.role == r.role && x.entity == r.entity; });
}

bool ShareParticipant(const Event& a, const Event& b) {
  for (const EventRole& x : a.roles) {
    for (const EventRole& y : b.roles) {
      if (x.entity == y.entity) return true;
    }
  }
  return false;
}

// A count of people written as a number ("nine", "30", "1,200"), or 0 when it is none.
long PeopleCount(const std::string& text, const Lexicon* number_words) {
  const std::string decimal = DecimalNumber(text, number_words);
  if (decimal.empty() || decimal.find('.') != std::string::npos || decimal.size() > 9) return 0;
  return std::strtol(decimal.c_str(), nullptr, 10);
}

// True when one ISO date narrows the other: "2018" and "2018-01", "2018-01" and "2018-01-05".
bool NestedDates(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a.size() == b.size()) return false;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == '-';
}

void MergeInto(Event* into, const Event& from) {
  for (const EventRole& r : from.roles) {
    if (!HasRole(*into, r)) into->roles.push_back(r);
  }
  // The finer of two nested dates ("2018" and "2018-01") is the one the text fixes.
  if (into->date.empty() || (from.date.size() > into->date.size() && NestedDates(into->date, from.date))) {
    into->date = from.date;
    into->date_precision = from.date_precision;
  }
  if (into->place < 0) into->place = from.place;
  for (const auto& kv : from.attributes) {
    auto it = into->attributes.find(kv.first);
    if (it == into->attributes.end()) {
      into->attributes.emplace(kv.first, kv.second);
    } else if (kv.first == "participant_count"sv && std::strtol(kv.second.c_str(), nullptr, 10) >
                                                      std::strtol(it->second.c_str(), nullptr, 10)) {
      it->second = kv.second;  // two reports of one group: the larger count includes the smaller
    }
  }
}

// Two terms or two sums are two happenings: "sentenced to 10 years" and "to 8 years", "fined
// 150,000 tenge" and "ordered to pay 50 MCI".
bool Conflicting(const Event& a, const Event& b) {
  for (const char* key : {"duration", "amount", "currency", "unit"}) {
    const auto x = a.attributes.find(key);
    const auto y = b.attributes.find(key);
    if (x != a.attributes.end() && y != b.attributes.end() && x->second != y->second) return true;
  }
  // A sum in a currency and one in a unit of account are two sums.
  return (a.attributes.count("currency") && b.attributes.count("unit")) ||
         (a.attributes.count("unit") && b.attributes.count("currency"));
}

// A protest outside one embassy and one outside another, on the same day, are two protests; so
// are one outside the consulate in Almaty and one in Astana.
bool TwoPlaces(const std::vector<Entity>& entities, const Event& a, const Event& b) {
  if (a.place < 0 || b.place < 0 || a.place == b.place) return false;
  const Entity& x = entities[static_cast<std::size_t>(a.place)];
  const Entity& y = entities[static_cast<std::size_t>(b.place)];
  if (x.kind == EntityKind::kOrganization && y.kind == EntityKind::kOrganization) return true;
  const auto town = [&](const Entity& e, int id) { return e.kind == EntityKind::kPlace ? id : e.located_in; };
  const int tx = town(x, a.place);
  const int ty = town(y, b.place);
  return tx >= 0 && ty >= 0 && tx != ty && entities[static_cast<std::size_t>(tx)].type == "City"sv &&
         entities[static_cast<std::size_t>(ty)].type == "City"sv;
}

std::set<int> Participants(const Event& e) {
  std::set<int> out;
  for (const EventRole& r : e.roles) out.insert(r.entity);
  return out;
}

// The persons of `e` in `role`.
std::set<int> InRole(const Event& e, const std::string& role) {
  std::set<int> out;
  for (const EventRole& r : e.roles) {
    if (r.role == role) out.insert(r.entity);
  }
  return out;
}

// Merges `from` into every event of per-defendant group `group`: date, place and attributes they
// lack, and participants in other roles than the defendants' (the judge who sentenced them all).
void MergeIntoGroup(std::vector<Event>* events, const std::vector<int>& groups, int group, const Event& from) {
  for (std::size_t k = 0; k < events->size(); ++k) {
    if (groups[k] != group) continue;
    Event& into = (*events)[k];
    const std::string split_role = into.roles.front().role;
    Event other = from;
    other.roles.erase(std::remove_if(other.roles.begin(), other.roles.end(),
                                     [&](const EventRole& r) { return r.role == split_role; }),
                      other.roles.end());
    other.attributes.erase("participant_count");  // each event of the group is one defendant's
    MergeInto(&into, other);
  }
}

}  // namespace

EventAssembler::EventAssembler(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                               DateValue publication)
    : ex_(ex), rules_(rules), mention_entity_(mention_entity), publication_(publication) {
  ResolveDates();
  // The publisher's line is tokenized last, wherever it stands in the text.
  by_begin_.resize(ex_.tokens.size());
  for (std::size_t t = 0; t < by_begin_.size(); ++t) by_begin_[t] = t;
  std::stable_sort(by_begin_.begin(), by_begin_.end(), [&](std::size_t a, std::size_t b) {
    return ex_.tokens[a].span.begin < ex_.tokens[b].span.begin;
  });
}

void EventAssembler::ResolveDates() {
  const DateResolver resolver(publication_);
  DateValue previous;
  int previous_sentence = -1;
  std::size_t previous_first = 0;  // tokens of the date before
  std::size_t previous_last = 0;
  bool previous_has_year = false;
  bool previous_is_birth = false;
  int previous_season_start = 0;  // "the spring of 2018": 3
  bool previous_background = false;  // the date before is a state's start by a year alone
  DateValue story;                   // the last date that is no such start
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    if (m.label != "Date"sv) continue;
    // "weeks later", "days earlier": an uncounted span counts only from a date just before it
    // (two sentences at most), on the same side of a quote mark, and not from a birth.
    const std::string unit = m.attributes.count("unit") != 0 ? Utf8Lower(m.attributes.at("unit")) : "";
    const bool uncounted = m.attributes.count("anchor") != 0 && m.attributes.at("anchor") == "previous"sv &&
                           m.attributes.count("amount") == 0 && (unit == "days"sv || unit == "weeks"sv);
    bool far_anchor = previous_is_birth || previous_sentence < 0 || m.sentence - previous_sentence > 2;
    for (std::size_t k = previous_last; uncounted && !far_anchor && k < m.first; ++k) {
      far_anchor = ex_.tokens[k].norm == "\""sv;
    }
    const bool counts_from_before = m.attributes.count("anchor") != 0 && m.attributes.at("anchor") == "previous"sv;
    const DateValue& anchor = counts_from_before && previous_background && story.month != 0 ? story : previous;
    DateValue d = uncounted && far_anchor ? DateValue{} : resolver.Resolve(m.attributes, anchor);
    // "He flew there on April 3, 2017. On May 11 his phone went dead": a day told without its year
    // right after a day of another year, and not before it in that year, goes on in that year,
    // unless in the publication's year it would be news of the last weeks ("On March 2 she
    // picketed" in a March article).
    const bool own_year = m.attributes.count("year") != 0 || m.attributes.count("year_of") != 0;
    // With no publication date, nothing is news of the last weeks.
    const bool months_before_publication =
        publication_.month == 0 || (publication_.year - d.year) * 12 + publication_.month - d.month >= 2;
    if (!own_year && !previous_is_birth && d.month != 0 && d.day != 0 && previous_has_year && previous.month != 0 &&
        previous.day != 0 && (publication_.year == 0 || previous.year < publication_.year) &&
        previous.year != d.year && m.sentence - previous_sentence <= 1 && d.month >= previous.month &&
        m.attributes.count("anchor") == 0 && months_before_publication) {
      d.year = previous.year;
    }
    // "In December 2017 he was told to come back. ... He crossed on December 20": a day told
    // without its year in the month just named with its year, a few sentences on, is in it.
    // Not across a turn to the present ("His wife has protested ever since. On December 20 she
    // was detained there again").
    const auto story_goes_on = [&] {
      static constexpr std::string_view kNow[] = {"since", "has", "have", "now", "again", "today"};
      const std::size_t from = ex_.sentences[static_cast<std::size_t>(previous_sentence) + 1].first;
      const std::size_t to = ex_.sentences[static_cast<std::size_t>(m.sentence)].last;
      for (std::size_t k = from; k < to; ++k) {
        if (std::find(std::begin(kNow), std::end(kNow), ex_.tokens[k].lower) != std::end(kNow)) return false;
      }
      return true;
    };
    if (!own_year && !previous_is_birth && d.month != 0 && d.day != 0 && previous_has_year && previous.year != 0 &&
        previous.month == d.month && previous.day == 0 && previous_sentence >= 0 && m.sentence > previous_sentence &&
        m.sentence - previous_sentence <= 3 && previous.year != d.year && m.attributes.count("anchor") == 0 &&
        months_before_publication && story_goes_on()) {
      d.year = previous.year;
    }
    // "I crossed on 4 January 2018. ... For months I sat by her bed. On 9 June they came": a month
    // told without its year, a few sentences on in the paragraph of a day or season told with its
    // year (a month or a year alone is often a background fact: "annexed the peninsula in March
    // 2014", "settled there in 2015"; a later month up to three sentences after a month is not:
    // "taken in March 2018. Their mother was taken in April", "In June 2019 he stood outside the
    // ministry. ... In August they fined him"), goes on in that year when it is not before that day; one
    // a month or two into the next year ("died on December 2, 2017. ... he crossed on January 9")
    // is in the next year. Not after a state's start ("has not heard from him since March 2019"),
    // nor across a turn to the present or a leap ("is still waiting", "only years later").
    const auto paragraph_goes_on = [&] {
      for (std::size_t k = previous_last; k <= m.first && k < ex_.tokens.size(); ++k) {
        if (ex_.tokens[k].line_start || ex_.tokens[k].lower == "still"sv) return false;
        const bool leap = ex_.tokens[k].lower == "later"sv && k > 0 &&
                          (ex_.tokens[k - 1].lower == "years"sv || ex_.tokens[k - 1].lower == "decades"sv);
        if (leap) return false;
      }
      return true;
    };
    if (!own_year && !previous_is_birth && d.month != 0 && previous_has_year && previous.year != 0 &&
        (previous.day != 0 || previous_season_start != 0 ||
         (previous.month != 0 && d.day == 0 && m.sentence - previous_sentence <= 3)) &&
        previous_sentence >= 0 && m.sentence > previous_sentence &&
        m.sentence - previous_sentence <= 4 &&
        previous.year != d.year && (publication_.year == 0 || previous.year < publication_.year) &&
        m.attributes.count("anchor") == 0 && months_before_publication &&
        ex_.tokens[previous_first].lower != "since"sv && paragraph_goes_on() && story_goes_on()) {
      const int from_month = previous.month != 0 ? previous.month : previous_season_start;
      const bool not_before = d.month > from_month ||
                              (d.month == from_month && (d.day == 0 || previous.day == 0 || d.day >= previous.day));
      // A flashback ("He had been detained in January") goes back, not on into the next year.
      bool flashback = false;
      for (std::size_t k = previous_last; k < m.first; ++k) flashback = flashback || ex_.tokens[k].lower == "had"sv;
      const bool into_next_year =
          previous.day != 0 && !flashback && d.month < previous.month && d.month + 12 - previous.month <= 2;
      // "On 3 January 2021 her phone rang. ... He had died on 19 December": a flashback a month or
      // two back from a day early in its year is in the year before.
      const bool into_last_year =
          previous.day != 0 && flashback && d.month > previous.month && previous.month + 12 - d.month <= 2;
      if (not_before && !into_last_year) d.year = previous.year;
      if (into_last_year) d.year = previous.year - 1;
      if (into_next_year && (publication_.year == 0 || previous.year + 1 <= publication_.year)) {
        d.year = previous.year + 1;
      }
    }
    // "In 2017 she was detained in Urumqi in June": a month told without its year in the sentence
    // of a year is in that year, when the year opens the sentence or no comma stands between
    // ("X, who fled in 2017, was detained in March" is another clause's year).
    const auto same_clause = [&] {
      if (previous_first <= ex_.sentences[static_cast<std::size_t>(m.sentence)].first + 1) return true;
      for (std::size_t k = previous_last; k < m.first; ++k) {
        if (ex_.tokens[k].norm == ","sv) return false;
      }
      return true;
    };
    if (!own_year && !previous_is_birth && d.month != 0 && previous_has_year && previous.year != 0 &&
        m.sentence >= 0 && m.sentence == previous_sentence && previous.year != d.year &&
        m.attributes.count("anchor") == 0 && months_before_publication && same_clause()) {
      d.year = previous.year;
    }
    dates_[i] = d;
    if (!d.empty()) {
      // A state's start told by a year alone is background ("whose father has been held since
      // 2017"), not the story's time that "the following month" counts from.
      previous_background = AfterSinceWord(m) && d.month == 0;
      if (!previous_background) story = d;
      previous = d;
      previous_first = m.first;
      previous_last = m.last;
      previous_sentence = m.sentence;
      previous_has_year = own_year;
      // A season's first month (winter spans two years and starts none).
      previous_season_start = 0;
      for (std::size_t k = m.first; k < m.last; ++k) {
        const std::string& w = ex_.tokens[k].lower;
        if (w == "spring"sv) previous_season_start = 3;
        if (w == "summer"sv) previous_season_start = 6;
        if (w == "autumn"sv || w == "fall"sv) previous_season_start = 9;
      }
      // "born on March 8, 1979": a birth day starts no story in its year.
      previous_is_birth = Birth(m);
    }
  }
}

// True when an event word other than the candidate's own trigger, or a verb of going somewhere,
// stands between its trigger and the other mention ("fined ... whose father has been held since
// 2017": 2017 dates the holding; "detained ..., who moved to Osh in 2009": the move).
bool EventAssembler::AnotherEventWordBetween(const Candidate& c, const ExtractedMention& other) const {
  const std::size_t other_begin = ex_.tokens[other.first].span.begin;
  const Lexicon* motion = rules_.lexicon("motion_verbs");
  // The tokens that lie within [from, to) of the text.
  const bool after = other_begin >= c.trigger.end;
  const std::size_t from = after ? c.trigger.end : ex_.tokens[other.last - 1].span.end;
  const std::size_t to = after ? other_begin : c.trigger.begin;
  auto it = std::lower_bound(by_begin_.begin(), by_begin_.end(), from,
                             [&](std::size_t t, std::size_t at) { return ex_.tokens[t].span.begin < at; });
  for (; it != by_begin_.end() && ex_.tokens[*it].span.begin <= to; ++it) {
    const std::size_t t = *it;
    if (ex_.tokens[t].span.end > to) continue;
    if (!EventWordKind(t, true).empty()) return true;  // verbs: "house arrest" may belong to it
    // "who moved to Kyrgyzstan in 2009": the journey's date.
    if (motion != nullptr && motion->FindWord(ex_.tokens[t].lower) != nullptr) return true;
  }
  return false;
}

bool EventAssembler::DatesSpeechAfterTrigger(const Candidate& c, const ExtractedMention& date,
                                             const SentenceSpan& s) const {
  if (ex_.tokens[date.first].span.begin < c.trigger.end) return false;
  return DatesSpeech(date, s.first, c.trigger.end);
}

bool EventAssembler::DatesSpeech(const ExtractedMention& date, std::size_t sentence_first, std::size_t after) const {
  const Lexicon* speech = rules_.lexicon("speech_verbs");
  if (speech == nullptr) return false;
  // Up to five words between the verb and the date: "said in a statement on", "told reporters on".
  for (std::size_t k = date.first, words = 0; k > sentence_first && words <= 5; ++words) {
    --k;
    const Token& w = ex_.tokens[k];
    if (w.span.end <= after || w.kind == TokenKind::kPunct) return false;
    // A finite verb ("said", "says"), not a noun of speech ("at the request of") nor a
    // capitalised word ("the United States").
    const LexiconEntry* verb = w.norm == w.lower ? speech->FindWord(w.lower) : nullptr;
    if (verb == nullptr || AttributeOf(verb->attributes, "noun_too") == "yes"sv) continue;
    const std::string tense = AttributeOf(verb->attributes, "tense");
    if (tense == "past"sv || tense == "present"sv) return true;
  }
  return false;
}

bool EventAssembler::InClauseBeforeTrigger(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  if (ex_.tokens[date.last - 1].span.end > c.trigger.begin) return false;
  std::size_t open = date.first;
  while (open > s.first && ex_.tokens[open - 1].norm != ","sv) --open;
  if (open == s.first || open >= date.first) return false;
  // The clause may open an apposition's relative clause: ", a retired bookkeeper who will turn
  // 66 in March, crossed ...".
  bool relative = false;
  for (std::size_t k = open; k < date.first && !relative; ++k) relative = IsRelativePronoun(k);
  if (!relative) return false;
  for (std::size_t t = date.last; t < s.last && ex_.tokens[t].span.begin < c.trigger.begin; ++t) {
    if (ex_.tokens[t].norm == ","sv) return true;
  }
  return false;
}

bool EventAssembler::InClauseAfterTrigger(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  if (ex_.tokens[date.first].span.begin < c.trigger.end) return false;
  std::size_t open = date.first;
  while (open > s.first && ex_.tokens[open - 1].norm != ","sv) --open;
  if (open == s.first || open >= date.first || ex_.tokens[open - 1].span.begin < c.trigger.end) return false;
  return IsRelativePronoun(open);
}

bool EventAssembler::AfterTriggersClause(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  if (ex_.tokens[date.first].span.begin < c.trigger.end) return false;
  std::size_t t = s.first;
  while (t < s.last && ex_.tokens[t].span.begin < c.trigger.begin) ++t;
  std::size_t open = t;
  while (open > s.first && ex_.tokens[open - 1].norm != ","sv) --open;
  if (open == s.first || open >= t || !IsRelativePronoun(open)) return false;
  // The comma that closes the clause comes before the main clause's verb ("..., has not written");
  // one inside a place ("in Urumqi, Xinjiang, in 2018") or before an aside closes nothing.
  static constexpr std::string_view kMainVerbs[] = {"has", "have", "had", "is", "are", "was", "were",
                                                    "will", "would", "can", "could", "did", "does"};
  for (std::size_t k = t; k + 1 < date.first; ++k) {
    if (ex_.tokens[k].norm != ","sv) continue;
    const std::string& next = ex_.tokens[k + 1].lower;
    if (std::find(std::begin(kMainVerbs), std::end(kMainVerbs), next) != std::end(kMainVerbs)) return true;
  }
  return false;
}

bool EventAssembler::IsRelativePronoun(std::size_t t) const {
  const std::string& w = ex_.tokens[t].lower;
  return w == "who"sv || w == "which"sv || w == "whose"sv;
}

bool EventAssembler::OutsideItsPhrase(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  const auto dates = date.attributes.find("dates");
  if (dates == date.attributes.end() || dates->second != "phrase"sv) return false;
  // The phrase's event is the first event word after the count ("eight years after his arrest",
  // "five years after his wife, X, died"), unless a comma and a subject pronoun come first ("five
  // months after X, he was detained": the pronoun's clause is another event's).
  const Lexicon* pronouns = rules_.lexicon("pronouns");
  for (std::size_t t = date.last; t < s.last; ++t) {
    if (ex_.tokens[t].norm == ","sv && t + 1 < s.last && pronouns != nullptr) {
      const LexiconEntry* next = pronouns->FindWord(ex_.tokens[t + 1].lower);
      if (next != nullptr && AttributeOf(next->attributes, "case") == "subject"sv) return true;
    }
    if (!EventWordKind(t, false).empty()) {
      return c.trigger.begin != ex_.tokens[t].span.begin;
    }
  }
  return true;
}

bool EventAssembler::PresentPerfect(const Candidate& c) const {
  if (c.trigger.empty() || c.sentence < 0) return false;
  const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(c.sentence)];
  std::size_t t = s.first;
  while (t < s.last && ex_.tokens[t].span.begin < c.trigger.begin) ++t;
  // "has been", "has since been", "have long been" right before the trigger.
  for (std::size_t back = 1; back <= 2 && back <= t; ++back) {
    if (ex_.tokens[t - back].lower != "been"sv) continue;
    for (std::size_t aux = back + 1; aux <= back + 2 && aux <= t; ++aux) {
      const std::string& w = ex_.tokens[t - aux].lower;
      if (w == "has"sv || w == "have"sv) return true;
    }
    return false;
  }
  return false;
}

bool EventAssembler::AfterSince(const Candidate& c) const {
  if (c.trigger.empty() || c.sentence < 0) return false;
  const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(c.sentence)];
  std::size_t t = s.first;
  while (t < s.last && ex_.tokens[t].span.begin < c.trigger.begin) ++t;
  for (std::size_t back = 1; back <= 3 && back <= t - s.first; ++back) {
    if (ex_.tokens[t - back].lower == "since"sv) return true;
  }
  return false;
}

bool EventAssembler::DatesVerbBefore(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  if (ex_.tokens[date.last - 1].span.end > c.trigger.begin) return false;
  bool joined = false;
  for (std::size_t t = date.last; t < s.last && ex_.tokens[t].span.begin < c.trigger.begin; ++t) {
    joined = joined || ex_.tokens[t].lower == "and"sv || ex_.tokens[t].norm == ";"sv;
  }
  if (!joined) return false;
  const Lexicon* verbs = rules_.lexicon("event_verbs");
  for (std::size_t back = 1; back <= 4 && date.first >= s.first + back; ++back) {
    const std::size_t k = date.first - back;
    if (!EventWordKind(k, true).empty()) return true;
    // "- Detained in 2017; released ...": a list item's opening verb is capitalised.
    const bool opening = k == s.first || (k == s.first + 1 && IsBulletMark(ex_.tokens[s.first].norm));
    if (opening && verbs != nullptr && verbs->FindWord(ex_.tokens[k].lower) != nullptr) return true;
  }
  return false;
}

bool EventAssembler::OpensLaterVerbsClause(const Candidate& c, const ExtractedMention& date, const SentenceSpan& s) const {
  if (ex_.tokens[date.first].span.begin < c.trigger.end || date.first <= s.first) return false;
  // The joiner right before the date, past "on" and one comma ("and, in 2019,", "; then in 2019",
  // "and on 14 June 2019").
  std::size_t k = date.first - 1;
  if ((ex_.tokens[k].lower == "on"sv || ex_.tokens[k].lower == "in"sv) && k > s.first) --k;
  if (ex_.tokens[k].lower == "then"sv && k > s.first) --k;
  if (ex_.tokens[k].norm == ","sv && k > s.first) --k;
  const std::string& joiner = ex_.tokens[k].lower;
  if (joiner != "and"sv && joiner != "but"sv && joiner != "then"sv && joiner != ";"sv) return false;
  if (ex_.tokens[k].span.begin < c.trigger.end) return false;
  std::size_t t = date.last;
  if (t < s.last && ex_.tokens[t].norm == ","sv) ++t;  // "and in May 2019, a court sentenced him"
  for (std::size_t words = 0; t < s.last && words < 6; ++t, ++words) {
    if (ex_.tokens[t].kind == TokenKind::kPunct) return false;
    if (!EventWordKind(t, true).empty()) return true;
  }
  return false;
}

bool EventAssembler::OwnDateCloseAfter(const Candidate& c, const SentenceSpan& s) const {
  for (const auto& [i, d] : dates_) {
    const ExtractedMention& m = ex_.mentions[i];
    if (d.empty() || m.first < s.first || m.last > s.last || ex_.tokens[m.first].span.begin < c.trigger.end) continue;
    std::size_t t = m.first;
    std::size_t words = 0;
    bool clear = true;
    while (t > s.first && words <= 8 && ex_.tokens[t - 1].span.begin >= c.trigger.end) {
      --t;
      ++words;
      clear = clear && ex_.tokens[t].kind != TokenKind::kPunct;
    }
    if (clear && words <= 8) return true;
  }
  return false;
}

DateValue EventAssembler::DateFor(const Candidate& c) const {
  if (c.date_range.set) {
    for (const auto& [i, d] : dates_) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.first == c.date_range.first && m.last == c.date_range.last) return d;
    }
  }
  if (c.sentence < 0 || OnlyCaptured(c)) return DateValue{};
  const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(c.sentence)];
  const DateValue* best = nullptr;
  std::size_t best_distance = 0;
  // "detained in 2017 and released from a camp in December 2019": the later verb's own date.
  const bool own_date_after = !c.trigger.empty() && OwnDateCloseAfter(c, s);
  bool later_verbs_date = false;  // a date of the sentence dates a later clause's verb
  for (const auto& [i, d] : dates_) {
    const ExtractedMention& m = ex_.mentions[i];
    if (d.empty() || m.first < s.first || m.last > s.last) continue;
    // "ALMATY, 12 May 2021 -- Police detained X on Monday": the dateline's day is the report's. (A
    // chronology's "March 2018 -- X crosses ..." opens its line with the date, which is the event's.)
    if (InDateline(m) && !ex_.tokens[m.first].line_start) continue;
    if (!c.trigger.empty() && OutsideItsPhrase(c, m, s)) continue;
    // "Last week he travelled to Almaty and stood outside the consulate": a date opening the
    // sentence dates each of its verb phrases.
    const bool opening = m.first <= s.first + 1 && ex_.tokens[m.last - 1].span.end <= c.trigger.begin;
    if (!c.trigger.empty() && OpensLaterVerbsClause(c, m, s)) {
      later_verbs_date = true;
      continue;
    }
    if (!c.trigger.empty() && ((!opening && AnotherEventWordBetween(c, m)) || InClauseBeforeTrigger(c, m, s) ||
                                InClauseAfterTrigger(c, m, s) || AfterTriggersClause(c, m, s) ||
                                DatesSpeechAfterTrigger(c, m, s))) {
      continue;
    }
    const std::size_t b = ex_.tokens[m.first].span.begin;
    const Span& near = c.trigger.empty() ? c.evidence.span : c.trigger;
    std::size_t distance = b >= near.end ? b - near.end : b >= near.begin ? 0 : near.begin - b;
    // "X, who had been in custody since 2018, died in March 2021": a date after "since" starts the
    // state named before it; an event named after it takes another date of the sentence if any.
    const bool since = AfterSinceWord(m);
    if (since && b < near.begin) distance += 100000;
    // "Since 2018 his brother has been behind bars, and in March ...": a state that lasts until
    // now starts at its "since" date.
    if (since && b < near.begin && PresentPerfect(c)) distance = 0;
    if (b < near.begin && own_date_after && DatesVerbBefore(c, m, s)) distance += 50000;
    if (best == nullptr || distance < best_distance) {
      best = &d;
      best_distance = distance;
    }
  }
  if (best != nullptr) return *best;
  // "X was arrested, and in May 2019 a court sentenced him": the arrest's time is the story's,
  // not a day of the sentences before.
  if (later_verbs_date) return DateValue{};
  // "March 2019. X dies at home.": a chronology's paragraph opened by a date alone.
  if (const DateValue label = ParagraphLabelDate(c.sentence); !label.empty()) return label;
  // The sentence before often dates what follows ("... on February 10. She chanted ..."), but not
  // a state that lasts until now ("... fined her on March 20. Her son has been imprisoned ...").
  if (c.sentence == 0 || PresentPerfect(c) || AfterSince(c)) return DateValue{};
  int lead = c.sentence - 1;
  if (IsListItem(c.sentence)) {
    while (lead > 0 && IsListItem(lead)) --lead;
  }
  bool quoted = false;  // the trigger stands inside double quotes
  for (std::size_t t = s.first; t < s.last && ex_.tokens[t].span.begin < c.trigger.begin; ++t) {
    if (ex_.tokens[t].norm == "\""sv) quoted = !quoted;
  }
  // "Things changed on April 1. That morning, X and Y stood apart. Police detained them": past a
  // sentence of the same paragraph that gives no date and opens by going on in time ("That
  // morning", "Minutes later", "Then"), the one before may give the day. ("X spoke to reporters
  // on 4 June. He is 63. His son was sentenced" gives no day.)
  static constexpr std::string_view kGoesOn[] = {"that", "then", "later", "soon", "minutes", "hours", "moments",
                                                  "shortly", "afterwards", "within", "next"};
  for (int back = 0; back < 2 && lead >= 0; ++back, --lead) {
    const SentenceSpan& prev = ex_.sentences[static_cast<std::size_t>(lead)];
    DateValue found;
    bool dated = false;
    bool opening = false;
    for (const auto& [i, d] : dates_) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.first < prev.first || m.last > prev.last) continue;
      dated = dated || !d.empty();
      // "Q: When did you leave? A: In March 2016. My husband and I crossed ...": an answer that is
      // only a date dates what the next sentence tells, to whatever precision.
      if (back == 0 && !d.empty() && !ex_.tokens[s.first].line_start && OnlyDateOfSentence(m, prev)) return d;
      // Not the day someone spoke on, for what they tell of inside quotes ("..., X told reporters on
      // Wednesday. \"Then they took my husband.\""), nor a birthday ("born 14 May 1958").
      if (d.day != 0 && !(quoted && DatesSpeech(m, prev.first, 0)) && !InDateline(m) && !Birth(m) && !opening) {
        found = d;
        // "On November 14, two days after the protest, she ...": the day that opens the sentence.
        opening = m.first <= prev.first + 1;
      }
    }
    // Only within the paragraph of the candidate.
    const SentenceSpan& next = ex_.sentences[static_cast<std::size_t>(lead) + 1];
    std::size_t opener = prev.first;
    while (opener < prev.last && ex_.tokens[opener].kind != TokenKind::kWord) ++opener;
    if (dated || ex_.tokens[prev.first].line_start || ex_.tokens[next.first].line_start) return found;
    const bool goes_on = opener < prev.last && std::find(std::begin(kGoesOn), std::end(kGoesOn),
                                                         ex_.tokens[opener].lower) != std::end(kGoesOn);
    // ... or the sentence before it tells an event of the candidate's kind, or a court's penalty
    // beside a penalty ("The next day the court fined the first three. Court documents spell ... .
    // X was sentenced to 10 days"; not "arrived in Almaty on 8 August. ... Her husband was arrested").
    const auto penalty = [](const std::string& kind) { return kind == "Fine"sv || kind == "Sentence"sv; };
    const auto tells_event = [&] {
      for (const ExtractedEvent& e : ex_.events) {
        if (e.sentence == lead - 1 && (e.kind == c.kind || (penalty(e.kind) && penalty(c.kind)))) return true;
      }
      return false;
    };
    if (!goes_on && !tells_event()) return found;
  }
  return DateValue{};
}

DateValue EventAssembler::ParagraphLabelDate(int s) const {
  int first = s;
  for (int back = 0; back < 6 && first > 0 && !ex_.tokens[ex_.sentences[static_cast<std::size_t>(first)].first].line_start;
       ++back) {
    --first;
  }
  const SentenceSpan& label = ex_.sentences[static_cast<std::size_t>(first)];
  if (first == s || label.first >= label.last || !ex_.tokens[label.first].line_start) return DateValue{};
  std::size_t end = label.last;
  if (ex_.tokens[end - 1].norm == "."sv || ex_.tokens[end - 1].norm == ":"sv) --end;
  for (const auto& [i, d] : dates_) {
    const ExtractedMention& m = ex_.mentions[i];
    if (m.first == label.first && m.last == end && !InDateline(m)) return d;
  }
  return DateValue{};
}

bool EventAssembler::AfterSinceWord(const ExtractedMention& date) const {
  return ex_.tokens[date.first].lower == "since"sv || (date.first > 0 && ex_.tokens[date.first - 1].lower == "since"sv);
}

bool EventAssembler::OnlyDateOfSentence(const ExtractedMention& date, const SentenceSpan& s) const {
  std::size_t first = s.first;
  for (std::size_t t = s.first; t < date.first && t < s.first + 6; ++t) {
    if (ex_.tokens[t].norm == ":"sv) first = t + 1;  // a speaker's label: "A: In March 2016."
  }
  if (first < date.first && (ex_.tokens[first].lower == "in"sv || ex_.tokens[first].lower == "on"sv)) ++first;
  std::size_t last = s.last;
  if (last > date.last && (ex_.tokens[last - 1].norm == "."sv || ex_.tokens[last - 1].norm == "!"sv)) --last;
  return first == date.first && last == date.last && !InDateline(date);
}

bool EventAssembler::Birth(const ExtractedMention& date) const {
  for (std::size_t k = date.first >= 3 ? date.first - 3 : 0; k < date.first; ++k) {
    if (ex_.tokens[k].lower == "born"sv) return true;
  }
  return false;
}

bool EventAssembler::InDateline(const ExtractedMention& date) const {
  // "ISTANBUL, 12 May 2022 — ...": a date closed by a dash within the first words of its line.
  if (date.last >= ex_.tokens.size()) return false;
  // Tokens spell an en dash "-" and an em dash "--".
  const std::string& after = ex_.tokens[date.last].norm;
  if (after != "-"sv && after != "--"sv) return false;
  for (std::size_t k = date.first + 1, back = 0; k-- > 0 && back < 8; ++back) {
    if (ex_.tokens[k].line_start) return true;
  }
  return false;
}

bool EventAssembler::IsListItem(int s) const {
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  if (sent.first >= sent.last) return false;
  return IsBulletMark(ex_.tokens[sent.first].norm);
}

bool EventAssembler::PlaceOfPerson(const ExtractedMention& m) const {
  std::size_t before = m.first;
  if (before > 0 && ex_.tokens[before - 1].lower == "the"sv) --before;
  if (before < 2 || ex_.tokens[before - 1].lower != "of"sv) return false;
  static constexpr std::string_view kOrigin[] = {",", "citizen", "citizens", "native", "natives", "resident", "residents"};
  const std::string& word = ex_.tokens[before - 2].lower;
  return std::find(std::begin(kOrigin), std::end(kOrigin), word) != std::end(kOrigin);
}

// "fined on October 11 by the city court for taking part in an unsanctioned gathering": the
// gathering's date and place are not the sentence's; its rule says so with setting=captured.
bool EventAssembler::OnlyCaptured(const Candidate& c) {
  const auto setting = c.attributes.find("setting");
  return setting != c.attributes.end() && setting->second == "captured"sv;
}

bool EventAssembler::PartyToReport(const ExtractedMention& m) const {
  if (m.label != "Organization"sv) return false;  // "relatives in Ghulja told her": where they are
  const Lexicon* speech = rules_.lexicon("speech_verbs");
  const Lexicon* roles = rules_.lexicon("role_nouns");
  const auto speech_lemma = [&](std::size_t t) -> std::string {
    const LexiconEntry* verb = speech == nullptr || t >= ex_.tokens.size() ? nullptr : speech->FindWord(ex_.tokens[t].lower);
    if (verb == nullptr || AttributeOf(verb->attributes, "tense") == "base"sv) return {};
    return AttributeOf(verb->attributes, "lemma");
  };
  // The category of the role noun at token `t`, "" when it is none.
  const auto role_category = [&](std::size_t t) -> std::string {
    const LexiconEntry* role = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[t].lower);
    return role == nullptr ? std::string() : AttributeOf(role->attributes, "category");
  };
  // Roles that speak for the body they are of: not protesters, detainees, plain people or kin.
  const auto speaks_for = [](const std::string& category) {
    return !category.empty() && category != "protest"sv && category != "legal_status"sv && category != "people"sv &&
           category != "kin_like"sv;
  };
  std::size_t before = m.first;
  if (before > 0 && ex_.tokens[before - 1].lower == "the"sv) --before;
  if (before >= 1) {
    const std::string& word = ex_.tokens[before - 1].lower;
    if (speech_lemma(before - 1) == "tell"sv) return true;
    if (before >= 2 && word == "to"sv && ex_.tokens[before - 2].lower == "according"sv) return true;
    // Whom a speaker works for is an institution; "a teacher from Altay" or "a judge of the
    // court that fined her" may still say where.
    if (before >= 2) {
      const std::string category = role_category(before - 2);
      if ((word == "for"sv || word == "with"sv) && speaks_for(category)) return true;
      const bool reports = category == "media"sv || category == "activism"sv;
      if (word == "at"sv && (reports || category == "academia"sv)) return true;
      if (word == "of"sv && reports) return true;
    }
  }
  if (m.last < ex_.tokens.size()) {
    // "Radio Azattyq: Your father-in-law died last year.": an interviewer's label, words in
    // capitals from the line's start up to a colon.
    if (ex_.tokens[m.last].norm == ":"sv) {
      std::size_t t = m.first;
      while (t > 0 && !ex_.tokens[t].line_start && !ex_.tokens[t - 1].shape.empty() && ex_.tokens[t - 1].shape[0] == 'X') {
        --t;
      }
      if (ex_.tokens[t].line_start) return true;
    }
    // "The ministry said ...", not "police outside the consulate told her to leave".
    static constexpr std::string_view kLocative[] = {"in", "at", "near", "outside", "inside", "behind", "opposite"};
    const bool located = before >= 1 && std::find(std::begin(kLocative), std::end(kLocative),
                                                  ex_.tokens[before - 1].lower) != std::end(kLocative);
    const std::string lemma = speech_lemma(m.last);
    if (!located && (lemma == "say"sv || lemma == "tell"sv)) return true;
    // "the ministry's spokesman"; "the court's judge fined her" says where.
    if (ex_.tokens[m.last].norm == "'s"sv && m.last + 1 < ex_.tokens.size()) {
      const std::string category = role_category(m.last + 1);
      if (speaks_for(category) && category != "law"sv) return true;
    }
  }
  return false;
}

bool EventAssembler::FromPhrase(std::size_t t, std::size_t floor) const {
  for (std::size_t k = t; k > floor && k + 5 > t; --k) {
    const std::string& w = ex_.tokens[k - 1].lower;
    if (w == "from"sv) return true;
    if (w == "to"sv || w == "into"sv || w == "for"sv || w == "and"sv || ex_.tokens[k - 1].kind == TokenKind::kPunct) {
      return false;
    }
  }
  return false;
}

int EventAssembler::PlaceFor(const Candidate& c) const {
  if (c.place >= 0 || c.sentence < 0 || OnlyCaptured(c)) return c.place;
  // The place or institution nearest the reporting word, preferring one introduced by a
  // locative word ("in Shymkent", "outside the consulate") over one merely named nearby.
  static const char* const kLocative[] = {"in", "at", "near", "outside", "inside", "from", "to", "into", "behind"};
  const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(c.sentence)];
  const Span& near = c.trigger.empty() ? c.evidence.span : c.trigger;
  const bool travel = c.kind == "Travel"sv;
  struct Option {
    int entity;
    std::size_t distance;
    bool locative;
    bool origin;       // in a phrase opened by "from"
    bool destination;  // after "to", "into", or "for" right after the verb
  };
  std::vector<Option> options;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    const int e = mention_entity_[i];
    if (e < 0 || (m.label != "Place"sv && m.label != "Organization"sv) || m.first < s.first || m.last > s.last) continue;
    if (PlaceOfPerson(m) || PartyToReport(m)) continue;
    const std::size_t b = ex_.tokens[m.first].span.begin;
    std::size_t distance = b >= near.end ? b - near.end : (b >= near.begin ? 0 : near.begin - b);
    std::size_t before = m.first;
    if (before > s.first && ex_.tokens[before - 1].lower == "the"sv) --before;
    const std::string& word = before > s.first ? ex_.tokens[before - 1].lower : std::string();
    // "left for Kyrgyzstan": where a journey is headed, when "for" follows the verb closely
    // (not "where he had worked for the Corps").
    const bool headed = travel && word == "for"sv && ex_.tokens[before - 1].span.begin >= near.end &&
                        ex_.tokens[before - 1].span.begin - near.end <= 12;
    const bool locative =
        headed || std::any_of(std::begin(kLocative), std::end(kLocative), [&](const char* w) { return word == w; });
    // A march "from Zeytinburnu to the consulate" is held where it went, as a journey goes.
    const bool moves = travel || c.kind == "Protest"sv;
    const bool destination = headed || (moves && (word == "to"sv || word == "into"sv));
    options.push_back(Option{e, distance, locative, moves && locative && FromPhrase(m.first, s.first), destination});
  }
  // "travelled from her home in Taldykorgan to Almaty": a journey goes where it is headed, so a
  // place it set out from yields to one it went to ("fled from Ghulja, leaving her parents in
  // Tekes" keeps Ghulja).
  const bool any_destination = std::any_of(options.begin(), options.end(), [](const Option& o) { return o.destination; });
  int best = -1;
  std::size_t best_score = 0;
  for (const Option& o : options) {
    std::size_t score = o.distance;
    if (!o.locative) score += 100000;  // only when no locative one exists
    if (o.origin && any_destination) score += 50000;
    if (best < 0 || score < best_score) {
      best = o.entity;
      best_score = score;
    }
  }
  return best;
}

// The Money mention of the candidate's sentence nearest its trigger, one after the trigger winning
// a tie ("fined 29,170 tenge (about $68)" takes the tenge); nullptr when none.
const ExtractedMention* EventAssembler::NearestMoney(const Candidate& c) const {
  if (c.sentence < 0) return nullptr;
  const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(c.sentence)];
  const Span& near = c.trigger.empty() ? c.evidence.span : c.trigger;
  const ExtractedMention* best = nullptr;
  std::size_t best_distance = 0;
  for (const ExtractedMention& m : ex_.mentions) {
    if (m.label != "Money"sv || m.first < s.first || m.last > s.last) continue;
    if (!c.trigger.empty() && AnotherEventWordBetween(c, m)) continue;
    const std::size_t b = ex_.tokens[m.first].span.begin;
    const std::size_t e = ex_.tokens[m.last - 1].span.end;
    const std::size_t distance = b >= near.end ? 2 * (b - near.end) : e <= near.begin ? 2 * (near.begin - e) + 1 : 0;
    if (best == nullptr || distance < best_distance) {
      best = &m;
      best_distance = distance;
    }
  }
  return best;
}

void EventAssembler::AddAmount(const Candidate& c, Event* e) const {
  static const char* const kKeys[] = {"amount", "currency", "unit"};
  auto& a = e->attributes;
  if (a.count("amount") == 0 && c.kind == "Fine"sv) {
    if (const ExtractedMention* money = NearestMoney(c)) {
      for (const char* key : kKeys) {
        const auto v = money->attributes.find(key);
        if (v != money->attributes.end()) a[key] = v->second;
      }
    }
  }
  const auto amount = a.find("amount");
  const std::string decimal = amount == a.end() ? "" : DecimalNumber(amount->second, rules_.lexicon("number_words"));
  if (decimal.empty() || (a.count("currency") == 0 && a.count("unit") == 0)) {
    for (const char* key : kKeys) a.erase(key);
    return;
  }
  amount->second = decimal;
}

void EventAssembler::AddParticipantCount(Event* e) const {
  auto& a = e->attributes;
  const Lexicon* number_words = rules_.lexicon("number_words");
  std::set<int> named;
  for (const EventRole& r : e->roles) named.insert(r.entity);
  long total = 0;
  const auto others = a.find("others");
  if (others != a.end()) {
    const long n = PeopleCount(others->second, number_words);
    if (n > 0) total = static_cast<long>(named.size()) + n;
    a.erase(others);
  }
  const auto group = a.find("group");
  if (group != a.end()) {
    const long n = PeopleCount(group->second, number_words);
    if (n > 0) total = std::max({total, n, static_cast<long>(named.size())});
    a.erase(group);
  }
  if (total > 0) a["participant_count"] = std::to_string(total);
}

const LexiconEntry* EventAssembler::PhraseAt(const Lexicon& lex, std::size_t t) const {
  const std::vector<int>* starting = lex.EntriesStartingWith(ex_.tokens[t].lower);
  if (starting == nullptr) return nullptr;
  for (int i : *starting) {
    const LexiconEntry& e = lex.entries()[static_cast<std::size_t>(i)];
    if (e.tokens.size() < 2 || t + e.tokens.size() > ex_.tokens.size()) continue;
    bool all = true;
    for (std::size_t k = 1; k < e.tokens.size() && all; ++k) all = ex_.tokens[t + k].lower == e.tokens[k];
    if (all) return &e;
  }
  return nullptr;
}

std::string EventAssembler::EventWordKind(std::size_t t, bool verbs_only) const {
  // Capitalised words are names, not event words: "March 1" is no march.
  if (ex_.tokens[t].shape.empty() || ex_.tokens[t].shape[0] != 'x') return "";
  for (const char* name : {"event_verbs", "event_nouns"}) {
    if (verbs_only && std::string(name) != "event_verbs"sv) continue;
    const Lexicon* lex = rules_.lexicon(name);
    const LexiconEntry* e = lex == nullptr ? nullptr : lex->FindWord(ex_.tokens[t].lower);
    // "let out", "picked up": a verb of two words separates a date from another verb too.
    if (e == nullptr && lex != nullptr && verbs_only) e = PhraseAt(*lex, t);
    if (e != nullptr && verbs_only && e->attributes.count("noun_too")) continue;  // "house arrest"
    if (e != nullptr && e->attributes.count("kind")) return e->attributes.at("kind");
  }
  if (verbs_only) return "";
  // "protesters", "demonstrators" speak of a protest too.
  const Lexicon* roles = rules_.lexicon("role_nouns");
  const LexiconEntry* r = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[t].lower);
  if (r != nullptr && r->attributes.count("category") && r->attributes.at("category") == "protest"sv) return "Protest";
  return "";
}

// The kind of the event word nearest to token `t` in its sentence ("" when none).
std::string EventAssembler::NearestEventKind(std::size_t t, const SentenceSpan& s) const {
  std::string kind;
  std::size_t best = 0;
  for (std::size_t k = s.first; k < s.last; ++k) {
    const std::string kk = EventWordKind(k, false);
    if (kk.empty()) continue;
    const std::size_t d = k > t ? k - t : t - k;
    if (kind.empty() || d < best) {
      kind = kk;
      best = d;
    }
  }
  return kind;
}

bool EventAssembler::SpeaksOfProtest(const SentenceSpan& s) const {
  const Lexicon* verbs = rules_.lexicon("event_verbs");
  const Lexicon* nouns = rules_.lexicon("event_nouns");
  const Lexicon* roles = rules_.lexicon("role_nouns");
  for (std::size_t t = s.first; t < s.last; ++t) {
    const std::string& w = ex_.tokens[t].lower;
    // Capitalised words are names, not event words: "March 1" is no march.
    if (ex_.tokens[t].shape.empty() || ex_.tokens[t].shape[0] != 'x') continue;
    for (const Lexicon* lex : {verbs, nouns}) {
      const LexiconEntry* e = lex == nullptr ? nullptr : lex->FindWord(w);
      if (e != nullptr && e->attributes.count("kind") && e->attributes.at("kind") == "Protest"sv) return true;
    }
    const LexiconEntry* r = roles == nullptr ? nullptr : roles->FindWord(w);
    if (r != nullptr && r->attributes.count("category") && r->attributes.at("category") == "protest"sv) return true;
  }
  return false;
}

void EventAssembler::AddProtesters(std::vector<Event>* events) const {
  std::vector<int> protesters;
  Evidence first_evidence;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    const auto cat = m.attributes.find("role_category");
    if (m.label != "Person"sv || mention_entity_[i] < 0 || cat == ex_.mentions[i].attributes.end() || cat->second != "protest"sv) {
      continue;
    }
    if (std::find(protesters.begin(), protesters.end(), mention_entity_[i]) == protesters.end()) {
      if (protesters.empty()) first_evidence = Evidence{m.sentence, m.span, m.rule};
      protesters.push_back(mention_entity_[i]);
    }
  }
  if (protesters.empty()) return;
  // The article's protest is dated by the first date of a sentence that speaks of protesting.
  DateValue date;
  for (const auto& [i, d] : dates_) {
    const int s = ex_.mentions[i].sentence;
    if (d.empty() || s < 0 || !SpeaksOfProtest(ex_.sentences[static_cast<std::size_t>(s)])) continue;
    // A date that belongs to another event of the sentence ("sentenced on May 25 for a rally") does not date the protest.
    const std::string nearest = NearestEventKind(ex_.mentions[i].first, ex_.sentences[static_cast<std::size_t>(s)]);
    if (!nearest.empty() && nearest != "Protest"sv) continue;
    date = d;
    break;
  }
  Event* target = nullptr;
  for (Event& e : *events) {
    if (e.kind == "Protest"sv && (e.date == date.Iso() || e.date.empty())) {
      target = &e;
      break;
    }
  }
  if (target == nullptr) {
    Event e;
    e.kind = "Protest";
    e.date = date.Iso();
    e.date_precision = date.Precision();
    first_evidence.rule = "event.protester-role";
    e.evidence = first_evidence;
    events->push_back(std::move(e));
    target = &events->back();
  }
  if (target->date.empty()) {
    target->date = date.Iso();
    target->date_precision = date.Precision();
  }
  for (int p : protesters) {
    const EventRole r{"protester", p};
    if (!HasRole(*target, r)) target->roles.push_back(r);
  }
}

bool EventAssembler::TellsOfDispersal(int s) const {
  const Lexicon* words = rules_.lexicon("dispersal_words");
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t t = sent.first; words != nullptr && t < sent.last; ++t) {
    if (words->FindWord(ex_.tokens[t].lower) != nullptr || PhraseAt(*words, t) != nullptr) return true;
  }
  return false;
}

bool EventAssembler::NamesDate(int s, const std::string& iso) const {
  for (const auto& [i, d] : dates_) {
    if (ex_.mentions[i].sentence == s && !d.empty() && d.Iso() == iso) return true;
  }
  return false;
}

bool EventAssembler::NamesCustodyAgent(const SentenceSpan& s) const {
  const Lexicon* roles = rules_.lexicon("role_nouns");
  for (std::size_t t = s.first; roles != nullptr && t < s.last; ++t) {
    const LexiconEntry* r = roles->FindWord(ex_.tokens[t].lower);
    if (r != nullptr && AttributeOf(r->attributes, "category") == "security"sv) return true;
  }
  return false;
}

void EventAssembler::AddDetainedProtesters(const std::vector<Entity>& entities, std::vector<Event>* events) const {
  const Lexicon* speech = rules_.lexicon("speech_verbs");
  const auto town_of = [&](int e) {
    if (e < 0) return -1;
    const Entity& x = entities[static_cast<std::size_t>(e)];
    return x.kind == EntityKind::kPlace ? e : x.located_in;
  };
  const std::size_t told = events->size();
  for (std::size_t d = 0; d < told; ++d) {
    const Event detention = (*events)[d];  // a copy: *events may grow
    const int s = detention.evidence.sentence;
    if (detention.kind != "Detention"sv || s < 0 || detention.roles.empty()) continue;
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    if (!NamesCustodyAgent(sent)) continue;
    const bool here = SpeaksOfProtest(sent);
    const bool before = s > 0 && SpeaksOfProtest(ex_.sentences[static_cast<std::size_t>(s - 1)]);
    if (!here && !before) continue;
    // "she said police detained her father": a detention told as someone's words is another story.
    bool reported = false;
    for (std::size_t t = sent.first; speech != nullptr && t < sent.last && !reported &&
                                     ex_.tokens[t].span.end <= detention.evidence.span.begin;
         ++t) {
      const LexiconEntry* verb = speech->FindWord(ex_.tokens[t].lower);
      reported = verb != nullptr && AttributeOf(verb->attributes, "noun_too") != "yes"sv;
    }
    if (reported) continue;
    Event* protest = nullptr;
    for (Event& e : *events) {
      if (e.kind == "Protest"sv && e.evidence.sentence >= 0 && e.evidence.sentence <= s &&
          (protest == nullptr || e.evidence.sentence > protest->evidence.sentence)) {
        protest = &e;
      }
    }
    // The protest is the one just told, or the sentence itself speaks of it ("When the
    // protesters did not move, officers put A and B into a van"); the dates must not differ.
    // One of another day (the fine "for a picket" told first) leaves room for a protest of its own.
    const bool near = protest != nullptr && (here || s - protest->evidence.sentence <= 3);
    const bool joins = near && (detention.date.empty() || protest->date.empty() || detention.date == protest->date);
    const bool dispersal_here = TellsOfDispersal(s);
    if (!joins) {
      // Told only through its end ("police broke up the picket and put A into a van"), or in the
      // sentence before on the detention's day: those detained held it. Not where that day is a
      // penalty's ("fined A on Wednesday for a picket. Officers led A out of the courtroom").
      const bool penalty_that_day = std::any_of(events->begin(), events->begin() + static_cast<std::ptrdiff_t>(told), [&](const Event& e) {
        return (e.kind == "Fine"sv || e.kind == "Sentence"sv) && e.evidence.sentence == s - 1 && e.date == detention.date;
      });
      const bool protest_day = before && NamesDate(s - 1, detention.date) && !penalty_that_day;
      // Beside a protest of another day, only a dispersal told with the detention itself is a new
      // one ("dispersed the picket. On April 23 officers detained X at her home" is not).
      if (near && !dispersal_here) continue;
      if (!dispersal_here && !(s > 0 && TellsOfDispersal(s - 1)) && !protest_day) continue;
      Event e;
      e.kind = "Protest";
      e.date = detention.date;
      e.date_precision = detention.date_precision;
      e.evidence = detention.evidence;
      e.evidence.rule = "event.detained-protesters";
      events->push_back(std::move(e));
      protest = &events->back();
    }
    // Held in a town other than the protest's ("detained by police in Ghulja"): another story.
    // A police station or van names no town of its own.
    const int held_in = town_of(detention.place);
    const int protest_in = town_of(protest->place);
    if (held_in >= 0 && protest_in >= 0 && held_in != protest_in) continue;
    if (held_in >= 0 && protest_in < 0 && detention.place == held_in) continue;  // a town, and the protest's unknown
    if (protest->date.empty() && detention.date_precision == "day"sv && (here || dispersal_here)) {
      // Held at it, in words that speak of it, on a day the protest was told without: that is the
      // protest's day too ("Two weeks later, on April 25, police detained her" is not). A month
      // only is left to the join of undated protests with the article's dated one.
      protest->date = detention.date;
      protest->date_precision = detention.date_precision;
    }
    for (const EventRole& r : detention.roles) {
      const EventRole as_protester{"protester", r.entity};
      if (r.role == "detainee"sv && !HasRole(*protest, as_protester)) protest->roles.push_back(as_protester);
    }
  }
}

void EventAssembler::AddTerms(Event e, std::vector<Event>* events, std::vector<int>* groups, int* next_group) const {
  // A written term keeps its words and gains its ISO 8601 duration ("ten days" -> P10D).
  const auto term = e.attributes.find("term");
  // "A and B were sentenced to seven years and six months respectively": a term each.
  bool respectively = false;
  if (e.evidence.sentence >= 0) {
    const SentenceSpan& s = ex_.sentences[static_cast<std::size_t>(e.evidence.sentence)];
    for (std::size_t k = s.first; k < s.last && !respectively; ++k) respectively = ex_.tokens[k].lower == "respectively"sv;
  }
  const std::vector<std::string> isos =
      term == e.attributes.end() ? std::vector<std::string>{}
                                 : IsoDurations(term->second, rules_.lexicon("number_words"), !respectively);
  if (isos.size() == 1) e.attributes["duration"] = isos[0];
  if (isos.size() <= 1) {
    events->push_back(std::move(e));
    groups->push_back(-1);
    return;
  }
  // "A and B were sentenced to 10 and 8 years": as many persons in one role as terms, in text order.
  const bool one_role = !e.roles.empty() && std::all_of(e.roles.begin(), e.roles.end(), [&](const EventRole& r) {
    return r.role == e.roles.front().role;
  });
  if (!one_role || e.roles.size() != isos.size()) {
    std::string list;
    for (const std::string& iso : isos) list += (list.empty() ? "" : " ") + iso;
    e.attributes["durations"] = list;
    events->push_back(std::move(e));
    groups->push_back(-1);
    return;
  }
  e.attributes.erase("participant_count");  // each event is one defendant's
  for (std::size_t i = 0; i < isos.size(); ++i) {
    Event one = e;
    one.roles = {e.roles[i]};
    one.attributes["duration"] = isos[i];
    events->push_back(std::move(one));
    groups->push_back(*next_group);
  }
  ++*next_group;
}

void EventAssembler::JoinMentions(const std::vector<Entity>& entities, std::vector<Event>* events,
                                  std::vector<int>* groups) const {
  // Repeatedly until nothing changes.
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < events->size() && !changed; ++i) {
      for (std::size_t j = i + 1; j < events->size() && !changed; ++j) {
        Event& a = (*events)[i];
        Event& b = (*events)[j];
        if (a.kind != b.kind || Conflicting(a, b) || TwoPlaces(entities, a, b)) continue;
        // A protest made from those detained at it is another on the same day unless they share a
        // person (a rally in Astana that Saturday is not the picket broken up in Almaty).
        const bool made = a.evidence.rule == "event.detained-protesters"sv || b.evidence.rule == "event.detained-protesters"sv;
        if (made && !ShareParticipant(a, b)) continue;
        // Words read twice are one event, unless each reading has its own date and its own
        // persons ("X was detained in February 2018, and Y that summer": Y's is another).
        const bool own_dates = !a.date.empty() && !b.date.empty() && a.date != b.date && !ShareParticipant(a, b);
        const bool same_words = a.evidence.span.overlaps(b.evidence.span) && !own_dates;
        // A month or a year is no one happening: two persons detained "in April 2019" are two
        // detentions, unless the event is a protest or they share a person.
        // Two penalties of one day, each with its own sum or term, for persons they do not share
        // are two ("- A: a fine of 98,300 tenge; - B: a fine of 98,300 tenge").
        const auto told = [](const Event& e) { return e.attributes.count("amount") || e.attributes.count("duration"); };
        const bool penalty = (a.kind == "Fine"sv || a.kind == "Sentence"sv) && told(a) && told(b);
        // "A court fined six ... X was fined 61,260 tenge": one person's sum is not a counted
        // group's; but "fined four ... ordered each of A, B, C and D to pay" is the whole group's.
        const auto counted = [](const Event& e) { return e.attributes.count("participant_count") != 0; };
        const bool own_sum = (a.kind == "Fine"sv || a.kind == "Sentence"sv) && Participants(a) != Participants(b) &&
                             ((counted(a) && !told(a) && told(b)) || (counted(b) && !told(b) && told(a)));
        if (own_sum && !same_words) continue;
        const bool same_date = !a.date.empty() && a.date == b.date &&
                               (a.kind == "Protest"sv || (a.date_precision == "day"sv && !penalty) || ShareParticipant(a, b));
        // One person's detention "in 2018" and "in January 2018" is one detention told twice.
        const bool undated_shared =
            (a.date.empty() || b.date.empty() || NestedDates(a.date, b.date)) && ShareParticipant(a, b);
        // A person dies once: "has died, his children said" and "died on January 27" are one death,
        // on the earlier day, since a death is told after it.
        const bool one_death = a.kind == "Death"sv && [&] {
          const std::set<int> victims = InRole(a, "victim");
          return !victims.empty() && victims == InRole(b, "victim");
        }();
        if (!(same_words || same_date || undated_shared || one_death)) continue;
        const int ga = (*groups)[i];
        const int gb = (*groups)[j];
        std::size_t gone = j;
        if (ga < 0 && gb < 0) {
          if (one_death && !a.date.empty() && !b.date.empty() && b.date < a.date && !NestedDates(a.date, b.date)) {
            Event earlier = b;
            MergeInto(&earlier, a);
            a = std::move(earlier);
          } else {
            MergeInto(&a, b);
          }
        } else if (ga >= 0 && gb >= 0) {
          // One defendant's term told twice; never two defendants of one sentencing.
          if (ga == gb || Participants(a) != Participants(b)) continue;
          MergeInto(&a, b);
        } else {
          // Another mention of a sentencing split per defendant joins each of them when it names
          // no defendant outside the group ("the court sentenced them on May 5").
          const int group = ga >= 0 ? ga : gb;
          const std::size_t other = ga >= 0 ? j : i;
          const std::string split_role = (*events)[ga >= 0 ? i : j].roles.front().role;
          std::set<int> members;
          for (std::size_t k = 0; k < events->size(); ++k) {
            if ((*groups)[k] == group) members.insert((*events)[k].roles.front().entity);
          }
          const std::set<int> named = InRole((*events)[other], split_role);
          if (!std::includes(members.begin(), members.end(), named.begin(), named.end())) continue;
          MergeIntoGroup(events, *groups, group, (*events)[other]);
          gone = other;
        }
        events->erase(events->begin() + static_cast<std::ptrdiff_t>(gone));
        groups->erase(groups->begin() + static_cast<std::ptrdiff_t>(gone));
        changed = true;
      }
    }
  }
}

void EventAssembler::FillGroupRoles(const std::vector<bool>& inner) {
  for (Candidate& c : candidates_) {
    if (c.sentence < 0) continue;
    std::vector<int> persons;
    if (!c.group_role.empty() && c.sentence > 0) {
      const Candidate* latest = nullptr;
      for (std::size_t j = 0; j < candidates_.size(); ++j) {
        const Candidate& b = candidates_[j];
        if (inner[j] || b.sentence != c.sentence - 1) continue;
        if (latest != nullptr && b.evidence.span.begin < latest->evidence.span.begin) continue;
        std::map<std::string, std::vector<int>> by_role;
        for (const EventRole& r : b.roles) by_role[r.role].push_back(r.entity);
        for (const auto& [role, members] : by_role) {
          if (members.size() < 2) continue;
          latest = &b;
          persons = members;
        }
      }
    }
    if (persons.empty()) persons = RosterFor(c);
    const std::string role = c.group_role.empty() ? ParticipantRole(c.kind) : c.group_role;
    for (int e : persons) c.roles.push_back(EventRole{role, e});
  }
}

std::vector<int> EventAssembler::RosterFor(const Candidate& c) const {
  if (rosters_.empty()) return {};
  // A counted crowd is the roster's group when the counts agree.
  long count = 0;
  if (c.group_role.empty()) {
    const auto group = c.attributes.find("group");
    if (!c.roles.empty() || group == c.attributes.end()) return {};
    count = PeopleCount(group->second, rules_.lexicon("number_words"));
    if (count < 2) return {};
  }
  const std::vector<int>* nearest = nullptr;
  int nearest_distance = 0;
  for (const auto& [sentence, entities] : rosters_) {
    const int distance = sentence - c.sentence;  // the roster mostly follows what it names
    if (distance < -3 || distance > 6 || entities.size() < 2) continue;
    if (count > 0 && static_cast<long>(entities.size()) != count) continue;
    if (nearest == nullptr || std::abs(distance) < nearest_distance) {
      nearest = &entities;
      nearest_distance = std::abs(distance);
    }
  }
  return nearest == nullptr ? std::vector<int>{} : *nearest;
}

std::string EventAssembler::ParticipantRole(const std::string& kind) {
  static const std::map<std::string, std::string> kRole = {
      {"Protest", "protester"}, {"Detention", "detainee"}, {"Sentence", "defendant"}, {"Fine", "fined"},
      {"Release", "released"},  {"Death", "victim"},       {"Travel", "traveller"}};
  const auto role = kRole.find(kind);
  return role == kRole.end() ? "participant" : role->second;
}

bool EventAssembler::CrowdList(std::size_t first, std::size_t end) const {
  const Lexicon* kin = rules_.lexicon("kin_terms");
  const Lexicon* roles = rules_.lexicon("role_nouns");
  const Lexicon* speech = rules_.lexicon("speech_verbs");
  // "Their lawyers, A and B," or "Their mothers, A and B,": others, named by what they are.
  for (std::size_t k = first; k > 0 && k + 3 > first; --k) {
    const std::string& w = ex_.tokens[k - 1].lower;
    if ((kin != nullptr && kin->FindWord(w) != nullptr) || (roles != nullptr && roles->FindWord(w) != nullptr)) {
      return false;
    }
  }
  // "A, B and C, who saw the arrests, told ...": witnesses or speakers, not the crowd.
  for (std::size_t k = end; k < ex_.tokens.size() && k < end + 3; ++k) {
    const Token& w = ex_.tokens[k];
    if (w.lower == "who"sv || (speech != nullptr && speech->FindWord(w.lower) != nullptr)) return false;
    if (w.norm != ","sv && w.kind != TokenKind::kNumber) break;
  }
  return true;
}

void EventAssembler::NameCountedCrowds(std::vector<Event>* events) const {
  // Only commas, "and" and ages stand between the names of a list ("A, 61, B, 44, and C, 58").
  const auto joins = [&](std::size_t from, std::size_t to) {
    for (std::size_t t = from; t < to; ++t) {
      const Token& w = ex_.tokens[t];
      if (w.norm != ","sv && w.lower != "and"sv && w.lower != "aged"sv && w.kind != TokenKind::kNumber) return false;
    }
    return true;
  };
  for (Event& e : *events) {
    const auto count = e.attributes.find("participant_count");
    if (!e.roles.empty() || count == e.attributes.end() || e.evidence.sentence < 0) continue;
    const int next = e.evidence.sentence + 1;
    // The longest list of persons the next sentence names; "A's son": the owner is no member.
    std::vector<int> longest;
    std::size_t longest_first = 0;
    std::size_t longest_end = 0;
    std::vector<int> list;
    std::size_t list_first = 0;
    std::size_t list_end = 0;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      const int entity = mention_entity_[i];
      if (m.label != "Person"sv || m.sentence != next || entity < 0) continue;
      if (m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv) continue;
      if (!list.empty() && m.first < list_end) continue;  // a name inside the one before
      if (list.empty() || !joins(list_end, m.first)) {
        list.clear();
        list_first = m.first;
      }
      if (std::find(list.begin(), list.end(), entity) == list.end()) list.push_back(entity);
      list_end = m.last;
      if (list.size() > longest.size()) {
        longest = list;
        longest_first = list_first;
        longest_end = list_end;
      }
    }
    if (longest.size() < 2 || std::to_string(longest.size()) != count->second) continue;
    if (!CrowdList(longest_first, longest_end)) continue;
    for (int entity : longest) e.roles.push_back(EventRole{ParticipantRole(e.kind), entity});
  }
}

std::vector<Event> EventAssembler::Finish(const std::vector<Entity>& entities) {
  // The longest match wins: a candidate whose words lie inside another's of the same rule and
  // kind ("X, was released" inside "the husband of one protester, X, was released") is dropped.
  std::vector<bool> inner(candidates_.size(), false);
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    for (std::size_t j = 0; j < candidates_.size(); ++j) {
      const Candidate& a = candidates_[i];
      const Candidate& b = candidates_[j];
      if (i == j || a.kind != b.kind || a.evidence.rule != b.evidence.rule) continue;
      if (b.evidence.span.contains(a.evidence.span) && b.evidence.span != a.evidence.span) inner[i] = true;
    }
  }
  // One word read two ways: a reading whose rule says it `replaces` a kind ("jailed him for 13
  // years" is a sentence, not a detention) drops the candidates of that kind on its trigger.
  for (const Candidate& b : candidates_) {
    const auto replaces = b.attributes.find("replaces");
    if (replaces == b.attributes.end() || b.trigger.empty()) continue;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      if (candidates_[i].kind == replaces->second && candidates_[i].trigger == b.trigger) inner[i] = true;
    }
  }
  // A word of a date is no event word: "since March 2019" names a month, not a march.
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (candidates_[i].trigger.empty()) continue;
    for (const ExtractedMention& m : ex_.mentions) {
      if (m.label == "Date"sv && m.span.contains(candidates_[i].trigger)) inner[i] = true;
    }
  }
  FillGroupRoles(inner);
  std::vector<Event> events;
  std::vector<int> groups;  // per event: its per-defendant group, or -1
  int next_group = 0;
  for (std::size_t ci = 0; ci < candidates_.size(); ++ci) {
    if (inner[ci]) continue;
    const Candidate& c = candidates_[ci];
    Event e;
    e.kind = c.kind;
    const DateValue d = DateFor(c);
    e.date = d.Iso();
    e.date_precision = d.Precision();
    e.place = PlaceFor(c);
    for (const EventRole& r : c.roles) {
      if (r.entity >= 0 && entities[static_cast<std::size_t>(r.entity)].kind == EntityKind::kPerson && !HasRole(e, r)) {
        e.roles.push_back(r);
      }
    }
    e.attributes = c.attributes;
    e.attributes.erase("replaces");  // reading instructions, no facts
    e.attributes.erase("setting");
    AddAmount(c, &e);
    AddParticipantCount(&e);
    e.evidence = c.evidence;
    AddTerms(std::move(e), &events, &groups, &next_group);
  }
  // Before events told twice are joined: a detention is read in its own sentence.
  AddDetainedProtesters(entities, &events);
  groups.resize(events.size(), -1);
  // Before events told twice are joined: a crowd is counted in its own sentence.
  NameCountedCrowds(&events);
  JoinMentions(entities, &events, &groups);
  for (const auto& [sentence, entity] : members_) {
    Event* last = nullptr;
    for (Event& e : events) {
      // A protest made from a detention stands behind it ("Among them was X" is one detained).
      if (e.evidence.sentence == sentence - 1 && e.evidence.rule != "event.detained-protesters"sv) last = &e;
    }
    if (last == nullptr) continue;
    const EventRole r{ParticipantRole(last->kind), entity};
    if (!HasRole(*last, r)) last->roles.push_back(r);
  }
  AddProtesters(&events);
  // An undated protest joins the article's dated protest when there is exactly one.
  std::vector<std::size_t> dated;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].kind == "Protest"sv && !events[i].date.empty() && !events[i].roles.empty()) dated.push_back(i);
  }
  if (dated.size() == 1) {
    for (std::size_t i = events.size(); i-- > 0;) {
      if (i != dated[0] && events[i].kind == "Protest"sv && events[i].date.empty()) {
        MergeInto(&events[dated[0]], events[i]);
        events.erase(events.begin() + static_cast<std::ptrdiff_t>(i));
        if (i < dated[0]) --dated[0];
      }
    }
  }
  // Two readings of one happening joined ("when was your brother arrested?" read with the brother
  // arresting, beside "my brother was arrested"), or a "they" read as the person it acts on
  // ("They sentenced him"): a person it happens to is not also its agent or its judge.
  const auto doer = [](const EventRole& r) { return r.role == "agent"sv || r.role == "adjudicator"sv; };
  for (Event& e : events) {
    e.roles.erase(std::remove_if(e.roles.begin(), e.roles.end(),
                                 [&](const EventRole& r) {
                                   return doer(r) && std::any_of(e.roles.begin(), e.roles.end(), [&](const EventRole& o) {
                                            return !doer(o) && o.entity == r.entity;
                                          });
                                 }),
                  e.roles.end());
  }
  events.erase(std::remove_if(events.begin(), events.end(), [](const Event& e) { return e.roles.empty(); }), events.end());
  return events;
}

}  // namespace kith
