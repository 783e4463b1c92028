#include "extract/overlap.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace kith {
namespace {

ExtractedMention M(std::size_t first, std::size_t last, const std::string& label, const std::string& rule,
                   int priority = 0, bool nests = false, std::map<std::string, std::string> attributes = {}) {
  ExtractedMention m;
  m.first = first;
  m.last = last;
  m.span = Span{first * 10, last * 10};
  m.label = label;
  m.rule = rule;
  m.priority = priority;
  m.nests = nests;
  m.attributes = std::move(attributes);
  return m;
}

// "Label[first,last) rule {k=v ...}" per mention, joined by "; ".
std::string Render(const std::vector<ExtractedMention>& mentions) {
  std::string out;
  for (const ExtractedMention& m : mentions) {
    if (!out.empty()) out += "; ";
    out += m.label + "[" + std::to_string(m.first) + "," + std::to_string(m.last) + ") " + m.rule;
    if (!m.attributes.empty()) {
      out += " {";
      bool first = true;
      for (const auto& kv : m.attributes) {
        out += (first ? "" : " ") + kv.first + "=" + kv.second;
        first = false;
      }
      out += "}";
    }
  }
  return out;
}

// "loser-rule<beaten_by" per loss, joined by "; ".
std::string Losses(const std::vector<OverlapLoss>& losses) {
  std::string out;
  for (const OverlapLoss& l : losses) {
    if (!out.empty()) out += "; ";
    out += l.loser.rule + "<" + l.beaten_by;
  }
  return out;
}

struct OverlapCase {
  const char* name;
  std::vector<ExtractedMention> accepted;    // before the call (earlier stages)
  std::vector<ExtractedMention> candidates;  // this stage
  std::string expected_accepted;
  std::string expected_losses;
};

std::vector<OverlapCase> Cases() {
  return {
      {"longest wins over a higher priority",
       {},
       {M(0, 2, "Person", "p.short", 10), M(0, 3, "Organization", "o.long", 1)},
       "Organization[0,3) o.long",
       "p.short<o.long"},
      {"priority breaks ties of length",
       {},
       {M(0, 2, "Person", "p.low", 1), M(1, 3, "Place", "l.high", 5)},
       "Place[1,3) l.high",
       "p.low<l.high"},
      {"priority decides between labels on one span",
       {},
       {M(0, 2, "Person", "p.low", 1), M(0, 2, "Organization", "o.high", 2)},
       "Organization[0,2) o.high",
       "p.low<o.high"},
      {"leftmost breaks ties of length and priority",
       {},
       {M(1, 3, "Person", "p.right", 3), M(0, 2, "Person", "p.left", 3)},
       "Person[0,2) p.left",
       "p.right<p.left"},
      {"same span and label merge attributes, the first accepted keeps its values",
       {},
       {M(0, 2, "Person", "p.kin", 5, false, {{"gender", "female"}}),
        M(0, 2, "Person", "p.age", 1, false, {{"age", "45"}, {"gender", "male"}})},
       "Person[0,2) p.kin {age=45 gender=female}",
       ""},
      {"a nesting place inside an organization",
       {},
       {M(0, 5, "Organization", "org.headed", 15), M(4, 5, "Place", "place.city", 10, true)},
       "Organization[0,5) org.headed; Place[4,5) place.city",
       ""},
      {"a place that does not nest loses to the organization around it",
       {},
       {M(0, 5, "Organization", "org.headed", 15), M(4, 5, "Place", "place.plain", 10)},
       "Organization[0,5) org.headed",
       "place.plain<org.headed"},
      {"an earlier nesting mention stays inside a longer candidate",
       {M(2, 5, "Organization", "org.known", 20, true)},
       {M(0, 7, "Organization", "org.longer", 14)},
       "Organization[0,7) org.longer; Organization[2,5) org.known",
       ""},
      {"a nesting candidate inside a longer mention of the same label",
       {M(0, 7, "Organization", "org.longer", 14)},
       {M(2, 5, "Organization", "org.known", 20, true)},
       "Organization[0,7) org.longer; Organization[2,5) org.known",
       ""},
      {"same-label containment replaces and keeps attributes it lacks",
       {M(1, 2, "Person", "coref.name-part", 0, false, {{"gender", "female"}, {"refers", "Aigerim Sadykova"}})},
       {M(0, 2, "Person", "person.full", 30, false, {{"refers", "x"}})},
       "Person[0,2) person.full {gender=female refers=x}",
       "coref.name-part<person.full"},
      {"a longer candidate replaces every same-label mention it contains",
       {M(0, 1, "Person", "a", 0), M(2, 3, "Person", "b", 0), M(5, 6, "Person", "c", 0)},
       {M(0, 4, "Person", "list", 1)},
       "Person[0,4) list; Person[5,6) c",
       "b<list; a<list"},
      {"an earlier nesting place blocks a candidate of another label on its very span",
       {M(3, 4, "Place", "place.region", 8, true)},
       {M(3, 4, "Person", "person.appositive", 29)},
       "Place[3,4) place.region",
       "person.appositive<place.region"},
      {"an earlier mention of another label blocks a longer candidate",
       {M(1, 2, "Place", "place.city", 10)},
       {M(0, 3, "Organization", "org.headed", 15)},
       "Place[1,2) place.city",
       "org.headed<place.city"},
      {"auxiliary labels conflict only with their own label",
       {M(0, 4, "Person", "p", 30)},
       {M(0, 2, "Role", "r.left", 1), M(1, 3, "Role", "r.right", 1), M(1, 2, "Kin", "k", 1),
        M(0, 3, "Role", "r.wide", 0)},
       "Person[0,4) p; Role[0,3) r.wide; Kin[1,2) k",
       "r.left<r.wide; r.right<r.wide"},
      {"auxiliary same span and label merge",
       {},
       {M(0, 1, "Role", "r.a", 1, false, {{"gender", "male"}}), M(0, 1, "Role", "r.b", 0, false, {{"kind", "job"}})},
       "Role[0,1) r.a {gender=male kind=job}",
       ""},
      {"disjoint mentions are all kept, sorted by start then length",
       {M(6, 7, "Place", "x", 0)},
       {M(3, 4, "Person", "y", 0), M(0, 2, "Organization", "z", 0), M(0, 1, "Role", "w", 0)},
       "Organization[0,2) z; Role[0,1) w; Person[3,4) y; Place[6,7) x",
       ""},
  };
}

TEST_CASE("ResolveOverlaps follows the documented policy", "[extract]") {
  for (const OverlapCase& c : Cases()) {
    INFO(c.name);
    std::vector<ExtractedMention> accepted = c.accepted;
    std::vector<OverlapLoss> losses;
    ResolveOverlaps(c.candidates, &accepted, &losses);
    CHECK(Render(accepted) == c.expected_accepted);
    // A merge is not a loss.
    CHECK(Losses(losses) == c.expected_losses);
  }
}

TEST_CASE("ResolveOverlaps does the same without a losses list", "[extract]") {
  for (const OverlapCase& c : Cases()) {
    INFO(c.name);
    std::vector<ExtractedMention> accepted = c.accepted;
    ResolveOverlaps(c.candidates, &accepted, nullptr);
    CHECK(Render(accepted) == c.expected_accepted);
  }
}

TEST_CASE("ResolveOverlaps does not depend on the order of the candidates", "[extract]") {
  std::vector<ExtractedMention> candidates{
      M(0, 5, "Organization", "org.headed", 15), M(4, 5, "Place", "place.city", 10, true),
      M(0, 2, "Person", "p", 30),  M(6, 8, "Person", "q", 30), M(7, 9, "Person", "r", 30),
      M(6, 7, "Role", "role", 1),
  };
  std::vector<ExtractedMention> forward;
  ResolveOverlaps(candidates, &forward, nullptr);
  std::vector<ExtractedMention> backward;
  ResolveOverlaps(std::vector<ExtractedMention>(candidates.rbegin(), candidates.rend()), &backward, nullptr);
  CHECK(Render(forward) == Render(backward));
  CHECK(Render(forward) == "Organization[0,5) org.headed; Place[4,5) place.city; Person[6,8) q; Role[6,7) role");
}

}  // namespace
}  // namespace kith
