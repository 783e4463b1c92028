#include "graph/name_part_owner.h"

#include <catch2/catch.hpp>

#include <vector>

namespace kith {
namespace {

NamePartCandidate Candidate(int entity, std::size_t token, int sentence, const std::string& gender = "") {
  NamePartCandidate c;
  c.entity = entity;
  c.first_token = token;
  c.first_sentence = sentence;
  c.gender = gender;
  return c;
}

TEST_CASE("NamePartOwner: the person introduced first among those named before", "[graph]") {
  const std::vector<NamePartCandidate> brothers{Candidate(7, 40, 3), Candidate(2, 5, 0)};
  CHECK(NamePartOwner(brothers, 20, "") == 2);  // only the first brother is named yet
  CHECK(NamePartOwner(brothers, 60, "") == 2);  // both named: the one introduced first
  CHECK(NamePartOwner(brothers, 3, "") == -1);  // before every full name
}

TEST_CASE("NamePartOwner: a title's gender rules a person out", "[graph]") {
  const std::vector<NamePartCandidate> family{Candidate(1, 5, 0, "female"), Candidate(4, 30, 2, "male")};
  CHECK(NamePartOwner(family, 50, "male") == 4);
  CHECK(NamePartOwner(family, 50, "female") == 1);
  CHECK(NamePartOwner(family, 50, "") == 1);
}

TEST_CASE("NamePartOwner: two persons introduced in one sentence stay ambiguous", "[graph]") {
  const std::vector<NamePartCandidate> pair{Candidate(0, 0, 0), Candidate(1, 4, 0), Candidate(2, 30, 3)};
  CHECK(NamePartOwner(pair, 50, "") == -1);
}

TEST_CASE("NamePartOwner: of two persons introduced in one sentence, not the one introduced as a relative", "[graph]") {
  std::vector<NamePartCandidate> family{Candidate(0, 0, 0, "male"), Candidate(1, 12, 0, "male")};
  family[1].as_relative = true;  // "A Serik died, according to his son, M Serik"
  CHECK(NamePartOwner(family, 50, "male") == 0);
  CHECK(NamePartOwner(family, 50, "") == 0);
  family[0].as_relative = true;  // both introduced as someone's relatives: still ambiguous
  CHECK(NamePartOwner(family, 50, "") == -1);
  family[0].as_relative = false;
  family[1].as_relative = false;
  CHECK(NamePartOwner(family, 50, "") == -1);
}

TEST_CASE("NamePartOwner: a given name before a son's family name, when the son goes by his own", "[graph]") {
  // "Y Murat" (the son, introduced first) and "Murat T" (his father); the son is "Y" alone.
  std::vector<NamePartCandidate> family{Candidate(0, 5, 0, "male"), Candidate(1, 40, 3, "male")};
  family[1].given_name = true;
  CHECK(NamePartOwner(family, 60, "") == 0);  // the article never calls the son by "Y" alone
  family[0].goes_by_given_name = true;
  CHECK(NamePartOwner(family, 60, "") == 1);
  CHECK(NamePartOwner(family, 60, "", true) == 0);  // "Mr. Murat": a family name
  CHECK(NamePartOwner(family, 20, "") == 0);        // the father is not named yet
}

TEST_CASE("NamePartOwner: a part spelled as one person's name word, and only like the others'", "[graph]") {
  // "Bekov" beside "K Bek" (introduced first) and "A Bekov".
  std::vector<NamePartCandidate> brothers{Candidate(0, 5, 0, "male"), Candidate(1, 40, 3, "male")};
  brothers[1].same_spelling = true;
  CHECK(NamePartOwner(brothers, 60, "male", true) == 1);
  brothers[0].same_spelling = true;
  CHECK(NamePartOwner(brothers, 60, "male", true) == 0);
}

TEST_CASE("NamePartOwner: the one person the article never calls by the given name alone", "[graph]") {
  // "Darkhan Zhaksylyquly" (a brother, introduced first, later "Darkhan") and "Qanat Zhaksylyquly".
  std::vector<NamePartCandidate> brothers{Candidate(0, 5, 0, "male"), Candidate(1, 40, 3, "male")};
  CHECK(NamePartOwner(brothers, 60, "") == 0);
  brothers[0].goes_by_given_name = true;
  CHECK(NamePartOwner(brothers, 60, "") == 1);
  CHECK(NamePartOwner(brothers, 20, "") == 0);  // the other brother is not named yet
  brothers[1].goes_by_given_name = true;        // both called by their given names
  CHECK(NamePartOwner(brothers, 60, "") == 0);
}

TEST_CASE("NamePartOwner: a given name two others bear as their family name is its owner's", "[graph]") {
  // "A Tursun" (the father, introduced first), then his children "E Ablimit" and "M Ablimit";
  // "Ablimit" alone. Only the son goes by his given name.
  std::vector<NamePartCandidate> family{Candidate(0, 5, 0, "male"), Candidate(1, 20, 1, "male"),
                                        Candidate(2, 40, 3, "female")};
  for (NamePartCandidate& c : family) c.same_spelling = true;
  family[0].given_name = true;
  family[1].goes_by_given_name = true;
  CHECK(NamePartOwner(family, 60, "") == 0);
  CHECK(NamePartOwner(family, 60, "", true) != 0);  // "Mr. Ablimit": a family name
  // A patronymic made of the father's name is not his given name spelled so.
  family[1].same_spelling = false;
  family[2].same_spelling = false;
  family[0].same_spelling = false;
  CHECK(NamePartOwner(family, 60, "") != 0);
}

}  // namespace
}  // namespace kith
