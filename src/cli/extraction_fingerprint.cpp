#include "cli/extraction_fingerprint.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/content_hash.h"

namespace kith {

namespace fs = std::filesystem;

Status ExtractionFingerprint(const RuleSet& rules, std::string* out) {
  // Length-prefixed fields, so no two different inputs give the same material.
  std::string material = "kith " KITH_VERSION "\n";
  const auto append_field = [&material](const std::string& field) {
    material += std::to_string(field.size());
    material += ':';
    material += field;
  };
  for (const std::string& path : rules.source_files()) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes;
    if (in) bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.is_open() || in.bad()) {
      return Status::At(StatusCode::kIoError, path, 0, 0, "cannot read this rule file to fingerprint the rules");
    }
    append_field(fs::path(path).lexically_relative(rules.dir()).generic_string());
    append_field(bytes);
  }
  *out = Sha256Hex(material);
  return Status::Ok();
}

}  // namespace kith
