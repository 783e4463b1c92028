// Document: one article as read from disk or stdin, with the metadata of its
// optional front matter and the lines that page furniture rules left out.
// `text` is the file's bytes exactly (after UTF-8 repair, see reader.h);
// every span below is a byte offset into `text`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/span.h"

namespace kith {

struct DocumentMeta {
  std::string title;   // from front matter, else the first headline line
  std::string date;    // ISO 8601 "YYYY-MM-DD" (or a prefix); anchors relative dates
  std::string url;
  std::string source;  // publisher, from front matter or a byline
  // The one person a byline credits ("By Jane Doe") or front matter's "author"; "" when the
  // page names none, or several ("By A and B").
  std::string author;
  // Front matter keys other than the five above, verbatim (key lower-cased);
  // kept for callers that want them, unused by the pipeline.
  std::map<std::string, std::string> extra;
};

struct Document {
  std::string path;   // as given on the command line; "-" for stdin
  std::string text;   // original bytes
  DocumentMeta meta;
  Span body;          // the text after front matter
  // Lines of the body that extraction reads (furniture and headlines removed).
  std::vector<Span> content_lines;
  // Lines recognised as headlines (title case, no final punctuation).
  std::vector<Span> headline_lines;
  // Lines recognised as page furniture, with the rule that removed each.
  struct Furniture {
    Span span;
    std::string rule;
  };
  std::vector<Furniture> furniture;
};

}  // namespace kith
