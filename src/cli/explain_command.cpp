#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/query_support.h"
#include "store/database.h"

namespace kith {
namespace {

constexpr const char* kExplainHelp = R"(usage: kith explain [--db FILE] NAME

Shows everything kith knows about a person and why: the names it was found
under and in which articles (the identity key that joined them across
articles), every family tie and event, each with its evidence: article,
sentence and the rule that produced it.
)";

// Runs `sql` with ?1 = id and prints each row through `print`.
template <typename Print>
Status ForEachRow(Database* db, const std::string& sql, std::int64_t id, Print print) {
  Statement stmt;
  KITH_RETURN_IF_ERROR(db->Prepare(sql, &stmt));
  KITH_RETURN_IF_ERROR(stmt.BindInt64(1, id));
  bool row = false;
  while (true) {
    KITH_RETURN_IF_ERROR(stmt.Step(&row));
    if (!row) break;
    print(stmt);
  }
  return Status::Ok();
}

}  // namespace

int RunExplain(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kExplainHelp;
    return 0;
  }
  if (args.positional().size() != 1) {
    std::cerr << kExplainHelp;
    return 2;
  }
  std::unique_ptr<Store> store;
  if (!OpenExistingStore(args.Get("db", "kith.db"), &store)) return 2;
  PersonRef p;
  if (!ResolveOnePerson(store.get(), args.positional()[0], &p)) return 1;
  Database* db = store->database();
  std::cout << DisplayName(p) << " (person " << p.id << ")\n";
  s = ForEachRow(db, "SELECT COALESCE(gender, ''), COALESCE(age, -1), COALESCE(normalized, '') FROM entities WHERE id = ?1", p.id,
                 [](Statement& st) {
                   if (!st.ColumnText(0).empty()) std::cout << "  gender: " << st.ColumnText(0) << "\n";
                   if (st.ColumnInt64(1) >= 0) std::cout << "  age: " << st.ColumnInt64(1) << "\n";
                   if (!st.ColumnText(2).empty()) std::cout << "  identity key: " << st.ColumnText(2) << "\n";
                 });
  if (s.ok()) {
    std::cout << "names, and the articles that use them (articles join on the identity key):\n";
    s = ForEachRow(db,
                   "SELECT m.text, d.path, count(*) FROM mentions AS m JOIN documents AS d ON d.id = m.document_id "
                   "WHERE m.entity_id = ?1 GROUP BY m.text, d.path ORDER BY d.path, m.text",
                   p.id, [](Statement& st) {
                     std::cout << "  \"" << st.ColumnText(0) << "\" in " << st.ColumnText(1) << " (" << st.ColumnInt64(2)
                               << "x)\n";
                   });
  }
  if (s.ok()) {
    std::cout << "family ties:\n";
    s = ForEachRow(db,
                   "SELECT f.subject, f.type, f.term, f.object, f.inferred, f.document, f.rule, COALESCE(se.text, '') "
                   "FROM family_ties AS f JOIN relations AS r ON r.id = f.relation_id "
                   "LEFT JOIN sentences AS se ON se.id = r.sentence_id "
                   "WHERE r.subject_entity = ?1 OR r.object_entity = ?1 ORDER BY f.relation_id",
                   p.id, [](Statement& st) {
                     std::cout << "  " << st.ColumnText(0) << " is " << st.ColumnText(1)
                               << (st.ColumnText(2).empty() ? "" : " (" + st.ColumnText(2) + ")") << " of "
                               << st.ColumnText(3) << (st.ColumnInt64(4) ? " [inferred]" : "") << "\n      "
                               << st.ColumnText(5) << ", rule " << st.ColumnText(6) << "\n";
                     if (!st.ColumnText(7).empty()) std::cout << "      \"" << st.ColumnText(7) << "\"\n";
                   });
  }
  if (s.ok()) {
    std::cout << "events:\n";
    s = ForEachRow(db,
                   "SELECT e.kind, COALESCE(e.date, ''), er.role, d.path, e.rule, COALESCE(se.text, '') "
                   "FROM event_roles AS er JOIN events AS e ON e.id = er.event_id "
                   "JOIN documents AS d ON d.id = e.document_id LEFT JOIN sentences AS se ON se.id = e.sentence_id "
                   "WHERE er.entity_id = ?1 ORDER BY e.date, e.id",
                   p.id, [](Statement& st) {
                     std::cout << "  " << st.ColumnText(0) << (st.ColumnText(1).empty() ? "" : " " + st.ColumnText(1))
                               << " as " << st.ColumnText(2) << "\n      " << st.ColumnText(3) << ", rule "
                               << st.ColumnText(4) << "\n";
                     if (!st.ColumnText(5).empty()) std::cout << "      \"" << st.ColumnText(5) << "\"\n";
                   });
  }
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  return 0;
}

}  // namespace kith
