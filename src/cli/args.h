// Args: the small command-line parser every kith command uses. Options are
// "--name value", "--name=value" or boolean "--flag"; everything else is a
// positional argument; "--" ends options; "-" is a positional (stdin).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"

namespace kith {

class Args {
 public:
  // `valued`: options that take a value; `flags`: boolean options. Unknown options are an error.
  static Status Parse(const std::vector<std::string>& argv, const std::set<std::string>& valued,
                      const std::set<std::string>& flags, Args* out);

  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Every value given for a repeatable option, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace kith
