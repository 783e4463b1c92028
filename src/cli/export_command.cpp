#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "exporters/dot_exporter.h"
#include "exporters/graphml_exporter.h"
#include "exporters/jsonld_exporter.h"
#include "exporters/neo4j_exporter.h"
#include "exporters/person_lookup.h"
#include "store/graph_snapshot.h"
#include "store/store.h"

namespace kith {
namespace {

constexpr const char* kExportHelp = R"(usage: kith export [--db FILE] --format FORMAT --output PATH [dot options]

Writes the whole graph with its provenance. For the one-file formats,
"--output -" writes to standard output; a file is replaced atomically (an
interrupted export leaves the old file in place).

formats:
  jsonld    JSON-LD with an inline context: schema.org terms plus the kith vocabulary,
            every tie and event with the article and sentence it comes from
  graphml   GraphML for Gephi, networkx, igraph, graphology and Neo4j (apoc.import.graphml
            with readLabels:true): typed attributes, node labels, relationship types
  dot       a family diagram for Graphviz: dot -Tsvg FILE > family.svg
  neo4j     a directory (PATH, created if missing) of CSV files for
            neo4j-admin database import, with import.sh and queries.cypher

dot options:
  --person NAME   draw only this person's family (a name or alias in any case, or person/ID)
  --depth N       with --person: follow N family ties from the person (default 2)
  --with events   also draw events, their participants and places
)";

bool ParseDepth(const std::string& text, int* depth) {
  if (text.empty() || text.size() > 6) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *depth = value;
  return true;
}

int Usage(const std::string& error) {
  ReportError(Status::Error(StatusCode::kInvalidInput, error).ToString());
  std::cerr << kExportHelp;
  return 2;
}

}  // namespace

int RunExport(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "format", "output", "person", "depth", "with"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kExportHelp;
    return 0;
  }
  const std::string format = args.Get("format");
  if (format.empty() || !args.Has("output")) return Usage("--format and --output are required");
  if (format != "jsonld" && format != "graphml" && format != "dot" && format != "neo4j") {
    return Usage("unknown format \"" + format + "\" (jsonld, graphml, dot, neo4j)");
  }
  DotOptions dot;
  const bool dot_options = args.Has("person") || args.Has("depth") || args.Has("with");
  if (dot_options && format != "dot") return Usage("--person, --depth and --with are options of --format dot");
  if (args.Has("depth") && !args.Has("person")) return Usage("--depth needs --person");
  if (args.Has("depth") && !ParseDepth(args.Get("depth"), &dot.depth)) {
    return Usage("--depth takes a number of family ties, not \"" + args.Get("depth") + "\"");
  }
  for (const std::string& with : args.GetAll("with")) {
    if (with != "events") return Usage("--with takes \"events\", not \"" + with + "\"");
    dot.with_events = true;
  }
  const std::string output = args.Get("output");
  if (format == "neo4j" && output == "-") return Usage("--format neo4j writes a directory: give --output DIR");

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
  if (args.Has("person")) {
    s = FindPerson(graph, args.Get("person"), &dot.person);
    if (!s.ok()) {
      ReportError(s.ToString());
      return 2;
    }
  }

  if (format == "neo4j") {
    s = WriteNeo4jDirectory(graph, output);
  } else if (output == "-") {
    std::string text;
    if (format == "jsonld") s = WriteJsonLd(graph, &text);
    if (format == "graphml") s = WriteGraphml(graph, &text);
    if (format == "dot") s = WriteDot(graph, dot, &text);
    if (s.ok()) std::cout << text << std::flush;
    if (s.ok() && !std::cout) s = Status::Error(StatusCode::kIoError, "cannot write to standard output");
  } else if (format == "jsonld") {
    s = WriteJsonLdFile(graph, output);
  } else if (format == "graphml") {
    s = WriteGraphmlFile(graph, output);
  } else {
    s = WriteDotFile(graph, dot, output);
  }
  if (!s.ok()) {
    ReportError(s.ToString());
    return 1;
  }
  return 0;
}

}  // namespace kith
