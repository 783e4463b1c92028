#include "extract/extractor.h"

#include <algorithm>
#include <memory>
#include <ostream>
#include <string_view>

#include "extract/name_propagation.h"
#include "extract/overlap.h"

namespace kith {

using namespace std::string_view_literals;

namespace {

std::string Slice(const std::string& text, const Extraction& ex, std::size_t first, std::size_t last) {
  if (last <= first) return "";
  const std::size_t b = ex.tokens[first].span.begin;
  const std::size_t e = ex.tokens[last - 1].span.end;
  return text.substr(b, e - b);
}

Span SpanOf(const Extraction& ex, std::size_t first, std::size_t last) {
  if (last <= first) return Span{};
  return Span{ex.tokens[first].span.begin, ex.tokens[last - 1].span.end};
}

class StageRunner {
 public:
  StageRunner(const std::string& text, const RuleSet& rules, const ExtractOptions& options, Extraction* ex)
      : text_(text), rules_(rules), options_(options), ex_(ex) {}

  void Run() {
    if (!rules_.stages().empty()) {
      cache_ = std::make_unique<TokenTestCache>(rules_.stages().front().matcher->catalog(), ex_->tokens);
    }
    // Name propagation reads only the entity mentions, so once it has added
    // nothing, it is asked again only after a stage that proposed one.
    bool settled = false;
    for (const RuleStage& stage : rules_.stages()) {
      const bool proposed = RunStage(stage);
      if (proposed || !settled) settled = !PropagatePersonNames(rules_, ex_);
    }
  }

 private:
  // Runs the stage's rules; true when they proposed a Person, Organization or Place.
  bool RunStage(const RuleStage& stage) {
    // The mentions as the matcher sees them, in buffers reused from stage to stage.
    std::vector<MentionView>& views = views_;
    std::vector<std::vector<int>>& at = mentions_at_;
    views.resize(ex_->mentions.size());
    at.resize(ex_->tokens.size());
    for (std::vector<int>& starting : at) starting.clear();
    for (std::size_t i = 0; i < ex_->mentions.size(); ++i) {
      const ExtractedMention& m = ex_->mentions[i];
      at[m.first].push_back(static_cast<int>(i));
      MentionView& v = views[i];
      v.first = m.first;
      v.last = m.last;
      v.label = m.label;
      v.attributes = &m.attributes;
    }
    std::vector<ExtractedMention> candidates;
    std::vector<RuleMatch> matches;
    for (std::size_t si = 0; si < ex_->sentences.size(); ++si) {
      matches.clear();
      MatchInput in;
      in.tokens = &ex_->tokens;
      in.first = ex_->sentences[si].first;
      in.last = ex_->sentences[si].last;
      in.mentions = &views;
      in.mentions_at = &at;
      in.cache = cache_.get();
      stage.matcher->Match(in, &matches);
      if (options_.trace != nullptr && !matches.empty()) {
        *options_.trace << "stage " << stage.number << " sentence " << si << ": "
                        << Slice(text_, *ex_, in.first, in.last) << "\n";
      }
      for (const RuleMatch& m : matches) Apply(m, static_cast<int>(si), views, at, &candidates);
    }
    const bool proposed = std::any_of(candidates.begin(), candidates.end(),
                                      [](const ExtractedMention& m) { return IsEntityLabel(m.label); });
    std::vector<OverlapLoss> losses;
    ResolveOverlaps(std::move(candidates), &ex_->mentions, options_.trace ? &losses : nullptr);
    if (options_.trace != nullptr) {
      for (const OverlapLoss& l : losses) {
        *options_.trace << "  stage " << stage.number << " lost: " << l.loser.label << " \""
                        << Slice(text_, *ex_, l.loser.first, l.loser.last) << "\" (" << l.loser.rule
                        << ") to " << l.beaten_by << "\n";
      }
    }
    return proposed;
  }

  const ExtractedMention* MentionAt(const CaptureRange& c) const {
    for (const ExtractedMention& m : ex_->mentions) {
      if (m.first == c.first && m.last == c.last) return &m;
    }
    return nullptr;
  }

  // Resolves an attribute value against a match's captures; false when it has no value.
  bool Resolve(const AttributeValue& v, const RuleMatch& m, std::string* out) const {
    if (ResolveOne(v, m, out) && !out->empty()) return true;
    for (const AttributeValue& o : v.otherwise) {
      if (ResolveOne(o, m, out) && !out->empty()) return true;
    }
    return false;
  }

  bool ResolveOne(const AttributeValue& v, const RuleMatch& m, std::string* out) const {
    if (v.IsLiteral()) {
      *out = v.literal;
      return true;
    }
    const Rule& rule = *m.rule;
    const auto idx = static_cast<std::size_t>(
        std::find(rule.captures.begin(), rule.captures.end(), v.capture) - rule.captures.begin());
    if (idx >= m.captures.size() || !m.captures[idx].set) return false;
    const CaptureRange& c = m.captures[idx];
    if (v.key.empty()) {
      *out = Slice(text_, *ex_, c.first, c.last);
      return !out->empty();
    }
    // The entry of the first of the capture's lexicons that holds the words with this attribute.
    auto lexicons = rule.capture_lexicons.find(v.capture);
    if (lexicons != rule.capture_lexicons.end()) {
      std::vector<std::string> toks;
      for (std::size_t t = c.first; t < c.last; ++t) toks.push_back(ex_->tokens[t].lower);
      for (const Lexicon* lex : lexicons->second) {
        const LexiconEntry* e = lex->Find(toks);
        if (e == nullptr) continue;
        auto a = e->attributes.find(v.key);
        if (a != e->attributes.end()) {
          *out = a->second;
          return true;
        }
      }
    }
    if (const ExtractedMention* mention = MentionAt(c)) {
      auto a = mention->attributes.find(v.key);
      if (a != mention->attributes.end()) {
        *out = a->second;
        return true;
      }
    }
    return false;
  }

  CaptureRange CaptureNamed(const RuleMatch& m, const std::string& name) const {
    const Rule& rule = *m.rule;
    const auto idx = static_cast<std::size_t>(
        std::find(rule.captures.begin(), rule.captures.end(), name) - rule.captures.begin());
    if (idx >= m.captures.size()) return CaptureRange{};
    return m.captures[idx];
  }

  void Apply(const RuleMatch& m, int sentence, const std::vector<MentionView>&, const std::vector<std::vector<int>>&,
             std::vector<ExtractedMention>* candidates) {
    if (options_.fired != nullptr) options_.fired->insert(m.rule->id);
    if (options_.trace != nullptr) {
      *options_.trace << "  " << m.rule->id << ": \"" << Slice(text_, *ex_, m.first, m.last) << "\"";
      for (std::size_t c = 0; c < m.captures.size(); ++c) {
        if (m.captures[c].set) {
          *options_.trace << " " << m.rule->captures[c] << "=\""
                          << Slice(text_, *ex_, m.captures[c].first, m.captures[c].last) << "\"";
        }
      }
      *options_.trace << "\n";
    }
    for (const CreateSpec& spec : m.rule->creates) {
      CaptureRange range{m.first, m.last, true};
      if (!spec.span.empty()) range = CaptureNamed(m, spec.span);
      if (!range.set || range.last <= range.first) continue;
      std::string label;
      if (!Resolve(spec.label_value, m, &label) || label.empty()) continue;
      std::map<std::string, std::string> attrs;
      for (const auto& [key, value] : spec.attributes) {
        std::string v;
        if (Resolve(value, m, &v) && !v.empty()) attrs[key] = v;
      }
      switch (spec.kind) {
        case CreateSpec::Kind::kMention: {
          ExtractedMention x;
          x.first = range.first;
          x.last = range.last;
          x.span = SpanOf(*ex_, range.first, range.last);
          x.label = label;
          x.attributes = std::move(attrs);
          x.rule = m.rule->id;
          x.sentence = sentence;
          x.priority = m.rule->priority;
          x.nests = spec.nests;
          candidates->push_back(std::move(x));
          break;
        }
        case CreateSpec::Kind::kRelation: {
          ExtractedRelation r;
          r.type = label;
          r.subject = CaptureNamed(m, spec.subject);
          r.object = CaptureNamed(m, spec.object);
          if (!r.subject.set || !r.object.set) break;
          r.attributes = std::move(attrs);
          r.rule = m.rule->id;
          r.sentence = sentence;
          r.span = SpanOf(*ex_, range.first, range.last);
          ex_->relations.push_back(std::move(r));
          break;
        }
        case CreateSpec::Kind::kEvent: {
          ExtractedEvent e;
          e.kind = label;
          for (const auto& [role, cap] : spec.roles) {
            CaptureRange c = CaptureNamed(m, cap);
            if (!c.set || c.last <= c.first) continue;
            std::string name = role;
            if (!role.empty() && role[0] == '@') {
              // A role named by a lexicon attribute: "@t.subject" is the trigger entry's subject role.
              AttributeValue v;
              const std::size_t dot = role.find('.');
              v.capture = role.substr(1, dot == std::string::npos ? std::string::npos : dot - 1);
              if (dot != std::string::npos) v.key = role.substr(dot + 1);
              if (!Resolve(v, m, &name) || name.empty()) continue;
            }
            e.roles[name] = c;
          }
          if (!spec.trigger.empty()) e.trigger = CaptureNamed(m, spec.trigger);
          e.attributes = std::move(attrs);
          e.rule = m.rule->id;
          e.sentence = sentence;
          e.span = SpanOf(*ex_, range.first, range.last);
          ex_->events.push_back(std::move(e));
          break;
        }
      }
    }
  }

  const std::string& text_;
  const RuleSet& rules_;
  const ExtractOptions& options_;
  Extraction* ex_;
  std::unique_ptr<TokenTestCache> cache_;  // one-token test answers shared by all stages
  std::vector<MentionView> views_;
  std::vector<std::vector<int>> mentions_at_;
};

}  // namespace

void RunStages(const std::string& text, const RuleSet& rules, const ExtractOptions& options, Extraction* ex) {
  StageRunner(text, rules, options, ex).Run();
}

void TokenizePlain(const std::string& text, const RuleSet& rules, Extraction* out) {
  out->tokens.clear();
  rules.tokenizer().Tokenize(text, Span{0, text.size()}, &out->tokens);
  SentenceOptions sentences;
  sentences.openers = &rules.sentence_openers();
  out->sentences = SplitSentences(out->tokens, sentences);
}

Status Extract(const Document& doc, const RuleSet& rules, const ExtractOptions& options, Extraction* out) {
  out->tokens.clear();
  out->tokens.reserve(doc.text.size() / 5 + 16);  // news prose: a token per five bytes or more
  for (const Span& line : doc.content_lines) rules.tokenizer().Tokenize(doc.text, line, &out->tokens);
  SentenceOptions sentences = options.sentences;
  sentences.openers = &rules.sentence_openers();
  out->sentences = SplitSentences(out->tokens, sentences);
  // The publisher named by the page (front matter, byline or footer) is read as one more
  // sentence, from which only organizations are kept: the outlet is an actor of its own. The
  // author the byline credits is read as another, from which only persons are kept: an essay in
  // the first person is the author's account.
  const std::size_t publisher_first = out->tokens.size();
  const auto read_page_name = [&](const std::string& name) {
    const std::size_t first = out->tokens.size();
    const std::size_t at = name.empty() ? std::string::npos : doc.text.find(name);
    if (at == std::string::npos) return false;
    rules.tokenizer().Tokenize(doc.text, Span{at, at + name.size()}, &out->tokens);
    if (out->tokens.size() == first) return false;
    out->sentences.push_back(SentenceSpan{first, out->tokens.size()});
    return true;
  };
  read_page_name(doc.meta.source);
  const std::size_t author_first = out->tokens.size();
  out->author_sentence = read_page_name(doc.meta.author) ? static_cast<int>(out->sentences.size()) - 1 : -1;
  RunStages(doc.text, rules, options, out);
  out->mentions.erase(std::remove_if(out->mentions.begin(), out->mentions.end(),
                                     [&](const ExtractedMention& m) {
                                       if (m.first >= author_first) return m.label != "Person"sv;
                                       return m.first >= publisher_first && m.label != "Organization"sv;
                                     }),
                      out->mentions.end());
  out->relations.erase(std::remove_if(out->relations.begin(), out->relations.end(),
                                      [&](const ExtractedRelation& r) { return r.subject.first >= publisher_first; }),
                       out->relations.end());
  out->events.erase(std::remove_if(out->events.begin(), out->events.end(),
                                   [&](const ExtractedEvent& e) {
                                     return e.sentence >= 0 && out->sentences[static_cast<std::size_t>(e.sentence)].first >= publisher_first;
                                   }),
                    out->events.end());
  return Status::Ok();
}

}  // namespace kith
