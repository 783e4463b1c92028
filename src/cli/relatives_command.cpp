#include <iostream>
#include <memory>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/query_support.h"
#include "query/relatives.h"

namespace kith {
namespace {

constexpr const char* kRelativesHelp = R"(usage: kith relatives [--db FILE] NAME [--link LINK] [--depth N] [--format text|json|csv]

Lists a person's relatives by family link: each with the link, the kin term,
whether the tie was inferred, and the article(s) that state it. NAME may be a
full name, an alias, a spelling variant or a surname; an ambiguous name lists
the candidates and exits 1.

  --link LINK   any (default), parent, child, sibling, spouse, relative, mother,
                father, son, daughter, brother, sister, husband, wife
                (the relative's relation to NAME: "mother" lists NAME's mothers)
  --depth N     follow N steps of family ties (default 1)
  --format F    text (default), json or csv
)";


std::string Display(const RelativeRow& r) {
  return r.name.empty() ? "(" + r.description + ")" : r.name;
}

}  // namespace

int RunRelatives(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "link", "depth", "format"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kRelativesHelp;
    return 0;
  }
  if (args.positional().size() != 1) {
    std::cerr << kRelativesHelp;
    return 2;
  }
  RelativesOptions options;
  options.link = args.Get("link", "any");
  const std::string format = args.Get("format", "text");
  try {
    options.depth = std::stoi(args.Get("depth", "1"));
  } catch (const std::exception&) {
    options.depth = 0;
  }
  if (!IsKnownLink(options.link) || options.depth < 1 || (format != "text" && format != "json" && format != "csv")) {
    ReportError("bad --link, --depth or --format (see kith relatives --help)");
    return 2;
  }
  std::unique_ptr<Store> store;
  if (!OpenExistingStore(args.Get("db", "kith.db"), &store)) return 2;
  PersonRef person;
  if (!ResolveOnePerson(store.get(), args.positional()[0], &person)) return 1;
  std::vector<RelativeRow> rows;
  s = FindRelatives(store->database(), person.id, options, &rows);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (format == "json") {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    for (const RelativeRow& r : rows) {
      w.StartObject();
      w.Key("id");
      w.Int64(r.id);
      w.Key("name");
      r.name.empty() ? w.Null() : w.String(r.name.c_str(), static_cast<rapidjson::SizeType>(r.name.size()));
      w.Key("description");
      r.description.empty() ? w.Null()
                            : w.String(r.description.c_str(), static_cast<rapidjson::SizeType>(r.description.size()));
      w.Key("link");
      w.String(r.link.c_str());
      w.Key("term");
      w.String(r.term.c_str(), static_cast<rapidjson::SizeType>(r.term.size()));
      w.Key("inferred");
      w.Bool(r.inferred);
      w.Key("depth");
      w.Int(r.depth);
      w.Key("articles");
      w.StartArray();
      for (const std::string& a : r.articles) w.String(a.c_str(), static_cast<rapidjson::SizeType>(a.size()));
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    std::cout << buf.GetString() << "\n";
  } else if (format == "csv") {
    std::cout << "id,name,description,link,term,inferred,depth,articles\n";
    for (const RelativeRow& r : rows) {
      std::string articles;
      for (const std::string& a : r.articles) articles += (articles.empty() ? "" : ";") + a;
      std::cout << r.id << "," << CsvField(r.name) << "," << CsvField(r.description) << "," << r.link << "," << CsvField(r.term) << ","
                << (r.inferred ? "true" : "false") << "," << r.depth << "," << CsvField(articles) << "\n";
    }
  } else {
    std::cout << "Relatives of " << DisplayName(person) << ":\n";
    if (rows.empty()) std::cout << "  (none found)\n";
    for (const RelativeRow& r : rows) {
      std::cout << "  " << r.term << ": " << Display(r) << (r.inferred ? "  [inferred]" : "")
                << (r.depth > 1 ? "  [depth " + std::to_string(r.depth) + "]" : "") << "\n";
      for (const std::string& a : r.articles) std::cout << "      in " << a << "\n";
    }
  }
  return 0;
}

}  // namespace kith
