#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/document_pipeline.h"
#include "cli/input_files.h"
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
Each article is stored in its own transaction: an article that fails is
reported and skipped, the others are stored. An article already stored with
the same content is skipped; a changed article replaces its own facts. When
the database itself fails (disk full, locked by another process for longer
than the busy timeout, read-only), the run stops: what was stored stays, and
running the same command again goes on where it stopped.

options:
  --db FILE        database (default: kith.db)
  --rules DIR      rules directory (default: $KITH_RULES or the built-in rules/)
  --date DATE      publication date for articles without one (anchors dates)
  --max-bytes N    reject articles larger than N bytes (default 8388608)
  --trace          print, per sentence, the rules that fired and the losers
exit status: 0 all stored, 1 some article failed or the run stopped early,
2 could not start
)";

// A positive decimal number of bytes, digits only.
bool ParseByteCount(const std::string& text, std::size_t* out) {
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

}  // namespace

void ReportError(const std::string& status_text) { std::cerr << "kith: " << status_text << "\n"; }

int RunIngest(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "rules", "date", "max-bytes"}, {"trace", "help"}, &args);
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
  if (args.Has("max-bytes") && !ParseByteCount(args.Get("max-bytes"), &options.max_bytes)) {
    ReportError("--max-bytes takes a positive number of bytes, not \"" + args.Get("max-bytes") + "\"");
    return 2;
  }
  if (args.Has("trace")) options.trace = &std::cout;
  std::unique_ptr<RuleSet> rules;
  s = RuleSet::Load(ResolveRulesDir(args.Get("rules")), &rules);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  std::unique_ptr<Store> store;
  s = Store::Open(args.Get("db", "kith.db"), StoreOptions(), &store);
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
  const bool progress = isatty(STDERR_FILENO) != 0 && inputs.files.size() > 1;
  int inserted = 0, replaced = 0, unchanged = 0;
  std::size_t not_attempted = 0;
  std::string stdin_bytes;
  Status stdin_status;
  bool stdin_read = false;
  for (std::size_t i = 0; i < inputs.files.size(); ++i) {
    const std::string& path = inputs.files[i];
    if (progress) std::cerr << "\r[" << (i + 1) << "/" << inputs.files.size() << "] " << path << "\x1b[K" << std::flush;
    const std::string* bytes = nullptr;
    if (path == "-") {
      if (!stdin_read) {
        // Bounded like a file: at most max_bytes + 1 bytes are ever held.
        stdin_status = ReadAllLimited(STDIN_FILENO, "-", options.max_bytes, &stdin_bytes);
        stdin_read = true;
      }
      bytes = &stdin_bytes;
    }
    Document doc;
    DocumentGraph graph;
    std::vector<ReadWarning> warnings;
    if (options.trace != nullptr) std::cout << "== " << path << "\n";
    s = bytes != nullptr ? stdin_status : Status::Ok();
    // Read and hash before extracting: an article stored already is skipped at
    // the cost of reading it, so running an interrupted ingest again quickly
    // gets back to where it stopped. (With --trace every article is extracted.)
    bool stored_already = false;
    std::string read_text;
    if (s.ok() && options.trace == nullptr) {
      ReadOptions read;
      read.max_bytes = options.max_bytes;
      s = bytes != nullptr ? ReadDocumentFromBytes(path, *bytes, read, &doc, &warnings)
                           : ReadDocumentFile(path, read, &doc, &warnings);
      if (s.ok()) s = store->HasDocument(ContentHash(doc.text), &stored_already);
      // The pipeline reads these bytes, not the file again: one read, one version.
      read_text = std::move(doc.text);
      bytes = &read_text;
    }
    if (s.ok() && !stored_already) {
      std::vector<ReadWarning> repeated;  // the text is repaired already: nothing new to say
      s = RunDocumentPipeline(path, bytes, *rules, options, &doc, &graph,
                              options.trace == nullptr ? &repeated : &warnings);
    }
    for (const ReadWarning& w : warnings) {
      std::cerr << (progress ? "\n" : "") << path << ": warning: " << w.message << " (byte " << w.offset << ")\n";
    }
    if (s.ok() && stored_already) {
      ++unchanged;
      continue;
    }
    Store::PutOutcome outcome = Store::PutOutcome::kUnchanged;
    if (s.ok()) s = store->PutDocument(doc, ContentHash(doc.text), graph, &outcome);
    if (!s.ok()) {
      if (progress) std::cerr << "\n";
      ReportError(s.file().empty() ? path + ": " + s.ToString() : s.ToString());
      ++failed;
      if (store->last_failure_is_storage()) {
        // Every later article would fail the same way: stop, keeping what is stored.
        not_attempted = inputs.files.size() - i - 1;
        ReportError("stopping: the database cannot take more writes; " + std::to_string(not_attempted) +
                    " article(s) not attempted. Articles already stored are kept: run the same command "
                    "again to go on.");
        break;
      }
      continue;
    }
    switch (outcome) {
      case Store::PutOutcome::kInserted: ++inserted; break;
      case Store::PutOutcome::kReplaced: ++replaced; break;
      case Store::PutOutcome::kUnchanged: ++unchanged; break;
    }
  }
  if (progress) std::cerr << "\n";
  std::cerr << "kith: ingested " << (inserted + replaced + unchanged) << " article(s): " << inserted << " new, "
            << replaced << " replaced, " << unchanged << " unchanged; " << failed << " failed";
  if (not_attempted > 0) std::cerr << "; " << not_attempted << " not attempted";
  std::cerr << "\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace kith
