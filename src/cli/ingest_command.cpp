#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/document_pipeline.h"
#include "cli/extraction_fingerprint.h"
#include "cli/input_files.h"
#include "cli/ordered_workers.h"
#include "store/content_hash.h"
#include "store/store.h"
#include "text/front_matter.h"
#include "text/reader.h"

namespace kith {
namespace {

constexpr const char* kIngestHelp = R"(usage: kith ingest [--db FILE] [--rules DIR] [--date YYYY-MM-DD] [--trace] PATH...

Reads articles (files; directories recursively, taking .txt/.text/.md files;
"-" for standard input), extracts persons, family ties, institutions, places
and events, and stores them with their evidence in the SQLite database.
Articles are read and extracted on several threads (--jobs) and stored in
input order, many per transaction; an article that fails is reported and
skipped (undone alone), the others are stored. An article already stored with
the same content and the same rules is skipped; a changed article, or one
stored with other rules (or another kith version), replaces its own facts. When
the database itself fails (disk full, locked by another process for longer
than the busy timeout, read-only), the run stops: what was stored stays, and
running the same command again goes on where it stopped.

options:
  --db FILE        database (default: kith.db)
  --rules DIR      rules directory (default: $KITH_RULES or the built-in rules/)
  --date DATE      publication date for articles without one (anchors dates)
  --max-bytes N    reject articles larger than N bytes (default 8388608)
  --jobs N         threads reading and extracting articles (default: one per
                   CPU); the database is the same for any N
  --batch N        articles per transaction (default 64; a batch also closes
                   after 250 ms): 1 commits every article on its own
  --trace          print, per sentence, the rules that fired and the losers
exit status: 0 all stored, 1 some article failed or the run stopped early,
2 could not start
)";

// A positive decimal number, digits only.
bool ParsePositiveCount(const std::string& text, std::size_t* out) {
  if (text.empty() || text.size() > 18) return false;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (value == 0) return false;
  *out = value;
  return true;
}

// One article made ready for the writer by a worker.
struct PreparedArticle {
  Status status;                // reading or extraction failed
  bool stored_already = false;  // these bytes are stored: nothing to write
  std::string content_hash;     // of doc.text, hashed once by the worker
  Document doc;
  DocumentGraph graph;
  std::vector<ReadWarning> warnings;
};

// Reads `path` (or `stdin_bytes`), and unless `lookup` holds these bytes
// already, extracts its graph. Read and hash come first: an article stored
// already is skipped at the cost of reading and hashing it (its lines are
// not even classified), so running an interrupted ingest again quickly gets
// back to where it stopped.
void PrepareArticle(const std::string& path, const std::string* stdin_bytes, const Status& stdin_status,
                    const RuleSet& rules, const PipelineOptions& options, Store* lookup, PreparedArticle* out) {
  if (options.trace != nullptr) *options.trace << "== " << path << "\n";
  Status s = stdin_bytes != nullptr ? stdin_status : Status::Ok();
  if (s.ok()) s = ReadPipelineText(path, stdin_bytes, options, &out->doc, &out->warnings);
  if (s.ok()) out->content_hash = ContentHash(out->doc.text);
  // With --trace every article is extracted, stored or not.
  if (s.ok() && options.trace == nullptr) s = lookup->HasDocument(out->content_hash, &out->stored_already);
  if (s.ok() && !out->stored_already) {
    ClassifyPipelineLines(rules, &out->doc);
    s = ExtractDocumentGraph(out->doc, rules, options, &out->graph);
  }
  out->status = s;
}

}  // namespace

void ReportError(const std::string& status_text) { std::cerr << "kith: " << status_text << "\n"; }

int RunIngest(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "rules", "date", "max-bytes", "jobs", "batch"}, {"trace", "help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kIngestHelp;
    return 0;
  }
  if (args.positional().empty()) {
    std::cerr << kIngestHelp;
    return 2;
  }
  PipelineOptions options;
  if (args.Has("date")) {
    s = NormalizeIsoDate(args.Get("date"), &options.default_date);
    if (!s.ok()) {
      ReportError("--date: " + s.message());
      return 2;
    }
  }
  options.max_bytes = kDefaultMaxDocumentBytes;
  if (args.Has("max-bytes") && !ParsePositiveCount(args.Get("max-bytes"), &options.max_bytes)) {
    ReportError("--max-bytes takes a positive number of bytes, not \"" + args.Get("max-bytes") + "\"");
    return 2;
  }
  if (args.Has("trace")) options.trace = &std::cout;
  int jobs_wanted = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (args.Has("jobs")) {
    std::size_t n = 0;
    if (!ParsePositiveCount(args.Get("jobs"), &n) || n > 256) {
      ReportError("--jobs takes a number of threads from 1 to 256, not \"" + args.Get("jobs") + "\"");
      return 2;
    }
    jobs_wanted = static_cast<int>(n);
  }
  std::size_t batch_articles = 64;
  if (args.Has("batch") && (!ParsePositiveCount(args.Get("batch"), &batch_articles) || batch_articles > 100000)) {
    ReportError("--batch takes a number of articles from 1 to 100000, not \"" + args.Get("batch") + "\"");
    return 2;
  }
  std::unique_ptr<RuleSet> rules;
  s = RuleSet::Load(ResolveRulesDir(args.Get("rules")), &rules);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  StoreOptions store_options;
  s = ExtractionFingerprint(*rules, &store_options.extraction_fingerprint);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  std::unique_ptr<Store> store;
  s = Store::Open(args.Get("db", "kith.db"), store_options, &store);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  const InputList inputs = CollectInputFiles(args.positional());
  int failed = 0;
  for (const Status& e : inputs.errors) {
    ReportError(e.ToString());
    ++failed;
  }
  const std::vector<std::string>& files = inputs.files;
  const bool progress = isatty(STDERR_FILENO) != 0 && files.size() > 1;

  // Standard input is read once, before any worker starts; bounded like a file.
  std::string stdin_bytes;
  Status stdin_status;
  if (std::find(files.begin(), files.end(), "-") != files.end()) {
    stdin_status = ReadAllLimited(STDIN_FILENO, "-", options.max_bytes, &stdin_bytes);
  }

  // Workers read, hash and extract; this thread writes, in input order, so the
  // database is the same whatever the number of workers. Each worker asks its
  // own read connection whether an article is stored already. A private
  // in-memory database or --trace (whose output follows the articles) runs on
  // this thread alone.
  int jobs = jobs_wanted;
  if (options.trace != nullptr || store->path() == ":memory:" || files.size() < 2) jobs = 1;
  std::vector<std::unique_ptr<Store>> readers;
  for (int w = 0; w < jobs && jobs > 1; ++w) {
    StoreOptions reader_options = store_options;
    reader_options.create_if_missing = false;
    std::unique_ptr<Store> reader;
    s = Store::Open(store->path(), reader_options, &reader);
    if (!s.ok()) {
      ReportError(s.ToString());
      return 2;
    }
    readers.push_back(std::move(reader));
  }
  const auto prepare = [&](std::size_t index, int worker, PreparedArticle* out) {
    Store* lookup = readers.empty() ? store.get() : readers[static_cast<std::size_t>(worker)].get();
    PrepareArticle(files[index], files[index] == "-" ? &stdin_bytes : nullptr, stdin_status, *rules, options,
                   lookup, out);
  };
  OrderedWorkers<PreparedArticle> workers(files.size(), jobs, static_cast<std::size_t>(jobs) * 8, prepare);

  // Articles are committed in batches: many per transaction is much faster
  // than one each. A batch closes after --batch articles (default 64) or
  // kBatchMillis, so other writers and readers are not kept waiting long.
  constexpr auto kBatchMillis = std::chrono::milliseconds(250);
  int inserted = 0, replaced = 0, reextracted = 0, unchanged = 0;
  std::vector<Store::PutOutcome> batch;  // outcomes stored in the open batch
  std::chrono::steady_clock::time_point batch_began;
  std::size_t not_attempted = 0;
  bool stopped = false;
  const auto count = [&](Store::PutOutcome outcome) {
    switch (outcome) {
      case Store::PutOutcome::kInserted: ++inserted; break;
      case Store::PutOutcome::kReplaced: ++replaced; break;
      case Store::PutOutcome::kReextracted: ++reextracted; break;
      case Store::PutOutcome::kUnchanged: ++unchanged; break;
    }
  };
  // Stops the run after a storage failure: what was committed stays.
  const auto stop = [&](std::size_t taken) {
    workers.Stop();
    stopped = true;
    not_attempted = files.size() - taken + batch.size();
    std::string rolled_back;
    if (!batch.empty()) {
      rolled_back = " (" + std::to_string(batch.size()) + " of them written with it in one transaction, rolled back)";
    }
    batch.clear();
    ReportError("stopping: the database cannot take more writes; " + std::to_string(not_attempted) +
                " article(s) not attempted" + rolled_back +
                ". Articles already stored are kept: run the same command again to go on.");
  };
  const auto commit = [&](std::size_t taken) {
    if (!store->in_batch()) return true;
    const Status c = store->CommitBatch();
    if (!c.ok()) {
      ReportError(store->path() + ": committing " + std::to_string(batch.size()) + " article(s): " + c.ToString());
      ++failed;
      stop(taken);
      return false;
    }
    for (Store::PutOutcome o : batch) count(o);
    batch.clear();
    return true;
  };

  PreparedArticle article;
  std::size_t taken = 0;
  while (!stopped && workers.Take(&article)) {
    const std::string& path = files[taken++];
    if (progress) std::cerr << "\r[" << taken << "/" << files.size() << "] " << path << "\x1b[K" << std::flush;
    for (const ReadWarning& w : article.warnings) {
      std::cerr << (progress ? "\n" : "") << path << ": warning: " << w.message << " (byte " << w.offset << ")\n";
    }
    s = article.status;
    if (s.ok() && article.stored_already) {
      ++unchanged;
      continue;
    }
    if (s.ok() && !store->in_batch()) {
      s = store->BeginBatch();
      batch_began = std::chrono::steady_clock::now();
    }
    Store::PutOutcome outcome = Store::PutOutcome::kUnchanged;
    if (s.ok()) s = store->PutDocument(article.doc, article.content_hash, article.graph, &outcome);
    if (!s.ok()) {
      if (progress) std::cerr << "\n";
      ReportError(s.file().empty() ? path + ": " + s.ToString() : s.ToString());
      ++failed;
      // Every later article would fail the same way: stop, keeping what is committed.
      if (store->last_failure_is_storage()) stop(taken);
      continue;
    }
    batch.push_back(outcome);
    if (batch.size() >= batch_articles || std::chrono::steady_clock::now() - batch_began >= kBatchMillis) {
      commit(taken);
    }
  }
  if (!stopped) commit(taken);
  if (progress) std::cerr << "\n";
  std::cerr << "kith: ingested " << (inserted + replaced + reextracted + unchanged) << " article(s): " << inserted
            << " new, " << replaced << " replaced, ";
  if (reextracted > 0) std::cerr << reextracted << " extracted again (rules changed), ";
  std::cerr << unchanged << " unchanged; " << failed << " failed";
  if (not_attempted > 0) std::cerr << "; " << not_attempted << " not attempted";
  std::cerr << "\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace kith
