#include "corpus.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace kith {
namespace bench {
namespace {

namespace fs = std::filesystem;

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(StatusCode::kNotFound, path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Error(StatusCode::kIoError, path + ": read error");
  *out = ss.str();
  return Status::Ok();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = nl + 1;
  }
  return lines;
}

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool Contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

// A paragraph that tells the story (and may be dropped or lent to another
// article), as opposed to page furniture and publisher notes.
bool IsStoryParagraph(const std::string& p) {
  if (p.size() < 100 || p.find('\n') != std::string::npos) return false;
  if (p.rfind("(c)", 0) == 0 || p.rfind("About", 0) == 0 || p.rfind("Copyright", 0) == 0) return false;
  if (p.front() == ' ') return false;
  return !Contains(p, "rights reserved") && !Contains(p, "Republication") && !Contains(p, "reproduced") &&
         !Contains(p, "newsroom") && !Contains(p, "outlet");
}

Status ParseSampleText(const std::string& text, Sample* s) {
  const std::vector<std::string> lines = SplitLines(text);
  std::size_t i = 0;
  if (!lines.empty() && lines[0] == "---") {
    std::size_t end = 1;
    while (end < lines.size() && lines[end] != "---") ++end;
    if (end == lines.size()) return Status::Error(StatusCode::kInvalidInput, s->file + ": unterminated front matter");
    for (std::size_t k = 1; k < end; ++k) {
      const std::size_t colon = lines[k].find(':');
      if (colon == std::string::npos) continue;
      std::string value = lines[k].substr(colon + 1);
      if (!value.empty() && value[0] == ' ') value.erase(0, 1);
      s->front_matter.emplace_back(lines[k].substr(0, colon), value);
    }
    i = end + 1;
  }
  std::string para;
  for (; i <= lines.size(); ++i) {
    if (i == lines.size() || IsBlank(lines[i])) {
      if (!para.empty()) s->paragraphs.push_back(para);
      para.clear();
      continue;
    }
    if (!para.empty()) para += '\n';
    para += lines[i];
  }
  const std::size_t n = s->paragraphs.size();
  for (const std::string& p : s->paragraphs) s->story.push_back(IsStoryParagraph(p));
  // The headline block ends with the lead: the first story paragraph.
  s->head_end = n;
  for (std::size_t k = 0; k < n; ++k) {
    if (s->story[k]) {
      s->head_end = k + 1;
      s->story[k] = false;  // the lead stays first
      break;
    }
  }
  s->footer_begin = n;
  while (s->footer_begin > s->head_end && !s->story[s->footer_begin - 1]) --s->footer_begin;
  return Status::Ok();
}

Status ParseExpected(const std::string& path, const std::string& json, Sample* s) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError()) {
    return Status::Error(StatusCode::kInvalidInput,
                         path + ": " + rapidjson::GetParseError_En(d.GetParseError()) + " at byte " +
                             std::to_string(d.GetErrorOffset()));
  }
  if (!d.IsObject() || !d.HasMember("persons") || !d["persons"].IsArray()) return Status::Ok();
  for (const auto& p : d["persons"].GetArray()) {
    if (!p.IsObject() || !p.HasMember("name") || !p["name"].IsString()) continue;
    SamplePerson person;
    person.name = p["name"].GetString();
    if (p.HasMember("aliases") && p["aliases"].IsArray()) {
      for (const auto& a : p["aliases"].GetArray()) {
        if (a.IsString()) person.aliases.push_back(a.GetString());
      }
    }
    if (p.HasMember("gender") && p["gender"].IsString()) {
      const std::string g = p["gender"].GetString();
      person.gender = g == "male" ? 0 : g == "female" ? 1 : -1;
    }
    s->persons.push_back(std::move(person));
  }
  return Status::Ok();
}

std::vector<std::string> SplitWords(const std::string& name) {
  std::vector<std::string> words;
  std::istringstream in(name);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool IsParticle(const std::string& w) { return w == "uulu" || w == "kyzy" || w == "uly" || w == "qyzy"; }

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || u >= 0x80;
}

std::size_t CommonPrefix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

std::string RandomDate(Rng* rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", static_cast<unsigned>(2016 + rng->Below(8)),
                static_cast<unsigned>(1 + rng->Below(12)), static_cast<unsigned>(1 + rng->Below(28)));
  return buf;
}

}  // namespace

Status LoadSamples(const std::string& samples_dir, std::vector<Sample>* out) {
  out->clear();
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(samples_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
  }
  if (ec) return Status::Error(StatusCode::kNotFound, samples_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    Sample s;
    s.file = f.filename().string();
    std::string text;
    KITH_RETURN_IF_ERROR(ReadFile(f.string(), &text));
    KITH_RETURN_IF_ERROR(ParseSampleText(text, &s));
    const fs::path expected = f.parent_path() / "expected" / (f.stem().string() + ".json");
    std::string json;
    if (ReadFile(expected.string(), &json).ok()) KITH_RETURN_IF_ERROR(ParseExpected(expected.string(), json, &s));
    if (s.head_end < s.paragraphs.size()) out->push_back(std::move(s));
  }
  if (out->empty()) return Status::Error(StatusCode::kNotFound, samples_dir + ": no sample articles (*.txt)");
  return Status::Ok();
}

CorpusGenerator::CorpusGenerator(const std::vector<Sample>* samples, const CorpusOptions& options)
    : samples_(samples),
      options_(options),
      pool_(options.seed, options.pool_size != 0 ? options.pool_size : std::max<std::size_t>(64, options.articles / 2)) {}

std::string CorpusGenerator::RelativePath(std::size_t index) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%03zu/%06zu.txt", index / 1000, index);
  return buf;
}

CorpusGenerator::Replacements CorpusGenerator::PersonsFor(const Sample& sample, Rng* rng) const {
  // How often each word occurs in the sample's person names: a word shared by
  // two persons ("Memet") is only replaced inside full names.
  std::map<std::string, int> word_count;
  for (const SamplePerson& p : sample.persons) {
    for (const std::string& w : SplitWords(p.name)) ++word_count[w];
  }
  Replacements pairs;
  for (const SamplePerson& p : sample.persons) {
    const std::vector<std::string> words = SplitWords(p.name);
    if (words.empty()) continue;
    const Gender gender = p.gender == 0 ? Gender::kMale : p.gender == 1 ? Gender::kFemale
                        : rng->Percent(50) ? Gender::kMale : Gender::kFemale;
    NameShape shape = NameShape::kGivenSurname;
    if (words.size() == 1) shape = NameShape::kGivenOnly;
    if (words.size() == 3) shape = IsParticle(words[2]) ? NameShape::kKyrgyzParticle : NameShape::kThreePart;
    const PersonName person = pool_.Pick(gender, rng, options_.variant_percent);
    std::vector<std::string> fresh = RenderName(person, shape);
    if (words.size() > 3) {  // keep the inner words of long names, replace first and last
      std::vector<std::string> longer = words;
      longer.front() = person.given;
      longer.back() = person.surname;
      fresh = longer;
    }
    // Maps one word of a name or alias to its replacement: the same word, or a
    // spelling of it ("Tokhtarov" for "Tokhtar", "Abdurahman" for "Abdurakhman").
    auto map_word = [&](const std::string& w) -> std::string {
      std::size_t best = 0, best_len = 0;
      for (std::size_t k = 0; k < words.size(); ++k) {
        if (words[k] == w) return fresh[k];
        const std::size_t c = CommonPrefix(words[k], w);
        if (c > best_len) best = k, best_len = c;
      }
      if (best_len >= 4 && best_len * 5 >= std::min(w.size(), words[best].size()) * 3) return fresh[best];
      return w;
    };
    pairs.emplace_back(p.name, JoinWords(fresh));
    for (const std::string& alias : p.aliases) {
      std::vector<std::string> aw = SplitWords(alias);
      for (std::string& w : aw) w = map_word(w);
      const std::string to = JoinWords(aw);
      if (to != alias) pairs.emplace_back(alias, to);
    }
    if (words.size() >= 2 && word_count[words.front()] == 1) pairs.emplace_back(words.front(), fresh.front());
    if (words.size() >= 2 && !IsParticle(words.back()) && word_count[words.back()] == 1) {
      pairs.emplace_back(words.back(), fresh.back());
    }
    if (shape == NameShape::kKyrgyzParticle) pairs.emplace_back(words[1] + " " + words[2], fresh[1] + " " + fresh[2]);
  }
  // Longest first, so full names win over their parts; the first mapping of a word wins.
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  Replacements unique;
  for (auto& pr : pairs) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const auto& u) { return u.first == pr.first; });
    if (!seen) unique.push_back(std::move(pr));
  }
  return unique;
}

std::string ReplaceWords(const std::string& text, const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const bool word_start = (i == 0 || !IsWordByte(text[i - 1])) && IsWordByte(text[i]);
    bool replaced = false;
    if (word_start) {
      for (const auto& [from, to] : pairs) {
        if (from.empty() || text.compare(i, from.size(), from) != 0) continue;
        const std::size_t end = i + from.size();
        if (end < text.size() && IsWordByte(text[end])) continue;
        out += to;
        i = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::string CorpusGenerator::Article(std::size_t index) const {
  Rng rng(MixSeed(options_.seed, 0xA27C1E, index));
  const std::vector<Sample>& samples = *samples_;
  const std::size_t base_index = rng.Below(samples.size());
  const Sample& base = samples[base_index];
  const Replacements base_names = PersonsFor(base, &rng);

  std::string out;
  if (!base.front_matter.empty()) {
    out += "---\n";
    for (const auto& [key, value] : base.front_matter) {
      std::string v = value;
      if (key == "date") v = RandomDate(&rng);
      if (key == "url") v = "https://example.org/bench/" + std::to_string(options_.seed) + "/" + std::to_string(index);
      if (key == "title") v = ReplaceWords(v, base_names);
      out += key + ": " + v + "\n";
    }
    out += "---\n\n";
  }

  std::vector<std::string> paragraphs;
  for (std::size_t k = 0; k < base.head_end; ++k) paragraphs.push_back(ReplaceWords(base.paragraphs[k], base_names));
  std::vector<std::string> middle;
  bool first_story = true;
  for (std::size_t k = base.head_end; k < base.footer_begin; ++k) {
    if (base.story[k] && !first_story && !rng.Percent(85)) continue;  // drop some story paragraphs
    if (base.story[k]) first_story = false;
    middle.push_back(ReplaceWords(base.paragraphs[k], base_names));
  }
  // Sometimes a passage of another article, with its own persons.
  if (samples.size() > 1 && rng.Percent(40)) {
    std::size_t other_index = rng.Below(samples.size() - 1);
    if (other_index >= base_index) ++other_index;
    const Sample& other = samples[other_index];
    std::vector<std::size_t> stories;
    for (std::size_t k = other.head_end; k < other.footer_begin; ++k) {
      if (other.story[k]) stories.push_back(k);
    }
    if (!stories.empty()) {
      const Replacements other_names = PersonsFor(other, &rng);
      const std::size_t take = std::min<std::size_t>(1 + rng.Below(2), stories.size());
      const std::size_t from = rng.Below(stories.size() - take + 1);
      std::size_t at = rng.Below(middle.size() + 1);
      for (std::size_t k = 0; k < take; ++k) {
        middle.insert(middle.begin() + static_cast<std::ptrdiff_t>(at++),
                      ReplaceWords(other.paragraphs[stories[from + k]], other_names));
      }
    }
  }
  paragraphs.insert(paragraphs.end(), middle.begin(), middle.end());
  for (std::size_t k = base.footer_begin; k < base.paragraphs.size(); ++k) {
    paragraphs.push_back(ReplaceWords(base.paragraphs[k], base_names));
  }
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    if (k > 0) out += "\n\n";
    out += paragraphs[k];
  }
  out += "\n";
  return out;
}

Status WriteCorpus(const CorpusGenerator& gen, const std::string& dir, std::uint64_t* bytes) {
  *bytes = 0;
  std::error_code ec;
  std::string current_sub;
  for (std::size_t i = 0; i < gen.options().articles; ++i) {
    const fs::path path = fs::path(dir) / CorpusGenerator::RelativePath(i);
    const std::string sub = path.parent_path().string();
    if (sub != current_sub) {
      fs::create_directories(sub, ec);
      if (ec) return Status::Error(StatusCode::kIoError, sub + ": " + ec.message());
      current_sub = sub;
    }
    const std::string text = gen.Article(i);
    std::FILE* f = std::fopen(path.string().c_str(), "wb");
    if (f == nullptr) return Status::Error(StatusCode::kIoError, path.string() + ": cannot create");
    const bool wrote = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !wrote) return Status::Error(StatusCode::kIoError, path.string() + ": write failed");
    *bytes += text.size();
  }
  return Status::Ok();
}

}  // namespace bench
}  // namespace kith
