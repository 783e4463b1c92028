// Name part owner: which of several persons sharing a name part (two brothers'
// surname) a mention of that part alone stands for. News writing introduces its
// main subject first and calls the relatives by their first names, so the part
// names the person introduced first among those named before it, provided the
// gender the mention carries ("Mr.", "Ms.") does not conflict; but when all of them
// save one go by their given names elsewhere in the article ("Darkhan sent me money"), the
// part names that one, whenever introduced. Of two persons
// introduced in one sentence, one introduced as the other's relative ("A Serik
// died, according to his son, M Serik") is not the one the part names; two
// introduced alike ("A Serik and M Serik") stay ambiguous, and so does a part
// that comes before every full name. Where the part is one person's given name
// and a later name of the others (a son named after his father's given name,
// "Y Murat" beside "Murat T"), and the article calls each of the others
// by his own given name ("Y said"), it is the given name's owner, unless a title
// ("Mr.") says it is a family name. A part spelled exactly as a word of one
// person's name, and only like a word of the others' ("Bekov" beside "Bek"),
// is that person's first of all.
#pragma once

#include <string>
#include <vector>

namespace kith {

struct NamePartCandidate {
  int entity = -1;
  std::size_t first_token = 0;  // token where the person's full name first appears
  int first_sentence = -1;      // sentence of that token
  std::string gender;           // "male", "female" or ""
  bool as_relative = false;     // the full name first appears after a kin word ("his son, M Serik")
  bool given_name = false;      // the part is the first word of the person's name
  bool goes_by_given_name = false;  // the first word of the name stands alone somewhere in the article
  bool same_spelling = false;   // the part is spelled exactly as a word of the person's name
};

// The entity the name part at token `at` (with gender `gender`, maybe "", after a title when
// `titled`) stands for, or -1.
int NamePartOwner(const std::vector<NamePartCandidate>& candidates, std::size_t at, const std::string& gender,
                  bool titled = false);

}  // namespace kith
