// The bodies of kith's libFuzzer targets, as plain functions, so that the
// fuzzers (fuzz/*_fuzzer.cpp, built with clang by fuzz/CMakeLists.txt) and
// the replay of the seed corpus and of every past finding in the ordinary
// test build (tests/reliability/fuzz_replay.cpp, also under ASan+UBSan) run
// the same code.
//
// Each takes any bytes and returns 0. It must not crash, hang, leak or hit
// undefined behaviour; where the code under test promises an invariant
// (spans inside the text, tokens in order, dates that exist) a violation
// calls Fail(), which prints what broke and aborts, so the fuzzer records it.
// Thread-safety: the targets share only immutable, lazily built state.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kith {
namespace fuzz {

// ReadDocumentFromBytes (UTF-8 repair, front matter, line classifier) and the
// tokenizer and sentence splitter over what it keeps.
int FuzzReader(const std::uint8_t* data, std::size_t size);

// ParseRuleFile with a small lexicon context; rules that parse are compiled
// into a Matcher and run over one short sentence.
int FuzzRuleParser(const std::uint8_t* data, std::size_t size);

// NormalizeIsoDate and ParseIsoDate on the first line; then DateResolver
// with the second line as publication date, the third as the previous date
// and the remaining "key=value" lines as a Date mention's attributes.
int FuzzDates(const std::uint8_t* data, std::size_t size);

}  // namespace fuzz
}  // namespace kith
