// kith: builds a knowledge graph of persons, family ties, institutions,
// places and events from news articles. This file only dispatches to the
// commands (commands.h) and picks the exit code.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kHelp = R"(usage: kith COMMAND [options]

commands:
  ingest   read articles and store what they say (kith ingest --db kith.db samples/)
  export   write the graph as JSON-LD, GraphML, DOT or Neo4j import CSV (kith export --format dot --output f.dot)
  stats    count what the database holds
  rules    check rule files, run the rules' own examples (kith rules check|test)
  relatives  a person's relatives by family link (kith relatives "Aigerim Sadykova" --link son)
  path     the shortest chain of family ties between two persons
  explain  a person's names, ties and events with their evidence
  events   a timeline of events, by person, kind and dates
  eval     score extraction against expected facts (kith eval --gold DIR PATH...)

Run "kith COMMAND --help" for a command's options. "kith --version" prints the version.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "kith " << KITH_VERSION << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "ingest") return kith::RunIngest(args);
  if (command == "export") return kith::RunExport(args);
  if (command == "stats") return kith::RunStats(args);
  if (command == "rules") return kith::RunRules(args);
  if (command == "eval") return kith::RunEval(args);
  if (command == "relatives") return kith::RunRelatives(args);
  if (command == "path") return kith::RunPath(args);
  if (command == "explain") return kith::RunExplain(args);
  if (command == "events") return kith::RunEvents(args);
  std::cerr << "kith: unknown command \"" << command << "\"\n" << kHelp;
  return 2;
}
