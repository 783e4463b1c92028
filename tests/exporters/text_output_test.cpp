#include "exporters/text_output.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace kith {
namespace {

// Records the chunks it is handed.
class ChunkRecorder final : public TextOutput {
 public:
  explicit ChunkRecorder(std::size_t chunk_size) : TextOutput(chunk_size) {}
  std::vector<std::string> chunks;

 private:
  void Deliver(std::string& chunk) override { chunks.push_back(chunk); }
};

TEST_CASE("StringOutput collects every piece in order", "[exporters]") {
  std::string text = "kept ";
  StringOutput out(&text);
  out.Append("one");
  out += ',';
  out += std::string_view("two");
  out.AppendInt(-42);
  CHECK(text == "kept ");  // nothing arrives before Flush
  out.Flush();
  CHECK(text == "kept one,two-42");
  out.Flush();
  CHECK(text == "kept one,two-42");

  std::string empty;
  StringOutput fresh(&empty);
  fresh.Append("all of it");
  fresh.Flush();
  CHECK(empty == "all of it");
}

TEST_CASE("TextOutput hands text over in chunks of the given size", "[exporters]") {
  ChunkRecorder out(4);
  out.Append("ab");
  CHECK(out.chunks.empty());
  out.Append("cd");  // reaches the size
  out.Append('e');
  out.Append("fghij");
  out.Flush();
  CHECK(out.chunks == std::vector<std::string>{"abcd", "efghij"});
  out.Flush();  // nothing buffered: nothing handed over
  CHECK(out.chunks.size() == 2);
}

TEST_CASE("TextOutput::AppendInt writes what std::to_string writes", "[exporters]") {
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{7}, std::int64_t{-1}, std::int64_t{1234567890123},
                         std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    std::string text;
    StringOutput out(&text);
    out.AppendInt(v);
    out.Flush();
    CHECK(text == std::to_string(v));
  }
}

}  // namespace
}  // namespace kith
