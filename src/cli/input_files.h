// Input files: expands the PATH arguments of `kith ingest` and `kith eval`
// into the list of articles to read. Files named explicitly are always taken;
// directories are walked recursively in name order, taking text files
// (.txt, .text, .md, .markdown), never following directory symlinks (so a
// symlink loop cannot trap the walk) and skipping hidden entries. "-" stands
// for standard input. Problems (missing path, unreadable directory) are
// returned as per-path errors; the other paths are still listed.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

struct InputList {
  std::vector<std::string> files;
  std::vector<Status> errors;
};

InputList CollectInputFiles(const std::vector<std::string>& paths);

}  // namespace kith
