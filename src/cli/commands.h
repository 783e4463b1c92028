// The `kith` commands. Each takes the arguments after its name, writes its
// output to stdout and diagnostics to stderr, and returns the process exit
// code: 0 success, 1 some input failed (the rest was processed), 2 the run
// could not start (bad options, rules, database).
#pragma once

#include <string>
#include <vector>

namespace kith {

int RunIngest(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);
int RunRules(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);
int RunRelatives(const std::vector<std::string>& args);
int RunPath(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunEvents(const std::vector<std::string>& args);

// Prints `status` to stderr the way every command reports errors.
void ReportError(const std::string& status_text);

}  // namespace kith
