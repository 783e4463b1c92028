// kith_bench: the project's speed benchmark. See README.md "## Performance" and
// docs/profile.md. Not part of ctest: run tests/bench/run.sh.
//
// For each corpus size N it generates a deterministic corpus (corpus.h) and
// measures: `kith ingest` end to end (the real binary, as a child process:
// wall time, CPU time, peak RSS from wait4), the database size, identity
// resolution against the N-article store (in process: MatchEntity and
// PutDocument for extra articles of the same corpus), `kith export` per
// format, re-ingesting the unchanged corpus, extraction alone (in process,
// one thread and two threads), and the latency of the relatives and path
// queries (in process over many persons, plus CLI runs for reference). It
// prints one markdown table with the machine.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "cli/document_pipeline.h"
#include "corpus.h"
#include "extract/name_key.h"
#include "extract/rule_set.h"
#include "process.h"
#include "query/family_path.h"
#include "query/person_lookup.h"
#include "query/relatives.h"
#include "store/content_hash.h"
#include "store/database.h"
#include "store/entity_matcher.h"
#include "store/store.h"

#ifndef KITH_SOURCE_DIR
#define KITH_SOURCE_DIR "."
#endif
#ifndef KITH_BINARY
#define KITH_BINARY "kith"
#endif
#ifndef KITH_BENCH_BUILD_TYPE
#define KITH_BENCH_BUILD_TYPE "unknown"
#endif

namespace kith {
namespace bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMB = 1e6;  // MB = 10^6 bytes throughout, as the peers' figures

// Targets of the project's speed issue.
constexpr double kTargetExtractMBps = 50;
constexpr double kTargetIngestMBps = 20;
constexpr double kTargetPeakRssMB = 300;
constexpr double kTargetRelativesMs = 5;
constexpr double kTargetReingestSpeedup = 20;
constexpr double kFastestPeerMBps = 2.4;  // wink-nlp 2.4 (compromise 14: about 0.15 MB/s)
constexpr double kPeerFactor = 10;

const char* const kPhases[] = {"ingest", "reingest", "resolve", "export", "query", "cli", "extract"};

struct Options {
  std::vector<std::size_t> sizes = {10000, 100000};
  std::string source_dir = KITH_SOURCE_DIR;
  std::string kith = KITH_BINARY;
  std::string work_dir = "kith-bench-work";
  std::uint64_t seed = 20240521;
  std::size_t extract_docs = 10000;  // 0 = the whole corpus
  std::size_t probe_docs = 500;
  std::size_t queries = 200;
  std::size_t cli_runs = 3;
  std::set<std::string> phases{std::begin(kPhases), std::end(kPhases)};
  bool keep = false;
  bool reuse = false;        // use the corpus and database a --keep run left under --work
  std::string generate_dir;  // --generate: write the corpus and stop
};

constexpr const char* kUsage = R"(usage: kith_bench [options]

Generates deterministic corpora and measures kith's speed; prints a markdown table.

  --n LIST            corpus sizes, comma-separated (default 10000,100000)
  --source DIR        kith source tree: samples/ and rules/ (default: this build's source)
  --kith PATH         the kith binary (default: this build's)
  --work DIR          scratch directory (default ./kith-bench-work)
  --seed S            corpus seed (default 20240521)
  --extract-docs M    articles for the extraction-alone measurement (default 10000; 0 = all)
  --probe-docs K      extra articles for the identity-resolution probe (default 500)
  --queries Q         persons for the query latencies (default 200)
  --cli-runs R        runs of each CLI query for reference (default 3; the median is shown)
  --only LIST         run only these phases: ingest,reingest,resolve,export,query,cli,extract
  --skip LIST         skip these phases
  --keep              keep corpora, databases and exports under --work
  --reuse             reuse the corpus and database of an earlier --keep run of the same N and
                      seed (skips generation and the first ingest; implies --keep)
  --generate DIR      write the corpus of the first --n to DIR and exit (for profiling)
)";

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool ParseCount(const std::string& s, std::size_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789_") != std::string::npos) return false;
  std::string digits;
  for (char c : s) {
    if (c != '_') digits += c;
  }
  *out = static_cast<std::size_t>(std::stoull(digits));
  return true;
}

// Returns 0 to run, 2 on a usage error, -1 after --help.
int ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    std::size_t n = 0;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return -1;
    } else if (a == "--keep") {
      o->keep = true;
    } else if (a == "--reuse") {
      o->reuse = true;
      o->keep = true;
    } else if (!value(&v)) {
      std::cerr << "kith_bench: unknown option or missing value: " << a << "\n" << kUsage;
      return 2;
    } else if (a == "--n") {
      o->sizes.clear();
      for (const std::string& item : SplitComma(v)) {
        if (!ParseCount(item, &n) || n == 0) {
          std::cerr << "kith_bench: --n takes positive counts, not \"" << item << "\"\n";
          return 2;
        }
        o->sizes.push_back(n);
      }
      if (o->sizes.empty()) return 2;
    } else if (a == "--source") {
      o->source_dir = v;
    } else if (a == "--kith") {
      o->kith = v;
    } else if (a == "--work") {
      o->work_dir = v;
    } else if (a == "--generate") {
      o->generate_dir = v;
    } else if (a == "--seed" || a == "--extract-docs" || a == "--probe-docs" || a == "--queries" ||
               a == "--cli-runs") {
      if (!ParseCount(v, &n)) {
        std::cerr << "kith_bench: " << a << " takes a number, not \"" << v << "\"\n";
        return 2;
      }
      if (a == "--seed") o->seed = n;
      if (a == "--extract-docs") o->extract_docs = n;
      if (a == "--probe-docs") o->probe_docs = n;
      if (a == "--queries") o->queries = n;
      if (a == "--cli-runs") o->cli_runs = n;
    } else if (a == "--only" || a == "--skip") {
      std::set<std::string> listed;
      for (const std::string& p : SplitComma(v)) {
        if (std::find(std::begin(kPhases), std::end(kPhases), p) == std::end(kPhases)) {
          std::cerr << "kith_bench: unknown phase \"" << p << "\"\n" << kUsage;
          return 2;
        }
        listed.insert(p);
      }
      if (a == "--only") {
        o->phases = listed;
      } else {
        for (const std::string& p : listed) o->phases.erase(p);
      }
    } else {
      std::cerr << "kith_bench: unknown option " << a << "\n" << kUsage;
      return 2;
    }
  }
  return 0;
}

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void Progress(std::size_t n, const std::string& what) {
  std::cerr << "[N=" << n << "] " << what << std::endl;
}

// ---- Measurements ----------------------------------------------------------

struct Latency {
  double median_ms = kNaN;
  double p99_ms = kNaN;
  std::size_t samples = 0;
};

Latency Summarize(std::vector<double> ms) {
  Latency l;
  l.samples = ms.size();
  if (ms.empty()) return l;
  std::sort(ms.begin(), ms.end());
  const std::size_t n = ms.size();
  l.median_ms = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  const std::size_t rank = static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(n)));
  l.p99_ms = ms[std::min(n - 1, rank == 0 ? 0 : rank - 1)];
  return l;
}

struct ExportResult {
  std::string format;
  double seconds = kNaN;
  std::uint64_t bytes = 0;
  int exit_code = 0;
};

struct SizeResult {
  std::size_t n = 0;
  std::uint64_t corpus_bytes = 0;
  double generate_seconds = kNaN;

  bool ingested = false;
  ProcessResult ingest;
  std::string ingest_summary;  // kith's last stderr line
  bool reingested = false;
  ProcessResult reingest;
  std::string reingest_summary;
  std::uint64_t db_bytes = 0;
  StoreStats stats;

  std::size_t probe_docs = 0;
  std::size_t probe_entities = 0;
  std::size_t probe_matched = 0;      // probe entities that MatchEntity found in the store
  double match_us_per_entity = kNaN;      // MatchEntity, at db size N (wall)
  double match_cpu_us_per_entity = kNaN;  // the same in CPU time of the thread
  double put_ms_per_doc = kNaN;           // PutDocument (resolve + write + commit), at db size N (wall)
  double put_cpu_ms_per_doc = kNaN;

  std::vector<ExportResult> exports;

  std::size_t extract_docs = 0;
  std::uint64_t extract_bytes = 0;
  std::size_t extract_failed = 0;
  double extract1_seconds = kNaN;
  double extract1_cpu_seconds = kNaN;
  double extract2_seconds = kNaN;
  double extract2_cpu_seconds = kNaN;  // both threads

  Latency relatives_total, relatives_query, path_total, path_query;
  std::size_t path_connected = 0;
  double cli_relatives_ms = kNaN;
  double cli_path_ms = kNaN;
  std::string cli_note;

  std::vector<std::string> errors;
};

// Extraction of texts [begin, end) exactly as `kith ingest` does it
// (RunDocumentPipeline on bytes in memory), without the store.
// Named for profiling: callgrind --toggle-collect='kith::bench::ExtractDocuments*'.
struct ExtractRun {
  std::size_t failed = 0;
  double cpu_seconds = 0;  // CPU time of the calling thread
};

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

ExtractRun ExtractDocuments(const std::vector<std::string>& paths, const std::vector<std::string>& texts,
                            std::size_t begin, std::size_t end, const RuleSet& rules) {
  ExtractRun run;
  const double cpu = ThreadCpuSeconds();
  const PipelineOptions options;
  for (std::size_t i = begin; i < end; ++i) {
    Document doc;
    DocumentGraph graph;
    std::vector<ReadWarning> warnings;
    if (!RunDocumentPipeline(paths[i], &texts[i], rules, options, &doc, &graph, &warnings).ok()) ++run.failed;
  }
  run.cpu_seconds = ThreadCpuSeconds() - cpu;
  return run;
}

void MeasureExtraction(const CorpusGenerator& gen, std::size_t docs, const RuleSet& rules, SizeResult* r) {
  std::vector<std::string> paths, texts;
  paths.reserve(docs);
  texts.reserve(docs);
  for (std::size_t i = 0; i < docs; ++i) {
    paths.push_back(CorpusGenerator::RelativePath(i));
    texts.push_back(gen.Article(i));
    r->extract_bytes += texts.back().size();
  }
  r->extract_docs = docs;
  Clock::time_point t = Clock::now();
  const ExtractRun one = ExtractDocuments(paths, texts, 0, docs, rules);
  r->extract1_seconds = SecondsSince(t);
  r->extract1_cpu_seconds = one.cpu_seconds;
  r->extract_failed = one.failed;

  // Two threads, each on its half, sharing the read-only RuleSet.
  ExtractRun two[2];
  t = Clock::now();
  std::thread second([&] { two[1] = ExtractDocuments(paths, texts, docs / 2, docs, rules); });
  two[0] = ExtractDocuments(paths, texts, 0, docs / 2, rules);
  second.join();
  r->extract2_seconds = SecondsSince(t);
  r->extract2_cpu_seconds = two[0].cpu_seconds + two[1].cpu_seconds;
}

std::string LastLine(const std::string& text) {
  std::size_t end = text.find_last_not_of("\n");
  if (end == std::string::npos) return "";
  const std::size_t start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

void RemoveDb(const std::string& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix, ec);
}

std::uint64_t DbSize(const std::string& db) {
  return DiskSize(db) + DiskSize(db + "-wal");
}

// Copies a (closed) database with its WAL, if any.
bool CopyDb(const std::string& from, const std::string& to) {
  RemoveDb(to);
  std::error_code ec;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return false;
  if (fs::exists(from + "-wal")) fs::copy_file(from + "-wal", to + "-wal", fs::copy_options::overwrite_existing, ec);
  return !ec;
}

// Identity resolution against the N-article store: K more articles of the
// same corpus (same name pool) are extracted, then each named entity is
// matched (MatchEntity, timed alone) and each article stored (PutDocument:
// resolve + write + commit), on a copy of the database.
void MeasureResolution(const CorpusGenerator& gen, const Options& o, const RuleSet& rules, const std::string& db,
                       const std::string& probe_db, SizeResult* r) {
  if (!CopyDb(db, probe_db)) {
    r->errors.push_back("resolve: cannot copy " + db);
    return;
  }
  std::vector<Document> docs(o.probe_docs);
  std::vector<DocumentGraph> graphs(o.probe_docs);
  std::vector<bool> ok(o.probe_docs, false);
  for (std::size_t k = 0; k < o.probe_docs; ++k) {
    const std::string text = gen.Article(r->n + k);
    std::vector<ReadWarning> warnings;
    ok[k] = RunDocumentPipeline("probe/" + CorpusGenerator::RelativePath(r->n + k), &text, rules, PipelineOptions(),
                                &docs[k], &graphs[k], &warnings)
                .ok();
  }
  std::unique_ptr<Store> store;
  Status s = Store::Open(probe_db, StoreOptions(), &store);
  if (!s.ok()) {
    r->errors.push_back("resolve: " + s.ToString());
    return;
  }
  double match_seconds = 0, put_seconds = 0, match_cpu = 0, put_cpu = 0;
  for (std::size_t k = 0; k < o.probe_docs && s.ok(); ++k) {
    if (!ok[k]) continue;
    const double cpu0 = ThreadCpuSeconds();
    for (const Entity& e : graphs[k].entities) {
      if (e.name.empty()) continue;
      const std::string key = !e.identity_key.empty() ? e.identity_key : NormalizeNameKey(e.name);
      std::int64_t id = 0;
      const Clock::time_point t = Clock::now();
      s = MatchEntity(store->database(), e, key, &id);
      match_seconds += SecondsSince(t);
      if (!s.ok()) break;
      ++r->probe_entities;
      if (id != 0) ++r->probe_matched;
    }
    if (!s.ok()) break;
    const double cpu1 = ThreadCpuSeconds();
    Store::PutOutcome outcome;
    const std::string hash = ContentHash(docs[k].text);
    const Clock::time_point t = Clock::now();
    s = store->PutDocument(docs[k], hash, graphs[k], &outcome);
    put_seconds += SecondsSince(t);
    put_cpu += ThreadCpuSeconds() - cpu1;
    match_cpu += cpu1 - cpu0;
    ++r->probe_docs;
  }
  if (!s.ok()) r->errors.push_back("resolve: " + s.ToString());
  if (r->probe_entities > 0) {
    r->match_us_per_entity = match_seconds * 1e6 / static_cast<double>(r->probe_entities);
    r->match_cpu_us_per_entity = match_cpu * 1e6 / static_cast<double>(r->probe_entities);
  }
  if (r->probe_docs > 0) {
    r->put_ms_per_doc = put_seconds * 1e3 / static_cast<double>(r->probe_docs);
    r->put_cpu_ms_per_doc = put_cpu * 1e3 / static_cast<double>(r->probe_docs);
  }
  store.reset();
  RemoveDb(probe_db);
}

// Formats listed by `kith export --help` under "formats:".
std::vector<std::string> ExportFormats(const Options& o, const std::string& scratch) {
  const std::string help = scratch + "/export-help.txt";
  std::error_code ec;
  fs::remove(help, ec);
  RunProcess({o.kith, "export", "--help"}, help, "");
  std::vector<std::string> formats;
  std::istringstream in(Slurp(help));
  bool in_formats = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "formats:") {
      in_formats = true;
      continue;
    }
    if (!in_formats) continue;
    if (line.empty() || line[0] != ' ') break;
    if (line.size() > 2 && line[2] != ' ') {
      const std::string word = line.substr(2, line.find(' ', 2) - 2);
      for (const char* known : {"jsonld", "graphml", "dot", "neo4j"}) {
        if (word == known) formats.push_back(word);
      }
    }
  }
  return formats;
}

void MeasureExports(const Options& o, const std::string& db, const std::string& scratch, SizeResult* r) {
  const std::string dir = scratch + "/export";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  for (const std::string& format : ExportFormats(o, scratch)) {
    ExportResult e;
    e.format = format;
    const std::string out = dir + "/graph." + format;
    const ProcessResult p =
        RunProcess({o.kith, "export", "--db", db, "--format", format, "--output", out}, "", scratch + "/export.log");
    e.exit_code = p.exit_code;
    if (p.started && p.exit_code == 0) {
      e.seconds = p.wall_seconds;
      e.bytes = DiskSize(out);
    } else {
      r->errors.push_back("export " + format + " exited " + std::to_string(p.exit_code) + " (see " + scratch +
                          "/export.log)");
    }
    r->exports.push_back(e);
    fs::remove_all(out, ec);
  }
}

double MedianCliMs(const Options& o, const std::vector<std::string>& argv, int* exit_code) {
  std::vector<double> ms;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, o.cli_runs); ++i) {
    const ProcessResult p = RunProcess(argv, "", "");
    *exit_code = p.exit_code;
    if (!p.started) return kNaN;
    ms.push_back(p.wall_seconds * 1e3);
  }
  return Summarize(ms).median_ms;
}

void MeasureQueries(const Options& o, const RuleSet& rules, const std::string& db, SizeResult* r) {
  StoreOptions so;
  so.create_if_missing = false;
  std::unique_ptr<Store> store;
  Status s = Store::Open(db, so, &store);
  if (!s.ok()) {
    r->errors.push_back("query: " + s.ToString());
    return;
  }
  Database* d = store->database();
  std::vector<std::pair<std::int64_t, std::string>> persons;
  {
    Statement st;
    s = d->Prepare("SELECT id, name FROM entities WHERE kind = 'person' AND name IS NOT NULL ORDER BY id", &st);
    bool row = false;
    while (s.ok() && (s = st.Step(&row)).ok() && row) persons.emplace_back(st.ColumnInt64(0), st.ColumnText(1));
  }
  if (!s.ok() || persons.empty()) {
    r->errors.push_back("query: no persons" + (s.ok() ? std::string() : ": " + s.ToString()));
    return;
  }
  const NameKey keys(rules.lexicon("transliteration"));
  Rng rng(MixSeed(o.seed, 0x9E7, r->n));
  const std::size_t q = std::min(o.queries, persons.size());
  std::vector<std::size_t> picks;
  std::set<std::size_t> seen;
  while (picks.size() < q) {
    const std::size_t k = rng.Below(persons.size());
    if (seen.insert(k).second) picks.push_back(k);
  }

  std::vector<double> rel_total, rel_query, path_total, path_query;
  std::string cli_person;
  std::pair<std::string, std::string> cli_pair;
  for (std::size_t k : picks) {
    const auto& [id, name] = persons[k];
    std::vector<PersonRef> found;
    std::vector<RelativeRow> rows;
    const Clock::time_point t0 = Clock::now();
    s = FindPersons(d, name, keys, &found);
    const Clock::time_point t1 = Clock::now();
    if (s.ok()) s = FindRelatives(d, found.empty() ? id : found[0].id, RelativesOptions(), &rows);
    const Clock::time_point t2 = Clock::now();
    if (!s.ok()) break;
    rel_total.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
    rel_query.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    if (cli_person.empty() && found.size() == 1 && !rows.empty()) cli_person = name;

    // A path to the farthest named relative within three ties, else to a random person.
    RelativesOptions far;
    far.depth = 3;
    std::vector<RelativeRow> reach;
    s = FindRelatives(d, id, far, &reach);
    if (!s.ok()) break;
    std::int64_t other = 0;
    std::string other_name;
    int depth = 0;
    for (const RelativeRow& row : reach) {
      if (!row.name.empty() && row.depth > depth) other = row.id, other_name = row.name, depth = row.depth;
    }
    if (other == 0) std::tie(other, other_name) = persons[rng.Below(persons.size())];
    std::vector<PersonRef> found_a, found_b;
    std::vector<PathStep> steps;
    bool connected = false;
    const Clock::time_point p0 = Clock::now();
    s = FindPersons(d, name, keys, &found_a);
    if (s.ok()) s = FindPersons(d, other_name, keys, &found_b);
    const Clock::time_point p1 = Clock::now();
    if (s.ok()) s = FindFamilyPath(d, id, other, &connected, &steps);
    const Clock::time_point p2 = Clock::now();
    if (!s.ok()) break;
    path_total.push_back(std::chrono::duration<double, std::milli>(p2 - p0).count());
    path_query.push_back(std::chrono::duration<double, std::milli>(p2 - p1).count());
    if (connected) ++r->path_connected;
    if (cli_pair.first.empty() && connected && !steps.empty() && found_a.size() == 1 && found_b.size() == 1) {
      cli_pair = {name, other_name};
    }
  }
  if (!s.ok()) r->errors.push_back("query: " + s.ToString());
  r->relatives_total = Summarize(rel_total);
  r->relatives_query = Summarize(rel_query);
  r->path_total = Summarize(path_total);
  r->path_query = Summarize(path_query);
  store.reset();

  if (o.phases.count("cli")) {
    int code = 0;
    if (!cli_person.empty()) {
      r->cli_relatives_ms = MedianCliMs(o, {o.kith, "relatives", "--db", db, cli_person}, &code);
      if (code != 0) r->errors.push_back("kith relatives \"" + cli_person + "\" exited " + std::to_string(code));
    }
    if (!cli_pair.first.empty()) {
      r->cli_path_ms = MedianCliMs(o, {o.kith, "path", "--db", db, cli_pair.first, cli_pair.second}, &code);
      if (code != 0) r->errors.push_back("kith path exited " + std::to_string(code));
    }
    r->cli_note = "relatives \"" + cli_person + "\"; path \"" + cli_pair.first + "\" -> \"" + cli_pair.second + "\"";
  }
}

SizeResult RunSize(std::size_t n, const Options& o, const std::vector<Sample>& samples, const RuleSet& rules) {
  SizeResult r;
  r.n = n;
  CorpusOptions co;
  co.seed = o.seed;
  co.articles = n;
  const CorpusGenerator gen(&samples, co);
  const std::string scratch = o.work_dir + "/n" + std::to_string(n);
  const std::string corpus = scratch + "/corpus";
  const std::string db = scratch + "/kith.db";
  std::error_code ec;
  fs::create_directories(scratch, ec);

  const bool needs_db = o.phases.count("ingest") || o.phases.count("reingest") || o.phases.count("resolve") ||
                        o.phases.count("export") || o.phases.count("query") || o.phases.count("cli");
  const bool reuse = o.reuse && fs::exists(db) && fs::exists(corpus);
  const std::vector<std::string> ingest = {o.kith, "ingest", "--db", db, "--rules", o.source_dir + "/rules", corpus};
  if (needs_db && reuse) {
    Progress(n, "reusing " + corpus + " and " + db + " (--reuse: no generation, no first ingest)");
    r.corpus_bytes = DiskSize(corpus);
  } else if (needs_db) {
    Progress(n, "generating the corpus in " + corpus);
    fs::remove_all(corpus, ec);
    const Clock::time_point t = Clock::now();
    const Status s = WriteCorpus(gen, corpus, &r.corpus_bytes);
    r.generate_seconds = SecondsSince(t);
    if (!s.ok()) {
      r.errors.push_back("generate: " + s.ToString());
      return r;
    }
    Progress(n, "kith ingest (" + std::to_string(r.corpus_bytes / 1000000) + " MB)");
    RemoveDb(db);
    const std::string log = scratch + "/ingest.log";
    fs::remove(log, ec);
    r.ingest = RunProcess(ingest, "", log);
    r.ingest_summary = LastLine(Slurp(log));
    r.ingested = r.ingest.started && (r.ingest.exit_code == 0 || r.ingest.exit_code == 1);
    if (!r.ingested) {
      r.errors.push_back("kith ingest exited " + std::to_string(r.ingest.exit_code) + ": " + r.ingest_summary);
      return r;
    }
    if (r.ingest.exit_code == 1) r.errors.push_back("some articles failed: " + r.ingest_summary);
  }
  if (needs_db) {
    r.db_bytes = DbSize(db);
    {
      StoreOptions so;
      so.create_if_missing = false;
      std::unique_ptr<Store> store;
      if (Store::Open(db, so, &store).ok()) store->GetStats(&r.stats);
    }
    if (o.phases.count("reingest")) {
      Progress(n, "kith ingest again (unchanged corpus)");
      const std::string relog = scratch + "/reingest.log";
      fs::remove(relog, ec);
      r.reingest = RunProcess(ingest, "", relog);
      r.reingest_summary = LastLine(Slurp(relog));
      r.reingested = r.reingest.started && r.reingest.exit_code <= 1;
    }
    if (o.phases.count("resolve") && o.probe_docs > 0) {
      Progress(n, "identity resolution probe (" + std::to_string(o.probe_docs) + " more articles)");
      MeasureResolution(gen, o, rules, db, scratch + "/probe.db", &r);
    }
    if (o.phases.count("export")) {
      Progress(n, "kith export");
      MeasureExports(o, db, scratch, &r);
    }
    if (o.phases.count("query") || o.phases.count("cli")) {
      Progress(n, "queries");
      MeasureQueries(o, rules, db, &r);
    }
  }
  if (o.phases.count("extract")) {
    const std::size_t docs = o.extract_docs == 0 ? n : std::min(n, o.extract_docs);
    Progress(n, "extraction alone (" + std::to_string(docs) + " articles, 1 then 2 threads)");
    MeasureExtraction(gen, docs, rules, &r);
  }
  if (!o.keep) fs::remove_all(scratch, ec);
  return r;
}

// ---- The table -------------------------------------------------------------

// "0.52 0.61 0.70": the first three fields of /proc/loadavg.
std::string LoadAverage() {
  std::istringstream in(Slurp("/proc/loadavg"));
  std::string a, b, c;
  in >> a >> b >> c;
  return a.empty() ? "unknown" : a + " " + b + " " + c;
}

std::string Num(double v, int decimals) {
  if (std::isnan(v)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Two significant figures at least, no more decimals than needed.
std::string Auto(double v) {
  if (std::isnan(v)) return "–";
  const double a = std::fabs(v);
  return Num(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4);
}

std::string Thousands(std::uint64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

double Div(double a, double b) { return b > 0 && !std::isnan(a) && !std::isnan(b) ? a / b : kNaN; }

double IngestMBps(const SizeResult& r) {
  return r.ingested ? Div(static_cast<double>(r.corpus_bytes) / kMB, r.ingest.wall_seconds) : kNaN;
}
double Extract1MBps(const SizeResult& r) { return Div(static_cast<double>(r.extract_bytes) / kMB, r.extract1_seconds); }
double Extract1CpuMBps(const SizeResult& r) {
  return Div(static_cast<double>(r.extract_bytes) / kMB, r.extract1_cpu_seconds);
}
double Extract2CpuMBps(const SizeResult& r) {  // per thread: total bytes over both threads' CPU time
  return Div(static_cast<double>(r.extract_bytes) / kMB, r.extract2_cpu_seconds);
}
double IngestCpuMBps(const SizeResult& r) {
  return r.ingested ? Div(static_cast<double>(r.corpus_bytes) / kMB, r.ingest.user_seconds + r.ingest.system_seconds)
                    : kNaN;
}
double Extract2MBpsPerThread(const SizeResult& r) {
  return Div(static_cast<double>(r.extract_bytes) / kMB, r.extract2_seconds) / 2;
}
double PeakRssMB(const SizeResult& r) { return r.ingested ? static_cast<double>(r.ingest.max_rss_kb) * 1024 / kMB : kNaN; }
double ReingestSpeedup(const SizeResult& r) {
  return r.reingested && r.ingested ? Div(r.ingest.wall_seconds, r.reingest.wall_seconds) : kNaN;
}

struct Row {
  std::string measure;
  std::vector<std::string> cells;
  std::string target;
  std::string verdict;
};

std::string Verdict(bool measured, bool pass, const std::string& detail = "") {
  if (!measured) return "not measured";
  return std::string(pass ? "**met**" : "**not met**") + (detail.empty() ? "" : " (" + detail + ")");
}

// The last result where `f` is a number (the largest N measured).
template <typename F>
const SizeResult* LastWith(const std::vector<SizeResult>& rs, F f) {
  const SizeResult* last = nullptr;
  for (const SizeResult& r : rs) {
    if (!std::isnan(f(r))) last = &r;
  }
  return last;
}

void PrintTable(const Options& o, const std::vector<SizeResult>& rs, const RuleSet& rules,
                const std::string& load_before) {
  const MachineInfo m = DescribeMachine();
  std::cout << "### kith benchmark\n\n";
  std::cout << "Machine: " << m.cpus << " CPU(s) (nproc), " << m.cpu_model << ", " << Num(m.memory_gib, 1)
            << " GiB RAM, " << m.kernel << ". Build: " << KITH_BENCH_BUILD_TYPE << ", g++ " << __VERSION__
            << ". Corpus seed " << o.seed << ", " << rules.rule_count() << " rules. MB = 10^6 bytes. "
            << "Load average (1/5/15 min) before: " << load_before << ", after: " << LoadAverage()
            << " (other processes share the CPUs: wall-clock rates suffer, per-CPU-second rates much less).\n\n";

  std::vector<Row> rows;
  auto per = [&](auto f) {
    std::vector<std::string> cells;
    for (const SizeResult& r : rs) cells.push_back(f(r));
    return cells;
  };
  auto ratio_first_last = [&](auto f) {  // value at the largest N over the value at the smallest
    if (rs.size() < 2) return kNaN;
    return Div(f(rs.back()), f(rs.front()));
  };

  rows.push_back({"corpus: articles, MB",
                  per([](const SizeResult& r) {
                    return r.corpus_bytes == 0 ? std::string("–")
                                               : Thousands(r.n) + ", " + Num(static_cast<double>(r.corpus_bytes) / kMB, 1);
                  }),
                  "", ""});

  {
    const SizeResult* last = LastWith(rs, IngestMBps);
    rows.push_back({"ingest end to end, MB/s [MB per CPU-second]",
                    per([](const SizeResult& r) {
                      return r.ingested ? Auto(IngestMBps(r)) + " [" + Auto(IngestCpuMBps(r)) + "]" : "–";
                    }),
                    ">= " + Num(kTargetIngestMBps, 0) + " MB/s (both cores)",
                    Verdict(last != nullptr, last && IngestMBps(*last) >= kTargetIngestMBps)});
  }
  rows.push_back({"ingest end to end, articles/s",
                  per([](const SizeResult& r) {
                    return r.ingested ? Auto(Div(static_cast<double>(r.n), r.ingest.wall_seconds)) : "–";
                  }),
                  "", ""});
  rows.push_back({"ingest wall time, s (CPU cores busy)",
                  per([](const SizeResult& r) {
                    if (!r.ingested) return std::string("–");
                    return Auto(r.ingest.wall_seconds) + " (" +
                           Num(Div(r.ingest.user_seconds + r.ingest.system_seconds, r.ingest.wall_seconds), 2) + ")";
                  }),
                  "2 cores busy", ""});
  {
    const SizeResult* last = LastWith(rs, PeakRssMB);
    const double growth = ratio_first_last(PeakRssMB);
    std::string detail = std::isnan(growth) ? "" : "x" + Num(growth, 2) + " from smallest to largest N";
    const bool flat = std::isnan(growth) || growth < 1.5;
    const bool big_enough = last && last->n >= 100000;
    rows.push_back({"ingest peak RSS, MB", per([](const SizeResult& r) { return Auto(PeakRssMB(r)); }),
                    "< " + Num(kTargetPeakRssMB, 0) + " MB at N = 100,000; flat in N",
                    Verdict(last != nullptr, last && PeakRssMB(*last) < kTargetPeakRssMB && flat,
                            detail + (big_enough ? "" : std::string(detail.empty() ? "" : "; ") + "N = 100,000 not run"))});
  }
  rows.push_back({"database size, MB (KB per article)",
                  per([](const SizeResult& r) {
                    if (r.db_bytes == 0) return std::string("–");
                    return Auto(static_cast<double>(r.db_bytes) / kMB) + " (" +
                           Auto(static_cast<double>(r.db_bytes) / 1e3 / static_cast<double>(r.n)) + ")";
                  }),
                  "", ""});
  rows.push_back({"stored persons / family ties / events",
                  per([](const SizeResult& r) {
                    if (r.db_bytes == 0) return std::string("–");
                    return Thousands(static_cast<std::uint64_t>(r.stats.persons)) + " / " +
                           Thousands(static_cast<std::uint64_t>(r.stats.relations)) + " / " +
                           Thousands(static_cast<std::uint64_t>(r.stats.events));
                  }),
                  "", ""});
  {
    auto match = [](const SizeResult& r) { return r.match_cpu_us_per_entity; };
    const double growth = ratio_first_last(match);
    const double size_growth = rs.size() >= 2 ? static_cast<double>(rs.back().n) / static_cast<double>(rs.front().n) : kNaN;
    // Near-linear overall = the cost of one match grows at most logarithmically with the store.
    const double allowed = std::isnan(size_growth) ? kNaN : 1.0 + std::log(size_growth) / std::log(rs.front().n);
    rows.push_back({"identity resolution: MatchEntity, µs per entity [CPU µs] in a store of N (share found)",
                    per([&](const SizeResult& r) {
                      if (std::isnan(match(r))) return std::string("–");
                      return Auto(r.match_us_per_entity) + " [" + Auto(match(r)) + "] (" +
                             Num(100.0 * static_cast<double>(r.probe_matched) / static_cast<double>(r.probe_entities), 0) +
                             "%)";
                    }),
                    "near-linear in N (per-entity cost ~flat)",
                    std::isnan(growth) ? std::string("needs two sizes (--n)")
                                       : Verdict(true, growth <= std::max(1.5, allowed),
                                                 "x" + Num(growth, 2) + " for x" + Num(size_growth, 0) + " articles")});
  }
  {
    auto put = [](const SizeResult& r) { return r.put_cpu_ms_per_doc; };
    auto per_article = [](const SizeResult& r) {
      return r.ingested ? (r.ingest.user_seconds + r.ingest.system_seconds) * 1e3 / static_cast<double>(r.n) : kNaN;
    };
    const double growth = ratio_first_last(put);
    const double ingest_growth = ratio_first_last(per_article);
    rows.push_back({"store one article (resolve + write + commit), ms [CPU ms]",
                    per([&](const SizeResult& r) {
                      return std::isnan(put(r)) ? std::string("–") : Auto(r.put_ms_per_doc) + " [" + Auto(put(r)) + "]";
                    }),
                    "~flat in N",
                    std::isnan(growth) ? std::string("needs two sizes (--n)")
                                       : Verdict(true, growth <= 1.5,
                                                 "x" + Num(growth, 2) +
                                                     (std::isnan(ingest_growth)
                                                          ? std::string()
                                                          : "; whole ingest, CPU per article: x" + Num(ingest_growth, 2)))});
  }
  {
    const SizeResult* last = LastWith(rs, ReingestSpeedup);
    rows.push_back({"re-ingest unchanged corpus, s (speed-up)",
                    per([](const SizeResult& r) {
                      if (!r.reingested) return std::string("–");
                      return Auto(r.reingest.wall_seconds) + " (x" + Num(ReingestSpeedup(r), 1) + ")";
                    }),
                    ">= " + Num(kTargetReingestSpeedup, 0) + "x faster than the first ingest",
                    Verdict(last != nullptr, last && ReingestSpeedup(*last) >= kTargetReingestSpeedup)});
  }
  {
    const SizeResult* last = LastWith(rs, Extract1MBps);
    rows.push_back({"extraction alone, 1 thread, MB/s [per CPU-second]",
                    per([](const SizeResult& r) {
                      if (r.extract_docs == 0) return std::string("–");
                      return Auto(Extract1MBps(r)) + " [" + Auto(Extract1CpuMBps(r)) + "] (" +
                             Thousands(r.extract_docs) + " art.)";
                    }),
                    ">= " + Num(kTargetExtractMBps, 0) + " MB/s per thread",
                    Verdict(last != nullptr, last && Extract1MBps(*last) >= kTargetExtractMBps)});
    rows.push_back({"extraction alone, 2 threads, MB/s per thread [per CPU-second] (total)",
                    per([](const SizeResult& r) {
                      if (r.extract_docs == 0) return std::string("–");
                      return Auto(Extract2MBpsPerThread(r)) + " [" + Auto(Extract2CpuMBps(r)) + "] (" +
                             Auto(2 * Extract2MBpsPerThread(r)) + ")";
                    }),
                    ">= " + Num(kTargetExtractMBps, 0) + " MB/s per thread",
                    Verdict(last != nullptr, last && Extract2MBpsPerThread(*last) >= kTargetExtractMBps)});
  }
  std::set<std::string> formats;
  for (const SizeResult& r : rs) {
    for (const ExportResult& e : r.exports) formats.insert(e.format);
  }
  for (const char* f : {"jsonld", "graphml", "dot", "neo4j"}) {
    if (!formats.count(f)) continue;
    rows.push_back({std::string("export --format ") + f + ", s (MB)",
                    per([&](const SizeResult& r) {
                      for (const ExportResult& e : r.exports) {
                        if (e.format == f) {
                          return std::isnan(e.seconds) ? "failed (exit " + std::to_string(e.exit_code) + ")"
                                                       : Auto(e.seconds) + " (" +
                                                             Auto(static_cast<double>(e.bytes) / kMB) + ")";
                        }
                      }
                      return std::string("–");
                    }),
                    "", ""});
  }
  auto lat = [](const Latency& l) {
    return std::isnan(l.median_ms) ? std::string("–") : Auto(l.median_ms) + " / " + Auto(l.p99_ms);
  };
  {
    const SizeResult* last = LastWith(rs, [](const SizeResult& r) { return r.relatives_total.median_ms; });
    const bool at_100k = last && last->n >= 100000;
    rows.push_back({"relatives: name lookup + FindRelatives, ms median / p99",
                    per([&](const SizeResult& r) { return lat(r.relatives_total); }),
                    "< " + Num(kTargetRelativesMs, 0) + " ms median at N = 100,000",
                    Verdict(last != nullptr, last && last->relatives_total.median_ms < kTargetRelativesMs,
                            at_100k ? "" : "N = 100,000 not run")});
  }
  rows.push_back({"  FindRelatives alone, ms median / p99", per([&](const SizeResult& r) { return lat(r.relatives_query); }),
                  "", ""});
  rows.push_back({"path: 2 lookups + FindFamilyPath, ms median / p99",
                  per([&](const SizeResult& r) {
                    return lat(r.path_total) + (r.path_total.samples ? " (" + std::to_string(r.path_connected) + "/" +
                                                                           std::to_string(r.path_total.samples) +
                                                                           " connected)"
                                                                     : "");
                  }),
                  "", ""});
  rows.push_back({"  FindFamilyPath alone, ms median / p99", per([&](const SizeResult& r) { return lat(r.path_query); }),
                  "", ""});
  rows.push_back({"`kith relatives` CLI, ms (one process)", per([](const SizeResult& r) { return Auto(r.cli_relatives_ms); }),
                  "", ""});
  rows.push_back({"`kith path` CLI, ms (one process)", per([](const SizeResult& r) { return Auto(r.cli_path_ms); }), "", ""});
  {
    const SizeResult* li = LastWith(rs, IngestMBps);
    const SizeResult* le = LastWith(rs, Extract1MBps);
    rows.push_back({"vs the fastest peer (wink-nlp, 2.4 MB/s): ingest / extraction 1 thread",
                    per([](const SizeResult& r) {
                      return "x" + Num(Div(IngestMBps(r), kFastestPeerMBps), 2) + " / x" +
                             Num(Div(Extract1MBps(r), kFastestPeerMBps), 2);
                    }),
                    ">= x" + Num(kPeerFactor, 0) + " (compromise 14: ~0.15 MB/s)",
                    Verdict(li != nullptr || le != nullptr,
                            (!li || IngestMBps(*li) >= kPeerFactor * kFastestPeerMBps) &&
                                (!le || Extract1MBps(*le) >= kPeerFactor * kFastestPeerMBps))});
  }

  std::cout << "| measure |";
  for (const SizeResult& r : rs) std::cout << " N = " << Thousands(r.n) << " |";
  std::cout << " target | status |\n|---|";
  for (std::size_t i = 0; i < rs.size(); ++i) std::cout << "---:|";
  std::cout << "---|---|\n";
  for (const Row& row : rows) {
    std::cout << "| " << row.measure << " |";
    for (const std::string& c : row.cells) std::cout << " " << c << " |";
    std::cout << " " << row.target << " | " << row.verdict << " |\n";
  }
  std::cout << "\n";
  for (const SizeResult& r : rs) {
    std::vector<std::string> notes;
    if (!r.ingest_summary.empty()) notes.push_back("`" + r.ingest_summary + "`");
    if (!r.reingest_summary.empty()) notes.push_back("again: `" + r.reingest_summary + "`");
    if (r.extract_failed > 0) notes.push_back("extraction failed on " + std::to_string(r.extract_failed) + " article(s)");
    if (!r.cli_note.empty()) notes.push_back("CLI queries: " + r.cli_note);
    if (!notes.empty()) {
      std::cout << "- N = " << Thousands(r.n) << ": ";
      for (std::size_t i = 0; i < notes.size(); ++i) std::cout << (i ? "; " : "") << notes[i];
      std::cout << "\n";
    }
    for (const std::string& e : r.errors) std::cout << "- N = " << Thousands(r.n) << ": error: " << e << "\n";
  }
}

int Main(int argc, char** argv) {
  Options o;
  const int parsed = ParseArgs(argc, argv, &o);
  if (parsed != 0) return parsed < 0 ? 0 : parsed;

  std::vector<Sample> samples;
  Status s = LoadSamples(o.source_dir + "/samples", &samples);
  if (!s.ok()) {
    std::cerr << "kith_bench: " << s.ToString() << "\n";
    return 2;
  }
  if (!o.generate_dir.empty()) {
    CorpusOptions co;
    co.seed = o.seed;
    co.articles = o.sizes.front();
    std::uint64_t bytes = 0;
    s = WriteCorpus(CorpusGenerator(&samples, co), o.generate_dir, &bytes);
    if (!s.ok()) {
      std::cerr << "kith_bench: " << s.ToString() << "\n";
      return 1;
    }
    std::cerr << "kith_bench: wrote " << co.articles << " articles (" << bytes << " bytes) to " << o.generate_dir << "\n";
    return 0;
  }
  std::unique_ptr<RuleSet> rules;
  s = RuleSet::Load(o.source_dir + "/rules", &rules);
  if (!s.ok()) {
    std::cerr << "kith_bench: " << s.ToString() << "\n";
    return 2;
  }
  if (access(o.kith.c_str(), X_OK) != 0) {
    std::cerr << "kith_bench: " << o.kith << ": not an executable (give --kith PATH)\n";
    return 2;
  }
  const std::string load_before = LoadAverage();
  std::vector<SizeResult> results;
  for (std::size_t n : o.sizes) results.push_back(RunSize(n, o, samples, *rules));
  PrintTable(o, results, *rules, load_before);
  for (const SizeResult& r : results) {
    if (!r.errors.empty()) return 1;
  }
  return 0;
}

}  // namespace bench
}  // namespace kith

int main(int argc, char** argv) { return kith::bench::Main(argc, argv); }
