// Benchmark corpus: N articles recombined from the project's samples/.
//
// Each article takes one sample as its base (front matter with a new date and
// URL, the headline block, most of its story paragraphs, its closing
// furniture), sometimes borrows one or two story paragraphs of another sample,
// and replaces every person the samples' expected files list (samples/expected/
// *.json: name and aliases) by a generated person of the same gender and name
// shape (names.h). Names are drawn from a pool sized to the corpus, with a hot
// subset, so persons recur across articles under slightly different spellings
// and identity resolution has real work.
//
// Deterministic: article i is a pure function of (seed, corpus size, i), so
// the corpus is the same on every run and machine, and articles past the end
// (i >= articles) are "more of the same corpus" for probes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "names.h"

namespace kith {
namespace bench {

struct SamplePerson {
  std::string name;
  std::vector<std::string> aliases;
  int gender = -1;  // 0 male, 1 female, -1 not given
};

struct Sample {
  std::string file;                                              // file name in samples/
  std::vector<std::pair<std::string, std::string>> front_matter;  // empty when the sample has none
  std::vector<std::string> paragraphs;  // blank-line separated blocks of the body, as written
  std::vector<bool> story;              // per paragraph: a story paragraph that may move or be dropped
  std::size_t head_end = 0;             // [0, head_end): headline block up to and with the lead
  std::size_t footer_begin = 0;         // [footer_begin, end): closing furniture after the last story paragraph
  std::vector<SamplePerson> persons;    // from samples/expected/<stem>.json
};

// Loads samples/*.txt with their samples/expected/*.json (persons only).
// Fails (kNotFound / kIoError / kInvalidInput naming the file) when the
// directory has no usable sample or an expected file does not parse.
Status LoadSamples(const std::string& samples_dir, std::vector<Sample>* out);

struct CorpusOptions {
  std::uint64_t seed = 20240521;  // fixed default: the published numbers use it
  std::size_t articles = 10000;   // corpus size N; also sizes the name pool
  std::size_t pool_size = 0;      // persons per gender; 0 = max(64, N / 2)
  unsigned variant_percent = 10;  // chance that a person's name is respelled in an article
};

class CorpusGenerator {
 public:
  // `samples` must outlive the generator and be non-empty.
  CorpusGenerator(const std::vector<Sample>* samples, const CorpusOptions& options);

  // The bytes of article `index` (any index; see the header comment).
  std::string Article(std::size_t index) const;

  // "012/012345.txt": 1000 articles per directory.
  static std::string RelativePath(std::size_t index);

  const CorpusOptions& options() const { return options_; }

 private:
  using Replacements = std::vector<std::pair<std::string, std::string>>;  // longest `from` first
  Replacements PersonsFor(const Sample& sample, Rng* rng) const;

  const std::vector<Sample>* samples_;
  CorpusOptions options_;
  NamePool pool_;
};

// Replaces whole-word occurrences of each `from` (tried in the given order at
// each word start) with its `to`. Exposed for checking the generator.
std::string ReplaceWords(const std::string& text, const std::vector<std::pair<std::string, std::string>>& pairs);

// Writes articles [0, N) under `dir` (created; existing files overwritten).
// *bytes = total article bytes. Fails with kIoError naming the file.
Status WriteCorpus(const CorpusGenerator& gen, const std::string& dir, std::uint64_t* bytes);

}  // namespace bench
}  // namespace kith
