#include "exporters/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kith {

namespace {

// Text is handed to the temporary file in chunks of this size.
constexpr std::size_t kChunkSize = std::size_t{1} << 20;

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Status IoError(const std::string& path, const std::string& what, int error) {
  return Status::At(StatusCode::kIoError, path, 0, 0, what + ": " + std::strerror(error));
}

}  // namespace

AtomicFile::AtomicFile(const AtomicWriteOptions& options)
    : TextOutput(kChunkSize),
      options_(options),
      status_(Status::Error(StatusCode::kInternal, "AtomicFile used before Open()")) {}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_path_.empty()) {
    unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

Status AtomicFile::Open(const std::string& path) {
  path_ = path;
  if (path.empty() || path.back() == '/') {
    status_ = Status::At(StatusCode::kIoError, path, 0, 0, "not a file name");
    return status_;
  }
  std::string name_template = path + ".tmp.XXXXXX";
  std::vector<char> temp(name_template.begin(), name_template.end());
  temp.push_back('\0');
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    status_ = IoError(path, "cannot create a temporary file in " + DirectoryOf(path), errno);
    return status_;
  }
  temp_path_ = temp.data();

  mode_t mode = 0644;
  struct stat old_file;
  if (stat(path.c_str(), &old_file) == 0 && S_ISREG(old_file.st_mode)) mode = old_file.st_mode & 07777;
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    status_ = IoError(path, "cannot open temporary file", errno);
    close(fd);
    Discard();
    return status_;
  }
  status_ = fchmod(fd, mode) == 0 ? Status::Ok() : IoError(path, "cannot set permissions", errno);
  return status_;
}

// Writes the chunk to the open stream, honouring the fault-injection limit.
// The first failure is kept; later chunks are dropped.
void AtomicFile::Deliver(std::string& chunk) {
  if (!status_.ok() || file_ == nullptr) return;
  std::size_t done = 0;
  while (done < chunk.size()) {
    std::size_t piece = std::min<std::size_t>(chunk.size() - done, 1 << 16);
    if (written_ + piece > options_.fail_after_bytes) {
      piece = options_.fail_after_bytes > written_ ? options_.fail_after_bytes - written_ : 0;
      if (piece > 0 && std::fwrite(chunk.data() + done, 1, piece, file_) != piece) {
        status_ = IoError(path_, "cannot write", errno);
        return;
      }
      status_ = IoError(path_, "cannot write", ENOSPC);
      return;
    }
    if (std::fwrite(chunk.data() + done, 1, piece, file_) != piece) {
      status_ = IoError(path_, "cannot write", errno != 0 ? errno : EIO);
      return;
    }
    done += piece;
    written_ += piece;
  }
}

Status AtomicFile::Commit() {
  Flush();
  Status status = status_;
  if (file_ == nullptr) {
    Discard();
    return status.ok() ? Status::Error(StatusCode::kInternal, "AtomicFile committed twice") : status;
  }
  if (status.ok() && std::fflush(file_) != 0) status = IoError(path_, "cannot write", errno);
  if (status.ok() && std::ferror(file_) != 0) status = IoError(path_, "cannot write", EIO);
  if (status.ok() && options_.sync && fsync(fileno(file_)) != 0) status = IoError(path_, "cannot sync", errno);
  // fclose closes the descriptor whatever happens; its failure (a deferred write error) counts.
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0 && status.ok()) status = IoError(path_, "cannot close", errno);
  if (status.ok() && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    status = IoError(path_, "cannot rename " + temp_path_ + " over it", errno);
  }
  if (!status.ok()) {
    status_ = status;
    Discard();
    return status;
  }
  temp_path_.clear();  // renamed: nothing left to remove
  status_ = Status::Error(StatusCode::kInternal, "AtomicFile committed twice");
  if (options_.sync) {
    // Make the rename itself durable; the new contents are already in place.
    const int dir = open(DirectoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
      (void)fsync(dir);
      close(dir);
    }
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& contents,
                           const AtomicWriteOptions& options) {
  AtomicFile file(options);
  KITH_RETURN_IF_ERROR(file.Open(path));
  file.Append(contents);
  return file.Commit();
}

}  // namespace kith
