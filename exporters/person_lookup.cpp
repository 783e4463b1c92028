#include "exporters/person_lookup.h"

#include <algorithm>
#include <vector>

#include "base/utf8.h"

namespace kith {

namespace {

constexpr std::size_t kMaxCandidates = 20;

std::string Trim(const std::string& text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return words;
}

// "person/12 Name" (or the description of an unnamed person, in parentheses).
std::string Describe(const StoredEntity& e) {
  std::string text = "person/" + std::to_string(e.id) + " ";
  if (!e.name.empty()) {
    text += e.name;
    if (!e.aliases.empty()) {
      text += " (also ";
      for (std::size_t i = 0; i < e.aliases.size(); ++i) text += (i > 0 ? ", " : "") + e.aliases[i];
      text += ")";
    }
  } else {
    text += "(" + (e.description.empty() ? std::string("unnamed person") : e.description) + ")";
  }
  return text;
}

std::string List(const std::vector<const StoredEntity*>& persons) {
  std::string text;
  for (std::size_t i = 0; i < persons.size() && i < kMaxCandidates; ++i) text += "\n  " + Describe(*persons[i]);
  if (persons.size() > kMaxCandidates) {
    text += "\n  ... and " + std::to_string(persons.size() - kMaxCandidates) + " more";
  }
  return text;
}

// The id in "person/12" or "person-12", or 0.
std::int64_t ParseId(const std::string& query) {
  for (const char* prefix : {"person/", "person-"}) {
    const std::string p = prefix;
    if (query.compare(0, p.size(), p) != 0 || query.size() == p.size() || query.size() > p.size() + 18) continue;
    std::int64_t id = 0;
    for (std::size_t i = p.size(); i < query.size(); ++i) {
      if (query[i] < '0' || query[i] > '9') return 0;
      id = id * 10 + (query[i] - '0');
    }
    return id;
  }
  return 0;
}

}  // namespace

Status FindPerson(const StoredGraph& graph, const std::string& raw_query, std::int64_t* id) {
  const std::string query = Trim(raw_query);
  if (const std::int64_t wanted = ParseId(query)) {
    const StoredEntity* e = graph.FindEntity(wanted);
    if (e != nullptr && e->kind == EntityKind::kPerson) {
      *id = e->id;
      return Status::Ok();
    }
    return Status::Error(StatusCode::kNotFound, "no person with id \"" + query + "\"");
  }
  const std::string lower = Utf8Lower(query);
  std::vector<const StoredEntity*> by_name;
  std::vector<const StoredEntity*> by_alias;
  for (const StoredEntity& e : graph.entities) {
    if (e.kind != EntityKind::kPerson || e.name.empty()) continue;
    if (Utf8Lower(e.name) == lower) {
      by_name.push_back(&e);
      continue;
    }
    if (std::any_of(e.aliases.begin(), e.aliases.end(),
                    [&lower](const std::string& alias) { return Utf8Lower(alias) == lower; })) {
      by_alias.push_back(&e);
    }
  }
  const std::vector<const StoredEntity*>& matches = by_name.empty() ? by_alias : by_name;
  if (matches.size() == 1) {
    *id = matches[0]->id;
    return Status::Ok();
  }
  if (matches.size() > 1) {
    return Status::Error(StatusCode::kInvalidInput, "\"" + query + "\" names " + std::to_string(matches.size()) +
                                                        " persons; give one of their ids:" + List(matches));
  }
  // No match: persons one of whose names contains the query or one of its words.
  std::vector<const StoredEntity*> near;
  const std::vector<std::string> words = Words(lower);
  for (const StoredEntity& e : graph.entities) {
    if (e.kind != EntityKind::kPerson || e.name.empty() || lower.empty()) continue;
    std::vector<std::string> names = e.aliases;
    names.push_back(e.name);
    const bool close = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
      const std::string n = Utf8Lower(name);
      if (n.find(lower) != std::string::npos) return true;
      return std::any_of(words.begin(), words.end(),
                         [&n](const std::string& w) { return w.size() >= 3 && n.find(w) != std::string::npos; });
    });
    if (close) near.push_back(&e);
  }
  std::string message = "no person named \"" + query + "\"";
  message += near.empty() ? " (and none with a similar name)" : "; similar names:" + List(near);
  return Status::Error(StatusCode::kNotFound, message);
}

}  // namespace kith
