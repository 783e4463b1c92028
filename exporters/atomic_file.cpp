#include "exporters/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kith {

namespace {

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Status IoError(const std::string& path, const std::string& what, int error) {
  return Status::At(StatusCode::kIoError, path, 0, 0, what + ": " + std::strerror(error));
}

// Writes `contents` to the open stream, honouring the fault-injection limit.
Status WriteAll(std::FILE* file, const std::string& path, const std::string& contents,
                const AtomicWriteOptions& options) {
  std::size_t written = 0;
  while (written < contents.size()) {
    std::size_t chunk = std::min<std::size_t>(contents.size() - written, 1 << 16);
    if (written + chunk > options.fail_after_bytes) {
      chunk = options.fail_after_bytes > written ? options.fail_after_bytes - written : 0;
      if (chunk > 0 && std::fwrite(contents.data() + written, 1, chunk, file) != chunk) {
        return IoError(path, "cannot write", errno);
      }
      return IoError(path, "cannot write", ENOSPC);
    }
    if (std::fwrite(contents.data() + written, 1, chunk, file) != chunk) {
      return IoError(path, "cannot write", errno != 0 ? errno : EIO);
    }
    written += chunk;
  }
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& contents,
                           const AtomicWriteOptions& options) {
  if (path.empty() || path.back() == '/') {
    return Status::At(StatusCode::kIoError, path, 0, 0, "not a file name");
  }
  std::string name_template = path + ".tmp.XXXXXX";
  std::vector<char> temp(name_template.begin(), name_template.end());
  temp.push_back('\0');
  const int fd = mkstemp(temp.data());
  if (fd < 0) return IoError(path, "cannot create a temporary file in " + DirectoryOf(path), errno);
  const std::string temp_path(temp.data());

  mode_t mode = 0644;
  struct stat old_file;
  if (stat(path.c_str(), &old_file) == 0 && S_ISREG(old_file.st_mode)) mode = old_file.st_mode & 07777;
  std::FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    const int error = errno;
    close(fd);
    unlink(temp_path.c_str());
    return IoError(path, "cannot open temporary file", error);
  }

  Status status = fchmod(fd, mode) == 0 ? Status::Ok() : IoError(path, "cannot set permissions", errno);
  if (status.ok()) status = WriteAll(file, path, contents, options);
  if (status.ok() && std::fflush(file) != 0) status = IoError(path, "cannot write", errno);
  if (status.ok() && std::ferror(file) != 0) status = IoError(path, "cannot write", EIO);
  if (status.ok() && options.sync && fsync(fd) != 0) status = IoError(path, "cannot sync", errno);
  // fclose closes fd whatever happens; its failure (a deferred write error) counts.
  if (std::fclose(file) != 0 && status.ok()) status = IoError(path, "cannot close", errno);
  if (status.ok() && std::rename(temp_path.c_str(), path.c_str()) != 0) {
    status = IoError(path, "cannot rename " + temp_path + " over it", errno);
  }
  if (!status.ok()) {
    unlink(temp_path.c_str());
    return status;
  }
  if (options.sync) {
    // Make the rename itself durable; the new contents are already in place.
    const int dir = open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
      (void)fsync(dir);
      close(dir);
    }
  }
  return Status::Ok();
}

}  // namespace kith
