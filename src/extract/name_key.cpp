#include "extract/name_key.h"

#include <algorithm>
#include <string_view>

#include "extract/lexicon.h"

namespace kith {

using namespace std::string_view_literals;

NameKey::NameKey(const Lexicon* table) {
  if (table == nullptr) return;
  for (const LexiconEntry& e : table->entries()) {
    std::string from;
    for (const std::string& t : e.tokens) from += t;
    const auto joins = e.attributes.find("joins");
    const auto as = e.attributes.find("as");
    if (joins != e.attributes.end() && joins->second == "previous"sv) {
      joining_.push_back(from);
      if (as == e.attributes.end()) continue;  // only a particle, no spelling rule
    }
    const std::string to = as == e.attributes.end() ? "" : as->second;
    const auto pos = e.attributes.find("position");
    if (pos != e.attributes.end() && pos->second == "end"sv) {
      at_end_.emplace_back(from, to);
    } else if (pos != e.attributes.end() && pos->second == "start"sv) {
      at_start_.emplace_back(from, to);
    } else {
      anywhere_.emplace_back(from, to);
    }
  }
  const auto longest = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
  std::stable_sort(anywhere_.begin(), anywhere_.end(), longest);
  std::stable_sort(at_end_.begin(), at_end_.end(), longest);
  std::stable_sort(at_start_.begin(), at_start_.end(), longest);
  for (std::size_t i = 0; i < anywhere_.size(); ++i) {
    if (anywhere_[i].first.empty()) continue;
    anywhere_by_first_[static_cast<unsigned char>(anywhere_[i].first[0])].push_back(static_cast<int>(i));
  }
}

std::string NameKey::Key(const std::string& lower) const {
  std::string out;
  std::size_t i = 0;
  // A beginning: rewrite one, keeping at least three bytes after it.
  for (const auto& [from, to] : at_start_) {
    if (lower.size() >= from.size() + 3 && lower.compare(0, from.size(), from) == 0) {
      out = to;
      i = from.size();
      break;
    }
  }
  while (i < lower.size()) {
    bool replaced = false;
    for (int k : anywhere_by_first_[static_cast<unsigned char>(lower[i])]) {
      const auto& [from, to] = anywhere_[static_cast<std::size_t>(k)];
      if (lower.size() - i >= from.size() && std::equal(from.begin(), from.end(), lower.begin() + static_cast<std::ptrdiff_t>(i))) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(lower[i++]);
  }
  // Endings: rewrite one, keeping a stem of at least three bytes.
  for (const auto& [from, to] : at_end_) {
    if (out.size() >= from.size() + 3 && out.compare(out.size() - from.size(), from.size(), from) == 0) {
      out.replace(out.size() - from.size(), from.size(), to);
      break;
    }
  }
  // Doubled letters count once (in place: a key is made for every name word of every article).
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string NameKey::OfName(const std::vector<std::string>& lowers) const {
  std::vector<std::string> words;
  for (const std::string& w : lowers) {
    const bool joins = !words.empty() && std::find(joining_.begin(), joining_.end(), w) != joining_.end();
    if (joins) {
      words.back() += w;
    } else {
      words.push_back(w);
    }
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + Key(w);
  return out;
}

}  // namespace kith
