// Input files: expands the PATH arguments of `kith ingest` and `kith eval`
// into the list of articles to read.
//
// - A path that is not a directory is always listed, whatever its name: the
//   reader (text/reader.h) then says what is wrong with it, if anything (a
//   dangling symbolic link, a symbolic link loop, a FIFO nobody writes to).
//   Only a path with nothing at all there is reported here.
// - A directory is walked recursively; its files are listed sorted by path
//   (std::filesystem::path order, name by name). Taken are entries named like articles (.txt, .text, .md,
//   .markdown, any case) that are not directories: regular files, and also
//   symbolic links, FIFOs and the like, so that reading them reports the
//   problem instead of the walk hiding it. Hidden entries (".name") are
//   skipped. Symbolic links to directories are never followed, so a link
//   loop cannot trap the walk.
// - "-" stands for standard input.
// - A directory that cannot be listed (or whose listing fails midway) is
//   returned as an error naming it; the other paths and subdirectories are
//   still walked.
//
// Thread-safety: reentrant. Errors are kNotFound (nothing at the path) or
// kIoError (a directory that cannot be read), each located at the path.
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
