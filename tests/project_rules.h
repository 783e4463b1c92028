// ProjectRules: the project's own rules/ directory, loaded once per test
// process and shared by every test that reads text the way kith does. A rule
// file that fails to load fails the asking test with the loader's message.
#pragma once

#include <catch2/catch.hpp>

#include <memory>

#include "extract/rule_set.h"

namespace kith {

inline const RuleSet& ProjectRules() {
  static std::unique_ptr<RuleSet> rules;
  static const Status status = RuleSet::Load(KITH_SOURCE_DIR "/rules", &rules);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return *rules;
}

}  // namespace kith
