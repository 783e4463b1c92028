// Span: a half-open byte range [begin, end) into a document's original text.
// Every offset kith stores or prints is such a byte offset into the raw file.
#pragma once

#include <cstddef>

namespace kith {

struct Span {
  std::size_t begin = 0;  // first byte, inclusive
  std::size_t end = 0;    // one past the last byte

  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(const Span& a, const Span& b) { return !(a == b); }
};

}  // namespace kith
