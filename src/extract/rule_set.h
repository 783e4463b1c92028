// RuleSet: everything extraction knows, loaded from a rules directory:
// lexicons (`lexicons/*.txt`, each named by its file stem) and rule files
// (`*.json`, read in name order). Rules are grouped by stage and every stage
// compiles into one Matcher. Immutable after Load; share it across threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"
#include "extract/matcher.h"
#include "extract/name_key.h"
#include "text/line_classifier.h"
#include "text/tokenizer.h"

namespace kith {

struct RuleStage {
  int number = 0;
  std::unique_ptr<Matcher> matcher;
};

class RuleSet {
 public:
  // Loads `dir`/lexicons/*.txt and `dir`/*.json. Any error (I/O, bad lexicon,
  // bad rule, duplicate rule id) stops the load with a located Status.
  static Status Load(const std::string& dir, std::unique_ptr<RuleSet>* out);
  // Loads the lexicons of `dir` but only the given rule files (for `rules check`).
  static Status LoadFiles(const std::string& dir, const std::vector<std::string>& rule_files,
                          std::unique_ptr<RuleSet>* out);

  const Tokenizer& tokenizer() const { return tokenizer_; }
  // The lexicon with this name, or nullptr.
  const Lexicon* lexicon(std::string_view name) const;
  const std::vector<RuleStage>& stages() const { return stages_; }
  // Spelling-insensitive name keys from the `transliteration` lexicon (if any).
  const NameKey& name_key() const { return name_key_; }
  // The `furniture` lexicon's cues compiled for the reader's default line options.
  const FurnitureCues& furniture_cues() const { return furniture_cues_; }
  // Lower-case one-word lexicon entries marked `opens_sentence=yes`: words that,
  // capitalised, start a new sentence after an abbreviation that may end one.
  const std::unordered_set<std::string>& sentence_openers() const { return sentence_openers_; }
  std::size_t rule_count() const;
  const std::string& dir() const { return dir_; }
  // Every file the set was loaded from (lexicons, then rule files), in load
  // order: what a change of the rules is a change of.
  const std::vector<std::string>& source_files() const { return source_files_; }

 private:
  std::string dir_;
  std::vector<std::string> source_files_;
  Tokenizer tokenizer_;
  // std::less<> finds a name given as a literal without building a string.
  std::map<std::string, std::unique_ptr<Lexicon>, std::less<>> lexicons_;
  std::vector<RuleStage> stages_;
  NameKey name_key_;
  FurnitureCues furniture_cues_;
  std::unordered_set<std::string> sentence_openers_;
};

// The rules directory to use: `explicit_dir` when given, else $KITH_RULES,
// else the source tree's rules/ directory compiled in.
std::string ResolveRulesDir(const std::string& explicit_dir);

}  // namespace kith
