#include "store/store.h"

#include <vector>

#include "store/document_writer.h"
#include "store/graph_check.h"
#include "store/migrations.h"

namespace kith {

const char* PutOutcomeName(Store::PutOutcome outcome) {
  switch (outcome) {
    case Store::PutOutcome::kInserted: return "inserted";
    case Store::PutOutcome::kUnchanged: return "unchanged";
    case Store::PutOutcome::kReplaced: return "replaced";
    case Store::PutOutcome::kReextracted: return "re-extracted";
  }
  return "inserted";
}

Status Store::Open(const std::string& path, const StoreOptions& options, std::unique_ptr<Store>* out) {
  DatabaseOptions db_options;
  db_options.busy_timeout_ms = options.busy_timeout_ms;
  db_options.create_if_missing = options.create_if_missing;
  db_options.wal = options.wal;
  db_options.max_page_count = options.max_page_count;
  std::unique_ptr<Database> db;
  KITH_RETURN_IF_ERROR(Database::Open(path, db_options, &db));
  KITH_RETURN_IF_ERROR(Migrate(db.get()));
  out->reset(new Store(std::move(db), options.extraction_fingerprint));
  return Status::Ok();
}

Status Store::HasDocument(const std::string& content_hash, bool* found) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(
      db_->Prepare("SELECT 1 FROM documents WHERE content_hash = ?1 AND extraction_fingerprint = ?2", &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindText(1, content_hash));
  KITH_RETURN_IF_ERROR(stmt.BindText(2, extraction_fingerprint_));
  return stmt.Step(found);
}

Status Store::PutDocument(const Document& doc, const std::string& content_hash, const DocumentGraph& graph,
                          PutOutcome* outcome) {
  last_failure_is_storage_ = false;
  db_->ClearLastError();
  if (content_hash.empty()) {
    return Status::At(StatusCode::kInvalidInput, doc.path, 0, 0, "document has no content hash");
  }
  KITH_RETURN_IF_ERROR(CheckDocumentGraph(doc, graph));
  Transaction txn(db_.get());
  PutOutcome result = PutOutcome::kInserted;
  Status status;
  if (batch_ != nullptr) {
    status = db_->ExecScript("SAVEPOINT put_document");
    if (status.ok()) status = PutInTransaction(doc, content_hash, graph, &result);
    if (status.ok()) {
      status = db_->ExecScript("RELEASE put_document");
    } else if (!IsStorageFailure(db_->last_error_code())) {
      // The document's own failure: undo just it, keep the batch.
      (void)db_->ExecScript("ROLLBACK TO put_document; RELEASE put_document");
      db_->ClearLastError();
    }
  } else {
    status = txn.Begin(Transaction::Mode::kImmediate);
    if (status.ok()) status = PutInTransaction(doc, content_hash, graph, &result);
    if (status.ok()) status = txn.Commit();
  }
  if (!status.ok()) {
    // Before the guard's rollback, which could report a failure of its own.
    last_failure_is_storage_ = IsStorageFailure(db_->last_error_code());
    if (last_failure_is_storage_ && batch_ != nullptr) batch_.reset();  // rolls the whole batch back
    // The guard rolls back; say which document was not stored.
    return Status::At(status.code(), status.file().empty() ? doc.path : status.file(), status.line(),
                      status.column(),
                      status.file() == doc.path ? status.message()
                                                : "storing " + doc.path + ": " + status.message());
  }
  *outcome = result;
  return Status::Ok();
}

Status Store::BeginBatch() {
  last_failure_is_storage_ = false;
  db_->ClearLastError();
  auto txn = std::make_unique<Transaction>(db_.get());
  const Status status = txn->Begin(Transaction::Mode::kImmediate);
  if (!status.ok()) {
    last_failure_is_storage_ = IsStorageFailure(db_->last_error_code());
    return status;
  }
  batch_ = std::move(txn);
  return Status::Ok();
}

Status Store::CommitBatch() {
  if (batch_ == nullptr) return Status::Ok();
  db_->ClearLastError();
  const Status status = batch_->Commit();
  if (!status.ok()) last_failure_is_storage_ = IsStorageFailure(db_->last_error_code());
  batch_.reset();  // rolls back what a failed commit left open
  return status;
}

Status Store::PutInTransaction(const Document& doc, const std::string& content_hash, const DocumentGraph& graph,
                               PutOutcome* outcome) {
  bool exists = false;
  KITH_RETURN_IF_ERROR(HasDocument(content_hash, &exists));
  if (exists) {
    *outcome = PutOutcome::kUnchanged;
    return Status::Ok();
  }
  *outcome = PutOutcome::kInserted;
  // Versions this document replaces: the same bytes extracted with other
  // rules, and an earlier version at the same path. Entities that may lose
  // their last reference: those of the replaced versions, and this graph's
  // own (one might have no fact at all).
  std::vector<std::int64_t> candidates;
  {
    Statement stmt;
    KITH_RETURN_IF_ERROR(db_->Prepare(
        "SELECT id, content_hash = ?1 FROM documents WHERE content_hash = ?1 OR (path = ?2 AND ?2 <> '-')", &stmt));
    KITH_RETURN_IF_ERROR(stmt.BindText(1, content_hash));
    KITH_RETURN_IF_ERROR(stmt.BindText(2, doc.path.empty() ? std::string("-") : doc.path));
    std::vector<std::pair<std::int64_t, bool>> old_documents;  // id, same bytes
    bool row = false;
    while (true) {
      KITH_RETURN_IF_ERROR(stmt.Step(&row));
      if (!row) break;
      old_documents.emplace_back(stmt.ColumnInt64(0), stmt.ColumnInt64(1) != 0);
    }
    Statement remove;
    KITH_RETURN_IF_ERROR(db_->Prepare("DELETE FROM documents WHERE id = ?1", &remove));
    for (const auto& [old, same_bytes] : old_documents) {
      KITH_RETURN_IF_ERROR(DocumentEntities(db_.get(), old, &candidates));
      KITH_RETURN_IF_ERROR(remove.BindInt64(1, old));
      KITH_RETURN_IF_ERROR(remove.Run());  // facts and unnamed persons go by ON DELETE CASCADE
      if (*outcome != PutOutcome::kReextracted) {
        *outcome = same_bytes ? PutOutcome::kReextracted : PutOutcome::kReplaced;
      }
    }
  }
  KITH_RETURN_IF_ERROR(WriteDocumentGraph(db_.get(), doc, content_hash, extraction_fingerprint_, graph, &candidates));
  return RemoveUnreferencedEntities(db_.get(), std::move(candidates));
}

Status Store::GetStats(StoreStats* out) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(db_->Prepare(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
      "(SELECT count(*) FROM entities WHERE kind = 'person'), "
      "(SELECT count(*) FROM entities WHERE kind = 'organization'), "
      "(SELECT count(*) FROM entities WHERE kind = 'place'), "
      "(SELECT count(*) FROM mentions), (SELECT count(*) FROM relations), (SELECT count(*) FROM events)",
      &stmt));
  KITH_RETURN_IF_ERROR(stmt.StepRow());
  StoreStats stats;
  stats.documents = stmt.ColumnInt64(0);
  stats.sentences = stmt.ColumnInt64(1);
  stats.persons = stmt.ColumnInt64(2);
  stats.organizations = stmt.ColumnInt64(3);
  stats.places = stmt.ColumnInt64(4);
  stats.mentions = stmt.ColumnInt64(5);
  stats.relations = stmt.ColumnInt64(6);
  stats.events = stmt.ColumnInt64(7);
  *out = stats;
  return Status::Ok();
}

}  // namespace kith
