#include "cli/input_files.h"

#include <algorithm>
#include <filesystem>

namespace kith {
namespace fs = std::filesystem;
namespace {

bool IsArticleFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown";
}

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void Walk(const fs::path& dir, InputList* out) {
  std::error_code ec;
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->errors.push_back(Status::At(StatusCode::kIoError, dir.string(), 0, 0, "cannot read directory: " + ec.message()));
    return;
  }
  for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      out->errors.push_back(Status::At(StatusCode::kIoError, dir.string(), 0, 0, "error while listing: " + ec.message()));
      ec.clear();
      break;
    }
    const fs::path& p = it->path();
    if (IsHidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::error_code sec;
    if (it->is_regular_file(sec) && IsArticleFile(p)) found.push_back(p);
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) out->files.push_back(p.string());
}

}  // namespace

InputList CollectInputFiles(const std::vector<std::string>& paths) {
  InputList out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(Status::At(StatusCode::kNotFound, path, 0, 0, "no such file or directory"));
    } else if (fs::is_directory(st)) {
      Walk(path, &out);
    } else {
      out.files.push_back(path);
    }
  }
  return out;
}

}  // namespace kith
