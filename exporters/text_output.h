// Text output: where an exporter's text goes, piece by piece, in order.
//
// A TextOutput collects appended text in a buffer and hands it to its
// destination in chunks of about `chunk_size` bytes, so that an exporter can
// write straight through to a file (AtomicFile, atomic_file.h) without
// holding its whole output in memory, and the same exporter code can fill a
// string (StringOutput). Appending never fails: a destination that fails
// remembers the failure and reports it when it is finished. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kith {

class TextOutput {
 public:
  TextOutput(const TextOutput&) = delete;
  TextOutput& operator=(const TextOutput&) = delete;
  virtual ~TextOutput() = default;

  void Append(std::string_view text) {
    buffer_.append(text.data(), text.size());
    if (buffer_.size() >= chunk_size_) Flush();
  }
  void Append(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= chunk_size_) Flush();
  }
  // The decimal digits of `value`, with a '-' when negative (as std::to_string).
  void AppendInt(std::int64_t value);
  TextOutput& operator+=(std::string_view text) {
    Append(text);
    return *this;
  }
  TextOutput& operator+=(char c) {
    Append(c);
    return *this;
  }

  // Hands everything appended so far to the destination.
  void Flush() {
    if (buffer_.empty()) return;
    Deliver(buffer_);
    buffer_.clear();
  }

 protected:
  // A destination that takes chunks of about `chunk_size` bytes; the largest
  // value means one chunk, at Flush().
  explicit TextOutput(std::size_t chunk_size);

  // Receives the next chunk of text, in order. May take the chunk's contents
  // (swap); the buffer is cleared afterwards either way.
  virtual void Deliver(std::string& chunk) = 0;

 private:
  std::string buffer_;
  std::size_t chunk_size_;
};

// Appends everything to a string, in one piece at Flush(): call Flush() before
// reading *target. The string must outlive the StringOutput.
class StringOutput final : public TextOutput {
 public:
  explicit StringOutput(std::string* target);

 private:
  void Deliver(std::string& chunk) override;
  std::string* target_;
};

}  // namespace kith
