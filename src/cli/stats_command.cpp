#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "store/store.h"

namespace kith {

int RunStats(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << "usage: kith stats [--db FILE]\n\nPrints how many documents, sentences, persons, organizations,\n"
                 "places, mentions, relations and events the database holds.\n";
    return 0;
  }
  StoreOptions options;
  options.create_if_missing = false;
  std::unique_ptr<Store> store;
  s = Store::Open(args.Get("db", "kith.db"), options, &store);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  StoreStats st;
  s = store->GetStats(&st);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  std::cout << "documents      " << st.documents << "\n"
            << "sentences      " << st.sentences << "\n"
            << "persons        " << st.persons << "\n"
            << "organizations  " << st.organizations << "\n"
            << "places         " << st.places << "\n"
            << "mentions       " << st.mentions << "\n"
            << "relations      " << st.relations << "\n"
            << "events         " << st.events << "\n";
  return 0;
}

}  // namespace kith
