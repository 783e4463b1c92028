// Status: the outcome of an operation that can fail on bad input or I/O.
// Expected failures travel as values; nothing in the library exits or throws
// across a module edge. A Status carries a code, a message and, where the
// failure has a place, the file and a 1-based line and column (0 = unknown).
#pragma once

#include <string>
#include <utility>

namespace kith {

enum class StatusCode { kOk = 0, kInvalidInput, kNotFound, kIoError, kDatabase, kRuleError, kInternal };

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(StatusCode code, std::string message) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    return s;
  }
  // An error located in a file, printed like a compiler: "file:line:col: error: message".
  static Status At(StatusCode code, std::string file, int line, int column, std::string message) {
    Status s = Error(code, std::move(message));
    s.file_ = std::move(file);
    s.line_ = line;
    s.column_ = column;
    return s;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // "file:line:col: error: message", or "file: error: message", or "error: message".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string file_;
  int line_ = 0;
  int column_ = 0;
};

// Returns early from the enclosing function when `expr` yields a failed Status.
#define KITH_RETURN_IF_ERROR(expr)            \
  do {                                        \
    ::kith::Status kith_status_ = (expr);     \
    if (!kith_status_.ok()) return kith_status_; \
  } while (0)

}  // namespace kith
