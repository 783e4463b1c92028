#include <iostream>
#include <memory>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/extractor.h"
#include "extract/json_tree.h"

namespace kith {
namespace {

constexpr const char* kRulesHelp = R"(usage: kith rules check [--rules DIR] [FILE...]
       kith rules test  [--rules DIR]

check  validates rule files (default: every *.json of the rules directory)
       and the lexicons they use; errors are printed as file:line:col.
test   runs every rule's own examples: each "match" example must make the
       rule fire, each "no_match" example must not.
)";

int Check(const Args& args, const std::vector<std::string>& files) {
  std::unique_ptr<RuleSet> rules;
  const std::string dir = ResolveRulesDir(args.Get("rules"));
  Status s = files.empty() ? RuleSet::Load(dir, &rules) : RuleSet::LoadFiles(dir, files, &rules);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 1;
  }
  std::size_t examples = 0;
  for (const RuleStage& st : rules->stages()) {
    for (const Rule& r : st.matcher->rules()) examples += r.examples.size();
  }
  std::cout << "ok: " << rules->rule_count() << " rules in " << rules->stages().size() << " stages, " << examples
            << " examples\n";
  return 0;
}

int Test(const Args& args) {
  std::unique_ptr<RuleSet> rules;
  Status s = RuleSet::Load(ResolveRulesDir(args.Get("rules")), &rules);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 1;
  }
  int passed = 0;
  int failed = 0;
  for (const RuleStage& st : rules->stages()) {
    for (const Rule& r : st.matcher->rules()) {
      for (const RuleExample& ex : r.examples) {
        Extraction x;
        TokenizePlain(ex.text, *rules, &x);
        std::set<std::string> fired;
        ExtractOptions options;
        options.fired = &fired;
        RunStages(ex.text, *rules, options, &x);
        const bool did = fired.count(r.id) != 0;
        if (did == ex.should_match) {
          ++passed;
          continue;
        }
        ++failed;
        std::cerr << r.file << ":" << r.line << ": rule \"" << r.id << "\" "
                  << (ex.should_match ? "did not match" : "matched") << " example \"" << ex.text << "\"\n";
      }
    }
  }
  std::cout << "rule examples: " << passed << " passed, " << failed << " failed\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace

int RunRules(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "help") {
    std::cout << kRulesHelp;
    return argv.empty() ? 2 : 0;
  }
  Args args;
  Status s = Args::Parse(std::vector<std::string>(argv.begin() + 1, argv.end()), {"rules"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kRulesHelp;
    return 0;
  }
  if (argv[0] == "check") return Check(args, args.positional());
  if (argv[0] == "test") return Test(args);
  ReportError("unknown rules command \"" + argv[0] + "\" (check, test)");
  return 2;
}

}  // namespace kith
