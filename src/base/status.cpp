#include "base/status.h"

namespace kith {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!file_.empty()) {
    out += file_;
    if (line_ > 0) {
      out += ":" + std::to_string(line_);
      if (column_ > 0) out += ":" + std::to_string(column_);
    }
    out += ": ";
  }
  out += "error: " + message_;
  return out;
}

}  // namespace kith
