#include "graph/reference_resolver.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

namespace {

bool IsFirstPerson(const std::string& lower) {
  return lower == "my"sv || lower == "our"sv || lower == "i"sv || lower == "me"sv || lower == "we"sv || lower == "us"sv ||
         lower == "mine"sv || lower == "ours"sv;
}

}  // namespace

ReferenceResolver::ReferenceResolver(const Extraction& ex, const RuleSet& rules, const std::vector<int>& mention_entity,
                                     const std::vector<Entity>& entities, int narrator)
    : ex_(ex),
      kin_terms_(rules.lexicon("kin_terms")),
      kin_modifiers_(rules.lexicon("kin_modifiers")),
      role_nouns_(rules.lexicon("role_nouns")),
      pronouns_(rules.lexicon("pronouns")),
      speech_verbs_(rules.lexicon("speech_verbs")),
      event_verbs_(rules.lexicon("event_verbs")),
      numbers_(rules.lexicon("numbers")),
      mention_entity_(mention_entity), entities_(entities), narrator_(narrator),
      in_quote_(ex.tokens.size(), false) {
  for (const SentenceSpan& s : ex.sentences) {
    bool open = false;
    for (std::size_t t = s.first; t < s.last; ++t) {
      if (ex.tokens[t].norm == "\""sv) {
        open = !open;
        continue;
      }
      in_quote_[t] = open;
    }
  }
  persons_in_.resize(ex.sentences.size());
  for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
    if (ex.mentions[i].label != "Person"sv) continue;
    const int s = ex.SentenceOf(ex.mentions[i].first);
    if (s >= 0) persons_in_[static_cast<std::size_t>(s)].push_back(i);
  }
  // An interview's answers are their speaker's words, as if quoted.
  turns_ = FindInterviewTurns(ex, rules, mention_entity, in_quote_);
  for (std::size_t s = 0; s < ex.sentences.size(); ++s) {
    if (turns_.speaker[s] == InterviewTurns::kNotAnswer) continue;
    for (std::size_t t = ex.sentences[s].first; t < ex.sentences[s].last; ++t) in_quote_[t] = true;
  }
}

int ReferenceResolver::SoleSpeaker() const {
  if (sole_speaker_ == kNotYetFound) {
    sole_speaker_ = -1;  // while it is found, quotes have no such fallback
    sole_speaker_ = SoleSpeakerOfQuotes();
  }
  return sole_speaker_;
}

int ReferenceResolver::SoleSpeakerOfQuotes() const {
  int sole = -1;
  for (std::size_t s = 0; s < ex_.sentences.size(); ++s) {
    if (!QuotesSomeone(static_cast<int>(s))) continue;
    const int speaker = Speaker(static_cast<int>(s));
    if (speaker < 0) continue;
    if (sole >= 0 && speaker != sole) return -1;
    sole = speaker;
  }
  return sole;
}

bool ReferenceResolver::HasQuoteMark(int s) const {
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t t = sent.first; t < sent.last; ++t) {
    if (ex_.tokens[t].norm == "\""sv) return true;
  }
  return false;
}

bool ReferenceResolver::QuotesSomeone(int s) const {
  if (!HasQuoteMark(s)) return false;
  const Lexicon* speech = speech_verbs_;
  const Lexicon* pronouns = pronouns_;
  const auto speaks = [&](const Token& tok) {
    const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(tok.lower);
    const std::string person = p == nullptr ? std::string() : AttributeOf(p->attributes, "person");
    return person == "first"sv || person == "second"sv;
  };
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  bool open = false;
  std::size_t words = 0;
  std::size_t longest = 0;
  for (std::size_t t = sent.first; t < sent.last; ++t) {
    const Token& tok = ex_.tokens[t];
    if (tok.norm == "\""sv) {
      // 'His last message was just: "Police detained me."': words introduced by a colon.
      if (!open && t > sent.first && ex_.tokens[t - 1].norm == ":"sv) return true;
      open = !open;
      words = 0;
      continue;
    }
    if (open && tok.kind == TokenKind::kWord) longest = std::max(longest, ++words);
    // A quote that speaks in the first or second person is somebody's words.
    if (open && speaks(tok)) return true;
    if (!open && speech != nullptr && speech->FindWord(tok.lower) != nullptr) return true;
  }
  return longest > 4;
}

bool ReferenceResolver::QuoteOnly(int s) const {
  if (s < 0 || static_cast<std::size_t>(s) >= ex_.sentences.size()) return false;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  bool quoted = false;
  for (std::size_t t = sent.first; t < sent.last; ++t) {
    const Token& tok = ex_.tokens[t];
    if (tok.norm == "\""sv) continue;
    if (!in_quote_[t]) {
      if (tok.kind == TokenKind::kWord) return false;
      continue;
    }
    quoted = true;
  }
  return quoted;
}

std::vector<int> ReferenceResolver::LookBack(int s, int count) const {
  std::vector<int> out;
  if (s < 0) return out;
  out.push_back(s);
  for (int look = s - 1; look >= 0 && count > 0; --look) {
    if (QuoteOnly(look)) continue;
    out.push_back(look);
    --count;
  }
  return out;
}

int ReferenceResolver::Interviewee(int s) const {
  if (s < 0 || static_cast<std::size_t>(s) >= turns_.question.size() || !turns_.question[static_cast<std::size_t>(s)]) {
    return -1;
  }
  std::size_t a = static_cast<std::size_t>(s) + 1;
  while (a < turns_.question.size() && turns_.question[a]) ++a;
  return a < turns_.speaker.size() && turns_.speaker[a] >= 0 ? turns_.speaker[a] : -1;
}

int ReferenceResolver::Speaker(int s) const {
  if (s < 0 || static_cast<std::size_t>(s) >= ex_.sentences.size()) return -1;
  // An answer's words are its speaker's, unless it quotes someone else ("He said, \"...\"").
  if (const int answer = turns_.speaker[static_cast<std::size_t>(s)]; answer != InterviewTurns::kNotAnswer) {
    return QuotesSomeone(s) ? -1 : answer;
  }
  const Lexicon* speech = speech_verbs_;
  for (int look = s; look >= 0 && look >= s - 1; --look) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(look)];
    const auto distance_to_verb = [&](std::size_t first, std::size_t last) {
      std::size_t distance = 1000;
      for (std::size_t t = sent.first; t < sent.last; ++t) {
        if (in_quote_[t] || speech == nullptr || speech->FindWord(ex_.tokens[t].lower) == nullptr) continue;
        distance = std::min(distance, t >= last ? t - last : first - t);
      }
      return distance;
    };
    int best = -1;
    std::size_t best_distance = 0;
    for (std::size_t i : persons_in_[static_cast<std::size_t>(look)]) {
      const ExtractedMention& m = ex_.mentions[i];
      const int e = mention_entity_[i];
      if (e < 0 || m.last > sent.last || in_quote_[m.first]) continue;
      const std::size_t distance = distance_to_verb(m.first, m.last);
      if (best < 0 || distance < best_distance) {
        best = e;
        best_distance = distance;
      }
    }
    // "\"...,\" she said.": a pronoun next to the speech verb, closer than any name, is the
    // speaker; it stands for whom it refers to.
    for (std::size_t t = sent.first; t < sent.last; ++t) {
      if (in_quote_[t] || !SubjectPronoun(t)) continue;
      const std::size_t distance = distance_to_verb(t, t + 1);
      if (distance > 1 || (best >= 0 && distance >= best_distance)) continue;
      const std::vector<int> referent = Resolve(t);
      if (referent.size() != 1) continue;
      best = referent[0];
      best_distance = distance;
    }
    // "\"...,\" the 46-year-old teacher said.": a description by age next to the speech verb,
    // closer than any name, is the person the text is about, found as a pronoun's would be.
    if (const std::size_t the = AgeDescriptionBeforeSpeech(look); the < ex_.tokens.size()) {
      const std::size_t distance = distance_to_verb(the, the + 1);
      if (best < 0 || distance < best_distance) {
        const int described = NearestBefore(the, "", false);
        if (described >= 0) {
          best = described;
          best_distance = distance;
        }
      }
    }
    // In the sentence before, only a speaker introducing the quote ("X said:") counts.
    if (best >= 0 && (look == s || best_distance <= 3)) return best;
  }
  return AnnouncedSpeaker(s);
}

int ReferenceResolver::KinIntroducerIn(int s, std::size_t t, const std::string& gender, int depth) const {
  const Lexicon* kin = kin_terms_;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  if (kin == nullptr) return -1;
  for (std::size_t p = sent.first; p + 2 < sent.last; ++p) {
    if (ex_.tokens[p].lower != ex_.tokens[t].lower || in_quote_[p] || kin->FindWord(ex_.tokens[p + 1].lower) == nullptr) {
      continue;
    }
    const std::size_t name = ex_.tokens[p + 2].norm == ","sv ? p + 3 : p + 2;
    for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
      if (ex_.mentions[i].first != name || mention_entity_[i] < 0) continue;
      const int owner = NearestBefore(p, gender, true, depth + 1);
      if (owner >= 0 && owner != mention_entity_[i]) return owner;
    }
  }
  return -1;
}

int ReferenceResolver::AnnouncedSpeaker(int s) const {
  const auto opens_quote_paragraph = [&](int k) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(k)];
    return sent.first < sent.last && ex_.tokens[sent.first].line_start && ex_.tokens[sent.first].norm == "\""sv;
  };
  if (s < 1 || !opens_quote_paragraph(s)) return -1;
  const SentenceSpan& before = ex_.sentences[static_cast<std::size_t>(s - 1)];
  // A quote of several paragraphs opens each and closes only the last: a paragraph before that
  // opened a quote and left it open has the same speaker.
  if (opens_quote_paragraph(s - 1)) {
    std::size_t marks = 0;
    for (std::size_t t = before.first; t < before.last; ++t) marks += ex_.tokens[t].norm == "\""sv ? 1 : 0;
    return marks % 2 == 1 ? Speaker(s - 1) : SoleSpeaker();
  }
  // "Her account, lightly edited for length, follows.": whose account, words or testimony.
  static constexpr std::string_view kAccounts[] = {"account", "words", "testimony", "story", "statement", "recollection"};
  const Lexicon* pronouns = pronouns_;
  for (std::size_t t = before.first; t + 1 < before.last; ++t) {
    if (std::find(std::begin(kAccounts), std::end(kAccounts), ex_.tokens[t + 1].lower) == std::end(kAccounts)) continue;
    if (ex_.tokens[t].norm == "'s"sv) {
      for (std::size_t i : persons_in_[static_cast<std::size_t>(s - 1)]) {
        if (ex_.mentions[i].last == t && mention_entity_[i] >= 0) return mention_entity_[i];
      }
      continue;
    }
    const LexiconEntry* pronoun = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
    if (pronoun == nullptr || AttributeOf(pronoun->attributes, "case") != "possessive"sv ||
        AttributeOf(pronoun->attributes, "number") == "plural"sv || IsFirstPerson(ex_.tokens[t].lower)) {
      continue;
    }
    const std::vector<int> owner = Resolve(t);
    return owner.size() == 1 ? owner[0] : -1;
  }
  return SoleSpeaker();
}

ReferenceResolver::Named ReferenceResolver::NamedIn(int s, std::size_t end, const std::string& gender, int quoted,
                                                    bool skip_prepositional, bool skip_sources) const {
  static constexpr std::string_view kPrepositions[] = {"after", "before", "like", "unlike", "than", "with", "without",
                                                       "for", "to", "from", "by", "against", "besides"};
  Named out;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    const ExtractedMention& m = ex_.mentions[i];
    if (m.last > sent.last || m.first >= end) continue;
    if (quoted >= 0 && in_quote_[m.first] != (quoted == 1)) continue;
    if (skip_prepositional && m.first > sent.first &&
        std::find(std::begin(kPrepositions), std::end(kPrepositions), ex_.tokens[m.first - 1].lower) !=
            std::end(kPrepositions)) {
      continue;
    }
    if (skip_sources && AfterAccordingTo(m.first, sent.first)) continue;
    const int e = mention_entity_[i];
    if (e < 0) {
      if (!SharedOnlyByOtherGender(m, gender)) out.unresolved = true;
      continue;
    }
    out.anyone = true;
    const std::string& g = entities_[static_cast<std::size_t>(e)].gender;
    if (!gender.empty() && !g.empty() && g != gender) continue;
    out.fits = true;
    // "The township handed X's passport back. She ...": the owner of a thing may be meant, unless
    // a pronoun of the owner's gender comes first ("Now she rents a room in X's house").
    const bool before_s = m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv;
    const bool owns_thing = before_s && !g.empty() && !OwnsPerson(m.last + 1) && SamePronoun(s, g) > m.first;
    const bool possessor = before_s && !owns_thing;
    if (possessor) {
      if (out.possessor < 0) {
        out.possessor = e;
        out.possessor_at = m.first;
      }
    } else if (out.person < 0) {
      out.person = e;
      out.person_at = m.first;
      out.person_last = m.last;
    }
  }
  return out;
}

bool ReferenceResolver::SharedOnlyByOtherGender(const ExtractedMention& m, const std::string& gender) const {
  if (gender.empty() || m.last <= m.first) return false;
  std::string name;
  for (std::size_t k = m.first; k < m.last; ++k) name += (k == m.first ? "" : " ") + ex_.tokens[k].norm;
  bool any = false;
  for (const Entity& e : entities_) {
    if (e.kind != EntityKind::kPerson || e.name.empty()) continue;
    const std::string padded = " " + e.name + " ";
    if (padded.find(" " + name + " ") == std::string::npos) continue;
    if (e.gender.empty() || e.gender == gender) return false;
    any = true;
  }
  return any;
}

int ReferenceResolver::NearestBefore(std::size_t t, const std::string& gender, bool possessive, int depth) const {
  if (depth == 0 && in_quote_[t]) {
    int speech_start = -1;
    const int in_speech = NearestInSpeech(t, gender, &speech_start);
    // A speech that speaks of nobody before the pronoun goes on with whom the narration before it
    // spoke of ("His wife, X, went to Ghulja. ... \"In 2019 they arrested her,\" he said.").
    return speech_start >= 0 ? NarrationBefore(speech_start, gender) : in_speech;
  }
  const int s = ex_.SentenceOf(t);
  for (int look : LookBack(s, 1)) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(look)];
    // "Her husband, X, left after his mother, Y, fell ill. Her son ...": a possessive opening
    // its sentence after one that opens with the same possessive goes on with the same person.
    if (look != s && possessive && depth < 3 && OpensSentence(t)) {
      const std::size_t p = SamePronoun(look, gender);
      if (p < ex_.tokens.size() && p == FirstWord(look) && ex_.tokens[p].lower == ex_.tokens[t].lower) {
        const int same = NearestBefore(p, gender, true, depth + 1);
        if (same >= 0) return same;
      }
    }
    // "X was met by his son-in-law, D, who drove him home. His wife ...": a possessive opening its
    // sentence before a kin word, after a sentence in which the same possessive introduced a
    // relative by name, goes on with that possessive's person, not with the relative.
    if (look != s && possessive && depth < 3 && OpensSentence(t) && OwnsPerson(t + 1)) {
      const int same = KinIntroducerIn(look, t, gender, depth);
      if (same >= 0) return same;
    }
    // "Y said her husband was detained, and two years later he was sentenced": a relative who
    // fits, spoken of before the pronoun in its own sentence, is nearer than anyone the sentence
    // before names (the caller may then give that relative's kin word). Not when a pronoun of the
    // same gender comes first: it goes on from there ("His wife said officers pushed her husband
    // into a van while his sons watched"; "When his father was arrested, he flew back").
    if (look != s && depth == 0 && !in_quote_[t] && !gender.empty() && SamePronoun(s, gender) == t &&
        RelativeSpokenOf(s, t, gender)) {
      return -1;
    }
    if (look == s && possessive && depth < 3) {
      const std::size_t listed = ListedPossessiveBefore(t);
      if (listed < ex_.tokens.size()) return NearestBefore(listed, gender, true, depth + 1);
    }
    // The first compatible person that is not a possessor ("X's son Y ... his" is Y's); a possessive
    // pronoun falls back to the first compatible possessor ("X's mother, Y, ... his sisters" is X's).
    // "In March 2018, five months after X, he was detained": a subject pronoun does not mean a
    // person its own sentence names after a preposition.
    const bool own_subject = look == s && !possessive && SubjectPronoun(t);
    // "\"These are my sons, A and B,\" he said. His wife ...": a possessive after a sentence that
    // names nobody outside its quote and several who fit inside it is the speaker's, since no
    // one of those stands out ("\"They took my brother, A,\" he said. He was sentenced": A).
    if (look != s && !in_quote_[t] && possessive && depth < 3) {
      std::set<int> quoted;
      for (std::size_t i : persons_in_[static_cast<std::size_t>(look)]) {
        const int e = mention_entity_[i];
        if (e < 0 || !in_quote_[ex_.mentions[i].first]) continue;
        const std::string& g = entities_[static_cast<std::size_t>(e)].gender;
        if (gender.empty() || g.empty() || g == gender) quoted.insert(e);
      }
      const int speaker = quoted.size() < 2 || NamedIn(look, sent.last, gender, 0, false).anyone ? -1 : Speaker(look);
      const std::string& g = speaker < 0 ? gender : entities_[static_cast<std::size_t>(speaker)].gender;
      if (speaker >= 0 && (gender.empty() || g.empty() || g == gender)) return speaker;
    }
    // "According to X, after his release he was kept ...": the source of a claim is not whose
    // thing it speaks of, though it may be whose relative ("According to X, her son ...").
    const bool skip_sources = look == s && possessive && !OwnsPerson(t + 1);
    const Named named =
        NamedIn(look, look == s ? t : sent.last, gender, look == s ? in_quote_[t] : -1, own_subject, skip_sources);
    // "She said her brother was held with a Uyghur named X, and that her brother ...": a person
    // of unknown gender is not meant over a subject pronoun of the pronoun's gender before it.
    // Whom a subject pronoun of the pronoun's gender before it in its sentence means, or -1.
    const auto subject_before = [&]() {
      const std::size_t first = SamePronoun(s, gender);
      return first < t && SubjectPronoun(first) ? NearestBefore(first, gender, false, depth + 1) : -1;
    };
    if (named.person >= 0 && look == s && depth < 3 && !gender.empty() && !in_quote_[t] &&
        entities_[static_cast<std::size_t>(named.person)].gender.empty()) {
      if (const int subject = subject_before(); subject >= 0) return subject;
    }
    // "He was held there until June, spokesman X said. His wife ...": a sentence that speaks of
    // someone by a subject pronoun before the source its closing speech tag names goes on with
    // whom that pronoun means.
    if (look != s && named.person >= 0 && depth < 3 && !gender.empty() && !in_quote_[t]) {
      const std::size_t p = SamePronoun(look, gender, true);
      if (p < named.person_at && ClosingSpeechTag(named.person_at, named.person_last)) {
        const int same = NearestBefore(p, gender, false, depth + 1);
        if (same >= 0 && same != named.person) return same;
      }
    }
    if (named.person >= 0) return named.person;
    if (possessive && named.possessor >= 0) return named.possessor;
    // "X's mother travelled to the colony, but officials would not say whether he was held
    // there": a subject pronoun of the possessor's gender, where its sentence names no one else
    // who fits and speaks of no relative who might be meant, is the possessor.
    if (look == s && !possessive && named.possessor >= 0 && depth < 3 && !gender.empty() && !in_quote_[t] &&
        !RelativeSpokenOf(s, t, gender)) {
      return named.possessor;
    }
    // "X, the mullah who ..., got 18 years. ... The mullah did not live to see it. ... his widow":
    // a sentence before that names nobody may open with a description of someone named earlier.
    if (look != s) {
      if (const std::vector<int> described = DescribedOpening(look, sent.last, gender); !described.empty()) {
        return described[0];
      }
    }
    // "She met X's daughters, her nieces ...": a subject pronoun of the same gender before it in
    // its sentence is whom it means.
    if (look == s && depth < 3 && !gender.empty() && !in_quote_[t]) {
      if (const int subject = subject_before(); subject >= 0) return subject;
    }
    // A subject pronoun whose sentence before names nobody that fits but speaks of someone by
    // a pronoun of the same gender ("X said ... . He said ... . \"...,\" he said."): that
    // pronoun's person. Possessives and objects often speak of an unnamed relative instead, so
    // only a possessive opening its sentence or its main clause after an opening phrase follows,
    // and only a subject pronoun ("X was jailed. He had protested. His sister, Y, ...";
    // "Officers told her she ... . Two months later, her mother-in-law ..."); objects follow
    // nothing.
    // "Her mother came to Almaty in 2017 to see her grandchild. In 2018 she was detained": a subject
    // pronoun after a sentence that names no one who fits but opens with an owned relative who
    // does, before any pronoun of that gender as subject, is that relative (whom the family ties name;
    // see NarratedRelative), not someone named further back.
    if (look != s && depth < 3 && !gender.empty() && !in_quote_[t] && !possessive && SubjectPronoun(t) &&
        RelativeSpokenOf(look, std::min(sent.last, SamePronoun(look, gender, true)), gender)) {
      // The relative is that sentence's subject: its owner's word opens it, or its main clause.
      const std::size_t kin_word = NarratedRelative(t);
      bool subject = false;
      for (std::size_t k = kin_word, back = 0; kin_word < ex_.tokens.size() && k > sent.first && back < 3 && !subject;
           ++back) {
        --k;
        subject = OpensSentence(k) || OpensAfterTime(k) || OpensMainClause(k);
      }
      if (subject && ex_.SentenceOf(kin_word) == look) return -1;
    }
    const bool opens = possessive && OpensMainClause(t);
    if (look != s && !gender.empty() && depth < 3 && (opens || (!possessive && SubjectPronoun(t)))) {
      const std::size_t p = SamePronoun(look, gender, possessive);
      if (p < ex_.tokens.size()) {
        const int same = NearestBefore(p, gender, false, depth + 1);
        if (same >= 0 || !possessive) return same;
      }
    }
  }
  // A subject or object pronoun reached through a chain of pronouns ("... tried him and
  // sentenced him. ... a prayer he read. He was released") goes on to the topic as well.
  if (depth == 0 || !possessive) return TopicBefore(t, gender, possessive);
  return -1;
}

std::size_t ReferenceResolver::SpokenRelative(std::size_t t) const {
  if (t >= ex_.tokens.size() || !in_quote_[t]) return ex_.tokens.size();
  const Lexicon* pronouns = pronouns_;
  const LexiconEntry* entry = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
  if (entry == nullptr || AttributeOf(entry->attributes, "person") != "third"sv ||
      AttributeOf(entry->attributes, "number") != "singular"sv) {
    return ex_.tokens.size();
  }
  int speech_start = -1;
  std::size_t at = ex_.tokens.size();
  NearestInSpeech(t, AttributeOf(entry->attributes, "gender"), &speech_start, &at);
  return at;
}

std::size_t ReferenceResolver::NarratedRelative(std::size_t t, bool possessive_too) const {
  const std::size_t none = ex_.tokens.size();
  const Lexicon* pronouns = pronouns_;
  const Lexicon* kin = kin_terms_;
  const Lexicon* modifiers = kin_modifiers_;
  const Lexicon* roles = role_nouns_;
  if (t >= none || in_quote_[t] || pronouns == nullptr || kin == nullptr) return none;
  const LexiconEntry* entry = pronouns->FindWord(ex_.tokens[t].lower);
  if (entry == nullptr) return none;
  // An object ("a magistrate fined him") as well, but never for the relative of its own clause
  // ("Her brother drove him"): the relative must lie before a clause break.
  const bool object = ObjectReading(t, *entry);
  if (!SubjectPronoun(t) && !possessive_too && !object) return none;
  const auto clause_break_between = [&](std::size_t from, std::size_t to) {
    static constexpr std::string_view kBreaks[] = {";", ",", "--", "and", "but", "who", "when", "after", "before", "until"};
    for (std::size_t k = from + 1; k < to; ++k) {
      if (std::find(std::begin(kBreaks), std::end(kBreaks), ex_.tokens[k].lower) != std::end(kBreaks)) return true;
    }
    return false;
  };
  const std::string gender = AttributeOf(entry->attributes, "gender");
  if (gender.empty() || AttributeOf(entry->attributes, "number") != "singular"sv) return none;
  // "her late husband", "my little brother", "X's younger son": an owner before the modifiers.
  const auto owned = [&](std::size_t w, std::size_t first) {
    std::size_t k = w;
    while (k > first && modifiers != nullptr && modifiers->FindWord(ex_.tokens[k - 1].lower) != nullptr) --k;
    if (k == first) return false;
    const Token& owner = ex_.tokens[k - 1];
    const LexiconEntry* p = pronouns->FindWord(owner.lower);
    return owner.norm == "'s"sv || (p != nullptr && AttributeOf(p->attributes, "case") == "possessive"sv);
  };
  // "a man from the committee", "her neighbour", "the old man": someone the text describes may be
  // meant instead.
  const auto described = [&](std::size_t w) {
    const LexiconEntry* role = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[w].lower);
    if (role == nullptr || AttributeOf(role->attributes, "number") != "singular"sv) return false;
    if (w + 1 < ex_.tokens.size() && ex_.tokens[w + 1].norm == "'s"sv) return false;
    const std::string g = AttributeOf(role->attributes, "gender");
    return g.empty() || g == gender;
  };
  // A relative of the pronoun's gender, singular, owned, not one of a plural kin word's list.
  const auto fitting_kin = [&](std::size_t w, std::size_t first) {
    const LexiconEntry* word = kin->FindWord(ex_.tokens[w].lower);
    if (word == nullptr || AttributeOf(word->attributes, "gender") != gender) return false;
    if (AttributeOf(word->attributes, "number") == "plural"sv || MemberOfPluralKin(w)) return false;
    if (w + 1 < ex_.tokens.size() && ex_.tokens[w + 1].norm == "'s"sv) return false;
    return owned(w, first);
  };
  const int own = ex_.SentenceOf(t);
  for (int s : LookBack(own, 5)) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    const std::size_t end = s == own ? t : sent.last;
    std::size_t found = none;
    bool same_pronoun = false;
    for (std::size_t w = end; w-- > sent.first;) {
      if (in_quote_[w]) continue;
      for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
        const ExtractedMention& m = ex_.mentions[i];
        if (m.first > w || w >= m.last) continue;
        const int e = mention_entity_[i];
        if (e < 0) return none;
        const std::string& g = entities_[static_cast<std::size_t>(e)].gender;
        if (g.empty() || g == gender) return none;
      }
      // "a magistrate fined him": the described subject of the object's own clause is not meant.
      const bool own_clause = object && s == own && !clause_break_between(w, t);
      if (described(w) && !own_clause) return none;
      if (fitting_kin(w, sent.first)) {
        // "Her husband stayed with her son. He ...": two relatives who fit, no telling which.
        if (found != none) return none;
        if (own_clause) return none;
        found = w;
      }
      const LexiconEntry* p = pronouns->FindWord(ex_.tokens[w].lower);
      const bool fitting_pronoun = p != nullptr && AttributeOf(p->attributes, "gender") == gender &&
                                   AttributeOf(p->attributes, "number") == "singular"sv;
      // An object goes on a chain of pronouns told after the relative ("his father had built ...
      // He was detained ... sentenced him"), which is about someone else.
      if (object && fitting_pronoun && found == none) return none;
      same_pronoun = same_pronoun || fitting_pronoun;
    }
    if (found != none) return found;
    // Back only over sentences that go on speaking of him or her ("He planned to join them.").
    if (s != own && !same_pronoun) return none;
  }
  return none;
}

int ReferenceResolver::NearestInSpeech(std::size_t t, const std::string& gender, int* speech_start,
                                       std::size_t* relative_at) const {
  if (relative_at != nullptr) *relative_at = ex_.tokens.size();
  const Lexicon* kin = kin_terms_;
  const auto fits = [&](const std::string& g) { return gender.empty() || g.empty() || g == gender; };
  int s = ex_.SentenceOf(t);
  std::size_t end = t;
  bool spoke_of_anyone = false;
  *speech_start = -1;
  for (int steps = 0; s >= 0 && steps < 20; ++steps) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    // The nearest fitting reference before `end`: a named person, or the speaker's own relative. A
    // possessor only when no one else fits ("my father-in-law, X, Y's father, ... they took him"
    // is X).
    std::size_t best_at = 0;
    int best = -2;
    std::size_t owner_at = 0;
    int owner = -2;
    for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
      const ExtractedMention& m = ex_.mentions[i];
      const int e = mention_entity_[i];
      if (m.last > end || !in_quote_[m.first]) continue;
      spoke_of_anyone = true;
      if (e < 0 || !fits(entities_[static_cast<std::size_t>(e)].gender)) continue;
      const bool possessor = m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv;
      int& pick = possessor ? owner : best;
      std::size_t& pick_at = possessor ? owner_at : best_at;
      if (pick != -2 && m.first < pick_at) continue;
      pick = e;
      pick_at = m.first;
    }
    if (best == -2 && owner != -2) {
      best = owner;
      best_at = owner_at;
    }
    for (std::size_t k = sent.first + 1; kin != nullptr && k < end; ++k) {
      if (!in_quote_[k] || !IsFirstPerson(ex_.tokens[k - 1].lower)) continue;
      const LexiconEntry* entry = kin->FindWord(ex_.tokens[k].lower);
      spoke_of_anyone = spoke_of_anyone || entry != nullptr;
      if (best != -2 && k < best_at) continue;
      if (entry == nullptr || AttributeOf(entry->attributes, "number") == "plural"sv) continue;
      if (!fits(AttributeOf(entry->attributes, "gender"))) continue;
      best = -1;  // "my husband": that relative, whom only the family ties will name
      best_at = k;
    }
    if (best == -1 && relative_at != nullptr) *relative_at = best_at;
    if (best != -2) return best;
    // Back through the same speech: sentences with quotes, or answers past the questions between.
    const int speaker = turns_.speaker[static_cast<std::size_t>(s)];
    --s;
    // "Q: What happened to Nurlan? A: He was detained": an answer goes on with whom the question
    // before it asked about, named or the interviewee's relative ("And your uncle?").
    if (speaker != InterviewTurns::kNotAnswer && s >= 0 && turns_.question[static_cast<std::size_t>(s)]) {
      std::size_t asked_at = 0;
      const int asked = AskedAbout(s, gender, speaker, &asked_at);
      if (asked == -1 && relative_at != nullptr) *relative_at = asked_at;
      if (asked != -2) return asked;
    }
    while (s >= 0 && turns_.question[static_cast<std::size_t>(s)]) --s;
    if (s < 0) break;
    const int before = turns_.speaker[static_cast<std::size_t>(s)];
    const bool same_speech = speaker == InterviewTurns::kNotAnswer ? HasQuoteMark(s) : before == speaker;
    if (!same_speech) {
      if (!spoke_of_anyone && speaker == InterviewTurns::kNotAnswer) *speech_start = s + 1;
      break;
    }
    end = ex_.sentences[static_cast<std::size_t>(s)].last;
  }
  return -1;
}

int ReferenceResolver::AskedAbout(int s, const std::string& gender, int interviewee, std::size_t* at) const {
  const Lexicon* kin = kin_terms_;
  const Lexicon* modifiers = kin_modifiers_;
  const auto fits = [&](const std::string& g) { return gender.empty() || g.empty() || g == gender; };
  for (; s >= 0 && turns_.question[static_cast<std::size_t>(s)]; --s) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    int best = -2;
    std::size_t best_at = 0;
    for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
      const int e = mention_entity_[i];
      // Not the interviewee the question addresses by name ("Aigerim, ...").
      if (e < 0 || e == interviewee || !fits(entities_[static_cast<std::size_t>(e)].gender)) continue;
      if (best == -2 || ex_.mentions[i].first > best_at) {
        best = e;
        best_at = ex_.mentions[i].first;
      }
    }
    // "your brother", "your late father": the interviewee's relative, whom only the family ties name.
    for (std::size_t k = sent.first; kin != nullptr && k < sent.last; ++k) {
      const LexiconEntry* entry = kin->FindWord(ex_.tokens[k].lower);
      if (entry == nullptr || AttributeOf(entry->attributes, "number") == "plural"sv) continue;
      if (!fits(AttributeOf(entry->attributes, "gender")) || (best != -2 && k < best_at)) continue;
      std::size_t owner = k;
      while (owner > sent.first && modifiers != nullptr && modifiers->FindWord(ex_.tokens[owner - 1].lower) != nullptr) {
        --owner;
      }
      if (owner == sent.first || ex_.tokens[owner - 1].lower != "your"sv) continue;
      best = -1;
      best_at = k;
    }
    if (best != -2) {
      *at = best_at;
      return best;
    }
  }
  return -2;
}

int ReferenceResolver::NarrationBefore(int s, const std::string& gender) const {
  if (gender.empty()) return -1;
  // Not the speech's own sentence: the narration there says who speaks.
  std::vector<int> look = LookBack(s, 2);
  look.erase(look.begin());
  for (int l : look) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(l)];
    const Named named = NamedIn(l, sent.last, gender, 0);
    if (named.unresolved) return -1;
    if (named.person >= 0) return named.person;
    if (RelativeSpokenOf(l, sent.last, gender)) return -1;  // "her son was held": maybe him
    const std::size_t p = SamePronoun(l, gender);
    if (p < ex_.tokens.size()) return NearestBefore(p, gender, false, 1);
    if (named.anyone) return -1;
  }
  return -1;
}

int ReferenceResolver::TopicBefore(std::size_t t, const std::string& gender, bool possessive) const {
  if (in_quote_[t]) return -1;
  // A possessive opening a new turn of a person's story ("Her two nephews ...") may follow a
  // longer passage about a relative than a subject pronoun does.
  const std::vector<int> look = LookBack(ex_.SentenceOf(t), possessive ? 8 : 5);
  for (std::size_t k = 0; k < look.size(); ++k) {
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(look[k])];
    const std::size_t end = k == 0 ? t : sent.last;
    const Named named = NamedIn(look[k], end, gender, 0);
    if (named.unresolved) return -1;  // a name standing for one of several persons: no telling
    // The two nearest sentences were searched by the caller; there only what blocks counts.
    if (k >= 2) {
      if (named.person >= 0) return named.person;
      // "He was released, so weak that his daughter, Y, X's sister, drove him home": the sentence
      // speaks of whom its subject pronoun means, not of the owner named after it.
      if (possessive && named.possessor >= 0 && SamePronoun(look[k], gender, true) < named.possessor_at) return -1;
      if (possessive && named.possessor >= 0) return named.possessor;
      // Only persons of the other gender ("he sent his wife, Y, to Ankara"): the topic goes on.
      if (named.anyone && named.fits) return -1;
    }
    if (RelativeSpokenOf(look[k], end, gender)) return -1;
    // "The fourth picketer, a retired bus driver, was told to go home. He had come ...": a
    // sentence about someone the text has not named is whom the pronouns after it mean.
    if (k >= 1 && OpensWithDescription(look[k], gender)) {
      const std::vector<int> described = DescribedOpening(look[k], sent.last, gender);
      return described.empty() ? -1 : described[0];
    }
  }
  return -1;
}

bool ReferenceResolver::IsOffice(const LexiconEntry& role) {
  const std::string category = AttributeOf(role.attributes, "category");
  return category == "official"sv || category == "law"sv || category == "security"sv || category == "diplomacy"sv;
}

bool ReferenceResolver::OpensWithDescription(int s, const std::string& gender) const {
  const std::size_t first = FirstWord(s);
  if (first >= ex_.tokens.size() || in_quote_[first]) return false;
  const std::string& article = ex_.tokens[first].lower;
  if (article != "the"sv && article != "a"sv && article != "an"sv) return false;
  const Lexicon* roles = role_nouns_;
  const Lexicon* kin = kin_terms_;
  const std::size_t last = ex_.sentences[static_cast<std::size_t>(s)].last;
  for (std::size_t k = first + 1; roles != nullptr && k < last && k < first + 5; ++k) {
    if (ex_.tokens[k].kind != TokenKind::kWord) return false;
    const LexiconEntry* e = roles->FindWord(ex_.tokens[k].lower);
    if (e == nullptr || AttributeOf(e->attributes, "number") != "singular"sv) continue;
    // "The elder brother", "the elder man": a role word before another noun only modifies it.
    if (k + 1 < last && (roles->FindWord(ex_.tokens[k + 1].lower) != nullptr ||
                         (kin != nullptr && kin->FindWord(ex_.tokens[k + 1].lower) != nullptr))) {
      continue;
    }
    // "A judge fined her the next day": an office acting on someone is no new person to follow.
    if (IsOffice(*e)) return false;
    const std::string head_gender = AttributeOf(e->attributes, "gender");
    return gender.empty() || head_gender.empty() || head_gender == gender;
  }
  return false;
}

bool ReferenceResolver::SpeechTagBetweenCommas(std::size_t first, std::size_t last) const {
  const Lexicon* verbs = speech_verbs_;
  if (verbs == nullptr || first < 1 || last + 1 >= ex_.tokens.size() || ex_.tokens[first - 1].norm != ","sv ||
      ex_.tokens[last + 1].norm != ","sv) {
    return false;
  }
  const LexiconEntry* verb = verbs->FindWord(ex_.tokens[last].lower);
  return verb != nullptr && AttributeOf(verb->attributes, "tense") != "base"sv;
}

bool ReferenceResolver::ClosingSpeechTag(std::size_t first, std::size_t last) const {
  const Lexicon* verbs = speech_verbs_;
  const int s = ex_.SentenceOf(first);
  if (verbs == nullptr || s < 0 || first == 0) return false;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  // "said", "told" or "added" (not their base forms): the verbs that tag a report with its source.
  const auto tag_verb = [&](std::size_t t) -> std::string {
    const LexiconEntry* verb = t < sent.last ? verbs->FindWord(ex_.tokens[t].lower) : nullptr;
    if (verb == nullptr || AttributeOf(verb->attributes, "tense") == "base"sv) return {};
    std::string lemma = AttributeOf(verb->attributes, "lemma");
    return lemma == "say"sv || lemma == "tell"sv || lemma == "add"sv ? lemma : std::string();
  };
  // After the verb: for "told", whom it was told to (a name or outlet in capitals, "reporters",
  // "us"), then at most a time or place ("on Monday", "at a briefing"), then the closing
  // punctuation.
  const auto ends_after = [&](std::size_t from, std::string_view lemma) {
    static constexpr std::string_view kAddressees[] = {"reporters", "journalists", "us", "me", "him", "her", "them"};
    static constexpr std::string_view kAdjuncts[] = {"on", "in", "at", "last", "this", "earlier", "later",
                                                     "yesterday", "today", "by", "during", "after"};
    std::size_t end = sent.last;
    while (end > from && ex_.tokens[end - 1].kind == TokenKind::kPunct && ex_.tokens[end - 1].norm != ","sv) --end;
    if (end == sent.last || end < from) return false;
    std::size_t t = from;
    if (lemma == "tell"sv) {
      const std::size_t addressee = t;
      if (t < end && std::find(std::begin(kAddressees), std::end(kAddressees), ex_.tokens[t].lower) != std::end(kAddressees)) {
        ++t;
      } else {
        while (t < end && t < addressee + 4 && ex_.tokens[t].kind == TokenKind::kWord &&
               ex_.tokens[t].norm != ex_.tokens[t].lower) {
          ++t;
        }
      }
      if (t == addressee) return false;
    }
    if (t == end) return true;
    if (end - t > 7 || std::find(std::begin(kAdjuncts), std::end(kAdjuncts), ex_.tokens[t].lower) == std::end(kAdjuncts)) {
      return false;
    }
    for (; t < end; ++t) {
      if (ex_.tokens[t].norm == ","sv || ex_.tokens[t].lower == "that"sv) return false;
    }
    return true;
  };
  // ", said X."
  if (first >= sent.first + 2 && !tag_verb(first - 1).empty() && ex_.tokens[first - 2].norm == ","sv) {
    return ends_after(last, "say");
  }
  const std::string lemma = tag_verb(last);
  if (lemma.empty() || !ends_after(last + 1, lemma)) return false;
  // ", spokesman X said.": a comma before the name, with only the words of a title between.
  for (std::size_t t = first; t-- > sent.first;) {
    if (ex_.tokens[t].norm == ","sv) return true;
    if (ex_.tokens[t].kind != TokenKind::kWord || !tag_verb(t).empty() || in_quote_[t]) return false;
  }
  return false;
}

bool ReferenceResolver::AfterAccordingTo(std::size_t t, std::size_t floor) const {
  return t >= floor + 2 && ex_.tokens[t - 1].lower == "to"sv && ex_.tokens[t - 2].lower == "according"sv;
}

bool ReferenceResolver::RelativeSpokenOf(int s, std::size_t end, const std::string& gender) const {
  const Lexicon* kin = kin_terms_;
  // A relative spoken of ("his son in Europe") may be whom a pronoun means; one who owns
  // something ("his grandfather's courtyard") is seldom what the text goes on about, and several
  // ("whose relatives in Australia") are not what a singular pronoun stands for.
  for (std::size_t w = ex_.sentences[static_cast<std::size_t>(s)].first; kin != nullptr && w < end; ++w) {
    if (in_quote_[w] || (w + 1 < ex_.tokens.size() && ex_.tokens[w + 1].norm == "'s"sv)) continue;
    // "tried him in a hearing that, according to his son, lasted a day": the source of a claim
    // is not what the text goes on about.
    if (w >= 1 && AfterAccordingTo(w - 1)) continue;
    // "his hands, his son said, were the steadiest": nor is a relative in a speech tag between commas.
    if (w >= 1 && SpeechTagBetweenCommas(w - 1, w + 1)) continue;
    // "A cousin of hers": the relative the pronoun at `end` owns is not whom it stands for.
    if (w + 2 == end && ex_.tokens[w + 1].lower == "of"sv) continue;
    const LexiconEntry* entry = kin->FindWord(ex_.tokens[w].lower);
    if (entry == nullptr) continue;
    const auto number = entry->attributes.find("number");
    if (number != entry->attributes.end() && number->second == "plural"sv) continue;
    if (MemberOfPluralKin(w)) continue;
    const auto g = entry->attributes.find("gender");
    if (gender.empty() || g == entry->attributes.end() || g->second == gender) return true;
  }
  return false;
}

bool ReferenceResolver::MemberOfPluralKin(std::size_t w) const {
  const Lexicon* kin = kin_terms_;
  const Lexicon* numbers = numbers_;
  const int s = ex_.SentenceOf(w);
  if (kin == nullptr || s < 0) return false;
  const std::size_t first = ex_.sentences[static_cast<std::size_t>(s)].first;
  // Back over the count ("two boys and a girl") to a comma after a plural kin word.
  for (std::size_t k = w; k > first + 1;) {
    --k;
    const Token& tok = ex_.tokens[k];
    if (tok.norm == ","sv) {
      const LexiconEntry* before = kin->FindWord(ex_.tokens[k - 1].lower);
      if (before != nullptr && AttributeOf(before->attributes, "number") == "plural"sv) return true;
      continue;
    }
    const bool counted = tok.lower == "and"sv || tok.kind == TokenKind::kNumber ||
                         (numbers != nullptr && numbers->FindWord(tok.lower) != nullptr) || kin->FindWord(tok.lower) != nullptr;
    if (!counted) return false;
  }
  return false;
}

std::size_t ReferenceResolver::LineStartOf(std::size_t t) const {
  while (t > 0 && !ex_.tokens[t].line_start) --t;
  return t;
}

std::vector<int> ReferenceResolver::DeclaredWriters(std::size_t t) const {
  const std::string& lower = ex_.tokens[t].lower;
  const bool plural = lower == "we"sv || lower == "our"sv || lower == "us"sv || lower == "ours"sv;
  const std::string_view opener = plural ? "we"sv : "i"sv;
  const std::size_t line = LineStartOf(t);
  for (std::size_t k = t + 1; k-- > line;) {
    if (ex_.tokens[k].lower != opener || in_quote_[k] || k + 2 >= ex_.tokens.size() ||
        ex_.tokens[k + 1].norm != ","sv) {
      continue;
    }
    const int s = ex_.SentenceOf(k);
    if (s < 0 || FirstWord(s) != k) continue;
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    std::size_t end = sent.last;
    for (std::size_t j = k + 2; j < sent.last && end == sent.last; ++j) {
      if (IsFirstPerson(ex_.tokens[j].lower)) end = j;
    }
    std::vector<int> writers;
    for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
      const ExtractedMention& m = ex_.mentions[i];
      const int e = mention_entity_[i];
      if (e < 0 || m.first < k + 2 || m.first >= end) continue;
      // The first writer is named right after the comma.
      if (writers.empty() && m.first != k + 2) return {};
      if (std::find(writers.begin(), writers.end(), e) == writers.end()) writers.push_back(e);
      if (!plural) break;
    }
    return plural && writers.size() < 2 ? std::vector<int>{} : writers;
  }
  return {};
}

std::size_t ReferenceResolver::LineEndOf(std::size_t t) const {
  ++t;
  while (t < ex_.tokens.size() && !ex_.tokens[t].line_start) ++t;
  return t;
}

std::vector<int> ReferenceResolver::ListSubject(std::size_t t) const {
  if (t >= ex_.tokens.size() || !ex_.tokens[t].line_start || !IsBulletMark(ex_.tokens[t].norm)) return {};
  // "- Detained in 2018: his brother, X": the item names its own subject after a colon.
  for (std::size_t k = t + 1; k < LineEndOf(t); ++k) {
    if (ex_.tokens[k].norm == ":"sv) return {};
  }
  return ListHeading(t);
}

std::vector<int> ReferenceResolver::ListHeading(std::size_t t) const {
  const auto person_at = [&](std::size_t k) {
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.first == k && m.label == "Person"sv && mention_entity_[i] >= 0) return static_cast<int>(i);
    }
    return -1;
  };
  std::size_t line = t;
  while (line > 0 && IsBulletMark(ex_.tokens[line].norm)) {
    // An item that opens with a name heads the items under it or is one of a list of persons:
    // which of them is meant is not clear.
    if (line != t && line + 1 < ex_.tokens.size() && person_at(line + 1) >= 0) return {};
    line = LineStartOf(line - 1);
  }
  if (IsBulletMark(ex_.tokens[line].norm)) return {};
  return HeadingPerson(line, LineEndOf(line));
}

int ReferenceResolver::EntryHeading(std::size_t t) const {
  const Lexicon* verbs = event_verbs_;
  if (t >= ex_.tokens.size() || verbs == nullptr) return -1;
  const std::size_t line = LineStartOf(t);
  // The line opens with a case's label: "1.", "2)", "Case 3:", "No. 4".
  const auto number_at = [&](std::size_t k) { return k < ex_.tokens.size() && ex_.tokens[k].kind == TokenKind::kNumber; };
  const auto opens_with_label = [&](std::size_t k) {
    const bool numbered = number_at(k) && k + 1 < ex_.tokens.size() &&
                          (ex_.tokens[k + 1].norm == "."sv || ex_.tokens[k + 1].norm == ")"sv);
    return numbered || ((ex_.tokens[k].lower == "case"sv || ex_.tokens[k].lower == "no."sv) && number_at(k + 1));
  };
  // Or the label stands on the line before, alone or with a short note ("No. 4417 (new)").
  const auto label_line_before = [&] {
    if (line == 0) return false;
    const std::size_t before = LineStartOf(line - 1);
    if (!opens_with_label(before) || line - before > 6) return false;
    for (std::size_t k = before; k < line; ++k) {
      if (ex_.tokens[k].kind == TokenKind::kWord && ex_.tokens[k].shape[0] == 'X' && k > before + 1) return false;
    }
    return true;
  };
  const bool label_apart = !opens_with_label(line) && label_line_before();
  if (!opens_with_label(line) && !label_apart) return -1;
  int heading = ex_.SentenceOf(line);
  if (heading < 0) return -1;
  // "1." may stand as a sentence of its own before the heading.
  const SentenceSpan& label = ex_.sentences[static_cast<std::size_t>(heading)];
  if (!label_apart && FirstWord(heading) >= label.last && label.last < ex_.tokens.size() &&
      !ex_.tokens[label.last].line_start) {
    ++heading;
  }
  if (ex_.SentenceOf(t) <= heading) return -1;
  // The heading names and describes; it tells nothing ("1. X, 46, a trader." but not "1. X is a
  // trader who was detained in 2018.").
  const SentenceSpan& head = ex_.sentences[static_cast<std::size_t>(heading)];
  static constexpr std::string_view kFinite[] = {"is", "was", "are", "were", "has", "have", "had"};
  for (std::size_t k = head.first; k < head.last; ++k) {
    const std::string& w = ex_.tokens[k].lower;
    if (std::find(std::begin(kFinite), std::end(kFinite), w) != std::end(kFinite)) return -1;
    if (ex_.tokens[k].shape[0] == 'x' && verbs->FindWord(w) != nullptr) return -1;
  }
  return heading;
}

int ReferenceResolver::EntryPerson(std::size_t t, const std::string& gender) const {
  const int own = ex_.SentenceOf(t);
  if (own < 0 || in_quote_[t] || FirstWord(own) > t) return -1;
  // The pronoun is the first word of its sentence to speak of anyone ("In 2018 he was
  // sentenced", "In March 2019 police fined him"), or goes on from the first, of its gender
  // ("While she was held, her two sons ...").
  for (std::size_t i : persons_in_[static_cast<std::size_t>(own)]) {
    if (ex_.mentions[i].first < t) return -1;
  }
  const Lexicon* pronouns = pronouns_;
  for (std::size_t k = FirstWord(own); k < t; ++k) {
    const LexiconEntry* p = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[k].lower);
    if (p == nullptr || AttributeOf(p->attributes, "person") != "third"sv) continue;
    const bool singular = AttributeOf(p->attributes, "number") != "plural"sv;
    return singular && !gender.empty() && AttributeOf(p->attributes, "gender") == gender ? EntryPerson(k, gender) : -1;
  }
  const int heading = EntryHeading(t);
  if (heading < 0) return -1;
  const std::vector<int> person = HeadingPerson(LineStartOf(t), ex_.sentences[static_cast<std::size_t>(heading)].last);
  if (person.size() != 1) return -1;
  const std::string& g = entities_[static_cast<std::size_t>(person[0])].gender;
  return gender.empty() || g.empty() || g == gender ? person[0] : -1;
}

std::vector<int> ReferenceResolver::EntrySubject(std::size_t t) const {
  const Lexicon* verbs = event_verbs_;
  const Lexicon* kin = kin_terms_;
  if (t >= ex_.tokens.size() || in_quote_[t] || ex_.tokens[t].line_start || verbs == nullptr) return {};
  // "Brother of Y.": a kin word stands for the entry's person as a verb does.
  const bool kin_of = kin != nullptr && t + 1 < ex_.tokens.size() && ex_.tokens[t + 1].lower == "of"sv &&
                      kin->FindWord(ex_.tokens[t].lower) != nullptr;
  if (verbs->FindWord(ex_.tokens[t].lower) == nullptr && !kin_of) return {};
  const int heading = EntryHeading(t);
  if (heading < 0) return {};
  const std::size_t line = LineStartOf(t);
  const int own = ex_.SentenceOf(t);
  // The verb opens its sentence, or follows one opening word that names no one ("First held").
  const std::size_t opening = FirstWord(own);
  if (t != opening && (t != opening + 1 || ex_.tokens[t].shape[0] != 'x' || ex_.tokens[opening].line_start)) return {};
  if (t == opening && ex_.tokens[t].shape[0] != 'X') return {};
  const Lexicon* pronouns = pronouns_;
  const auto speaks_of_someone = [&](std::size_t k) {
    if (pronouns == nullptr) return false;
    const LexiconEntry* p = pronouns->FindWord(ex_.tokens[k].lower);
    if (p == nullptr || AttributeOf(p->attributes, "person") != "third"sv) return false;
    const std::string c = AttributeOf(p->attributes, "case");
    return c == "subject"sv || c == "possessive"sv;
  };
  for (int s = heading + 1; s < own; ++s) {
    if (!persons_in_[static_cast<std::size_t>(s)].empty()) return {};
    // A sentence the entry's person is already the subject of ("Detained 11.09.2017 at his home")
    // speaks of that person in its pronouns.
    const std::size_t first = FirstWord(s);
    if (first < ex_.tokens.size() && ex_.tokens[first].shape[0] == 'X' && verbs->FindWord(ex_.tokens[first].lower) != nullptr) {
      continue;
    }
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
    for (std::size_t k = sent.first; k < sent.last; ++k) {
      if (speaks_of_someone(k)) return {};
    }
  }
  // "Detained in 2018, X was ...", "Detained in Ghulja, Ili prefecture, her brother ...", "Held
  // since 2018, the brother ...": a subject of the sentence's own after a comma.
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(own)];
  for (std::size_t k = t + 1; k + 1 < sent.last; ++k) {
    if (AfterAccordingTo(k)) break;  // "..., according to his father, X": the source
    if (ex_.tokens[k].norm != ","sv) continue;
    const std::string& next = ex_.tokens[k + 1].lower;
    if (speaks_of_someone(k + 1) || next == "the"sv || next == "a"sv || next == "an"sv) return {};
    for (std::size_t i : persons_in_[static_cast<std::size_t>(own)]) {
      if (ex_.mentions[i].first == k + 1) return {};
    }
  }
  return HeadingPerson(line, ex_.sentences[static_cast<std::size_t>(heading)].last);
}

std::vector<int> ReferenceResolver::HeadingPerson(std::size_t line, std::size_t end) const {
  const auto person_at = [&](std::size_t k) {
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.first == k && m.label == "Person"sv && mention_entity_[i] >= 0) return static_cast<int>(i);
    }
    return -1;
  };
  // A line that introduces the list ("The key dates in her father's case:") is about someone else.
  if (ex_.tokens[end - 1].norm == ":"sv) return {};
  const Lexicon* speech = speech_verbs_;
  for (std::size_t k = line; speech != nullptr && k < end; ++k) {
    if (speech->FindWord(ex_.tokens[k].lower) != nullptr) return {};
  }
  // "X, in her letter to the UN": a line that speaks of the person's own things tells what
  // follows as theirs to tell, not as what befell them.
  const Lexicon* pronouns = pronouns_;
  for (std::size_t k = line; pronouns != nullptr && k < end; ++k) {
    const LexiconEntry* p = pronouns->FindWord(ex_.tokens[k].lower);
    if (p != nullptr && AttributeOf(p->attributes, "case") == "possessive"sv) return {};
  }
  // "1.", "Case 2:", "No. 3 --": at most three tokens of numbers, punctuation and such labels.
  std::size_t name = line;
  while (name < end && name < line + 3 &&
         (ex_.tokens[name].kind != TokenKind::kWord || ex_.tokens[name].lower == "case"sv ||
          ex_.tokens[name].lower == "no."sv)) {
    ++name;
  }
  const int heading = person_at(name);
  if (heading < 0) return {};
  // "Case 1: X's wife, Y, 41": the heading is about the relative, not about X.
  const std::size_t after = ex_.mentions[static_cast<std::size_t>(heading)].last;
  if (after < end && (ex_.tokens[after].norm == "'s"sv || ex_.tokens[after].norm == "'"sv)) return {};
  return {mention_entity_[static_cast<std::size_t>(heading)]};
}

int ReferenceResolver::ItemSubject(std::size_t t, const std::string& gender) const {
  const std::size_t line = LineStartOf(t);
  if (!IsBulletMark(ex_.tokens[line].norm)) return -1;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    if (m.label == "Person"sv && mention_entity_[i] >= 0 && m.first >= line && m.first < t) return -1;
  }
  const std::vector<int> subject = ListHeading(line);
  if (subject.empty()) return -1;
  const std::string& own = entities_[static_cast<std::size_t>(subject[0])].gender;
  return gender.empty() || own.empty() || own == gender ? subject[0] : -1;
}

std::size_t ReferenceResolver::FirstWord(int s) const {
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t k = sent.first; k < sent.last; ++k) {
    if (ex_.tokens[k].kind == TokenKind::kWord) return k;
  }
  return ex_.tokens.size();
}

std::size_t ReferenceResolver::ListedPossessiveBefore(std::size_t t) const {
  const std::size_t none = ex_.tokens.size();
  const Lexicon* kin = kin_terms_;
  const Lexicon* modifiers = kin_modifiers_;
  const int s = ex_.SentenceOf(t);
  if (kin == nullptr || s < 0) return none;
  const std::size_t first = ex_.sentences[static_cast<std::size_t>(s)].first;
  std::size_t k = t;
  const auto skip = [&](const auto& pred) {
    while (k > first && pred(ex_.tokens[k - 1])) --k;
  };
  // Back over ", and" to the person the list named last.
  skip([](const Token& tok) { return tok.norm == ","sv || tok.lower == "and"sv; });
  if (k > first && ex_.tokens[k - 1].norm == ";"sv) {
    // "her husband, A, who ...; her mother-in-law, B, who ...; and her sister": items set off by
    // semicolons may carry clauses; the same possessive before a kin word in the item before.
    std::size_t from = k - 1;
    while (from > first && ex_.tokens[from - 1].norm != ";"sv) --from;
    for (std::size_t p = from; p + 1 < k - 1; ++p) {
      if (ex_.tokens[p].lower != ex_.tokens[t].lower) continue;
      std::size_t w = p + 1;
      while (w < k - 1 && modifiers != nullptr && modifiers->FindWord(ex_.tokens[w].lower) != nullptr) ++w;
      if (w < k - 1 && kin->FindWord(ex_.tokens[w].lower) != nullptr) return p;
    }
    return none;
  }
  if (k == t || k == first) return none;
  const auto person_ending_at = [&](std::size_t end) {
    std::size_t found = none;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label == "Person"sv && m.last == end && mention_entity_[i] >= 0) found = m.first;
    }
    return found;
  };
  std::size_t person_first = person_ending_at(k);
  const bool joined = std::any_of(ex_.tokens.begin() + static_cast<std::ptrdiff_t>(k),
                                  ex_.tokens.begin() + static_cast<std::ptrdiff_t>(t),
                                  [](const Token& tok) { return tok.lower == "and"sv; });
  if (person_first == none && joined) {
    // "Their son, A, is now 16, and their daughter": a short clause after the item's name (not
    // an age in apposition: "her uncle, A, 63, her father's brother").
    std::size_t j = k;
    while (j > first && j + 4 > k && ex_.tokens[j - 1].kind != TokenKind::kPunct && ex_.tokens[j - 1].lower != "and"sv) {
      --j;
    }
    if (j < k && j > first && ex_.tokens[j - 1].norm == ","sv) person_first = person_ending_at(j - 1);
  }
  if (person_first == none) return none;
  k = person_first;
  skip([](const Token& tok) { return tok.norm == ","sv; });
  // The kin word apposed to that person, with its modifiers ("younger").
  if (k == first || kin->FindWord(ex_.tokens[k - 1].lower) == nullptr) return none;
  --k;
  skip([&](const Token& tok) { return modifiers != nullptr && modifiers->FindWord(tok.lower) != nullptr; });
  if (k == first || ex_.tokens[k - 1].lower != ex_.tokens[t].lower) return none;
  return k - 1;
}

bool ReferenceResolver::OwnsPerson(std::size_t t) const {
  const Lexicon* modifiers = kin_modifiers_;
  const Lexicon* kin = kin_terms_;
  const Lexicon* roles = role_nouns_;
  while (t < ex_.tokens.size() && modifiers != nullptr && modifiers->FindWord(ex_.tokens[t].lower) != nullptr) ++t;
  if (t >= ex_.tokens.size()) return false;
  const std::string& w = ex_.tokens[t].lower;
  return (kin != nullptr && kin->FindWord(w) != nullptr) || (roles != nullptr && roles->FindWord(w) != nullptr);
}

bool ReferenceResolver::OpensSentence(std::size_t t) const {
  const int s = ex_.SentenceOf(t);
  if (s < 0) return false;
  for (std::size_t k = ex_.sentences[static_cast<std::size_t>(s)].first; k < t; ++k) {
    if (ex_.tokens[k].kind == TokenKind::kWord) return false;
  }
  return true;
}

bool ReferenceResolver::OpensAfterTime(std::size_t t) const {
  const int s = ex_.SentenceOf(t);
  if (s < 0) return false;
  const std::size_t first = ex_.sentences[static_cast<std::size_t>(s)].first;
  std::vector<bool> dated(t - first, false);
  for (const ExtractedMention& m : ex_.mentions) {
    if (m.label != "Date"sv || m.last <= first || m.first >= t) continue;
    for (std::size_t k = std::max(m.first, first); k < std::min(m.last, t); ++k) dated[k - first] = true;
  }
  static constexpr std::string_view kSequence[] = {"then", "later", "afterwards", "eventually", "soon", "finally"};
  bool timed = false;
  for (std::size_t k = first; k < t; ++k) {
    const Token& token = ex_.tokens[k];
    if (in_quote_[k]) return false;
    if (dated[k - first] || std::find(std::begin(kSequence), std::end(kSequence), token.lower) != std::end(kSequence)) {
      timed = true;
    } else if (token.norm != ","sv) {
      return false;
    }
  }
  return timed;
}

bool ReferenceResolver::OpensMainClause(std::size_t t) const {
  if (OpensSentence(t)) return true;
  const int s = ex_.SentenceOf(t);
  if (s < 0 || t == 0 || ex_.tokens[t - 1].norm != ","sv) return false;
  const Lexicon* pronouns = pronouns_;
  for (std::size_t k = ex_.sentences[static_cast<std::size_t>(s)].first; k + 1 < t; ++k) {
    if (ex_.tokens[k].norm == ","sv || in_quote_[k]) return false;
    if (pronouns != nullptr && pronouns->FindWord(ex_.tokens[k].lower) != nullptr) return false;
  }
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    if (ex_.mentions[i].first < t) return false;
  }
  return true;
}

bool IsAgeWord(const std::string& lower) {
  std::size_t digits = 0;
  while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
  return digits >= 1 && digits <= 3 && lower.compare(digits, std::string::npos, "-year-old") == 0;
}

std::size_t ReferenceResolver::AgeDescriptionBeforeSpeech(int s) const {
  const Lexicon* speech = speech_verbs_;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t t = sent.first; speech != nullptr && t + 2 < sent.last; ++t) {
    if (in_quote_[t] || ex_.tokens[t].lower != "the"sv || !IsAgeWord(ex_.tokens[t + 1].lower)) continue;
    // Up to three more lower-case words ("former kindergarten teacher"), then the speech verb.
    for (std::size_t k = t + 2; k < sent.last && k <= t + 5; ++k) {
      const Token& w = ex_.tokens[k];
      if (in_quote_[k] || w.kind != TokenKind::kWord) break;
      if (speech->FindWord(w.lower) != nullptr) return t;
      if (w.norm.empty() || w.norm[0] < 'a' || w.norm[0] > 'z') break;
    }
  }
  return ex_.tokens.size();
}

bool ReferenceResolver::SubjectPronoun(std::size_t t) const {
  const Lexicon* pronouns = pronouns_;
  const LexiconEntry* e = pronouns == nullptr ? nullptr : pronouns->FindWord(ex_.tokens[t].lower);
  if (e == nullptr) return false;
  const auto c = e->attributes.find("case");
  return c != e->attributes.end() && c->second == "subject"sv;
}

std::size_t ReferenceResolver::SamePronoun(int s, const std::string& gender, bool subject_only) const {
  const Lexicon* pronouns = pronouns_;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t t = sent.first; pronouns != nullptr && t < sent.last; ++t) {
    if (in_quote_[t] || (subject_only && !SubjectPronoun(t))) continue;
    const LexiconEntry* e = pronouns->FindWord(ex_.tokens[t].lower);
    if (e == nullptr) continue;
    const auto g = e->attributes.find("gender");
    if (g != e->attributes.end() && g->second == gender) return t;
  }
  return ex_.tokens.size();
}

std::vector<int> ReferenceResolver::PersonsBefore(std::size_t t) const {
  std::vector<int> out;
  const int s = ex_.SentenceOf(t);
  if (s < 0) return out;
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    const ExtractedMention& m = ex_.mentions[i];
    const int e = mention_entity_[i];
    if (e < 0 || m.first >= t) continue;
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

bool ReferenceResolver::PluralKinSince(std::size_t t) const {
  const Lexicon* kin = kin_terms_;
  const int s = ex_.SentenceOf(t);
  if (kin == nullptr || s < 0) return false;
  std::size_t from = ex_.sentences[static_cast<std::size_t>(s)].first;
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    const ExtractedMention& m = ex_.mentions[i];
    if (mention_entity_[i] >= 0 && m.first >= from && m.last <= t) from = m.last;
  }
  for (std::size_t k = from; k < t; ++k) {
    const LexiconEntry* e = kin->FindWord(ex_.tokens[k].lower);
    if (e == nullptr) continue;
    const auto number = e->attributes.find("number");
    if (number == e->attributes.end() || number->second != "plural"sv) continue;
    // Owned by one person ("her two brothers", "X's sons"), not by the group ("their relatives").
    for (std::size_t back = 1; back <= 3 && k >= from + back; ++back) {
      const std::string& w = ex_.tokens[k - back].lower;
      if (w == "his"sv || w == "her"sv || w == "my"sv || ex_.tokens[k - back].norm == "'s"sv) return true;
    }
  }
  return false;
}

std::vector<int> ReferenceResolver::Resolve(std::size_t t) const {
  if (t >= ex_.tokens.size()) return {};
  if (ex_.tokens[t].line_start && IsBulletMark(ex_.tokens[t].norm)) return ListSubject(t);
  const std::string& lower = ex_.tokens[t].lower;
  if (IsFirstPerson(lower)) {
    if (!in_quote_[t]) {
      if (std::vector<int> writers = DeclaredWriters(t); !writers.empty()) return writers;
      return narrator_ < 0 ? std::vector<int>{} : std::vector<int>{narrator_};
    }
    const int sp = Speaker(ex_.SentenceOf(t));
    return sp < 0 ? std::vector<int>{} : std::vector<int>{sp};
  }
  const Lexicon* pronouns = pronouns_;
  const LexiconEntry* entry = pronouns == nullptr ? nullptr : pronouns->FindWord(lower);
  if (entry == nullptr) return EntrySubject(t);
  if (AttributeOf(entry->attributes, "person") == "second"sv) {
    const int asked = in_quote_[t] ? -1 : Interviewee(ex_.SentenceOf(t));
    return asked < 0 ? std::vector<int>{} : std::vector<int>{asked};
  }
  const auto number = entry->attributes.find("number");
  if (number != entry->attributes.end() && number->second == "plural"sv) {
    // "Their son, A, is 16, and their daughter": whom the list's first "their" stands for.
    if (const std::size_t listed = ListedPossessiveBefore(t); listed < ex_.tokens.size()) return Resolve(listed);
    if (PluralKinSince(t)) return {};
    std::vector<int> before = PersonsBefore(t);
    return before.empty() ? RecentList(t, 0) : before;
  }
  // "his or her parents", "he or she": anyone at all, no one person (the other pronoun of the
  // pair has the same case and the other gender; "she or her husband" is no pair).
  const auto pairs_with = [&](std::size_t k) {
    const LexiconEntry* other = pronouns->FindWord(ex_.tokens[k].lower);
    return other != nullptr && AttributeOf(other->attributes, "case") == AttributeOf(entry->attributes, "case") &&
           AttributeOf(other->attributes, "gender") != AttributeOf(entry->attributes, "gender");
  };
  if ((t + 2 < ex_.tokens.size() && ex_.tokens[t + 1].lower == "or"sv && pairs_with(t + 2)) ||
      (t >= 2 && ex_.tokens[t - 1].lower == "or"sv && pairs_with(t - 2))) {
    return {};
  }
  const auto g = entry->attributes.find("gender");
  const auto c = entry->attributes.find("case");
  const bool possessive = c != entry->attributes.end() && c->second == "possessive"sv;
  const std::string gender = g == entry->attributes.end() ? "" : g->second;
  const int fronted = in_quote_[t] ? -1 : FrontedSubject(t, gender);
  if (fronted >= 0) return {fronted};
  if (!in_quote_[t]) {
    if (std::vector<int> described = DescribedOpening(ex_.SentenceOf(t), t, gender); !described.empty()) {
      return described;
    }
  }
  if (!in_quote_[t] && possessive) {
    if (const int item = ItemSubject(t, gender); item >= 0) return {item};
  }
  // A case entry goes on about its person, past fragments that describe them or name a relative
  // ("1. X, 40. Sister of Y. A pharmacist. She was detained ...").
  if (const int person = EntryPerson(t, gender); person >= 0) return {person};
  int e = NearestBefore(t, gender, possessive);
  if (e >= 0 && ObjectReading(t, *entry) && e == VerbSubjectBefore(t)) {
    // "Judge X fined him": the object of a verb is not the person doing it, so it means whom a
    // pronoun opening the sentence would mean.
    const std::size_t first = FirstWord(ex_.SentenceOf(t));
    e = first < t ? NearestBefore(first, gender, false) : -1;
  }
  return e < 0 ? std::vector<int>{} : std::vector<int>{e};
}

bool ReferenceResolver::ObjectReading(std::size_t t, const LexiconEntry& entry) const {
  const auto c = entry.attributes.find("case");
  if (c != entry.attributes.end() && c->second == "object"sv) return true;
  const auto o = entry.attributes.find("object");
  if (o == entry.attributes.end() || o->second != "yes"sv) return false;
  // "fined her 80,000 tenge", "detained her.", "took her to a camp": no noun follows "her".
  if (t + 1 >= ex_.tokens.size() || ex_.tokens[t + 1].kind != TokenKind::kWord) return true;
  static constexpr std::string_view kNotNouns[] = {"to", "on", "in", "at", "for", "from", "with", "after", "before",
                                                    "and", "the", "a", "an", "again", "away", "back", "last", "that"};
  return std::find(std::begin(kNotNouns), std::end(kNotNouns), ex_.tokens[t + 1].lower) != std::end(kNotNouns);
}

int ReferenceResolver::VerbSubjectBefore(std::size_t t) const {
  const int s = ex_.SentenceOf(t);
  if (s < 0 || t < 2 || ex_.tokens[t - 1].shape.empty() || ex_.tokens[t - 1].shape.front() != 'x') return -1;
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    if (ex_.mentions[i].last == t - 1) return mention_entity_[i];
  }
  return -1;
}

bool ReferenceResolver::NearMentionOf(int e, std::size_t before, std::size_t reach,
                                      const std::function<bool(std::size_t)>& test) const {
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    if (mention_entity_[i] != e || m.first >= before || m.sentence < 0) continue;
    const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(m.sentence)];
    const std::size_t from = std::max(sent.first, m.first >= 3 ? m.first - 3 : 0);
    const std::size_t to = std::min(sent.last, m.last + reach);
    for (std::size_t k = from; k < to; ++k) {
      if ((k < m.first || k >= m.last) && test(k)) return true;
    }
  }
  return false;
}

bool ReferenceResolver::CalledLike(int e, const std::string& head, std::size_t before) const {
  const Lexicon* roles = role_nouns_;
  const LexiconEntry* role = roles == nullptr ? nullptr : roles->FindWord(head);
  if (role == nullptr) return false;
  const std::string category = AttributeOf(role->attributes, "category");
  // The words right around the name: a title before it, an apposition after it.
  return NearMentionOf(e, before, 8, [&](std::size_t k) {
    const LexiconEntry* near = roles->FindWord(ex_.tokens[k].lower);
    return near != nullptr &&
           (ex_.tokens[k].lower == head || (!category.empty() && AttributeOf(near->attributes, "category") == category));
  });
}

bool ReferenceResolver::DiedNear(int e, std::size_t before) const {
  static constexpr std::string_view kDeath[] = {"died", "dies", "death", "dead", "late", "killed", "deceased"};
  return NearMentionOf(e, before, 12, [&](std::size_t k) {
    return std::find(std::begin(kDeath), std::end(kDeath), ex_.tokens[k].lower) != std::end(kDeath);
  });
}

std::size_t ReferenceResolver::KinOwnerApposedAt(const CaptureRange& c) const {
  const std::size_t none = ex_.tokens.size();
  if (c.first < 2 || c.last >= ex_.tokens.size()) return none;
  if (ex_.tokens[c.last].norm == "'s"sv) return ex_.tokens[c.first - 1].norm == ","sv ? c.first - 1 : none;
  if (ex_.tokens[c.first - 1].lower != "of"sv) return none;
  const Lexicon* kin = kin_terms_;
  bool kin_word = false;
  for (std::size_t k = c.first - 1; k-- > 0 && k + 6 >= c.first;) {
    if (ex_.tokens[k].norm == ","sv) return kin_word ? k : none;
    kin_word = kin_word || (kin != nullptr && kin->FindWord(ex_.tokens[k].lower) != nullptr);
  }
  return none;
}

std::size_t ReferenceResolver::KinOwnerPredicatedAt(const CaptureRange& c) const {
  const std::size_t none = ex_.tokens.size();
  if (c.first < 4 || ex_.tokens[c.first - 1].lower != "of"sv) return none;
  const Lexicon* kin = kin_terms_;
  const std::size_t term = c.first - 2;
  if (kin == nullptr || kin->FindWord(ex_.tokens[term].lower) == nullptr) return none;
  std::size_t k = term;
  while (k > 0 && (ex_.tokens[k - 1].lower == "younger"sv || ex_.tokens[k - 1].lower == "elder"sv ||
                   ex_.tokens[k - 1].lower == "older"sv)) {
    --k;
  }
  if (k < 2 || (ex_.tokens[k - 1].lower != "a"sv && ex_.tokens[k - 1].lower != "the"sv)) return none;
  std::size_t verb = k - 2;
  if (verb > 0 && (ex_.tokens[verb].lower == "also"sv || ex_.tokens[verb].lower == "now"sv)) --verb;
  return ex_.tokens[verb].lower == "is"sv || ex_.tokens[verb].lower == "was"sv ? verb : none;
}

std::vector<int> ReferenceResolver::ResolveDescription(const CaptureRange& c, const std::string& gender,
                                                       int depth) const {
  if (c.first >= ex_.tokens.size() || in_quote_[c.first]) return {};
  if (!OpensSentence(c.first) && !OpensAfterTime(c.first)) {
    // "Y, the detained man's daughter, ..." or "Y, a cousin of the former lawmaker, ...": a
    // description owning a relative in apposition to a name is someone named before that name,
    // as a pronoun of its gender opening Y's sentence would be; never Y.
    // "X is a sister-in-law of the dead blogger": the one person named before X's sentence whom
    // the text has called a person of that kind; none when it called two so (a journalist who
    // covers the case beside the jailed one).
    if (const int s = ex_.SentenceOf(c.first); s >= 0 && KinOwnerPredicatedAt(c) < ex_.tokens.size()) {
      const std::size_t opening = ex_.sentences[static_cast<std::size_t>(s)].first;
      // "the late president", "the dead blogger": someone the text tells has died.
      bool dead = false;
      for (std::size_t k = c.first; k + 1 < c.last; ++k) {
        const std::string& w = ex_.tokens[k].lower;
        dead = dead || w == "late"sv || w == "dead"sv || w == "deceased"sv;
      }
      std::set<int> called;
      for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
        const ExtractedMention& m = ex_.mentions[i];
        const int e = mention_entity_[i];
        if (m.label != "Person"sv || e < 0 || m.first >= opening || in_quote_[m.first] || called.count(e) != 0) continue;
        if (CalledLike(e, ex_.tokens[c.last - 1].lower, opening) && (!dead || DiedNear(e, opening))) called.insert(e);
      }
      return called.size() == 1 ? std::vector<int>{*called.begin()} : std::vector<int>{};
    }
    const std::size_t comma = KinOwnerApposedAt(c);
    if (comma >= ex_.tokens.size()) return {};
    const int s = ex_.SentenceOf(c.first);
    for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.last != comma || m.first != ex_.sentences[static_cast<std::size_t>(s)].first) continue;
      const int apposed = mention_entity_[i];
      int owner = NearestBefore(m.first, gender, false);
      if (owner < 0) owner = TopicBefore(m.first, gender, true);
      if (owner < 0 || owner == apposed) return {};
      // "Y, a cousin of the former lawmaker": only someone the text has called a person of that
      // kind ("Former lawmaker X", "X, a former member of parliament"), not just whoever is near.
      if (ex_.tokens[c.last].norm != "'s"sv && !CalledLike(owner, ex_.tokens[c.last - 1].lower, m.first)) return {};
      return {owner};
    }
    return {};
  }
  if (c.last + 1 < ex_.tokens.size() && ex_.tokens[c.last].norm == ","sv) {
    for (std::size_t i : persons_in_[static_cast<std::size_t>(ex_.SentenceOf(c.first))]) {
      if (ex_.mentions[i].first != c.last + 1) continue;
      const int e = mention_entity_[i];
      return e < 0 ? std::vector<int>{} : std::vector<int>{e};
    }
  }
  if (const int apposed = ApposedEarlier(c); apposed >= 0) return {apposed};
  // "In 2021 the judge sentenced her": one who holds an office over the persons of the story
  // ("the judge", "the officer", "the consul") is someone new unless named beside the title.
  if (const Lexicon* roles = role_nouns_; roles != nullptr) {
    const LexiconEntry* head = roles->FindWord(ex_.tokens[c.last - 1].lower);
    if (head != nullptr && IsOffice(*head)) return {};
  }
  // A description names someone again where a pronoun would mean the subject, so it means the
  // last fitting person (no possessor) outside quotes of the sentence before ("... said his
  // father, X, was released. The elder man ...": X).
  const std::vector<int> back = LookBack(ex_.SentenceOf(c.first), 1);
  int last = -1;
  if (back.size() > 1) {
    for (std::size_t i : persons_in_[static_cast<std::size_t>(back[1])]) {
      const ExtractedMention& m = ex_.mentions[i];
      const int e = mention_entity_[i];
      if (e < 0 || in_quote_[m.first] || (m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv)) continue;
      const std::string& g = entities_[static_cast<std::size_t>(e)].gender;
      if (gender.empty() || g.empty() || g == gender) last = e;
    }
  }
  if (last < 0 && back.size() > 1 && depth < 4) {
    const CaptureRange same = OpeningDescription(back[1], ex_.tokens[c.last - 1].lower);
    if (same.set) {
      if (std::vector<int> earlier = ResolveDescription(same, gender, depth + 1); !earlier.empty()) return earlier;
    }
  }
  if (last < 0) last = NearestBefore(c.first, gender, false);
  return last < 0 ? std::vector<int>{} : std::vector<int>{last};
}

CaptureRange ReferenceResolver::OpeningDescription(int s, const std::string& head) const {
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  for (std::size_t k = sent.first; k < sent.last; ++k) {
    if (ex_.tokens[k].lower != "the"sv) continue;
    if (in_quote_[k] || (!OpensSentence(k) && !OpensAfterTime(k))) break;
    for (std::size_t h = k + 1; h < sent.last && h < k + 4 && ex_.tokens[h].kind == TokenKind::kWord; ++h) {
      if (ex_.tokens[h].lower == head) return CaptureRange{k, h + 1, true};
    }
    break;
  }
  return {};
}

int ReferenceResolver::ApposedEarlier(const CaptureRange& c) const {
  if (c.last <= c.first || c.last > ex_.tokens.size()) return -1;
  const std::string& head = ex_.tokens[c.last - 1].lower;
  int found = -1;
  for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
    const ExtractedMention& m = ex_.mentions[i];
    const int e = mention_entity_[i];
    if (m.label != "Person"sv || e < 0 || m.last + 2 >= c.first || ex_.tokens[m.last].norm != ","sv) continue;
    const std::string& article = ex_.tokens[m.last + 1].lower;
    if (article != "the"sv && article != "a"sv && article != "an"sv) continue;
    for (std::size_t k = m.last + 2; k < m.last + 6 && k < c.first; ++k) {
      if (ex_.tokens[k].kind != TokenKind::kWord) break;
      if (ex_.tokens[k].lower != head) continue;
      if (found >= 0 && found != e) return -1;  // two persons were so described
      found = e;
      break;
    }
  }
  return found;
}

std::vector<int> ReferenceResolver::DescribedOpening(int s, std::size_t t, const std::string& gender) const {
  if (s < 0) return {};
  const std::size_t first = FirstWord(s);
  if (first >= t || in_quote_[first] || ex_.tokens[first].lower != "the"sv) return {};
  const Lexicon* roles = role_nouns_;
  std::size_t head = first;
  const LexiconEntry* entry = nullptr;
  for (std::size_t k = first + 1; k < t && k < first + 4 && ex_.tokens[k].kind == TokenKind::kWord; ++k) {
    const LexiconEntry* e = roles == nullptr ? nullptr : roles->FindWord(ex_.tokens[k].lower);
    if (e == nullptr || AttributeOf(e->attributes, "number") != "singular"sv) continue;
    head = k;
    entry = e;
  }
  if (entry == nullptr || head + 1 >= t) return {};
  const std::string head_gender = AttributeOf(entry->attributes, "gender");
  if (!gender.empty() && !head_gender.empty() && head_gender != gender) return {};
  int apposed = ApposedEarlier(CaptureRange{first, head + 1, true});
  if (apposed < 0 && IsAgeWord(ex_.tokens[first + 1].lower)) {
    // "\"...,\" X says. The 36-year-old music teacher came back ...": a definite description that
    // gives an age, opening the sentence after one that names a person outside quotes, is that
    // person.
    const std::vector<int> before = LookBack(s, 1);
    if (before.size() == 2) {
      const Named named = NamedIn(before[1], ex_.sentences[static_cast<std::size_t>(before[1])].last, gender, 0);
      if (!named.unresolved) apposed = named.person;
    }
  }
  if (apposed < 0) return {};
  const std::string& g = entities_[static_cast<std::size_t>(apposed)].gender;
  if (!gender.empty() && !g.empty() && g != gender) return {};
  return {apposed};
}

int ReferenceResolver::FrontedSubject(std::size_t t, const std::string& gender) const {
  const int s = ex_.SentenceOf(t);
  if (s < 0 || gender.empty() || OpensSentence(t)) return -1;
  const SentenceSpan& sent = ex_.sentences[static_cast<std::size_t>(s)];
  std::size_t comma = sent.first;
  while (comma < sent.last && ex_.tokens[comma].norm != ","sv) ++comma;
  if (comma <= t || comma + 1 >= sent.last) return -1;
  // "his lawyer, X": a name apposed to a kin or role word is that relative, not the subject.
  const Lexicon* kin = kin_terms_;
  const Lexicon* roles = role_nouns_;
  const std::string& before = ex_.tokens[comma - 1].lower;
  if ((kin != nullptr && kin->FindWord(before) != nullptr) || (roles != nullptr && roles->FindWord(before) != nullptr)) {
    return -1;
  }
  for (std::size_t i : persons_in_[static_cast<std::size_t>(s)]) {
    const ExtractedMention& m = ex_.mentions[i];
    if (m.first < comma) return -1;  // the opening phrase names someone
    if (m.first > comma + 1) break;
    const int e = mention_entity_[i];
    if (e < 0 || in_quote_[m.first]) return -1;
    if (m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv) return -1;
    const std::string& g = entities_[static_cast<std::size_t>(e)].gender;
    return !g.empty() && g != gender ? -1 : e;
  }
  return -1;
}



// "a second woman", "another activist": words that introduce the next person of a list.
bool ReferenceResolver::IntroducesPerson(const std::string& lower) const {
  if (lower == "a"sv || lower == "an"sv || lower == "another"sv || lower == "fellow"sv) return true;
  const Lexicon* roles = role_nouns_;
  const Lexicon* modifiers = kin_modifiers_;
  if (roles != nullptr && roles->FindWord(lower) != nullptr) return true;
  const LexiconEntry* m = modifiers == nullptr ? nullptr : modifiers->FindWord(lower);
  return m != nullptr && m->attributes.count("ordinal") != 0;
}

std::vector<int> ReferenceResolver::RecentList(std::size_t t, int want) const {
  const Lexicon* kin = kin_terms_;
  const Lexicon* modifiers = kin_modifiers_;
  const int s = ex_.SentenceOf(t);
  for (int look : LookBack(s, 3)) {
    std::vector<std::vector<int>> lists;
    std::vector<int> list;
    std::size_t last_end = 0;
    for (std::size_t i = 0; i < ex_.mentions.size(); ++i) {
      const ExtractedMention& m = ex_.mentions[i];
      if (m.label != "Person"sv || m.sentence != look || mention_entity_[i] < 0) continue;
      if (look == s && m.first >= t) continue;
      // "X, 68, Y's widow": a possessor names whose relative the list member is.
      if (m.last < ex_.tokens.size() && ex_.tokens[m.last].norm == "'s"sv) continue;
      bool joined = !list.empty();
      for (std::size_t k = last_end; joined && k < m.first; ++k) {
        const Token& tok = ex_.tokens[k];
        // An age between commas ("A, 51, and B, 22", "A, now 34, and her younger brother, B")
        // joins as well.
        joined = tok.norm == ","sv || tok.lower == "and"sv || tok.lower == "her"sv || tok.lower == "his"sv ||
                 tok.lower == "now"sv || tok.lower == "aged"sv || (tok.kind == TokenKind::kNumber && tok.norm.size() <= 3) ||
                 (kin != nullptr && kin->FindWord(tok.lower) != nullptr) ||
                 (modifiers != nullptr && modifiers->FindWord(tok.lower) != nullptr) || IntroducesPerson(tok.lower);
      }
      if (!joined && list.size() >= 2) lists.push_back(list);
      if (!joined) list.clear();
      if (std::find(list.begin(), list.end(), mention_entity_[i]) == list.end()) list.push_back(mention_entity_[i]);
      last_end = m.last;
    }
    if (list.size() >= 2) lists.push_back(list);
    for (auto it = lists.rbegin(); it != lists.rend(); ++it) {
      if (want == 0 || static_cast<int>(it->size()) == want) return *it;
    }
  }
  return {};
}

}  // namespace kith
