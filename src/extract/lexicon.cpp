#include "extract/lexicon.h"

#include <fstream>
#include <sstream>
#include <string_view>

namespace kith {

using namespace std::string_view_literals;

namespace {

std::string Trim(const std::string& s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

}  // namespace

Status Lexicon::Parse(const std::string& name, const std::string& file, const std::string& content,
                      const Tokenizer& tokenizer, std::unique_ptr<Lexicon>* out) {
  auto lex = std::unique_ptr<Lexicon>(new Lexicon());
  lex->name_ = name;
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    LexiconEntry entry;
    entry.text = Trim(fields[0]);
    entry.line = line_no;
    if (entry.text.empty()) {
      return Status::At(StatusCode::kRuleError, file, line_no, 1, "empty entry before a tab");
    }
    int column = static_cast<int>(fields[0].size()) + 2;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const std::string field = Trim(fields[i]);
      if (!field.empty()) {
        const std::size_t eq = field.find('=');
        if (eq == std::string::npos || eq == 0) {
          return Status::At(StatusCode::kRuleError, file, line_no, column,
                            "attribute \"" + field + "\" is not key=value");
        }
        entry.attributes[field.substr(0, eq)] = field.substr(eq + 1);
      }
      column += static_cast<int>(fields[i].size()) + 1;
    }
    for (const Token& t : tokenizer.Tokenize(entry.text)) entry.tokens.push_back(t.lower);
    if (entry.tokens.empty()) {
      return Status::At(StatusCode::kRuleError, file, line_no, 1, "entry \"" + entry.text + "\" has no tokens");
    }
    auto found = lex->by_tokens_.find(entry.tokens);
    if (found != lex->by_tokens_.end()) {
      for (const auto& kv : entry.attributes) lex->entries_[found->second].attributes[kv.first] = kv.second;
      continue;
    }
    const int index = static_cast<int>(lex->entries_.size());
    lex->by_tokens_[entry.tokens] = index;
    if (entry.tokens.size() == 1) lex->single_[entry.tokens[0]] = index;
    lex->by_first_[entry.tokens[0]].push_back(index);
    if (entry.tokens.size() > lex->max_tokens_) lex->max_tokens_ = entry.tokens.size();
    lex->entries_.push_back(std::move(entry));
  }
  if (lex->entries_.empty()) {
    return Status::At(StatusCode::kRuleError, file, 0, 0, "lexicon \"" + name + "\" has no entries");
  }
  *out = std::move(lex);
  return Status::Ok();
}

Status Lexicon::Load(const std::string& name, const std::string& path, const Tokenizer& tokenizer,
                     std::unique_ptr<Lexicon>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::At(StatusCode::kIoError, path, 0, 0, "cannot open lexicon file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(name, path, buf.str(), tokenizer, out);
}

const std::vector<int>* Lexicon::EntriesStartingWith(const std::string& first_lower) const {
  auto it = by_first_.find(first_lower);
  return it == by_first_.end() ? nullptr : &it->second;
}

const LexiconEntry* Lexicon::Find(const std::vector<std::string>& tokens) const {
  if (tokens.size() == 1) return FindWord(tokens[0]);
  auto it = by_tokens_.find(tokens);
  return it == by_tokens_.end() ? nullptr : &entries_[static_cast<std::size_t>(it->second)];
}

const LexiconEntry* Lexicon::FindWord(const std::string& lower) const {
  auto it = single_.find(lower);
  return it == single_.end() ? nullptr : &entries_[static_cast<std::size_t>(it->second)];
}

bool LexiconEntry::Meets(const std::map<std::string, std::string>& where) const {
  for (const auto& [key, want] : where) {
    const auto it = attributes.find(key);
    bool ok = false;
    if (want == "*"sv) {
      ok = it != attributes.end();
    } else if (want == "!*"sv) {
      ok = it == attributes.end();
    } else if (!want.empty() && want[0] == '!') {
      ok = it == attributes.end() || std::string_view(it->second) != std::string_view(want).substr(1);
    } else {
      ok = it != attributes.end() && it->second == want;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace kith
