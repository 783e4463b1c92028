// UTF-8 helpers: decoding one code point, simple case mapping and character
// classes for the Latin and Cyrillic letters that news names use. All
// functions take byte offsets and never read past the end of the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kith {

// Decodes the code point at `pos`; sets *length to its byte length (>= 1).
// An invalid or truncated sequence decodes as U+FFFD with length 1.
char32_t DecodeUtf8(std::string_view text, std::size_t pos, std::size_t* length);
void AppendUtf8(char32_t cp, std::string* out);

bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
char32_t ToLower(char32_t cp);

// Lower-cases ASCII, Latin-1, Latin Extended-A and basic Cyrillic letters.
std::string Utf8Lower(std::string_view text);
// spaCy-style shape: X upper, x lower, d digit, other characters kept, runs of
// one class longer than four truncated to four ("Almaty" -> "Xxxxx").
std::string WordShape(std::string_view text);
// Number of code points in `text` (invalid bytes count one each).
std::size_t CodePointCount(std::string_view text);

}  // namespace kith
