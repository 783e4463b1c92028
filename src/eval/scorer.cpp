#include "eval/scorer.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "base/utf8.h"

namespace kith {
namespace {

const char* const kCategories[] = {"persons", "organizations", "places", "kinship", "unnamed", "events"};

std::set<std::string> GoldKeys(const GoldEntity& g) {
  std::set<std::string> k{NormalizeName(g.name)};
  for (const std::string& a : g.aliases) k.insert(NormalizeName(a));
  return k;
}

std::set<std::string> EntityNames(const Entity& e) {
  std::set<std::string> k;
  if (!e.name.empty()) k.insert(NormalizeName(e.name));
  for (const std::string& a : e.aliases) k.insert(NormalizeName(a));
  return k;
}

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) != 0; });
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

// One-to-one matching by name. mapping: entity index -> gold name.
Counts MatchEntities(const std::vector<GoldEntity>& gold, const std::vector<int>& nodes, const DocumentGraph& g,
                     std::map<int, std::string>* mapping, const char* what, std::vector<std::string>* explain) {
  Counts c;
  std::set<std::size_t> taken;
  std::vector<int> leftover;
  for (int n : nodes) {
    const std::set<std::string> names = EntityNames(g.entities[static_cast<std::size_t>(n)]);
    bool hit = false;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (gold[i].optional || taken.count(i) || !Intersects(GoldKeys(gold[i]), names)) continue;
      taken.insert(i);
      (*mapping)[n] = gold[i].name;
      hit = true;
      break;
    }
    if (!hit) leftover.push_back(n);
  }
  std::vector<std::string> spurious, missing;
  for (int n : leftover) {
    const std::set<std::string> names = EntityNames(g.entities[static_cast<std::size_t>(n)]);
    if (std::any_of(gold.begin(), gold.end(), [&](const GoldEntity& x) { return x.optional && Intersects(GoldKeys(x), names); })) {
      continue;
    }
    for (const GoldEntity& x : gold) {
      if (!x.optional && Intersects(GoldKeys(x), names)) (*mapping)[n] = x.name;
    }
    ++c.fp;
    spurious.push_back(g.entities[static_cast<std::size_t>(n)].name);
  }
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (!gold[i].optional && !taken.count(i)) missing.push_back(gold[i].name);
  }
  c.tp = static_cast<int>(taken.size());
  c.fn = static_cast<int>(missing.size());
  if (!missing.empty()) explain->push_back(std::string(what) + " missing: " + Join(missing));
  if (!spurious.empty()) explain->push_back(std::string(what) + " spurious: " + Join(spurious));
  return c;
}

using KinKey = std::tuple<std::string, std::string, std::string>;

KinKey MakeKinKey(std::string a, std::string rel, std::string b) {
  if (rel == "child") {
    std::swap(a, b);
    rel = "parent";
  }
  if (rel == "sibling" || rel == "spouse" || rel == "relative") {
    if (b < a) std::swap(a, b);
  }
  return KinKey{a, rel, b};
}

bool DateOk(const std::string& gold, const std::string& pred) {
  if (gold.empty()) return true;
  // Compare the fields the gold fixes: YYYY, MM, DD; "--MM-DD" and "--MM" have no year.
  const auto fields = [](const std::string& s) {
    std::array<std::string, 3> f;
    if (s.size() >= 4 && s.compare(0, 2, "--") != 0) {
      f[0] = s.substr(0, 4);
      if (s.size() >= 7) f[1] = s.substr(5, 2);
      if (s.size() >= 10) f[2] = s.substr(8, 2);
    } else if (s.compare(0, 2, "--") == 0) {
      if (s.size() >= 4) f[1] = s.substr(2, 2);
      if (s.size() >= 7) f[2] = s.substr(5, 2);
    }
    return f;
  };
  if (pred.empty()) return false;
  const auto g = fields(gold);
  const auto p = fields(pred);
  for (std::size_t i = 0; i < 3; ++i) {
    if (!g[i].empty() && g[i] != p[i]) return false;
  }
  return true;
}

}  // namespace

double Counts::Precision() const { return tp + fp ? double(tp) / (tp + fp) : (fn == 0 ? 1.0 : 0.0); }
double Counts::Recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
double Counts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void ScoreReport::Add(const ScoreReport& o) {
  for (const auto& kv : o.categories) categories[kv.first].Add(kv.second);
  gender_ok += o.gender_ok;
  gender_total += o.gender_total;
  dates_ok += o.dates_ok;
  dates_total += o.dates_total;
  explain.insert(explain.end(), o.explain.begin(), o.explain.end());
}

double ScoreReport::MacroF1() const {
  double sum = 0;
  for (const char* c : {"persons", "organizations", "places", "kinship", "events"}) {
    auto it = categories.find(c);
    sum += it == categories.end() ? 1.0 : it->second.F1();
  }
  return sum / 5.0;
}

std::string NormalizeName(const std::string& name) {
  std::string s;
  bool space = false;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t len = 1;
    const char32_t cp = DecodeUtf8(name, i, &len);
    if (cp == 0x2019 || cp == 0x2018) {
      s += '\'';
    } else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
      space = !s.empty();
      i += len;
      continue;
    } else {
      if (space) s += ' ';
      AppendUtf8(ToLower(cp), &s);
    }
    space = false;
    i += len;
  }
  if (s.compare(0, 4, "the ") == 0) s = s.substr(4);
  return s;
}

ScoreReport ScoreDocument(const DocumentGraph& g, const GoldDocument& gold) {
  ScoreReport r;
  for (const char* c : kCategories) r.categories[c] = Counts();
  std::vector<int> named, unnamed, orgs, places;
  for (std::size_t i = 0; i < g.entities.size(); ++i) {
    const Entity& e = g.entities[i];
    const int idx = static_cast<int>(i);
    if (e.kind == EntityKind::kPerson) {
      (e.name.empty() ? unnamed : named).push_back(idx);
    } else if (e.kind == EntityKind::kOrganization) {
      orgs.push_back(idx);
    } else {
      places.push_back(idx);
    }
  }
  std::map<int, std::string> pmap, omap, lmap;
  r.categories["persons"] = MatchEntities(gold.persons, named, g, &pmap, "persons", &r.explain);
  r.categories["organizations"] = MatchEntities(gold.organizations, orgs, g, &omap, "organizations", &r.explain);
  r.categories["places"] = MatchEntities(gold.places, places, g, &lmap, "places", &r.explain);
  for (const auto& [n, name] : pmap) {
    for (const GoldEntity& p : gold.persons) {
      if (p.name != name || p.gender.empty()) continue;
      ++r.gender_total;
      if (g.entities[static_cast<std::size_t>(n)].gender == p.gender) {
        ++r.gender_ok;
      } else {
        r.explain.push_back("gender of " + name + ": expected " + p.gender + ", got \"" +
                            g.entities[static_cast<std::size_t>(n)].gender + "\"");
      }
    }
  }
  // Kinship between named persons; ties to unnamed persons count as unnamed relatives.
  std::set<KinKey> gold_kin, optional_kin, pred_kin;
  for (const GoldKin& k : gold.kinship) (k.optional ? optional_kin : gold_kin).insert(MakeKinKey(k.person, k.relation, k.of));
  std::set<std::tuple<int, std::string, std::string>> unnamed_edges;  // (unnamed node, relation, anchor gold name)
  const std::set<int> unnamed_set(unnamed.begin(), unnamed.end());
  int unknown = 0;
  for (const Relation& rel : g.relations) {
    auto a = pmap.find(rel.subject);
    auto b = pmap.find(rel.object);
    if (a != pmap.end() && b != pmap.end()) {
      if (a->second != b->second) pred_kin.insert(MakeKinKey(a->second, rel.type, b->second));
    } else if (unnamed_set.count(rel.subject) && b != pmap.end()) {
      unnamed_edges.insert({rel.subject, rel.type, b->second});
    } else if (unnamed_set.count(rel.object) && a != pmap.end()) {
      const std::string inv = rel.type == "parent" ? "child" : rel.type == "child" ? "parent" : rel.type;
      unnamed_edges.insert({rel.object, inv, a->second});
    } else {
      pred_kin.insert(KinKey{"?", rel.type, "?" + std::to_string(unknown++)});
    }
  }
  Counts& kin = r.categories["kinship"];
  std::vector<std::string> kmiss, kspur;
  for (const KinKey& k : gold_kin) {
    if (pred_kin.count(k)) {
      ++kin.tp;
    } else {
      ++kin.fn;
      kmiss.push_back(std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k));
    }
  }
  for (const KinKey& k : pred_kin) {
    if (!gold_kin.count(k) && !optional_kin.count(k)) {
      ++kin.fp;
      kspur.push_back(std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k));
    }
  }
  if (!kmiss.empty()) r.explain.push_back("kinship missing: " + Join(kmiss));
  if (!kspur.empty()) r.explain.push_back("kinship spurious: " + Join(kspur));
  Counts& un = r.categories["unnamed"];
  int ug = 0;
  int optional_found = 0;  // found relatives an optional entry accounts for: neither tp nor fp
  std::vector<std::string> umiss;
  for (const GoldUnnamed& u : gold.unnamed) {
    std::set<int> cands;
    for (const auto& [node, rel, anchor] : unnamed_edges) {
      if (anchor != u.of || (rel != u.relation && u.relation != "relative")) continue;
      if (!u.gender.empty() && g.entities[static_cast<std::size_t>(node)].gender != u.gender) continue;
      cands.insert(node);
    }
    const int found = std::min(static_cast<int>(cands.size()), u.count);
    if (found < u.count && !u.optional) {
      umiss.push_back(u.relation + " of " + u.of + " (" + (u.gender.empty() ? "?" : u.gender) + ")" +
                      (u.count - found > 1 ? " x" + std::to_string(u.count - found) : ""));
    }
    if (u.optional) {
      optional_found += found;
      continue;
    }
    un.tp += found;
    ug += u.count;
  }
  un.fp = std::max(static_cast<int>(unnamed_edges.size()) - un.tp - optional_found, 0);
  un.fn = ug - un.tp;
  if (un.fp > 0 || un.fn > 0) {
    std::vector<std::string> found;
    for (const auto& [node, rel, anchor] : unnamed_edges) {
      found.push_back(rel + " of " + anchor + " (" + g.entities[static_cast<std::size_t>(node)].description + ", " +
                      (g.entities[static_cast<std::size_t>(node)].gender.empty() ? "?" : g.entities[static_cast<std::size_t>(node)].gender) + ")");
    }
    r.explain.push_back("unnamed relatives found: " + Join(found) + " (expected " + std::to_string(ug) + ")");
  }
  if (!umiss.empty()) r.explain.push_back("unnamed relatives missing: " + Join(umiss));
  // Events: type and a shared named participant.
  struct Pred {
    std::string type;
    std::set<std::string> parts;
    std::string date;
    const std::map<std::string, std::string>* attributes;
  };
  std::vector<Pred> preds;
  for (const Event& e : g.events) {
    Pred p{e.kind, {}, e.date, &e.attributes};
    for (const EventRole& role : e.roles) {
      auto it = pmap.find(role.entity);
      if (it != pmap.end()) p.parts.insert(it->second);
    }
    if (!p.parts.empty()) preds.push_back(std::move(p));
  }
  Counts& ev = r.categories["events"];
  std::set<std::size_t> used;
  std::vector<std::string> emiss, espur;
  for (const GoldEvent& ge : gold.events) {
    if (ge.optional) continue;
    int best = -1;
    for (std::size_t i = 0; i < preds.size(); ++i) {
      if (used.count(i) || preds[i].type != ge.type) continue;
      if (std::none_of(ge.participants.begin(), ge.participants.end(), [&](const std::string& x) { return preds[i].parts.count(x) != 0; })) {
        continue;
      }
      // Prefer the right date, then the right attributes (one defendant's term among several).
      const auto rank = [&](std::size_t k) {
        int score = DateOk(ge.date, preds[k].date) ? 2 : 0;
        if (std::all_of(ge.attributes.begin(), ge.attributes.end(), [&](const auto& kv) {
              const auto it = preds[k].attributes->find(kv.first);
              return it != preds[k].attributes->end() && it->second == kv.second;
            })) {
          ++score;
        }
        return score;
      };
      if (best < 0 || rank(i) > rank(static_cast<std::size_t>(best))) best = static_cast<int>(i);
    }
    if (best < 0) {
      emiss.push_back(ge.type + " " + (ge.date.empty() ? "-" : ge.date) + " " + Join(ge.participants));
      ++ev.fn;
      continue;
    }
    used.insert(static_cast<std::size_t>(best));
    ++ev.tp;
    Counts& attrs = r.categories["event_attributes"];
    for (const auto& [key, want] : ge.attributes) {
      const auto got = preds[static_cast<std::size_t>(best)].attributes->find(key);
      const std::string value = got == preds[static_cast<std::size_t>(best)].attributes->end() ? "" : got->second;
      if (value == want) {
        ++attrs.tp;
      } else {
        ++attrs.fn;
        r.explain.push_back("event attribute: " + ge.type + " " + Join(ge.participants) + " " + key + " expected " +
                            want + ", got " + (value.empty() ? "none" : value));
      }
    }
    if (!ge.date.empty()) {
      ++r.dates_total;
      const std::string& got = preds[static_cast<std::size_t>(best)].date;
      if (DateOk(ge.date, got)) {
        ++r.dates_ok;
      } else {
        r.explain.push_back("event date: " + ge.type + " " + Join(ge.participants) + " expected " + ge.date + ", got " +
                            (got.empty() ? "none" : got));
      }
    }
  }
  for (std::size_t i = 0; i < preds.size(); ++i) {
    if (used.count(i)) continue;
    const bool optional = std::any_of(gold.events.begin(), gold.events.end(), [&](const GoldEvent& x) {
      return x.optional && x.type == preds[i].type &&
             std::any_of(x.participants.begin(), x.participants.end(), [&](const std::string& p) { return preds[i].parts.count(p) != 0; });
    });
    if (optional) continue;
    ++ev.fp;
    std::vector<std::string> parts(preds[i].parts.begin(), preds[i].parts.end());
    espur.push_back(preds[i].type + " " + (preds[i].date.empty() ? "-" : preds[i].date) + " " + Join(parts));
  }
  if (!emiss.empty()) r.explain.push_back("events missing: " + Join(emiss));
  if (!espur.empty()) r.explain.push_back("events spurious: " + Join(espur));
  return r;
}

}  // namespace kith
