// Content hashes: SHA-256 (FIPS 180-4) of a document's bytes, as lowercase hex.
//
// The store identifies a document by this hash: the same bytes ingested twice
// are one document. Self-contained, no allocation beyond the result string.
// Thread-safe: Sha256 objects are independent; the free functions are pure.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kith {

// Incremental SHA-256. Update() any number of times, then Final() once;
// using the object after Final() is a programmer error.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  std::array<std::uint8_t, 32> Final();

 private:
  void Block(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

// The hash the store uses to identify a document's bytes (SHA-256 hex).
inline std::string ContentHash(std::string_view bytes) { return Sha256Hex(bytes); }

}  // namespace kith
