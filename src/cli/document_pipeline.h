// Document pipeline: the one-directional path from an article's bytes to its
// DocumentGraph: read (UTF-8 repair, front matter, page furniture) ->
// tokens and sentences -> rule stages -> document graph. Used by `ingest`,
// `eval` and the tests so they all see the same facts.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/rule_set.h"
#include "graph/document_graph.h"
#include "text/document.h"
#include "text/reader.h"

namespace kith {

struct PipelineOptions {
  std::string default_date;            // ISO date used when the article has none ("" = none)
  std::size_t max_bytes = kDefaultMaxDocumentBytes;  // larger articles are rejected
  std::ostream* trace = nullptr;       // rule trace, when wanted
};

// Reads `path` ("-" with `stdin_bytes`) into *doc as the pipeline wants it:
// page furniture told by the rules' furniture cues, the default date filled in.
Status ReadPipelineDocument(const std::string& path, const std::string* stdin_bytes, const RuleSet& rules,
                            const PipelineOptions& options, Document* doc, std::vector<ReadWarning>* warnings);
// The same in two steps, for a caller that may skip the article by the hash
// of its text (final after the first step): the text, front matter and
// default date, then the page furniture.
Status ReadPipelineText(const std::string& path, const std::string* stdin_bytes, const PipelineOptions& options,
                        Document* doc, std::vector<ReadWarning>* warnings);
void ClassifyPipelineLines(const RuleSet& rules, Document* doc);
// Extracts *graph from a document read by ReadPipelineDocument.
Status ExtractDocumentGraph(const Document& doc, const RuleSet& rules, const PipelineOptions& options,
                            DocumentGraph* graph);
// Both: reads `path` ("-" with `stdin_bytes`) into *doc and extracts *graph.
Status RunDocumentPipeline(const std::string& path, const std::string* stdin_bytes, const RuleSet& rules,
                           const PipelineOptions& options, Document* doc, DocumentGraph* graph,
                           std::vector<ReadWarning>* warnings);

}  // namespace kith
