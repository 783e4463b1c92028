// UTF-8 sanitizer: makes any byte string valid UTF-8 before it reaches a
// writer (JSON, XML, DOT, CSV) that would otherwise emit or reject it.
//
// Valid means RFC 3629: shortest form, no surrogates, at most U+10FFFF. Each
// maximal ill-formed subsequence becomes one U+FFFD (the W3C/Unicode
// "substitution of maximal subparts" practice); valid text is unchanged.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kith {

bool IsValidUtf8(std::string_view bytes);

// `bytes` with every ill-formed sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);

}  // namespace kith
