#include "cli/args.h"

namespace kith {

Status Args::Parse(const std::vector<std::string>& argv, const std::set<std::string>& valued,
                   const std::set<std::string>& flags, Args* out) {
  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (options_done || a.size() < 2 || a.compare(0, 2, "--") != 0) {
      out->positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name = a.substr(2);
    std::string value;
    bool has_value = false;
    const std::size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (flags.count(name) != 0) {
      if (has_value) return Status::Error(StatusCode::kInvalidInput, "option --" + name + " takes no value");
      out->values_.emplace(name, "true");
    } else if (valued.count(name) != 0) {
      if (!has_value) {
        if (i + 1 >= argv.size()) return Status::Error(StatusCode::kInvalidInput, "option --" + name + " needs a value");
        value = argv[++i];
      }
      out->values_.emplace(name, value);
    } else {
      return Status::Error(StatusCode::kInvalidInput, "unknown option --" + name);
    }
  }
  return Status::Ok();
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto range = values_.equal_range(name);
  if (range.first == range.second) return fallback;
  auto last = range.second;
  --last;
  return last->second;
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

}  // namespace kith
