// Atomic file output: a file at `path` either keeps its old contents or gets
// all of the new ones, never a partial write.
//
// The bytes go to a new temporary file in the same directory (so the final
// rename stays on one file system); every fwrite, fflush, fsync and fclose is
// checked; then the temporary file is renamed over `path` and the directory
// is synced (best effort). On any failure the temporary file is removed, the
// target is untouched, and the Status (kIoError) names `path` and the OS
// error. A symlink at `path` is replaced, not followed. The new file gets the
// old file's permission bits when it replaces one, else 0644.
// Thread-safe for distinct paths.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "base/status.h"

namespace kith {

struct AtomicWriteOptions {
  // fsync the file before the rename. Default true; false trades durability
  // after a crash for speed (tests).
  bool sync = true;
  // Fault injection for tests: pretend the disk is full after this many bytes
  // have been written. Default: never.
  std::size_t fail_after_bytes = std::numeric_limits<std::size_t>::max();
};

Status WriteFileAtomically(const std::string& path, const std::string& contents,
                           const AtomicWriteOptions& options = AtomicWriteOptions());

}  // namespace kith
