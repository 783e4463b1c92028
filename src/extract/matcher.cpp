#include "extract/matcher.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/token_regex.h"

namespace kith {

struct Matcher::Program {
  enum class Op { kConsume, kSplit, kJmp, kSave, kMatch, kAssert };
  struct Inst {
    Op op = Op::kMatch;
    const TokenTest* test = nullptr;
    bool negated = false;  // kAssert
    int x = 0;
    int y = 0;
    int slot = 0;
  };
  std::vector<Inst> code;
  int slots = 0;
};

namespace {

constexpr std::size_t kMaxProgram = 5000;

class Compiler {
 public:
  Compiler(const Rule& rule, Matcher::Program* prog) : rule_(rule), prog_(prog) {
    prog_->slots = static_cast<int>(rule.captures.size() * 2);
  }

  bool Sequence(const std::vector<PatternElement>& seq) {
    for (const PatternElement& e : seq) {
      if (!Quantified(e)) return false;
    }
    return true;
  }

 private:
  int Emit(Matcher::Program::Op op) {
    prog_->code.push_back(Matcher::Program::Inst{op, nullptr, false, 0, 0, 0});
    return static_cast<int>(prog_->code.size() - 1);
  }
  int Here() const { return static_cast<int>(prog_->code.size()); }
  bool TooBig() const { return prog_->code.size() > kMaxProgram; }

  int SlotOf(const std::string& capture) const {
    const auto it = std::find(rule_.captures.begin(), rule_.captures.end(), capture);
    return static_cast<int>(it - rule_.captures.begin()) * 2;
  }

  bool Quantified(const PatternElement& e) {
    int save_start = -1;
    if (!e.capture.empty()) {
      save_start = SlotOf(e.capture);
      prog_->code[static_cast<std::size_t>(Emit(Matcher::Program::Op::kSave))].slot = save_start;
    }
    for (int i = 0; i < e.min; ++i) {
      if (!Once(e) || TooBig()) return false;
    }
    if (e.max == -1) {
      // L: split(body, out); body; jmp L
      const int split = Emit(Matcher::Program::Op::kSplit);
      prog_->code[static_cast<std::size_t>(split)].x = Here();
      if (!Once(e)) return false;
      const int jmp = Emit(Matcher::Program::Op::kJmp);
      prog_->code[static_cast<std::size_t>(jmp)].x = split;
      prog_->code[static_cast<std::size_t>(split)].y = Here();
    } else {
      std::vector<int> splits;
      for (int i = e.min; i < e.max; ++i) {
        const int split = Emit(Matcher::Program::Op::kSplit);
        prog_->code[static_cast<std::size_t>(split)].x = Here();
        splits.push_back(split);
        if (!Once(e) || TooBig()) return false;
      }
      for (int s : splits) prog_->code[static_cast<std::size_t>(s)].y = Here();
    }
    if (save_start >= 0) prog_->code[static_cast<std::size_t>(Emit(Matcher::Program::Op::kSave))].slot = save_start + 1;
    return !TooBig();
  }

  bool Once(const PatternElement& e) {
    switch (e.kind) {
      case PatternElement::Kind::kToken: {
        const int c = Emit(Matcher::Program::Op::kConsume);
        prog_->code[static_cast<std::size_t>(c)].test = &e.test;
        return true;
      }
      case PatternElement::Kind::kGroup:
        return Sequence(e.group);
      case PatternElement::Kind::kAssert: {
        const int a = Emit(Matcher::Program::Op::kAssert);
        prog_->code[static_cast<std::size_t>(a)].test = &e.test;
        prog_->code[static_cast<std::size_t>(a)].negated = e.negated;
        return true;
      }
      case PatternElement::Kind::kAlternatives: {
        std::vector<int> jumps;
        for (std::size_t i = 0; i < e.alternatives.size(); ++i) {
          int split = -1;
          if (i + 1 < e.alternatives.size()) {
            split = Emit(Matcher::Program::Op::kSplit);
            prog_->code[static_cast<std::size_t>(split)].x = Here();
          }
          if (!Sequence(e.alternatives[i])) return false;
          if (i + 1 < e.alternatives.size()) {
            jumps.push_back(Emit(Matcher::Program::Op::kJmp));
            prog_->code[static_cast<std::size_t>(split)].y = Here();
          }
        }
        for (int j : jumps) prog_->code[static_cast<std::size_t>(j)].x = Here();
        return true;
      }
    }
    return false;
  }

  const Rule& rule_;
  Matcher::Program* prog_;
};

// The tests a program can consume first, and whether it can match nothing.
void FirstTests(const Matcher::Program& prog, std::vector<const TokenTest*>* firsts, bool* empty_match) {
  std::vector<bool> seen(prog.code.size(), false);
  std::vector<int> stack{0};
  *empty_match = false;
  while (!stack.empty()) {
    const int pc = stack.back();
    stack.pop_back();
    if (seen[static_cast<std::size_t>(pc)]) continue;
    seen[static_cast<std::size_t>(pc)] = true;
    const auto& in = prog.code[static_cast<std::size_t>(pc)];
    switch (in.op) {
      case Matcher::Program::Op::kConsume: firsts->push_back(in.test); break;
      case Matcher::Program::Op::kMatch: *empty_match = true; break;
      case Matcher::Program::Op::kJmp: stack.push_back(in.x); break;
      case Matcher::Program::Op::kSplit:
        stack.push_back(in.y);
        stack.push_back(in.x);
        break;
      case Matcher::Program::Op::kSave:
      case Matcher::Program::Op::kAssert: stack.push_back(pc + 1); break;
    }
  }
}

bool AnyEquals(const std::vector<std::string>& values, const std::string& s) {
  return std::find(values.begin(), values.end(), s) != values.end();
}

bool CaseHolds(const std::string& want, const std::string& text) {
  bool first = true;
  bool first_upper = false;
  bool any_upper = false;
  bool any_lower = false;
  int letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if (!IsLetter(cp)) continue;
    ++letters;
    if (first) first_upper = IsUpper(cp);
    first = false;
    any_upper = any_upper || IsUpper(cp);
    any_lower = any_lower || IsLower(cp);
  }
  if (letters == 0) return false;
  if (want == "title") return first_upper && (any_lower || letters == 1);
  if (want == "upper") return any_upper && !any_lower;
  return !first_upper;  // "lower"
}

// Lengths (in tokens) of the lexicon entries that match at `at`.
void LexiconLengths(const TokenTest& test, const std::vector<Token>& tokens, std::size_t at, std::size_t end,
                    std::vector<std::size_t>* lengths) {
  const Lexicon& lex = *test.lexicon_ptr;
  const std::vector<int>* cands = lex.EntriesStartingWith(tokens[at].lower);
  if (cands == nullptr) return;
  for (int idx : *cands) {
    const LexiconEntry& e = lex.entries()[static_cast<std::size_t>(idx)];
    if (at + e.tokens.size() > end) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.tokens.size() && ok; ++k) ok = tokens[at + k].lower == e.tokens[k];
    for (const auto& kv : test.lexicon_where) {
      if (!ok) break;
      const auto it = e.attributes.find(kv.first);
      if (kv.second == "*") {
        ok = it != e.attributes.end();  // "*": present with any value
      } else if (!kv.second.empty() && kv.second[0] == '!') {
        ok = it == e.attributes.end() || it->second != kv.second.substr(1);  // "!v": must not be v
      } else {
        ok = it != e.attributes.end() && it->second == kv.second;
      }
    }
    if (ok) lengths->push_back(e.tokens.size());
  }
}

}  // namespace

bool TokenPasses(const TokenTest& t, const Token& tok) {
  if (!t.text.empty() && !AnyEquals(t.text, tok.norm)) return false;
  if (!t.lower.empty() && !AnyEquals(t.lower, tok.lower)) return false;
  if (!t.shape.empty() && !AnyEquals(t.shape, tok.shape)) return false;
  if (!t.prefix.empty() && std::none_of(t.prefix.begin(), t.prefix.end(), [&](const std::string& p) {
        return tok.lower.size() > p.size() && tok.lower.compare(0, p.size(), p) == 0;
      })) {
    return false;
  }
  if (!t.suffix.empty() && std::none_of(t.suffix.begin(), t.suffix.end(), [&](const std::string& s) {
        return tok.lower.size() > s.size() && tok.lower.compare(tok.lower.size() - s.size(), s.size(), s) == 0;
      })) {
    return false;
  }
  if (!t.word_case.empty() && !CaseHolds(t.word_case, tok.norm)) return false;
  if (!t.kind.empty()) {
    const char* k = tok.kind == TokenKind::kWord ? "word" : tok.kind == TokenKind::kNumber ? "number" : "punct";
    if (t.kind != k) return false;
  }
  if (t.line_start && !tok.line_start) return false;
  if (t.regex && !t.regex->FullMatch(tok.norm)) return false;

  for (const TokenTest& n : t.none_of) {
    // Inside "not", a lexicon test asks whether the token is a one-word entry.
    const bool in_lexicon = n.lexicon_ptr == nullptr || n.lexicon_ptr->FindWord(tok.lower) != nullptr;
    if (in_lexicon && TokenPasses(n, tok)) return false;
  }
  return true;
}

Matcher::~Matcher() = default;

Status Matcher::Compile(std::vector<Rule> rules, std::unique_ptr<Matcher>* out) {
  auto m = std::unique_ptr<Matcher>(new Matcher());
  m->rules_ = std::move(rules);
  for (std::size_t r = 0; r < m->rules_.size(); ++r) {
    const Rule& rule = m->rules_[r];
    auto prog = std::make_unique<Program>();
    Compiler compiler(rule, prog.get());
    if (!compiler.Sequence(rule.pattern)) {
      return Status::At(StatusCode::kRuleError, rule.file, rule.line, 0,
                        "rule \"" + rule.id + "\": pattern compiles to more than " + std::to_string(kMaxProgram) +
                            " instructions");
    }
    prog->code.push_back(Program::Inst{Program::Op::kMatch, nullptr, false, 0, 0, 0});
    std::vector<const TokenTest*> firsts;
    bool empty_match = false;
    FirstTests(*prog, &firsts, &empty_match);
    if (empty_match) {
      return Status::At(StatusCode::kRuleError, rule.file, rule.line, 0,
                        "rule \"" + rule.id + "\": pattern can match no tokens (make an element required)");
    }
    // Index the rule by its possible first tokens; any unkeyed first test makes it unindexed.
    bool keyed = true;
    std::set<std::string> lowers;
    std::set<const void*> lexicons;
    std::set<std::string> labels;
    for (const TokenTest* t : firsts) {
      if (!t->mention.empty()) {
        labels.insert(t->mention.begin(), t->mention.end());
      } else if (t->lexicon_ptr != nullptr) {
        lexicons.insert(t->lexicon_ptr);
      } else if (!t->lower.empty()) {
        lowers.insert(t->lower.begin(), t->lower.end());
      } else if (!t->text.empty()) {
        for (const std::string& s : t->text) lowers.insert(Utf8Lower(s));
      } else {
        keyed = false;
      }
    }
    const int index = static_cast<int>(r);
    if (!keyed) {
      m->unindexed_.push_back(index);
    } else {
      for (const auto& l : lowers) m->by_lower_[l].push_back(index);
      for (const void* l : lexicons) m->by_lexicon_[l].push_back(index);
      for (const auto& l : labels) m->by_mention_[l].push_back(index);
    }
    m->programs_.push_back(std::move(prog));
  }
  *out = std::move(m);
  return Status::Ok();
}

namespace {

struct Thread {
  int pc;
  std::vector<int> caps;
};

}  // namespace

void Matcher::Match(const MatchInput& in, std::vector<RuleMatch>* out) const {
  const std::vector<Token>& tokens = *in.tokens;
  const std::size_t len = in.last - in.first;
  std::vector<int> candidates;
  std::vector<unsigned> rule_stamp(rules_.size(), 0);
  std::vector<unsigned> seen;
  unsigned stamp = 0;
  std::vector<std::vector<Thread>> lists(len + 1);
  std::vector<std::size_t> lengths;
  std::vector<Thread> stack;

  for (std::size_t s = in.first; s < in.last; ++s) {
    // Candidate rules for this start token.
    candidates.clear();
    const unsigned start_stamp = static_cast<unsigned>(s + 1);
    const auto add = [&](const std::vector<int>& rs) {
      for (int r : rs) {
        if (rule_stamp[static_cast<std::size_t>(r)] != start_stamp) {
          rule_stamp[static_cast<std::size_t>(r)] = start_stamp;
          candidates.push_back(r);
        }
      }
    };
    if (auto it = by_lower_.find(tokens[s].lower); it != by_lower_.end()) add(it->second);
    for (const auto& [lex, rs] : by_lexicon_) {
      if (static_cast<const Lexicon*>(lex)->EntriesStartingWith(tokens[s].lower) != nullptr) add(rs);
    }
    if (in.mentions_at != nullptr && !by_mention_.empty()) {
      for (int mi : (*in.mentions_at)[s]) {
        auto it = by_mention_.find((*in.mentions)[static_cast<std::size_t>(mi)].label);
        if (it != by_mention_.end()) add(it->second);
      }
    }
    add(unindexed_);
    std::sort(candidates.begin(), candidates.end());

    for (int r : candidates) {
      const Program& prog = *programs_[static_cast<std::size_t>(r)];
      const std::size_t P = prog.code.size();
      const std::size_t span_len = in.last - s;
      if (seen.size() < (span_len + 1) * P) seen.assign((span_len + 1) * P, 0);
      ++stamp;
      if (stamp == 0) {  // wrapped: clear the marks
        std::fill(seen.begin(), seen.end(), 0);
        stamp = 1;
      }
      for (std::size_t p = 0; p <= span_len; ++p) lists[p].clear();

      const auto add_thread = [&](std::size_t pos, int pc0, std::vector<int> caps0) {
        stack.clear();
        stack.push_back(Thread{pc0, std::move(caps0)});
        while (!stack.empty()) {
          Thread th = std::move(stack.back());
          stack.pop_back();
          unsigned& mark = seen[pos * P + static_cast<std::size_t>(th.pc)];
          if (mark == stamp) continue;
          mark = stamp;
          const auto& inst = prog.code[static_cast<std::size_t>(th.pc)];
          switch (inst.op) {
            case Program::Op::kJmp: stack.push_back(Thread{inst.x, std::move(th.caps)}); break;
            case Program::Op::kSplit:
              stack.push_back(Thread{inst.y, th.caps});
              stack.push_back(Thread{inst.x, std::move(th.caps)});
              break;
            case Program::Op::kSave:
              th.caps[static_cast<std::size_t>(inst.slot)] = static_cast<int>(pos);
              stack.push_back(Thread{th.pc + 1, std::move(th.caps)});
              break;
            case Program::Op::kAssert: {
              // Zero width: the next token (if any) must pass, or must not for "not_followed_by".
              const std::size_t at = s + pos;
              const bool passes = at < in.last && TokenPasses(*inst.test, tokens[at]) &&
                                  (inst.test->lexicon_ptr == nullptr ||
                                   inst.test->lexicon_ptr->FindWord(tokens[at].lower) != nullptr);
              if (passes != inst.negated) stack.push_back(Thread{th.pc + 1, std::move(th.caps)});
              break;
            }
            case Program::Op::kConsume:
            case Program::Op::kMatch: lists[pos].push_back(std::move(th)); break;
          }
        }
      };

      add_thread(0, 0, std::vector<int>(static_cast<std::size_t>(prog.slots), -1));
      bool matched = false;
      std::size_t best_end = 0;
      std::vector<int> best_caps;
      for (std::size_t pos = 0; pos <= span_len; ++pos) {
        for (std::size_t ti = 0; ti < lists[pos].size(); ++ti) {
          const int pc = lists[pos][ti].pc;
          const auto& inst = prog.code[static_cast<std::size_t>(pc)];
          if (inst.op == Program::Op::kMatch) {
            if (!matched || pos > best_end) {
              matched = true;
              best_end = pos;
              best_caps = lists[pos][ti].caps;
            }
            continue;
          }
          const std::size_t at = s + pos;
          if (at >= in.last) continue;
          const TokenTest& test = *inst.test;
          lengths.clear();
          if (test.SpansTokens()) {
            if (!test.mention.empty()) {
              if (in.mentions_at != nullptr) {
                for (int mi : (*in.mentions_at)[at]) {
                  const MentionView& mv = (*in.mentions)[static_cast<std::size_t>(mi)];
                  if (mv.last <= in.last && AnyEquals(test.mention, mv.label)) lengths.push_back(mv.last - mv.first);
                }
              }
              if (test.lexicon_ptr != nullptr) {
                std::vector<std::size_t> lex;
                LexiconLengths(test, tokens, at, in.last, &lex);
                lengths.erase(std::remove_if(lengths.begin(), lengths.end(),
                                             [&](std::size_t l) { return std::find(lex.begin(), lex.end(), l) == lex.end(); }),
                              lengths.end());
              }
            } else {
              LexiconLengths(test, tokens, at, in.last, &lengths);
            }
            if (!lengths.empty() && !TokenPasses(test, tokens[at])) lengths.clear();
          } else if (TokenPasses(test, tokens[at])) {
            lengths.push_back(1);
          }
          std::sort(lengths.begin(), lengths.end(), std::greater<std::size_t>());
          lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
          for (std::size_t l : lengths) {
            if (pos + l <= span_len) add_thread(pos + l, pc + 1, lists[pos][ti].caps);
          }
        }
      }
      if (!matched) continue;
      RuleMatch m;
      m.rule = &rules_[static_cast<std::size_t>(r)];
      m.first = s;
      m.last = s + best_end;
      m.captures.resize(m.rule->captures.size());
      for (std::size_t c = 0; c < m.captures.size(); ++c) {
        const int b = best_caps[2 * c];
        const int e = best_caps[2 * c + 1];
        if (b >= 0 && e >= b) m.captures[c] = CaptureRange{s + static_cast<std::size_t>(b), s + static_cast<std::size_t>(e), true};
      }
      out->push_back(std::move(m));
    }
  }
}

}  // namespace kith
