#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "exporters/jsonld_exporter.h"
#include "store/graph_snapshot.h"
#include "store/store.h"

namespace kith {
namespace {

constexpr const char* kExportHelp = R"(usage: kith export [--db FILE] --format jsonld --output FILE

Writes the whole graph with its provenance. "--output -" writes to standard
output; a file is replaced atomically (an interrupted export leaves the old
file in place).

formats:
  jsonld   JSON-LD with an inline context: schema.org terms plus the kith vocabulary
)";

}  // namespace

int RunExport(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "format", "output"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kExportHelp;
    return 0;
  }
  const std::string format = args.Get("format");
  if (format != "jsonld" || !args.Has("output")) {
    if (!format.empty() && format != "jsonld") ReportError("unknown format \"" + format + "\" (jsonld)");
    std::cerr << kExportHelp;
    return 2;
  }
  StoreOptions options;
  options.create_if_missing = false;
  std::unique_ptr<Store> store;
  s = Store::Open(args.Get("db", "kith.db"), options, &store);
  StoredGraph graph;
  if (s.ok()) s = ReadGraph(*store, &graph);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  const std::string output = args.Get("output");
  if (output == "-") {
    std::string text;
    s = WriteJsonLd(graph, &text);
    if (s.ok()) std::cout << text;
  } else {
    s = WriteJsonLdFile(graph, output);
  }
  if (!s.ok()) {
    ReportError(s.ToString());
    return 1;
  }
  return 0;
}

}  // namespace kith
