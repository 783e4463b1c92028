#include "base/utf8.h"

namespace kith {
namespace {

// Latin Extended-A pairs capital and small letters, but the parity of the pairs
// shifts at U+0139 and U+0179; U+0138, U+0149 and U+017F are small letters
// without a capital, and U+0178 is the capital of U+00FF.
bool LatinExtendedAUpper(char32_t cp) {
  if (cp == 0x130) return true;  // İ, whose small letter is i
  if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
  if (cp == 0x178) return true;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp % 2) == 1;
  return (cp % 2) == 0;
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  *length = 1;
  if (b0 < 0x80) return b0;
  std::size_t need = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    cp = b0 & 0x07;
  } else {
    return 0xFFFD;
  }
  if (pos + need >= text.size()) return 0xFFFD;  // truncated at the end of the text
  for (std::size_t i = 1; i <= need; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid too.
  static const char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *length = need + 1;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return LatinExtendedAUpper(cp);
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;  // Greek capitals
  if (cp >= 0x410 && cp <= 0x42F) return true;           // Cyrillic А-Я
  if (cp >= 0x400 && cp <= 0x40F) return true;           // Ѐ-Џ
  if (cp >= 0x460 && cp <= 0x4FF) return (cp % 2) == 0;  // Cyrillic extended pairs (Қ, Ү, Ө, ...)
  return false;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !LatinExtendedAUpper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return true;  // Greek small letters
  if (cp >= 0x430 && cp <= 0x45F) return true;
  if (cp >= 0x460 && cp <= 0x4FF) return (cp % 2) == 1;
  return false;
}

bool IsLetter(char32_t cp) {
  if (IsUpper(cp) || IsLower(cp)) return true;
  // Other alphabets (Arabic, CJK, ...) count as letters without case.
  return cp >= 0x180 && cp != 0xFFFD && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE00 && cp <= 0xFE6F) && !(cp >= 0x1F000 && cp <= 0x1FAFF);
}

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

char32_t ToLower(char32_t cp) {
  if (!IsUpper(cp)) return cp;
  if (cp < 0x80) return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp == 0x178) return 0xFF;
  if (cp == 0x130) return 'i';
  if (cp >= 0x391 && cp <= 0x3AB) return cp + 0x20;
  return cp + 1;  // the paired ranges
}

std::string Utf8Lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    if (cp == 0xFFFD && len == 1) {
      out.push_back(text[i]);
    } else {
      AppendUtf8(ToLower(cp), &out);
    }
    i += len;
  }
  return out;
}

std::string WordShape(std::string_view text) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    const char32_t cp = b < 0x80 ? b : DecodeUtf8(text, i, &len);
    char cls = 0;
    if (IsUpper(cp)) {
      cls = 'X';
    } else if (IsLower(cp) || IsLetter(cp)) {
      cls = 'x';
    } else if (IsDigit(cp)) {
      cls = 'd';
    }
    if (cls != 0) {
      run = (cls == last) ? run + 1 : 1;
      last = cls;
      if (run <= 4) out.push_back(cls);
    } else {
      last = 0;
      run = 0;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    DecodeUtf8(text, i, &len);
    i += len;
    ++n;
  }
  return n;
}

}  // namespace kith
