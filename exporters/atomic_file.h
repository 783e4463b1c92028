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
//
// AtomicFile streams: the text appended to it (a TextOutput) goes to the
// temporary file in chunks as it comes, so the writer never holds the whole
// file; nothing reaches `path` before Commit(). WriteFileAtomically writes
// one string that way.
// Thread-safe for distinct paths.
#pragma once

#include <cstddef>
#include <cstdio>
#include <limits>
#include <string>

#include "base/status.h"
#include "exporters/text_output.h"

namespace kith {

struct AtomicWriteOptions {
  // fsync the file before the rename. Default true; false trades durability
  // after a crash for speed (tests).
  bool sync = true;
  // Fault injection for tests: pretend the disk is full after this many bytes
  // have been written. Default: never.
  std::size_t fail_after_bytes = std::numeric_limits<std::size_t>::max();
};

class AtomicFile final : public TextOutput {
 public:
  explicit AtomicFile(const AtomicWriteOptions& options = AtomicWriteOptions());
  // Without a successful Commit(), removes the temporary file: `path` keeps
  // its old contents (or stays missing).
  ~AtomicFile() override;

  // Creates the temporary file beside `path`. Call once, before appending;
  // text appended after a failed Open() is dropped.
  Status Open(const std::string& path);
  // Writes what is still buffered, syncs and renames the temporary file over
  // `path`. Returns the first failure since Open() (a write that failed
  // earlier included); on failure `path` is untouched.
  Status Commit();

 private:
  void Deliver(std::string& chunk) override;
  void Discard();

  AtomicWriteOptions options_;
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::size_t written_ = 0;
  Status status_;
};

Status WriteFileAtomically(const std::string& path, const std::string& contents,
                           const AtomicWriteOptions& options = AtomicWriteOptions());

}  // namespace kith
