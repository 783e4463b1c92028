#include "exporters/neo4j_exporter.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <memory>
#include <vector>

#include "exporters/graph_model.h"
#include "exporters/text_escape.h"
#include "exporters/text_output.h"

namespace kith {

namespace {

// neo4j-admin's --array-delimiter (U+001F, the ASCII unit separator): no
// exported text contains it (QuoteCsv replaces it).
constexpr const char* kArrayDelimiterOption = "U+001F";

// The relatives-by-family-link query and a few others; Cypher for Neo4j 5.
constexpr const char* kQueries = R"(// Cypher queries for the graph that import.sh loads (Neo4j 5).
// Written by `kith export --format neo4j`. Each query follows a "// query: NAME" line and
// ends at the first line that ends in a semicolon. In cypher-shell, set the parameters first:
//   :param name => 'Saule Mukhtarqyzy'
//   :param link => 'any'

// query: relatives
// Relatives of a person by family link: what `kith relatives NAME --link LINK` answers at
// depth 1. $name is a name or alias (any case); $link is any, parent, child, sibling,
// spouse, relative, or mother, father, son, daughter, brother, sister, husband, wife.
// One row per relative and link, where link is the relative's relation TO the named person
// ("parent": the relative is a parent of NAME). terms are the kin terms the articles use
// for the relative ("mother"; none when only the other side is named, as in "her son");
// inferred is true when every tie behind the row was inferred; articles are the paths of
// the articles that state the ties.
WITH toLower($name) AS wanted_name, $link AS wanted_link
MATCH (p:Person)
WHERE toLower(p.name) = wanted_name
   OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = wanted_name)
MATCH (p)-[t:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF]-(r:Person)
WHERE r <> p
WITH r, t, wanted_link,
     CASE type(t)
       WHEN 'PARENT_OF' THEN CASE WHEN startNode(t) = r THEN 'parent' ELSE 'child' END
       WHEN 'SIBLING_OF' THEN 'sibling'
       WHEN 'SPOUSE_OF' THEN 'spouse'
       ELSE 'relative'
     END AS link
WITH r, t, link,
     CASE wanted_link
       WHEN 'mother' THEN 'parent' WHEN 'father' THEN 'parent'
       WHEN 'son' THEN 'child' WHEN 'daughter' THEN 'child'
       WHEN 'brother' THEN 'sibling' WHEN 'sister' THEN 'sibling'
       WHEN 'husband' THEN 'spouse' WHEN 'wife' THEN 'spouse'
       ELSE wanted_link
     END AS base_link,
     CASE
       WHEN wanted_link IN ['mother', 'daughter', 'sister', 'wife'] THEN 'female'
       WHEN wanted_link IN ['father', 'son', 'brother', 'husband'] THEN 'male'
     END AS gender
WHERE (base_link = 'any' OR link = base_link) AND (gender IS NULL OR r.gender = gender)
RETURN r.id AS id, r.name AS name, r.description AS description, link,
       collect(DISTINCT CASE WHEN (startNode(t) = r) <> (t.relation = 'child') THEN t.term END) AS terms,
       NOT (false IN collect(DISTINCT t.inferred)) AS inferred,
       1 AS depth,
       collect(DISTINCT t.article) AS articles
ORDER BY id, link;

// query: family
// A person's family up to three ties away, for Neo4j Browser's graph view.
MATCH path = (p:Person)-[:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF*1..3]-(:Person)
WHERE toLower(p.name) = toLower($name)
RETURN path;

// query: ties
// Every family tie with the sentence that states it.
MATCH (a:Person)-[t:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF]->(b:Person)
RETURN coalesce(a.name, a.description) AS from, type(t) AS type, t.term AS term,
       coalesce(b.name, b.description) AS to, t.inferred AS inferred, t.article AS article,
       t.sentence AS sentence, t.rule AS rule
ORDER BY t.tieId;
)";

// Where the export's files go: one TextOutput per file name, made on first use.
class FileSet {
 public:
  virtual ~FileSet() = default;
  // The output of file `name` (a plain name); the same one for the same name.
  virtual TextOutput* Open(const std::string& name) = 0;
};

// One CSV file being written: a header, then rows of already-encoded fields.
class CsvFile {
 public:
  CsvFile(TextOutput* out, const std::vector<std::string>& header) : out_(out) { Row(header); }
  void Row(const std::vector<std::string>& fields) { Row(fields.begin(), fields.end()); }
  // The fields of a braced list are not copied into a vector first.
  void Row(std::initializer_list<std::string_view> fields) { Row(fields.begin(), fields.end()); }

 private:
  template <typename Iterator>
  void Row(Iterator begin, Iterator end) {
    for (Iterator field = begin; field != end; ++field) {
      if (field != begin) out_->Append(',');
      out_->Append(*field);
    }
    out_->Append('\n');
  }

  TextOutput* out_;
};

// Field encoders: strings always quoted; "" (unquoted) means no value.
std::string Str(std::string_view s) { return QuoteCsv(s); }
std::string StrIfSet(const std::string& s) { return s.empty() ? "" : QuoteCsv(s); }
std::string Int(std::int64_t v) { return std::to_string(v); }
std::string Bool(bool v) { return v ? "true" : "false"; }
std::string Ints(const std::vector<std::int64_t>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) out += (i > 0 ? "\x1F" : "") + std::to_string(values[i]);
  return out;
}
std::string Strs(const std::vector<std::string>& values) { return values.empty() ? "" : QuoteCsvArray(values); }

const char* NodeLabel(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPerson: return "Person";
    case NodeKind::kOrganization: return "Organization";
    case NodeKind::kPlace: return "Place";
    case NodeKind::kEvent: return "Event";
  }
  return "Node";
}

class Emitter {
 public:
  explicit Emitter(const StoredGraph& graph) : model_(graph) {}

  void Run(FileSet* files) {
    CsvFile articles(files->Open("articles.csv"), {"id:ID(Article)", ":LABEL", "path", "title", "date", "url", "source", "contentHash",
                      "byteLength:long"});
    for (const StoredDocument& d : model_.stored().documents) {
      articles.Row({Int(d.id), Str("Article"), Str(d.path), StrIfSet(d.title), StrIfSet(d.date), StrIfSet(d.url),
                    StrIfSet(d.source), Str(d.content_hash), Int(d.byte_length)});
    }
    const std::vector<std::string> entity_header_tail = {"name", "aliases:string[]", "description", "schemaType",
                                                         "documents:long[]", "articles:string[]"};
    std::vector<std::string> person_header = {"id:ID(Person)", ":LABEL", "name", "aliases:string[]", "description",
                                              "named:boolean", "gender", "age:int", "schemaType", "documents:long[]",
                                              "articles:string[]"};
    CsvFile persons(files->Open("persons.csv"), person_header);
    CsvFile organizations(files->Open("organizations.csv"), Header("id:ID(Organization)", entity_header_tail));
    CsvFile places(files->Open("places.csv"), Header("id:ID(Place)", entity_header_tail));
    CsvFile events(files->Open("events.csv"), {"id:ID(Event)", ":LABEL", "kind", "date", "datePrecision", "attributes", "amount:double",
                    "currency", "unit", "participantCount:int", "duration", "rule", "document:long", "article",
                    "sentence:int", "begin:long", "end:long"});
    const ModelGraph& g = model_.graph();
    for (ModelVertex v = 0; v < model_.num_vertices(); ++v) {
      const ModelNode& node = g[v];
      const std::string labels = QuoteCsvArray(model_.Labels(v));
      if (node.kind == NodeKind::kEvent) {
        const StoredEvent& ev = *node.event;
        std::vector<std::string> row = {Int(ev.id), labels, Str(ev.kind), StrIfSet(ev.date),
                                        StrIfSet(ev.date_precision),
                                        ev.attributes.empty() ? "" : Str(JsonObject(ev.attributes)),
                                        EventNumber(ev, "amount", false), StrIfSet(EventAttribute(ev, "currency")),
                                        StrIfSet(EventAttribute(ev, "unit")), EventNumber(ev, "participant_count", true),
                                        StrIfSet(EventAttribute(ev, "duration"))};
        AppendEvidence(ev.evidence, &row);
        events.Row(row);
        continue;
      }
      const StoredEntity& e = *node.entity;
      if (node.kind == NodeKind::kPerson) {
        persons.Row({Int(e.id), labels, StrIfSet(e.name), Strs(e.aliases), StrIfSet(e.description),
                     Bool(!e.name.empty()), StrIfSet(e.gender), e.age >= 0 ? Int(e.age) : "", StrIfSet(e.type),
                     Ints(e.documents), Strs(Paths(e.documents))});
      } else {
        (node.kind == NodeKind::kOrganization ? organizations : places)
            .Row({Int(e.id), labels, StrIfSet(e.name), Strs(e.aliases), StrIfSet(e.description), StrIfSet(e.type),
                  Ints(e.documents), Strs(Paths(e.documents))});
      }
    }
    node_files_ = {"persons.csv", "organizations.csv", "places.csv", "events.csv", "articles.csv"};

    // Relationship files by (kind, start label, end label), made at their
    // first row; ties_Person_Person.csv always exists.
    std::map<std::string, CsvFile> relationship_files;
    auto file_for = [&](const std::string& prefix, const char* start, const char* end,
                        const std::vector<std::string>& properties) -> CsvFile& {
      const std::string name = prefix + "_" + start + "_" + end + ".csv";
      auto it = relationship_files.find(name);
      if (it == relationship_files.end()) {
        std::vector<std::string> header = {std::string(":START_ID(") + start + ")", std::string(":END_ID(") + end + ")",
                                           ":TYPE"};
        header.insert(header.end(), properties.begin(), properties.end());
        it = relationship_files.emplace(name, CsvFile(files->Open(name), header)).first;
      }
      return it->second;
    };
    const std::vector<std::string> tie_properties = {"tieId:long", "relation", "term", "inferred:boolean",
                                                     "inferredFrom:long[]", "rule", "document:long", "article",
                                                     "sentence:int", "begin:long", "end:long"};
    file_for("ties", "Person", "Person", tie_properties);
    for (ModelEdgeRef e : model_.edges()) {
      const ModelEdge& edge = g[e];
      const ModelVertex s = boost::source(e, g);
      const ModelVertex t = boost::target(e, g);
      const char* start = NodeLabel(g[s].kind);
      const char* end = NodeLabel(g[t].kind);
      std::vector<std::string> row = {Int(Id(s)), Int(Id(t)), Str(edge.type)};
      switch (edge.kind) {
        case EdgeKind::kTie: {
          const StoredRelation& r = *edge.relation;
          row.insert(row.end(), {Int(r.id), Str(r.type), StrIfSet(r.term), Bool(r.inferred), Ints(r.sources)});
          AppendEvidence(r.evidence, &row);
          file_for("ties", start, end, tie_properties).Row(row);
          break;
        }
        case EdgeKind::kLocatedIn:
          file_for("located", start, end, {}).Row(row);
          break;
        case EdgeKind::kEventPlace:
          file_for("places", start, end, {}).Row(row);
          break;
        case EdgeKind::kRole:
          row.push_back(Str(edge.event->roles[edge.role].role));
          file_for("roles", start, end, {"role"}).Row(row);
          break;
        case EdgeKind::kSameAs:
          file_for("same", start, end, {}).Row(row);
          break;
      }
    }
    for (ModelVertex v = 0; v < model_.num_vertices(); ++v) {
      const ModelNode& node = g[v];
      if (node.kind == NodeKind::kEvent) continue;
      for (std::int64_t doc : node.entity->documents) {
        file_for("mentions", NodeLabel(node.kind), "Article", {}).Row({Int(node.entity->id), Int(doc),
                                                                       Str("MENTIONED_IN")});
      }
    }
    for (const auto& file : relationship_files) relationship_files_.push_back(file.first);
    files->Open("import.sh")->Append(ImportScript());
    files->Open("queries.cypher")->Append(kQueries);
  }

 private:
  static std::vector<std::string> Header(const std::string& id, const std::vector<std::string>& tail) {
    std::vector<std::string> header = {id, ":LABEL"};
    header.insert(header.end(), tail.begin(), tail.end());
    return header;
  }

  std::int64_t Id(ModelVertex v) const {
    const ModelNode& node = model_.graph()[v];
    return node.kind == NodeKind::kEvent ? node.event->id : node.entity->id;
  }

  std::vector<std::string> Paths(const std::vector<std::int64_t>& documents) const {
    std::vector<std::string> paths;
    for (std::int64_t id : documents) {
      if (const StoredDocument* d = model_.FindDocument(id)) paths.push_back(d->path);
    }
    return paths;
  }

  // rule, document:long, article, sentence:int, begin:long, end:long
  void AppendEvidence(const StoredEvidence& evidence, std::vector<std::string>* row) const {
    const StoredDocument* d = model_.FindDocument(evidence.document_id);
    row->insert(row->end(), {Str(evidence.rule), Int(evidence.document_id), d != nullptr ? Str(d->path) : "",
                             evidence.sentence >= 0 ? Int(evidence.sentence) : "",
                             Int(static_cast<std::int64_t>(evidence.span.begin)),
                             Int(static_cast<std::int64_t>(evidence.span.end))});
  }

  std::string ImportScript() const {
    std::string s =
        "#!/bin/sh\n"
        "# Loads the CSV files beside this script into a new Neo4j 5 database.\n"
        "# Written by `kith export --format neo4j`. Stop the database first, then:\n"
        "#   sh import.sh [DATABASE [NEO4J-ADMIN OPTIONS...]]    (DATABASE defaults to neo4j)\n"
        "# e.g. sh import.sh neo4j --overwrite-destination=true   to replace an existing database.\n"
        "set -eu\n"
        "DIR=$(cd \"$(dirname \"$0\")\" && pwd)\n"
        "DATABASE=${1:-neo4j}\n"
        "if [ $# -gt 0 ]; then shift; fi\n"
        "exec neo4j-admin database import full \\\n"
        "  --id-type=integer \\\n"
        "  --array-delimiter=";
    s += kArrayDelimiterOption;
    s += " \\\n  --multiline-fields=true \\\n";
    for (const std::string& f : node_files_) s += "  --nodes=\"$DIR/" + f + "\" \\\n";
    for (const std::string& f : relationship_files_) s += "  --relationships=\"$DIR/" + f + "\" \\\n";
    s += "  \"$@\" \"$DATABASE\"\n";
    return s;
  }

  GraphModel model_;
  std::vector<std::string> node_files_;
  std::vector<std::string> relationship_files_;
};

Status IoError(const std::string& path, const std::string& what, int error) {
  return Status::At(StatusCode::kIoError, path, 0, 0, what + ": " + std::strerror(error));
}

// The files as strings.
class StringFiles final : public FileSet {
 public:
  TextOutput* Open(const std::string& name) override {
    Entry& entry = files_[name];
    if (entry.output == nullptr) entry.output = std::make_unique<StringOutput>(&entry.text);
    return entry.output.get();
  }
  void Take(std::map<std::string, std::string>* out) {
    out->clear();
    for (auto& file : files_) {
      file.second.output->Flush();
      (*out)[file.first] = std::move(file.second.text);
    }
  }

 private:
  struct Entry {
    std::string text;
    std::unique_ptr<StringOutput> output;
  };
  std::map<std::string, Entry> files_;
};

// The files written into a directory, each through its own AtomicFile.
class DirectoryFiles final : public FileSet {
 public:
  DirectoryFiles(const std::string& dir, const AtomicWriteOptions& options) : dir_(dir), options_(options) {}

  TextOutput* Open(const std::string& name) override {
    Entry& entry = files_[name];
    if (entry.file == nullptr) {
      entry.file = std::make_unique<AtomicFile>(options_);
      std::string path;
      entry.status = JoinInside(dir_, name, &path);
      if (entry.status.ok()) entry.status = entry.file->Open(path);
    }
    return entry.file.get();
  }

  // Commits every file in name order, import.sh last; stops at the first
  // failure (the files not committed keep their old contents).
  Status Commit() {
    for (auto& file : files_) {
      if (file.first != "import.sh") KITH_RETURN_IF_ERROR(Commit(file.second));
    }
    auto script = files_.find("import.sh");
    return script == files_.end() ? Status::Ok() : Commit(script->second);
  }

 private:
  struct Entry {
    std::unique_ptr<AtomicFile> file;
    Status status;  // of naming and opening the file
  };
  static Status Commit(Entry& entry) { return entry.status.ok() ? entry.file->Commit() : entry.status; }

  std::string dir_;
  AtomicWriteOptions options_;
  std::map<std::string, Entry> files_;
};

}  // namespace

Status WriteNeo4jFiles(const StoredGraph& graph, std::map<std::string, std::string>* out) {
  StringFiles files;
  Emitter(graph).Run(&files);
  files.Take(out);
  return Status::Ok();
}

Status JoinInside(const std::string& dir, const std::string& name, std::string* path) {
  const bool plain = !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
                     name.find('\0') == std::string::npos;
  if (!plain) return Status::Error(StatusCode::kInvalidInput, "not a plain file name: \"" + name + "\"");
  *path = (dir.empty() || dir.back() == '/') ? dir + name : dir + "/" + name;
  return Status::Ok();
}

Status WriteNeo4jDirectory(const StoredGraph& graph, const std::string& dir, const AtomicWriteOptions& options) {
  if (dir.empty()) return Status::Error(StatusCode::kInvalidInput, "no output directory given");
  struct stat info;
  if (stat(dir.c_str(), &info) != 0) {
    if (errno != ENOENT || mkdir(dir.c_str(), 0755) != 0) return IoError(dir, "cannot create directory", errno);
  } else if (!S_ISDIR(info.st_mode)) {
    return IoError(dir, "not a directory", ENOTDIR);
  }
  DirectoryFiles files(dir, options);
  Emitter(graph).Run(&files);
  return files.Commit();
}

}  // namespace kith
