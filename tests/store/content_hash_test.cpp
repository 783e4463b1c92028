#include "store/content_hash.h"

#include <catch2/catch.hpp>

namespace kith {
namespace {

TEST_CASE("Sha256Hex matches the FIPS 180-2 test vectors", "[store]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Sha256 gives the same digest however the input is split", "[store]") {
  const std::string text = "The quick brown fox jumps over the lazy dog, again and again, across block edges.";
  const std::string whole = Sha256Hex(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Sha256 hasher;
    hasher.Update(std::string_view(text).substr(0, cut));
    hasher.Update(std::string_view(text).substr(cut));
    const auto digest = hasher.Final();
    std::string hex;
    static const char kHex[] = "0123456789abcdef";
    for (auto b : digest) {
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    REQUIRE(hex == whole);
  }
}

TEST_CASE("ContentHash hashes embedded NUL bytes and padding boundaries", "[store]") {
  CHECK(ContentHash(std::string("a\0b", 3)) != ContentHash("ab"));
  // 55, 56 and 64 bytes straddle the padding boundary.
  CHECK(Sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(Sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(Sha256Hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(ContentHash("abc").size() == 64);
}

}  // namespace
}  // namespace kith
