#include "extract/rule.h"

#include <sstream>

namespace kith {
namespace {

void DumpList(std::ostringstream& os, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  os << ' ' << key << '=';
  for (std::size_t i = 0; i < values.size(); ++i) os << (i ? "|" : "") << '"' << values[i] << '"';
}

void DumpTest(std::ostringstream& os, const TokenTest& t) {
  DumpList(os, "text", t.text);
  DumpList(os, "lower", t.lower);
  DumpList(os, "shape", t.shape);
  DumpList(os, "prefix", t.prefix);
  DumpList(os, "suffix", t.suffix);
  if (!t.word_case.empty()) os << " case=" << t.word_case;
  if (!t.kind.empty()) os << " kind=" << t.kind;
  if (!t.regex_source.empty()) os << " regex=/" << t.regex_source << '/';
  if (!t.lexicon.empty()) os << " lexicon=" << t.lexicon;
  for (const auto& kv : t.lexicon_where) os << " where." << kv.first << "=" << kv.second;
  DumpList(os, "mention", t.mention);
  if (t.line_start) os << " line_start";
  for (const TokenTest& n : t.none_of) {
    std::ostringstream inner;
    DumpTest(inner, n);
    os << " not(" << inner.str().substr(inner.str().empty() ? 0 : 1) << ')';
  }
}

void DumpSequence(std::ostringstream& os, const std::vector<PatternElement>& seq);

void DumpElement(std::ostringstream& os, const PatternElement& e) {
  if (!e.capture.empty()) os << e.capture << ':';
  switch (e.kind) {
    case PatternElement::Kind::kToken: {
      std::ostringstream t;
      DumpTest(t, e.test);
      os << '[' << (t.str().empty() ? "" : t.str().substr(1)) << ']';
      break;
    }
    case PatternElement::Kind::kGroup:
      os << '(';
      DumpSequence(os, e.group);
      os << ')';
      break;
    case PatternElement::Kind::kAssert: {
      os << (e.negated ? "(?!" : "(?=");
      if (e.within > 1) os << "within " << e.within << ": ";
      for (std::size_t i = 0; i <= e.then.size(); ++i) {
        std::ostringstream t;
        DumpTest(t, i == 0 ? e.test : e.then[i - 1]);
        if (e.then.empty()) {
          os << (t.str().empty() ? "" : t.str().substr(1));
        } else {
          os << (i ? " [" : "[") << (t.str().empty() ? "" : t.str().substr(1)) << ']';
        }
      }
      os << ')';
      return;
    }
    case PatternElement::Kind::kAlternatives:
      os << '(';
      for (std::size_t i = 0; i < e.alternatives.size(); ++i) {
        if (i) os << " | ";
        DumpSequence(os, e.alternatives[i]);
      }
      os << ')';
      break;
  }
  if (e.min == 1 && e.max == 1) return;
  if (e.min == 0 && e.max == 1) {
    os << '?';
  } else if (e.min == 0 && e.max == -1) {
    os << '*';
  } else if (e.min == 1 && e.max == -1) {
    os << '+';
  } else if (e.max == -1) {
    os << '{' << e.min << ",}";
  } else {
    os << '{' << e.min << ',' << e.max << '}';
  }
}

void DumpSequence(std::ostringstream& os, const std::vector<PatternElement>& seq) {
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if (i) os << ' ';
    DumpElement(os, seq[i]);
  }
}

std::string DumpValue(const AttributeValue& v) {
  std::string out = v.IsLiteral() ? '"' + v.literal + '"' : "@" + v.capture + (v.key.empty() ? "" : "." + v.key);
  for (const AttributeValue& o : v.otherwise) out += "|" + DumpValue(o);
  return out;
}

}  // namespace

std::string DumpTokenTest(const TokenTest& test) {
  std::ostringstream os;
  DumpTest(os, test);
  return os.str();
}

std::string DumpRule(const Rule& rule) {
  std::ostringstream os;
  os << "rule " << rule.id << " stage=" << rule.stage << " priority=" << rule.priority << "\n  pattern: ";
  DumpSequence(os, rule.pattern);
  for (const TokenTest& t : rule.not_after) os << "\n  not_after:" << DumpTokenTest(t);
  for (const CreateSpec& c : rule.creates) {
    os << "\n  create ";
    switch (c.kind) {
      case CreateSpec::Kind::kMention: os << "mention " << DumpValue(c.label_value); break;
      case CreateSpec::Kind::kRelation:
        os << "relation " << DumpValue(c.label_value) << " subject=" << c.subject << " object=" << c.object;
        break;
      case CreateSpec::Kind::kEvent: os << "event " << DumpValue(c.label_value); break;
    }
    if (!c.span.empty()) os << " span=" << c.span;
    if (!c.trigger.empty()) os << " trigger=" << c.trigger;
    if (c.nests) os << " nests";
    for (const auto& r : c.roles) os << " role." << r.first << "=" << r.second;
    for (const auto& a : c.attributes) os << ' ' << a.first << '=' << DumpValue(a.second);
  }
  for (const RuleExample& ex : rule.examples) {
    os << "\n  example " << (ex.should_match ? "match" : "no_match") << " \"" << ex.text << '"';
  }
  return os.str();
}

}  // namespace kith
