#include "cli/input_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

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

// Path order (std::filesystem::path's, name by name) on path strings: as
// plain string order but with the separator below every other character.
// Keeping strings, not paths with their parsed parts, holds the list of a
// large corpus in a fraction of the memory.
bool PathLess(const std::string& a, const std::string& b) {
  const auto rank = [](char c) { return c == '/' ? 0 : static_cast<int>(static_cast<unsigned char>(c)) + 1; };
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [&](char x, char y) { return rank(x) < rank(y); });
}

// Walks `root` depth first with one directory_iterator per directory, never
// following symbolic links to directories. An unreadable directory is
// reported and the walk goes on with the others.
void Walk(const fs::path& root, InputList* out) {
  std::vector<std::string> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out->errors.push_back(
          Status::At(StatusCode::kIoError, dir.string(), 0, 0, "cannot read directory: " + ec.message()));
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (IsHidden(p)) continue;
      std::error_code link_ec;
      const fs::file_status link = it->symlink_status(link_ec);
      if (!link_ec && fs::is_directory(link)) {
        pending.push_back(p);
        continue;
      }
      if (!IsArticleFile(p)) continue;
      if (!link_ec && fs::is_symlink(link)) {
        std::error_code target_ec;
        if (fs::is_directory(fs::status(p, target_ec))) continue;  // not followed
      }
      found.push_back(p.string());
    }
    if (ec) {
      out->errors.push_back(
          Status::At(StatusCode::kIoError, dir.string(), 0, 0, "error while listing: " + ec.message()));
    }
  }
  std::sort(found.begin(), found.end(), PathLess);
  for (std::string& p : found) out->files.push_back(std::move(p));
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
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec || !fs::exists(link)) {
      out.errors.push_back(Status::At(StatusCode::kNotFound, path, 0, 0, "no such file or directory"));
      continue;
    }
    std::error_code target_ec;
    if (fs::is_directory(fs::status(path, target_ec))) {
      Walk(path, &out);
    } else {
      out.files.push_back(path);
    }
  }
  return out;
}

}  // namespace kith
