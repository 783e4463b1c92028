// Name propagation: once rules have found a person's name in a document,
// its other occurrences are the same person even where no rule's context
// fires ("Talgat chanted", "Sadykova's son"). This pass adds Person mentions
// (rule ids "coref.lone-name-extended", "coref.repeat-name", "coref.family-name"
// and "coref.name-part") for
//   - two capitalised words, one of them a name found alone elsewhere
//     ("Sabira said" ... "When Sabira Tokhtieva finishes"), neither a not-name
//     nor inside a mention, not glued to a third capitalised word;
//   - repeats of a full multi-token name, and of a one-word name (title-case,
//     not glued to other capitalised words), and
//   - a capitalised word no lexicon knows for anything else before the family name
//     (last word) of a known name of two words or more ("Mehmut Tohti" beside "Yasin
//     Tohti", rule "coref.family-name"), the two not glued to a third capitalised word,
//     the first not opening its sentence ("Freeing Tohti would ...");
//   - a single title-case token equal (by NameKey) to a part of exactly one
//     known multi-token person name (spellings with one NameKey identity,
//     "Serikuly" and "Serikov", count as one), or, where several share it, spelled
//     exactly as a part of one of them ("Murat" beside "Y Muratuly"); the
//     mention's attribute "refers" holds that person's full name, so the
//     graph joins them. Parts of one or two letters are no such part, except
//     the two-letter surname opening a name of two words ("Ma" of "Ma Jun").
//     Spelled exactly as a part of several ("Omarova" of a mother and her
//     daughter), it is a person without "refers": the graph gives it to one of
//     them by context, or to none.
// Tokens already inside an entity mention, words of the `not_names`
// lexicon, and a month's name alone ("Jun 5" beside "Wang Jun") are never
// taken. Deterministic; touches only ex->mentions, and
// reads only the tokens and the entity mentions (Person, Organization,
// Place): run again on what it left, having added nothing, it adds nothing
// again, whatever other mentions came in between.
#pragma once

#include "extract/extraction.h"
#include "extract/rule_set.h"

namespace kith {

// True when it added a mention.
bool PropagatePersonNames(const RuleSet& rules, Extraction* ex);

}  // namespace kith
