// Name part owner: which of several persons sharing a name part (two brothers'
// surname) a mention of that part alone stands for. News writing introduces its
// main subject first and calls the relatives by their first names, so the part
// names the person introduced first among those named before it, provided the
// gender the mention carries ("Mr.", "Ms.") does not conflict. Of two persons
// introduced in one sentence, one introduced as the other's relative ("A Serik
// died, according to his son, M Serik") is not the one the part names; two
// introduced alike ("A Serik and M Serik") stay ambiguous, and so does a part
// that comes before every full name.
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
};

// The entity the name part at token `at` (with gender `gender`, maybe "") stands for, or -1.
int NamePartOwner(const std::vector<NamePartCandidate>& candidates, std::size_t at, const std::string& gender);

}  // namespace kith
