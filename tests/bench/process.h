// Process and machine helpers for the benchmark: run a child with its output
// in files and collect its wall time and resource usage (wait4, so each
// child's peak RSS is its own), and describe the machine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kith {
namespace bench {

struct ProcessResult {
  bool started = false;     // false when fork/exec failed (error in `error`)
  int exit_code = -1;       // exit status, or 128 + signal number
  double wall_seconds = 0;  // fork to wait, steady clock
  double user_seconds = 0;
  double system_seconds = 0;
  std::int64_t max_rss_kb = 0;  // ru_maxrss of this child (kilobytes on Linux)
  std::string error;
};

// Runs argv[0] (a path; no PATH search) with stdin from /dev/null and stdout,
// stderr appended to the given files ("" = /dev/null). Blocks until it exits.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& stdout_path,
                         const std::string& stderr_path);

struct MachineInfo {
  unsigned cpus = 0;        // online CPUs (nproc)
  std::string cpu_model;    // "model name" of /proc/cpuinfo, or "unknown"
  double memory_gib = 0;    // MemTotal of /proc/meminfo
  std::string kernel;       // uname -sr
};

MachineInfo DescribeMachine();

// Total size in bytes of a file, or of every regular file under a directory; 0 when missing.
std::uint64_t DiskSize(const std::string& path);

// The contents of a (small) text file; "" when unreadable.
std::string Slurp(const std::string& path);

}  // namespace bench
}  // namespace kith
