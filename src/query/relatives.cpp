#include "query/relatives.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/database.h"

namespace kith {
namespace {

struct LinkFilter {
  const char* name;
  const char* relation;  // nullptr: any
  const char* gender;    // nullptr: any
};

const LinkFilter kLinks[] = {
    {"any", nullptr, nullptr},       {"parent", "parent", nullptr}, {"child", "child", nullptr},
    {"sibling", "sibling", nullptr}, {"spouse", "spouse", nullptr}, {"relative", "relative", nullptr},
    {"mother", "parent", "female"},  {"father", "parent", "male"},  {"son", "child", "male"},
    {"daughter", "child", "female"}, {"brother", "sibling", "male"}, {"sister", "sibling", "female"},
    {"husband", "spouse", "male"},   {"wife", "spouse", "female"},
};

const LinkFilter* FindLink(const std::string& name) {
  for (const LinkFilter& l : kLinks) {
    if (name == l.name) return &l;
  }
  return nullptr;
}

}  // namespace

std::string KinTermFor(const std::string& link, const std::string& gender) {
  const bool f = gender == "female";
  const bool m = gender == "male";
  if (link == "parent") return f ? "mother" : m ? "father" : "parent";
  if (link == "child") return f ? "daughter" : m ? "son" : "child";
  if (link == "sibling") return f ? "sister" : m ? "brother" : "sibling";
  if (link == "spouse") return f ? "wife" : m ? "husband" : "spouse";
  return "relative";
}

namespace {

std::string Inverse(const std::string& type) {
  if (type == "parent") return "child";
  if (type == "child") return "parent";
  return type;
}

}  // namespace

bool IsKnownLink(const std::string& link) { return FindLink(link) != nullptr; }

Status FindRelatives(Database* db, std::int64_t person, const RelativesOptions& options,
                     std::vector<RelativeRow>* out) {
  out->clear();
  const LinkFilter* filter = FindLink(options.link);
  if (filter == nullptr) return Status::Error(StatusCode::kInvalidInput, "unknown link \"" + options.link + "\"");
  if (options.depth < 1) return Status::Error(StatusCode::kInvalidInput, "depth must be at least 1");
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(
      "SELECT r.subject_entity, r.type, r.object_entity, r.term, r.inferred, d.path, "
      "       e.id, COALESCE(e.name, ''), COALESCE(e.description, ''), COALESCE(e.gender, '') "
      "FROM relations AS r JOIN documents AS d ON d.id = r.document_id "
      "JOIN entities AS e ON e.id = CASE WHEN r.subject_entity = ?1 THEN r.object_entity ELSE r.subject_entity END "
      "WHERE (r.subject_entity = ?1 OR r.object_entity = ?1) "
      "  AND r.type IN ('parent', 'child', 'sibling', 'spouse', 'relative') "
      "ORDER BY r.id",
      &stmt));
  std::set<std::int64_t> visited{person};
  std::vector<std::int64_t> frontier{person};
  for (int depth = 1; depth <= options.depth && !frontier.empty(); ++depth) {
    std::map<std::int64_t, RelativeRow> found;  // by relative id, in id order
    for (std::int64_t from : frontier) {
      KITH_RETURN_IF_ERROR(stmt.BindInt64(1, from));
      bool row = false;
      while (true) {
        KITH_RETURN_IF_ERROR(stmt.Step(&row));
        if (!row) break;
        const std::int64_t other = stmt.ColumnInt64(6);
        if (visited.count(other) != 0) continue;
        const bool other_is_subject = stmt.ColumnInt64(0) == other;
        const std::string type = stmt.ColumnText(1);
        auto [it, fresh] = found.try_emplace(other);
        RelativeRow& r = it->second;
        if (fresh) {
          r.id = other;
          r.name = stmt.ColumnText(7);
          r.description = stmt.ColumnText(8);
          r.gender = stmt.ColumnText(9);
          r.link = other_is_subject ? type : Inverse(type);
          r.term = other_is_subject ? stmt.ColumnText(3) : "";
          r.inferred = stmt.ColumnInt64(4) != 0;
          r.depth = depth;
          r.via = from;
        } else {
          r.inferred = r.inferred && stmt.ColumnInt64(4) != 0;
          if (r.term.empty() && other_is_subject) r.term = stmt.ColumnText(3);
        }
        const std::string path = stmt.ColumnText(5);
        if (std::find(r.articles.begin(), r.articles.end(), path) == r.articles.end()) r.articles.push_back(path);
      }
      stmt.Reset();
    }
    frontier.clear();
    for (auto& [id, r] : found) {
      if (r.term.empty()) r.term = KinTermFor(r.link, r.gender);  // stated from the other side
      visited.insert(id);
      frontier.push_back(id);
      std::sort(r.articles.begin(), r.articles.end());
      const bool keep = (filter->relation == nullptr || r.link == filter->relation) &&
                        (filter->gender == nullptr || r.gender == filter->gender);
      if (keep) out->push_back(std::move(r));
    }
  }
  return Status::Ok();
}

}  // namespace kith
