#include <iostream>
#include <map>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/query_support.h"
#include "query/family_path.h"
#include "query/relatives.h"
#include "store/database.h"

namespace kith {
namespace {

constexpr const char* kPathHelp = R"(usage: kith path [--db FILE] NAME_A NAME_B

Prints the shortest chain of family ties between two persons, e.g.
  Aigerim Sadykova is the mother of Daniyar Sadykov, who is the brother of Arman Sadykov.
Exits 1 when a name is unknown or ambiguous, or when no chain connects them.
)";

}  // namespace

int RunPath(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kPathHelp;
    return 0;
  }
  if (args.positional().size() != 2) {
    std::cerr << kPathHelp;
    return 2;
  }
  std::unique_ptr<Store> store;
  if (!OpenExistingStore(args.Get("db", "kith.db"), &store)) return 2;
  PersonRef a, b;
  if (!ResolveOnePerson(store.get(), args.positional()[0], &a) ||
      !ResolveOnePerson(store.get(), args.positional()[1], &b)) {
    return 1;
  }
  bool found = false;
  std::vector<PathStep> steps;
  s = FindFamilyPath(store->database(), a.id, b.id, &found, &steps);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (!found) {
    std::cout << "No chain of family ties connects " << DisplayName(a) << " and " << DisplayName(b) << ".\n";
    return 1;
  }
  // Names and genders of the persons on the chain.
  std::map<std::int64_t, std::pair<std::string, std::string>> info;
  Statement stmt;
  s = store->database()->Prepare(
      "SELECT COALESCE(name, '(' || COALESCE(description, 'unnamed person') || ')'), COALESCE(gender, '') "
      "FROM entities WHERE id = ?1",
      &stmt);
  for (const PathStep& step : steps) {
    for (std::int64_t id : {step.from, step.to}) {
      if (!s.ok() || info.count(id)) continue;
      s = stmt.BindInt64(1, id);
      if (s.ok()) s = stmt.StepRow();
      if (s.ok()) info[id] = {stmt.ColumnText(0), stmt.ColumnText(1)};
      stmt.Reset();
    }
  }
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (steps.empty()) {
    std::cout << DisplayName(a) << " and " << DisplayName(b) << " are the same person.\n";
    return 0;
  }
  // "A is the mother of B": the step from A to B meets B as A's child, so A is B's parent.
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const PathStep& st = steps[i];
    const std::string inverse = st.link == "parent" ? "child" : st.link == "child" ? "parent" : st.link;
    std::cout << (i == 0 ? info[st.from].first : ", who") << " is the " << KinTermFor(inverse, info[st.from].second)
              << " of " << info[st.to].first << (st.inferred ? " (inferred)" : "");
  }
  std::cout << ".\n";
  return 0;
}

}  // namespace kith
