#include "extract/rule.h"

#include <sstream>

namespace kith {
namespace {

void AppendList(std::string* out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  *out += ' ';
  *out += key;
  *out += '=';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) *out += '|';
    *out += '"';
    *out += values[i];
    *out += '"';
  }
}

// Appends the test's fields, each after a space (a string, not a stream: the token test
// catalog keys every test of every rule by this text while the rules load).
void AppendTest(std::string* out, const TokenTest& t) {
  AppendList(out, "text", t.text);
  AppendList(out, "lower", t.lower);
  AppendList(out, "shape", t.shape);
  AppendList(out, "prefix", t.prefix);
  AppendList(out, "suffix", t.suffix);
  if (!t.word_case.empty()) *out += " case=" + t.word_case;
  if (!t.kind.empty()) *out += " kind=" + t.kind;
  if (!t.regex_source.empty()) *out += " regex=/" + t.regex_source + '/';
  if (!t.lexicon.empty()) *out += " lexicon=" + t.lexicon;
  for (const auto& kv : t.lexicon_where) *out += " where." + kv.first + "=" + kv.second;
  AppendList(out, "mention", t.mention);
  if (t.line_start) *out += " line_start";
  for (const TokenTest& n : t.none_of) {
    std::string inner;
    AppendTest(&inner, n);
    *out += " not(";
    out->append(inner, inner.empty() ? 0 : 1, std::string::npos);
    *out += ')';
  }
}

// The test's fields without the leading space.
std::string TestFields(const TokenTest& t) {
  std::string out;
  AppendTest(&out, t);
  return out.empty() ? out : out.substr(1);
}

void DumpSequence(std::ostringstream& os, const std::vector<PatternElement>& seq);

void DumpElement(std::ostringstream& os, const PatternElement& e) {
  if (!e.capture.empty()) os << e.capture << ':';
  switch (e.kind) {
    case PatternElement::Kind::kToken:
      os << '[' << TestFields(e.test) << ']';
      break;
    case PatternElement::Kind::kGroup:
      os << '(';
      DumpSequence(os, e.group);
      os << ')';
      break;
    case PatternElement::Kind::kAssert: {
      os << (e.negated ? "(?!" : "(?=");
      if (e.within > 1) os << "within " << e.within << ": ";
      for (std::size_t i = 0; i <= e.then.size(); ++i) {
        const std::string fields = TestFields(i == 0 ? e.test : e.then[i - 1]);
        if (e.then.empty()) {
          os << fields;
        } else {
          os << (i ? " [" : "[") << fields << ']';
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
  std::string out;
  AppendTest(&out, test);
  return out;
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
