#include <algorithm>
#include <cstdio>
#include <set>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/document_pipeline.h"
#include "cli/input_files.h"
#include "eval/gold.h"
#include "eval/same_events.h"
#include "eval/scorer.h"
#include "query/events_query.h"
#include "store/content_hash.h"
#include "store/store.h"

namespace kith {
namespace fs = std::filesystem;
namespace {

constexpr const char* kEvalHelp = R"(usage: kith eval --gold DIR [--rules DIR] [--explain] [--require CAT=F1]... PATH...

Runs extraction on each article and scores it against DIR/<article name>.json
(the expected-facts format): precision, recall and F1 per category, gender and
event-date accuracy, and the event attributes the expected facts ask for
(event_attributes). Articles without an expected-facts file are skipped.
When DIR/_corpus.json lists "same_events", the scored articles are also
stored together in memory and the happenings that several articles report
must come out joined (same_events).

options:
  --gold DIR         directory of expected-facts JSON files
  --explain          list, per article, what is missing and what is spurious
  --require CAT=F1   exit 1 when category CAT (persons, organizations, places,
                     kinship, unnamed, events, event_attributes, same_events,
                     macro) scores below F1; repeatable
)";

// Stores the scored articles together in memory and scores the happenings several of them report.
Status ScoreAcrossArticles(const std::vector<std::pair<Document, DocumentGraph>>& articles,
                           const std::vector<GoldSameEvent>& gold, bool explain, ScoreReport* total) {
  std::unique_ptr<Store> store;
  KITH_RETURN_IF_ERROR(Store::Open(":memory:", StoreOptions(), &store));
  for (const auto& [doc, graph] : articles) {
    Store::PutOutcome outcome;
    KITH_RETURN_IF_ERROR(store->PutDocument(doc, ContentHash(doc.text), graph, &outcome));
  }
  std::vector<EventRow> rows;
  KITH_RETURN_IF_ERROR(FindEvents(store->database(), EventsFilter(), &rows));
  // Only happenings whose articles were all scored in this run can be asked for.
  std::set<std::string> scored;
  for (const auto& article : articles) scored.insert(fs::path(article.first.path).filename().string());
  std::vector<GoldSameEvent> askable;
  for (const GoldSameEvent& g : gold) {
    if (std::all_of(g.docs.begin(), g.docs.end(), [&](const std::string& d) { return scored.count(d) != 0; })) {
      askable.push_back(g);
    }
  }
  if (askable.empty()) return Status::Ok();
  std::vector<std::string> lines;
  total->categories["same_events"].Add(ScoreSameEvents(rows, askable, &lines));
  if (explain && !lines.empty()) {
    std::cout << "across articles\n";
    for (const std::string& line : lines) std::cout << "  " << line << "\n";
  }
  return Status::Ok();
}

}  // namespace

int RunEval(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"gold", "rules", "require"}, {"explain", "help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kEvalHelp;
    return 0;
  }
  if (!args.Has("gold") || args.positional().empty()) {
    std::cerr << kEvalHelp;
    return 2;
  }
  std::unique_ptr<RuleSet> rules;
  s = RuleSet::Load(ResolveRulesDir(args.Get("rules")), &rules);
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
  ScoreReport total;
  int scored = 0;
  std::vector<std::pair<Document, DocumentGraph>> stored;  // for the cross-article check
  for (const std::string& path : inputs.files) {
    const fs::path gold_path = fs::path(args.Get("gold")) / (fs::path(path).stem().string() + ".json");
    std::error_code ec;
    if (!fs::exists(gold_path, ec)) continue;
    GoldDocument gold;
    s = LoadGoldFile(gold_path.string(), &gold);
    Document doc;
    DocumentGraph graph;
    std::vector<ReadWarning> warnings;
    if (s.ok()) s = RunDocumentPipeline(path, nullptr, *rules, PipelineOptions(), &doc, &graph, &warnings);
    if (!s.ok()) {
      ReportError(s.ToString());
      ++failed;
      continue;
    }
    ScoreReport r = ScoreDocument(graph, gold);
    if (args.Has("explain") && !r.explain.empty()) {
      std::cout << path << "\n";
      for (const std::string& line : r.explain) std::cout << "  " << line << "\n";
    }
    r.explain.clear();
    total.Add(r);
    ++scored;
    stored.emplace_back(std::move(doc), std::move(graph));
  }
  const fs::path corpus = fs::path(args.Get("gold")) / "_corpus.json";
  std::error_code corpus_ec;
  if (fs::exists(corpus, corpus_ec)) {
    std::vector<GoldSameEvent> same;
    s = LoadSameEvents(corpus.string(), &same);
    if (s.ok() && !same.empty()) s = ScoreAcrossArticles(stored, same, args.Has("explain"), &total);
    if (!s.ok()) {
      ReportError(s.ToString());
      ++failed;
    }
  }
  std::printf("%-17s%7s%7s%7s   tp/fp/fn\n", "category", "P", "R", "F1");
  for (const char* c : {"persons", "organizations", "places", "kinship", "unnamed", "events", "event_attributes",
                        "same_events"}) {
    if ((std::string(c) == "event_attributes" || std::string(c) == "same_events") && total.categories.count(c) == 0) {
      continue;
    }
    const Counts& k = total.categories[c];
    std::printf("%-17s%7.2f%7.2f%7.2f   %d/%d/%d\n", c, k.Precision(), k.Recall(), k.F1(), k.tp, k.fp, k.fn);
  }
  std::printf("gender correct %d/%d; event dates correct %d/%d; articles scored %d\n", total.gender_ok,
              total.gender_total, total.dates_ok, total.dates_total, scored);
  std::printf("macro-F1 %.3f\n", total.MacroF1());
  int below = 0;
  for (const std::string& req : args.GetAll("require")) {
    const std::size_t eq = req.find('=');
    double want = 0;
    try {
      want = std::stod(req.substr(eq + 1));
    } catch (const std::exception&) {
      ReportError("--require takes CATEGORY=F1, not \"" + req + "\"");
      return 2;
    }
    const std::string cat = req.substr(0, eq);
    const double got = cat == "macro" ? total.MacroF1() : total.categories[cat].F1();
    if (got + 1e-9 < want) {
      std::fprintf(stderr, "kith: %s F1 %.3f is below the required %.3f\n", cat.c_str(), got, want);
      ++below;
    }
  }
  if (scored == 0) {
    ReportError("no article had an expected-facts file in " + args.Get("gold"));
    return 1;
  }
  return failed > 0 || below > 0 ? 1 : 0;
}

}  // namespace kith
