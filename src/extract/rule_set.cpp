#include "extract/rule_set.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "base/utf8.h"
#include "extract/extraction.h"
#include "extract/rule_parser.h"

namespace kith {

using namespace std::string_view_literals;
namespace fs = std::filesystem;
namespace {

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::At(StatusCode::kIoError, path, 0, 0, "cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ext) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string ResolveRulesDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("KITH_RULES"); env != nullptr && *env != '\0') return env;
  return KITH_DEFAULT_RULES_DIR;
}

const Lexicon* RuleSet::lexicon(std::string_view name) const {
  auto it = lexicons_.find(name);
  return it == lexicons_.end() ? nullptr : it->second.get();
}

std::size_t RuleSet::rule_count() const {
  std::size_t n = 0;
  for (const RuleStage& s : stages_) n += s.matcher->rules().size();
  return n;
}

Status RuleSet::Load(const std::string& dir, std::unique_ptr<RuleSet>* out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::At(StatusCode::kNotFound, dir, 0, 0, "rules directory not found");
  }
  return LoadFiles(dir, ListFiles(dir, ".json"), out);
}

Status RuleSet::LoadFiles(const std::string& dir, const std::vector<std::string>& rule_files,
                          std::unique_ptr<RuleSet>* out) {
  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  set->dir_ = dir;
  const std::string lex_dir = (fs::path(dir) / "lexicons").string();
  std::vector<std::string> lexicon_files = ListFiles(lex_dir, ".txt");
  set->source_files_ = lexicon_files;
  set->source_files_.insert(set->source_files_.end(), rule_files.begin(), rule_files.end());
  // Abbreviations shape tokenization, so they load first with a plain tokenizer.
  const std::string abbrev_path = (fs::path(lex_dir) / "abbreviations.txt").string();
  if (std::find(lexicon_files.begin(), lexicon_files.end(), abbrev_path) != lexicon_files.end()) {
    std::unique_ptr<Lexicon> abbrev;
    KITH_RETURN_IF_ERROR(Lexicon::Load("abbreviations", abbrev_path, Tokenizer(), &abbrev));
    std::unordered_set<std::string> words;
    std::unordered_set<std::string> may_end;
    std::unordered_set<std::string> before_number;
    for (const LexiconEntry& e : abbrev->entries()) {
      std::string w;
      for (const std::string& t : e.tokens) w += t;
      if (AttributeOf(e.attributes, "may_end_sentence") == "yes"sv) may_end.insert(w);
      if (AttributeOf(e.attributes, "before_number") == "yes"sv) before_number.insert(w);
      words.insert(std::move(w));
    }
    set->tokenizer_ = Tokenizer(std::move(words), std::move(may_end), std::move(before_number));
  }
  for (const std::string& path : lexicon_files) {
    const std::string name = fs::path(path).stem().string();
    std::unique_ptr<Lexicon> lex;
    KITH_RETURN_IF_ERROR(Lexicon::Load(name, path, set->tokenizer_, &lex));
    for (const LexiconEntry& e : lex->entries()) {
      const auto it = e.attributes.find("opens_sentence");
      if (it != e.attributes.end() && it->second == "yes"sv && e.tokens.size() == 1) {
        set->sentence_openers_.insert(Utf8Lower(e.tokens[0]));
      }
    }
    set->lexicons_[name] = std::move(lex);
  }
  RuleParseContext ctx;
  for (const auto& kv : set->lexicons_) ctx.lexicons[kv.first] = kv.second.get();
  set->name_key_ = NameKey(set->lexicon("transliteration"));
  if (const Lexicon* furniture = set->lexicon("furniture")) {
    set->furniture_cues_ = FurnitureCues(furniture->entries(), LineClassifierOptions());
  }
  std::vector<Rule> rules;
  for (const std::string& path : rule_files) {
    std::string text;
    KITH_RETURN_IF_ERROR(ReadFile(path, &text));
    KITH_RETURN_IF_ERROR(ParseRuleFile(path, text, ctx, &rules));
  }
  std::map<std::string, const Rule*> ids;
  for (const Rule& r : rules) {
    auto [it, fresh] = ids.emplace(r.id, &r);
    if (!fresh) {
      return Status::At(StatusCode::kRuleError, r.file, r.line, 0,
                        "duplicate rule id \"" + r.id + "\" (first in " + it->second->file + ":" +
                            std::to_string(it->second->line) + ")");
    }
  }
  std::map<int, std::vector<Rule>> by_stage;
  for (Rule& r : rules) by_stage[r.stage].push_back(std::move(r));
  auto catalog = std::make_shared<TokenTestCatalog>();
  for (auto& [number, stage_rules] : by_stage) {
    RuleStage stage;
    stage.number = number;
    KITH_RETURN_IF_ERROR(Matcher::Compile(std::move(stage_rules), catalog, &stage.matcher));
    set->stages_.push_back(std::move(stage));
  }
  catalog->Seal();
  for (RuleStage& stage : set->stages_) stage.matcher->IndexStartWords();
  *out = std::move(set);
  return Status::Ok();
}

}  // namespace kith
