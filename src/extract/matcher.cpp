#include "extract/matcher.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <iterator>
#include <set>

#include "base/utf8.h"
#include "extract/lexicon.h"

namespace kith {

struct Matcher::Program {
  enum class Op { kConsume, kSplit, kJmp, kSave, kMatch, kAssert };
  struct Inst {
    Op op = Op::kMatch;
    const TokenTest* test = nullptr;
    bool negated = false;  // kAssert
    int within = 1;        // kAssert: the test is asked of each of the next `within` tokens
    int x = 0;
    int y = 0;
    int slot = 0;
    int memo = -1;     // kConsume of a one-token test, kAssert: the test's number in the catalog
    int lexicon = -1;  // kConsume of a lexicon test: the lexicon's number in the catalog
    bool spans = false;  // kConsume: the test may consume several tokens (test->SpansTokens())
    // kAssert: the tests of the tokens after the next, in the rule the matcher owns; read while
    // compiling, when they are numbered into then_memos.
    const std::vector<TokenTest>* then = nullptr;
    std::vector<int> then_memos;                   // kAssert: their numbers in the catalog
  };
  std::vector<Inst> code;
  int slots = 0;
  // Memo indexes of the one-token tests a match can start with; empty when a
  // first test spans tokens (lexicon, mention), so no cheap pre-check exists.
  std::vector<int> first_memos;
  // Memo indexes of the rule's "not_after" tests, asked of the token before a start.
  std::vector<int> not_after_memos;
  // Matcher::required_ keys every match needs somewhere in the sentence.
  std::vector<int> required;
  // The zero-width part of the program, followed ahead of time: from an entry
  // (pc 0, or the instruction after a kConsume or kAssert), the instructions a
  // thread can stop at (kConsume, kMatch, kAssert) in the order a depth-first
  // walk through kJmp/kSplit/kSave meets them, each with the capture slots set
  // on its first path. closure_at[pc] indexes closure_begin (-1: not an entry).
  struct Stop {
    int pc;
    std::uint32_t saves_begin;  // slots in Program::saves
    std::uint32_t saves_end;
  };
  std::vector<int> closure_at;
  std::vector<std::uint32_t> closure_begin;  // stops of entry k: [closure_begin[k], closure_begin[k + 1])
  std::vector<Stop> stops;
  std::vector<int> saves;
};

namespace {

constexpr std::size_t kMaxProgram = 5000;

// A set of program counters, one byte each: the compiler ORs and walks these
// per rule and per key, where packed bits cost a shift and a mask apiece.
using PcSet = std::vector<std::uint8_t>;

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
    Matcher::Program::Inst inst;
    inst.op = op;
    prog_->code.push_back(std::move(inst));
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
        prog_->code[static_cast<std::size_t>(c)].spans = e.test.SpansTokens();
        return true;
      }
      case PatternElement::Kind::kGroup:
        return Sequence(e.group);
      case PatternElement::Kind::kAssert: {
        const int a = Emit(Matcher::Program::Op::kAssert);
        prog_->code[static_cast<std::size_t>(a)].test = &e.test;
        prog_->code[static_cast<std::size_t>(a)].negated = e.negated;
        prog_->code[static_cast<std::size_t>(a)].within = e.within;
        prog_->code[static_cast<std::size_t>(a)].then = &e.then;
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
  PcSet seen(prog.code.size(), 0);
  std::vector<int> stack{0};
  *empty_match = false;
  while (!stack.empty()) {
    const int pc = stack.back();
    stack.pop_back();
    if (seen[static_cast<std::size_t>(pc)]) continue;
    seen[static_cast<std::size_t>(pc)] = 1;
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

// Lengths (in tokens) of the lexicon entries that match at `at`.
void LexiconLengths(const TokenTest& test, const std::vector<int>* cands, const std::vector<Token>& tokens,
                    std::size_t at, std::size_t end, std::vector<std::size_t>* lengths) {
  const Lexicon& lex = *test.lexicon_ptr;
  if (cands == nullptr) return;
  for (int idx : *cands) {
    const LexiconEntry& e = lex.entries()[static_cast<std::size_t>(idx)];
    if (at + e.tokens.size() > end) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.tokens.size() && ok; ++k) ok = tokens[at + k].lower == e.tokens[k];
    if (ok && e.Meets(test.lexicon_where)) lengths->push_back(e.tokens.size());
  }
}

// True when every path from the program's entry to its kMatch passes one of
// the instructions marked in `through`.
bool EveryMatchPasses(const Matcher::Program& prog, const PcSet& through) {
  using Op = Matcher::Program::Op;
  // Asked many times per rule while compiling: the walk's memory is kept from call to call.
  // The walk never passes an instruction of `through`, so those start out as walked already.
  // Each instruction is walked once and pushes at most two, so the stack never holds more
  // than twice the program's length (and the entry).
  thread_local PcSet seen;
  thread_local std::vector<int> stack;
  seen = through;
  seen.resize(prog.code.size(), 0);
  const int size = static_cast<int>(prog.code.size());
  if (stack.size() < 2 * prog.code.size() + 1) stack.resize(2 * prog.code.size() + 1);
  int* const base = stack.data();
  int* top = base;
  *top++ = 0;
  while (top != base) {
    const int pc = *--top;
    if (pc >= size || seen[static_cast<std::size_t>(pc)]) continue;
    seen[static_cast<std::size_t>(pc)] = 1;
    const auto& in = prog.code[static_cast<std::size_t>(pc)];
    switch (in.op) {
      case Op::kMatch: return false;
      case Op::kJmp: *top++ = in.x; break;
      case Op::kSplit:
        *top++ = in.x;
        *top++ = in.y;
        break;
      default: *top++ = pc + 1; break;
    }
  }
  return true;
}

// Subsets of `at` (sets of instructions) such that every path from the
// program's entry to its kMatch passes an instruction of one of them, each
// from which no set can be dropped: found greedily, once dropping from the
// first set on and once from the last, as the two may keep different sets.
// Subsets of fewer than two sets are left out (a lone set is a key already).
std::vector<std::vector<std::size_t>> MinimalCuts(const Matcher::Program& prog, const std::vector<const PcSet*>& at) {
  std::vector<std::vector<std::size_t>> cuts;
  if (at.size() < 2) return cuts;
  // The union of the kept sets, kept up to date as one set leaves or comes back: per
  // instruction, how many kept sets hold it (a walk per step, not a union of all per step).
  const std::size_t n_pc = prog.code.size();
  std::vector<std::uint32_t> holders(n_pc, 0);
  PcSet through(n_pc, 0);
  for (const PcSet* set : at) {
    for (std::size_t pc = 0; pc < n_pc; ++pc) holders[pc] += (*set)[pc];
  }
  for (std::size_t pc = 0; pc < n_pc; ++pc) through[pc] = holders[pc] != 0;
  if (!EveryMatchPasses(prog, through)) return cuts;
  const std::vector<std::uint32_t> all_holders = holders;
  const PcSet all_through = through;
  const auto drop = [&](const PcSet& set) {
    for (std::size_t pc = 0; pc < n_pc; ++pc) {
      if (set[pc] && --holders[pc] == 0) through[pc] = 0;
    }
  };
  const auto restore = [&](const PcSet& set) {
    for (std::size_t pc = 0; pc < n_pc; ++pc) {
      if (set[pc] && holders[pc]++ == 0) through[pc] = 1;
    }
  };
  for (const bool from_first : {true, false}) {
    holders = all_holders;
    through = all_through;
    std::vector<bool> kept(at.size(), true);
    for (std::size_t n = 0; n < at.size(); ++n) {
      const std::size_t i = from_first ? n : at.size() - 1 - n;
      drop(*at[i]);
      kept[i] = false;
      if (!EveryMatchPasses(prog, through)) {
        restore(*at[i]);
        kept[i] = true;
      }
    }
    std::vector<std::size_t> cut;
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (kept[i]) cut.push_back(i);
    }
    if (cut.size() >= 2 && std::find(cuts.begin(), cuts.end(), cut) == cuts.end()) cuts.push_back(cut);
  }
  return cuts;
}

// Fills prog.closure_*: for every entry, the stops a depth-first walk meets
// (first visit wins, as at run time), with the saves on the path to each.
void BuildClosures(Matcher::Program* prog) {
  using Op = Matcher::Program::Op;
  const std::size_t n = prog->code.size();
  PcSet entry(n, 0);
  entry[0] = 1;
  for (std::size_t pc = 0; pc + 1 < n; ++pc) {
    const Op op = prog->code[pc].op;
    if (op == Op::kConsume || op == Op::kAssert) entry[pc + 1] = 1;
  }
  prog->closure_at.assign(n, -1);
  prog->closure_begin.clear();
  prog->stops.clear();
  prog->saves.clear();
  struct Walk {
    int pc;
    std::size_t path;  // length of `path` (the saves so far) when the walk got here
  };
  PcSet seen(n, 0);
  std::vector<Walk> stack;
  std::vector<int> path;
  for (std::size_t e = 0; e < n; ++e) {
    if (!entry[e]) continue;
    prog->closure_at[e] = static_cast<int>(prog->closure_begin.size());
    prog->closure_begin.push_back(static_cast<std::uint32_t>(prog->stops.size()));
    std::fill(seen.begin(), seen.end(), 0);
    path.clear();
    stack.assign(1, Walk{static_cast<int>(e), 0});
    while (!stack.empty()) {
      const Walk w = stack.back();
      stack.pop_back();
      path.resize(w.path);
      const std::size_t pc = static_cast<std::size_t>(w.pc);
      if (seen[pc]) continue;
      seen[pc] = 1;
      const Matcher::Program::Inst& in = prog->code[pc];
      switch (in.op) {
        case Op::kJmp: stack.push_back(Walk{in.x, path.size()}); break;
        case Op::kSplit:
          stack.push_back(Walk{in.y, path.size()});
          stack.push_back(Walk{in.x, path.size()});
          break;
        case Op::kSave:
          path.push_back(in.slot);
          stack.push_back(Walk{w.pc + 1, path.size()});
          break;
        case Op::kConsume:
        case Op::kMatch:
        case Op::kAssert: {
          const auto begin = static_cast<std::uint32_t>(prog->saves.size());
          prog->saves.insert(prog->saves.end(), path.begin(), path.end());
          prog->stops.push_back(Matcher::Program::Stop{w.pc, begin, static_cast<std::uint32_t>(prog->saves.size())});
          break;
        }
      }
    }
  }
  prog->closure_begin.push_back(static_cast<std::uint32_t>(prog->stops.size()));
}

}  // namespace

Matcher::~Matcher() = default;

Status Matcher::Compile(std::vector<Rule> rules, std::unique_ptr<Matcher>* out) {
  auto catalog = std::make_shared<TokenTestCatalog>();
  KITH_RETURN_IF_ERROR(Compile(std::move(rules), catalog, out));
  catalog->Seal();
  (*out)->IndexStartWords();
  return Status::Ok();
}

void Matcher::IndexStartWords() {
  const std::size_t words = catalog_->word_count();
  start_rule_offsets_.assign(words + 1, 0);
  start_rules_.clear();
  std::vector<int> rules;
  for (std::size_t w = 0; w < words; ++w) {
    rules.clear();
    if (auto it = by_word_.find(static_cast<int>(w)); it != by_word_.end()) {
      rules.insert(rules.end(), it->second.begin(), it->second.end());
    }
    for (const auto& [lexicon, entries] : catalog_->LexiconStarts(static_cast<int>(w))) {
      const auto it = by_lexicon_.find(lexicon);
      if (it == by_lexicon_.end()) continue;
      // Only rules some entry starting with this word can satisfy ("where").
      const Lexicon& lex = *it->second.front().second->lexicon_ptr;
      for (const auto& [rule, test] : it->second) {
        const bool some_entry = std::any_of(entries->begin(), entries->end(), [&, t = test](int e) {
          return lex.entries()[static_cast<std::size_t>(e)].Meets(t->lexicon_where);
        });
        if (some_entry) rules.push_back(rule);
      }
    }
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    start_rules_.insert(start_rules_.end(), rules.begin(), rules.end());
    start_rule_offsets_[w + 1] = static_cast<std::uint32_t>(start_rules_.size());
  }
  IndexKeyWords();
}

void Matcher::IndexKeyWords() {
  const std::size_t words = catalog_->word_count();
  key_in_word_pass_.assign(required_.size(), false);
  std::vector<std::vector<int>> keys_of_word(words);
  // catalog lexicon -> the keys needing an entry of it, with the attributes asked for
  std::map<int, std::vector<std::pair<int, const std::map<std::string, std::string>*>>> keys_of_lexicon;
  for (std::size_t k = 0; k < required_.size(); ++k) {
    const Required& need = required_[k];
    if (!need.labels.empty() || need.test >= 0) continue;
    key_in_word_pass_[k] = true;
    for (const LexiconNeed& l : need.lexicons) keys_of_lexicon[l.lexicon].emplace_back(static_cast<int>(k), &l.where);
    for (int w : need.words) keys_of_word[static_cast<std::size_t>(w)].push_back(static_cast<int>(k));
  }
  key_offsets_.assign(words + 1, 0);
  keys_by_word_.clear();
  std::vector<int> keys;
  for (std::size_t w = 0; w < words; ++w) {
    keys = keys_of_word[w];
    for (const auto& [lexicon, entries] : catalog_->LexiconStarts(static_cast<int>(w))) {
      const auto it = keys_of_lexicon.find(lexicon);
      if (it == keys_of_lexicon.end()) continue;
      // Only keys some entry starting with this word has the attributes of ("where").
      const Lexicon& lex = catalog_->lexicon(lexicon);
      for (const auto& [k, where] : it->second) {
        const bool some_entry = std::any_of(entries->begin(), entries->end(), [&, w = where](int e) {
          return lex.entries()[static_cast<std::size_t>(e)].Meets(*w);
        });
        if (some_entry) keys.push_back(k);
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    keys_by_word_.insert(keys_by_word_.end(), keys.begin(), keys.end());
    key_offsets_[w + 1] = static_cast<std::uint32_t>(keys_by_word_.size());
  }
}

Status Matcher::Compile(std::vector<Rule> rules, std::shared_ptr<TokenTestCatalog> catalog,
                        std::unique_ptr<Matcher>* out) {
  auto m = std::unique_ptr<Matcher>(new Matcher());
  m->rules_ = std::move(rules);
  m->catalog_ = std::move(catalog);
  std::map<int, std::vector<int>> by_first_test;
  std::map<Required, int> required_ids;  // m->required_ by key: rules share many keys
  for (std::size_t r = 0; r < m->rules_.size(); ++r) {
    const Rule& rule = m->rules_[r];
    auto prog = std::make_unique<Program>();
    Compiler compiler(rule, prog.get());
    if (!compiler.Sequence(rule.pattern)) {
      return Status::At(StatusCode::kRuleError, rule.file, rule.line, 0,
                        "rule \"" + rule.id + "\": pattern compiles to more than " + std::to_string(kMaxProgram) +
                            " instructions");
    }
    prog->code.push_back(Program::Inst{});  // kMatch
    BuildClosures(prog.get());
    std::vector<const TokenTest*> firsts;
    bool empty_match = false;
    FirstTests(*prog, &firsts, &empty_match);
    if (empty_match) {
      return Status::At(StatusCode::kRuleError, rule.file, rule.line, 0,
                        "rule \"" + rule.id + "\": pattern can match no tokens (make an element required)");
    }
    // Number the one-token tests so that each is asked of a token once.
    for (Program::Inst& inst : prog->code) {
      if (inst.op == Program::Op::kConsume && inst.test->lexicon_ptr != nullptr) {
        inst.lexicon = m->catalog_->AddLexicon(inst.test->lexicon_ptr);
      }
      const bool consume = inst.op == Program::Op::kConsume && !inst.test->SpansTokens();
      if (!consume && inst.op != Program::Op::kAssert) continue;
      inst.memo = m->catalog_->Add(*inst.test, !consume && inst.test->lexicon_ptr != nullptr);
      if (inst.then == nullptr) continue;
      for (const TokenTest& t : *inst.then) inst.then_memos.push_back(m->catalog_->Add(t, t.lexicon_ptr != nullptr));
    }
    for (const TokenTest& t : rule.not_after) {
      prog->not_after_memos.push_back(m->catalog_->Add(t, t.lexicon_ptr != nullptr));
    }
    if (std::none_of(firsts.begin(), firsts.end(), [](const TokenTest* t) { return t->SpansTokens(); })) {
      for (const TokenTest* t : firsts) {
        const int id = m->catalog_->Add(*t, false);
        if (std::find(prog->first_memos.begin(), prog->first_memos.end(), id) == prog->first_memos.end()) {
          prog->first_memos.push_back(id);
        }
      }
    }
    // What a sentence must hold for the rule to match there: a word, a lexicon
    // entry, a mention or a token passing a one-token test that every match
    // consumes (in any one of the places the pattern asks for it).
    std::vector<std::pair<Required, PcSet>> needs;  // key -> the instructions consuming it
    std::map<Required, std::size_t> need_index;     // key -> its place in needs
    const auto note_need = [&](const Required& need, std::size_t pc) {
      const auto [it, added] = need_index.emplace(need, needs.size());
      if (added) needs.emplace_back(need, PcSet(prog->code.size(), 0));
      needs[it->second].second[pc] = 1;
    };
    for (std::size_t pc = 0; pc < prog->code.size(); ++pc) {
      const Program::Inst& inst = prog->code[pc];
      if (inst.op != Program::Op::kConsume) continue;
      const TokenTest& t = *inst.test;
      Required need;
      if (!t.mention.empty()) {
        need.labels = t.mention;
        std::sort(need.labels.begin(), need.labels.end());
      } else if (t.lexicon_ptr != nullptr) {
        // Any entry of the lexicon, as well as one with these attributes: where
        // alternatives ask for different attributes, the lexicon alone is the key.
        need.lexicons = {LexiconNeed{inst.lexicon, {}}};
        note_need(need, pc);
        need.lexicons.front().where = t.lexicon_where;
      } else if (!t.lower.empty() || !t.text.empty()) {
        for (const std::string& l : t.lower) need.words.push_back(m->catalog_->AddWord(l));
        for (const std::string& x : t.text) need.words.push_back(m->catalog_->AddWord(Utf8Lower(x)));
        std::sort(need.words.begin(), need.words.end());
      } else {
        need.test = inst.memo;
      }
      note_need(need, pc);
    }
    const auto require = [&](const Required& need) {
      const auto [it, added] = required_ids.emplace(need, static_cast<int>(m->required_.size()));
      if (added) m->required_.push_back(need);
      const int id = it->second;
      if (std::find(prog->required.begin(), prog->required.end(), id) == prog->required.end()) {
        prog->required.push_back(id);
      }
    };
    std::vector<std::size_t> partial;  // word, lexicon or mention keys that some matches avoid
    for (std::size_t k = 0; k < needs.size(); ++k) {
      const auto& [need, at] = needs[k];
      if (EveryMatchPasses(*prog, at)) {
        require(need);
      } else if (need.test < 0) {
        partial.push_back(k);
      }
    }
    // Alternatives that each need their own words or lexicon entries ("stood
    // ... holding" or "sat alone outside"; "stopped eating", "refused food"
    // or "refused to eat"; a travel verb or a death verb): every match still
    // consumes one of them together, so their union is a key too. Mentions
    // unite only with mentions. Pairs first (at most four), then the cuts
    // over all the partial keys of one kind.
    const auto require_union = [&](const std::vector<std::size_t>& keys) {
      Required all;
      for (std::size_t k : keys) {
        const Required& n = needs[k].first;
        all.words.insert(all.words.end(), n.words.begin(), n.words.end());
        all.lexicons.insert(all.lexicons.end(), n.lexicons.begin(), n.lexicons.end());
        all.labels.insert(all.labels.end(), n.labels.begin(), n.labels.end());
      }
      std::sort(all.words.begin(), all.words.end());
      all.words.erase(std::unique(all.words.begin(), all.words.end()), all.words.end());
      std::sort(all.lexicons.begin(), all.lexicons.end());
      all.lexicons.erase(std::unique(all.lexicons.begin(), all.lexicons.end()), all.lexicons.end());
      std::sort(all.labels.begin(), all.labels.end());
      all.labels.erase(std::unique(all.labels.begin(), all.labels.end()), all.labels.end());
      require(all);
    };
    // A key's instructions are few against the program's length: the pairs' unions are made
    // in one set by marking and unmarking those, not by a copy and an OR of the whole set each.
    std::vector<std::vector<std::size_t>> pcs_of(partial.size());
    for (std::size_t i = 0; i < partial.size(); ++i) {
      const PcSet& at = needs[partial[i]].second;
      for (std::size_t pc = 0; pc < at.size(); ++pc) {
        if (at[pc]) pcs_of[i].push_back(pc);
      }
    }
    PcSet through(prog->code.size(), 0);
    int unions = 0;
    for (std::size_t a = 0; a < partial.size() && unions < 4; ++a) {
      const auto& [na, at_a] = needs[partial[a]];
      for (std::size_t pc : pcs_of[a]) through[pc] = 1;
      for (std::size_t b = a + 1; b < partial.size() && unions < 4; ++b) {
        const Required& nb = needs[partial[b]].first;
        if (na.labels.empty() != nb.labels.empty()) continue;
        for (std::size_t pc : pcs_of[b]) through[pc] = 1;
        const bool cut = EveryMatchPasses(*prog, through);
        for (std::size_t pc : pcs_of[b]) through[pc] = at_a[pc];
        if (!cut) continue;
        require_union({partial[a], partial[b]});
        ++unions;
      }
      for (std::size_t pc : pcs_of[a]) through[pc] = 0;
    }
    for (const bool mentions : {false, true}) {
      std::vector<std::size_t> kind;
      std::vector<const PcSet*> at;
      for (std::size_t k : partial) {
        if (needs[k].first.labels.empty() == mentions) continue;
        kind.push_back(k);
        at.push_back(&needs[k].second);
      }
      for (const std::vector<std::size_t>& cut : MinimalCuts(*prog, at)) {
        std::vector<std::size_t> keys;
        for (std::size_t i : cut) keys.push_back(kind[i]);
        require_union(keys);
      }
    }
    // Index the rule by what its first token can be: a mention label, a lexicon's first
    // words, a word, or else the one-token test itself.
    std::set<std::string> lowers;
    std::vector<std::pair<int, const TokenTest*>> lexicons;
    std::set<std::string> labels;
    std::set<int> tests;
    for (const TokenTest* t : firsts) {
      if (!t->mention.empty()) {
        labels.insert(t->mention.begin(), t->mention.end());
      } else if (t->lexicon_ptr != nullptr) {
        lexicons.emplace_back(m->catalog_->AddLexicon(t->lexicon_ptr), t);
      } else if (!t->lower.empty()) {
        lowers.insert(t->lower.begin(), t->lower.end());
      } else if (!t->text.empty()) {
        for (const std::string& s : t->text) lowers.insert(Utf8Lower(s));
      } else {
        tests.insert(m->catalog_->Add(*t, false));
      }
    }
    const int index = static_cast<int>(r);
    for (const auto& l : lowers) m->by_word_[m->catalog_->AddWord(l)].push_back(index);
    for (const auto& [l, t] : lexicons) m->by_lexicon_[l].emplace_back(index, t);
    for (const auto& l : labels) m->by_mention_[l].push_back(index);
    for (int id : tests) by_first_test[id].push_back(index);
    m->programs_.push_back(std::move(prog));
  }
  m->by_first_test_.assign(by_first_test.begin(), by_first_test.end());
  *out = std::move(m);
  return Status::Ok();
}

namespace {

// A VM thread: a program counter and its capture slots, kept in a shared pool.
struct Thread {
  int pc;
  std::size_t caps;  // offset of this thread's slots in Scratch::pool
};

// Per-thread working memory of Match, reused from sentence to sentence.
struct Scratch {
  std::vector<std::ptrdiff_t> required;  // per Matcher::required_ key: the last token holding it, kAbsent, kNotAsked
  std::vector<unsigned> seen;
  unsigned stamp = 0;
  std::vector<std::vector<Thread>> lists;
  std::vector<int> pool;
  std::vector<int> candidates;
  std::vector<unsigned> rule_stamp;
  std::vector<std::size_t> lengths;
  std::vector<std::size_t> lexicon_lengths;
};

constexpr std::ptrdiff_t kNotAsked = -2;
constexpr std::ptrdiff_t kAbsent = -1;

thread_local Scratch scratch;

}  // namespace

void Matcher::Match(const MatchInput& in, std::vector<RuleMatch>* out) const {
  assert(start_rule_offsets_.size() == catalog_->word_count() + 1 && "IndexStartWords() after sealing the catalog");
  const std::vector<Token>& tokens = *in.tokens;
  const std::size_t len = in.last - in.first;
  Scratch& sc = scratch;
  sc.rule_stamp.assign(rules_.size(), 0);
  if (sc.lists.size() < len + 1) sc.lists.resize(len + 1);
  std::unique_ptr<TokenTestCache> own_cache;
  TokenTestCache* cache = in.cache;
  if (cache == nullptr || &cache->catalog() != catalog_.get()) {
    own_cache = std::make_unique<TokenTestCache>(*catalog_, tokens);
    cache = own_cache.get();
  }
  cache->Cover(in.first, in.last);
  const auto passes = [cache](int id, std::size_t at) { return cache->Passes(id, at); };

  // Where the sentence last holds what a rule requires, asked once per key:
  // a match starting after that token cannot consume it.
  sc.required.assign(required_.size(), kNotAsked);
  for (std::size_t t = in.first; t < in.last; ++t) {
    const int word = cache->WordAt(t);
    if (word < 0) continue;
    const std::size_t w = static_cast<std::size_t>(word);
    for (std::uint32_t i = key_offsets_[w]; i < key_offsets_[w + 1]; ++i) {
      sc.required[static_cast<std::size_t>(keys_by_word_[i])] = static_cast<std::ptrdiff_t>(t);
    }
  }
  // Mention and test keys, asked only of the sentences a rule needing one is tried in.
  const auto last_holding = [&](const Required& need) -> std::ptrdiff_t {
    for (std::size_t t = in.last; t-- > in.first;) {
      if (!need.labels.empty()) {
        if (in.mentions_at == nullptr) return kAbsent;
        for (int mi : (*in.mentions_at)[t]) {
          const MentionView& mv = (*in.mentions)[static_cast<std::size_t>(mi)];
          if (mv.last <= in.last && std::binary_search(need.labels.begin(), need.labels.end(), mv.label)) {
            return static_cast<std::ptrdiff_t>(t);
          }
        }
      } else if (cache->Passes(need.test, t)) {
        return static_cast<std::ptrdiff_t>(t);
      }
    }
    return kAbsent;
  };
  const auto possible = [&](int r, std::size_t start) {
    for (int id : programs_[static_cast<std::size_t>(r)]->required) {
      std::ptrdiff_t& last = sc.required[static_cast<std::size_t>(id)];
      if (last == kNotAsked) {
        last = key_in_word_pass_[static_cast<std::size_t>(id)] ? kAbsent : last_holding(required_[static_cast<std::size_t>(id)]);
      }
      if (last < static_cast<std::ptrdiff_t>(start)) return false;
    }
    return true;
  };

  for (std::size_t s = in.first; s < in.last; ++s) {
    // Candidate rules for this start token.
    std::vector<int>& candidates = sc.candidates;
    candidates.clear();
    const unsigned start_stamp = static_cast<unsigned>(s - in.first + 1);
    bool sorted = true;  // the start-word list is sorted; rules added after it may not be
    const auto add = [&](const std::vector<int>& rs) {
      for (int r : rs) {
        if (sc.rule_stamp[static_cast<std::size_t>(r)] != start_stamp) {
          sc.rule_stamp[static_cast<std::size_t>(r)] = start_stamp;
          sorted = sorted && (candidates.empty() || candidates.back() < r);
          candidates.push_back(r);
        }
      }
    };
    if (const int word = cache->WordAt(s); word >= 0) {
      const std::size_t w = static_cast<std::size_t>(word);
      for (std::uint32_t i = start_rule_offsets_[w]; i < start_rule_offsets_[w + 1]; ++i) {
        const int r = start_rules_[i];
        sc.rule_stamp[static_cast<std::size_t>(r)] = start_stamp;
        candidates.push_back(r);
      }
    }
    if (in.mentions_at != nullptr && !by_mention_.empty()) {
      for (int mi : (*in.mentions_at)[s]) {
        auto it = by_mention_.find((*in.mentions)[static_cast<std::size_t>(mi)].label);
        if (it != by_mention_.end()) add(it->second);
      }
    }
    for (const auto& [id, rs] : by_first_test_) {
      if (passes(id, s)) add(rs);
    }
    if (!sorted) std::sort(candidates.begin(), candidates.end());

    for (int r : candidates) {
      const Program& prog = *programs_[static_cast<std::size_t>(r)];
      if (!possible(r, s)) continue;
      if (s > in.first && std::any_of(prog.not_after_memos.begin(), prog.not_after_memos.end(),
                                      [&](int memo) { return passes(memo, s - 1); })) {
        continue;
      }
      if (!prog.first_memos.empty()) {
        const bool may_start = std::any_of(prog.first_memos.begin(), prog.first_memos.end(),
                                           [&](int memo) { return passes(memo, s); });
        if (!may_start) continue;
      }
      const std::size_t P = prog.code.size();
      const std::size_t span_len = in.last - s;
      const std::size_t slots = static_cast<std::size_t>(prog.slots);
      if (sc.seen.size() < (span_len + 1) * P) sc.seen.assign((span_len + 1) * P, 0);
      ++sc.stamp;
      if (sc.stamp == 0) {  // wrapped: clear the marks
        std::fill(sc.seen.begin(), sc.seen.end(), 0);
        sc.stamp = 1;
      }
      const unsigned stamp = sc.stamp;
      // Slots in use are pool[0, used); the vector only grows, so taking slots fills no zeros.
      std::vector<int>& pool = sc.pool;
      std::size_t used = 0;
      std::size_t furthest = 0;  // the last position holding a thread
      sc.lists[0].clear();

      // Copies the slots at `from` into a fresh pool region and returns its offset.
      const auto copy_caps = [&](std::size_t from) {
        const std::size_t at = used;
        used += slots;
        if (pool.size() < used) pool.resize(std::max(2 * pool.size(), used));
        std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(from), slots, pool.begin() + static_cast<std::ptrdiff_t>(at));
        return at;
      };

      // Adds at `pos` the threads that entry `pc0` reaches without consuming,
      // in priority order; `caps0` is owned by the new threads. A stop already
      // reached at `pos` by an earlier (higher-priority) thread is skipped: its
      // whole closure was reached then too. The last stop keeps `caps0`, the
      // others get copies made before it changes.
      const auto add_thread = [&](std::size_t pos, int pc0, std::size_t caps0, const auto& self) -> void {
        while (furthest < pos) sc.lists[++furthest].clear();
        const std::size_t k = static_cast<std::size_t>(prog.closure_at[static_cast<std::size_t>(pc0)]);
        const std::uint32_t end = prog.closure_begin[k + 1];
        for (std::uint32_t i = prog.closure_begin[k]; i < end; ++i) {
          const Program::Stop& stop = prog.stops[i];
          unsigned& mark = sc.seen[pos * P + static_cast<std::size_t>(stop.pc)];
          if (mark == stamp) continue;
          mark = stamp;
          const auto& inst = prog.code[static_cast<std::size_t>(stop.pc)];
          if (inst.op == Program::Op::kAssert) {
            // Zero width: the next tokens (if the sentence has them) must pass, or must not for
            // "not_followed_by".
            const std::size_t at = s + pos;
            bool holds = at < in.last && passes(inst.memo, at);
            // "within": the test holds at one of the next tokens ("followed_by"), or at none.
            for (std::size_t ahead = 1; !holds && ahead < static_cast<std::size_t>(inst.within) && at + ahead < in.last; ++ahead) {
              holds = passes(inst.memo, at + ahead);
            }
            for (std::size_t n = 0; holds && n < inst.then_memos.size(); ++n) {
              holds = at + 1 + n < in.last && passes(inst.then_memos[n], at + 1 + n);
            }
            if (holds == inst.negated) continue;
          }
          const std::size_t caps = i + 1 == end ? caps0 : copy_caps(caps0);
          for (std::uint32_t j = stop.saves_begin; j < stop.saves_end; ++j) {
            pool[caps + static_cast<std::size_t>(prog.saves[j])] = static_cast<int>(pos);
          }
          if (inst.op == Program::Op::kAssert) {
            self(pos, stop.pc + 1, caps, self);
          } else {
            sc.lists[pos].push_back(Thread{stop.pc, caps});
          }
        }
      };

      if (pool.size() < slots) pool.resize(slots);
      std::fill_n(pool.begin(), slots, -1);
      used = slots;
      add_thread(0, 0, 0, add_thread);
      bool matched = false;
      std::size_t best_end = 0;
      std::size_t best_caps = 0;
      for (std::size_t pos = 0; pos <= furthest; ++pos) {
        for (std::size_t ti = 0; ti < sc.lists[pos].size(); ++ti) {
          const Thread th = sc.lists[pos][ti];
          const auto& inst = prog.code[static_cast<std::size_t>(th.pc)];
          if (inst.op == Program::Op::kMatch) {
            if (!matched || pos > best_end) {
              matched = true;
              best_end = pos;
              best_caps = th.caps;
            }
            continue;
          }
          const std::size_t at = s + pos;
          if (at >= in.last) continue;
          if (!inst.spans) {
            // The thread moves on: it keeps its own slots (no other thread shares them).
            if (pos + 1 <= span_len && passes(inst.memo, at)) add_thread(pos + 1, th.pc + 1, th.caps, add_thread);
            continue;
          }
          const TokenTest& test = *inst.test;
          std::vector<std::size_t>& lengths = sc.lengths;
          lengths.clear();
          if (!test.mention.empty()) {
            if (in.mentions_at != nullptr) {
              for (int mi : (*in.mentions_at)[at]) {
                const MentionView& mv = (*in.mentions)[static_cast<std::size_t>(mi)];
                if (mv.last <= in.last && AnyEquals(test.mention, mv.label)) lengths.push_back(mv.last - mv.first);
              }
            }
            if (test.lexicon_ptr != nullptr && !lengths.empty()) {
              std::vector<std::size_t>& lex = sc.lexicon_lengths;
              lex.clear();
              LexiconLengths(test, cache->EntriesStartingAt(inst.lexicon, at), tokens, at, in.last, &lex);
              lengths.erase(std::remove_if(lengths.begin(), lengths.end(),
                                           [&](std::size_t l) { return std::find(lex.begin(), lex.end(), l) == lex.end(); }),
                            lengths.end());
            }
          } else {
            LexiconLengths(test, cache->EntriesStartingAt(inst.lexicon, at), tokens, at, in.last, &lengths);
          }
          if (!lengths.empty() && !TokenPasses(test, tokens[at])) lengths.clear();
          if (lengths.size() > 1) {
            std::sort(lengths.begin(), lengths.end(), std::greater<std::size_t>());
            lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
          }
          for (std::size_t i = 0; i < lengths.size(); ++i) {
            const bool last = i + 1 == lengths.size();
            if (pos + lengths[i] <= span_len) add_thread(pos + lengths[i], th.pc + 1, last ? th.caps : copy_caps(th.caps), add_thread);
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
        const int b = pool[best_caps + 2 * c];
        const int e = pool[best_caps + 2 * c + 1];
        if (b >= 0 && e >= b) m.captures[c] = CaptureRange{s + static_cast<std::size_t>(b), s + static_cast<std::size_t>(e), true};
      }
      out->push_back(std::move(m));
    }
  }
}

}  // namespace kith
