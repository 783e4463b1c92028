#include "exporters/utf8_sanitizer.h"

#include <catch2/catch.hpp>

namespace kith {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST_CASE("SanitizeUtf8 keeps valid text unchanged", "[exporters]") {
  for (const std::string& s : {std::string(""), std::string("plain ASCII"), std::string("\xC3\xA9\xD0\x90"),
                               std::string("\xE2\x80\x99 \xF0\x9F\x98\x80"), std::string("nul\0inside", 10),
                               std::string("\xF4\x8F\xBF\xBF")}) {
    CHECK(IsValidUtf8(s));
    CHECK(SanitizeUtf8(s) == s);
  }
}

TEST_CASE("SanitizeUtf8 replaces each maximal ill-formed subpart with U+FFFD", "[exporters]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"a\xFF" "b", "a" + kReplacement + "b"},                        // never a UTF-8 byte
      {"\x80", kReplacement},                                         // lone continuation
      {"\xC0\xAF", kReplacement + kReplacement},                      // overlong lead byte
      {"\xE0\x80\xAF", kReplacement + kReplacement + kReplacement},   // overlong 3-byte form
      {"\xED\xA0\x80", kReplacement + kReplacement + kReplacement},   // surrogate
      {"\xF4\x90\x80\x80", kReplacement + kReplacement + kReplacement + kReplacement},  // above U+10FFFF
      {"\xE2\x82", kReplacement},                                     // truncated at the end
      {"\xE2\x82" "A", kReplacement + "A"},                           // truncated before ASCII
      {"\xF0\x9F\x98", kReplacement},                                 // truncated 4-byte form
  };
  for (const Case& c : cases) {
    INFO("input bytes: " << c.in.size());
    CHECK_FALSE(IsValidUtf8(c.in));
    const std::string out = SanitizeUtf8(c.in);
    CHECK(out == c.out);
    CHECK(IsValidUtf8(out));
  }
}

}  // namespace
}  // namespace kith
