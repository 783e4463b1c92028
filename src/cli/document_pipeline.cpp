#include "cli/document_pipeline.h"

#include "extract/extractor.h"
#include "graph/graph_builder.h"

namespace kith {

namespace {

ReadOptions PipelineReadOptions(const PipelineOptions& options, const RuleSet* rules) {
  ReadOptions read;
  read.max_bytes = options.max_bytes;
  read.classify_lines = rules != nullptr;
  if (rules != nullptr) read.compiled_cues = &rules->furniture_cues();  // compiled for the default line options
  return read;
}

Status ReadWith(const std::string& path, const std::string* stdin_bytes, const PipelineOptions& options,
                const ReadOptions& read, Document* doc, std::vector<ReadWarning>* warnings) {
  if (stdin_bytes != nullptr) {
    KITH_RETURN_IF_ERROR(ReadDocumentFromBytes(path, *stdin_bytes, read, doc, warnings));
  } else {
    KITH_RETURN_IF_ERROR(ReadDocumentFile(path, read, doc, warnings));
  }
  if (doc->meta.date.empty()) doc->meta.date = options.default_date;
  return Status::Ok();
}

}  // namespace

Status ReadPipelineDocument(const std::string& path, const std::string* stdin_bytes, const RuleSet& rules,
                            const PipelineOptions& options, Document* doc, std::vector<ReadWarning>* warnings) {
  return ReadWith(path, stdin_bytes, options, PipelineReadOptions(options, &rules), doc, warnings);
}

Status ReadPipelineText(const std::string& path, const std::string* stdin_bytes, const PipelineOptions& options,
                        Document* doc, std::vector<ReadWarning>* warnings) {
  return ReadWith(path, stdin_bytes, options, PipelineReadOptions(options, nullptr), doc, warnings);
}

void ClassifyPipelineLines(const RuleSet& rules, Document* doc) {
  ClassifyDocumentLines(PipelineReadOptions(PipelineOptions(), &rules), doc);
}

Status ExtractDocumentGraph(const Document& doc, const RuleSet& rules, const PipelineOptions& options,
                            DocumentGraph* graph) {
  ExtractOptions ex_options;
  ex_options.trace = options.trace;
  Extraction ex;
  KITH_RETURN_IF_ERROR(Extract(doc, rules, ex_options, &ex));
  *graph = BuildDocumentGraph(doc.text, ex, rules, doc.meta.date);
  return Status::Ok();
}

Status RunDocumentPipeline(const std::string& path, const std::string* stdin_bytes, const RuleSet& rules,
                           const PipelineOptions& options, Document* doc, DocumentGraph* graph,
                           std::vector<ReadWarning>* warnings) {
  KITH_RETURN_IF_ERROR(ReadPipelineDocument(path, stdin_bytes, rules, options, doc, warnings));
  return ExtractDocumentGraph(*doc, rules, options, graph);
}

}  // namespace kith
