#include "exporters/text_output.h"

#include <limits>

namespace kith {

TextOutput::TextOutput(std::size_t chunk_size) : chunk_size_(chunk_size) {
  // A chunked destination's buffer is allocated once; a one-chunk one grows with its text.
  if (chunk_size_ <= (std::size_t{1} << 26)) buffer_.reserve(chunk_size_ + 4096);
}

void TextOutput::AppendInt(std::int64_t value) {
  char digits[24];
  char* end = digits + sizeof(digits);
  char* p = end;
  // Unsigned arithmetic so that the lowest int64 needs no special case.
  std::uint64_t magnitude = value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) *--p = '-';
  Append(std::string_view(p, static_cast<std::size_t>(end - p)));
}

StringOutput::StringOutput(std::string* target)
    : TextOutput(std::numeric_limits<std::size_t>::max()), target_(target) {}

void StringOutput::Deliver(std::string& chunk) {
  if (target_->empty()) {
    target_->swap(chunk);
  } else {
    target_->append(chunk);
  }
}

}  // namespace kith
