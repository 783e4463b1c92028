#include <algorithm>
#include <iostream>
#include <memory>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/query_support.h"
#include "query/events_query.h"

namespace kith {
namespace {

constexpr const char* kEventsHelp = R"(usage: kith events [--db FILE] [--person NAME] [--kind KIND] [--from DATE] [--to DATE] [--format text|json|csv]

A timeline of events (protests, detentions, sentences, fines, releases,
deaths, travel), each with its participants by role, place, date, attributes
(duration, amount and currency, participant_count, ...) and the article and
sentence that state it. A happening that several articles report (same kind,
full date, place and a shared person) is listed once, with each article.

  --person NAME   only events this person takes part in (names as for relatives)
  --kind KIND     Protest, Detention, Sentence, Fine, Release, Death or Travel
  --from, --to    ISO dates (2021, 2021-02, 2021-02-22); undated events are then left out
  --format F      text (default), json or csv
)";


void String(rapidjson::Writer<rapidjson::StringBuffer>* w, const std::string& s) {
  w->String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

int RunEvents(const std::vector<std::string>& argv) {
  Args args;
  Status s = Args::Parse(argv, {"db", "person", "kind", "from", "to", "format"}, {"help"}, &args);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (args.Has("help")) {
    std::cout << kEventsHelp;
    return 0;
  }
  const std::string format = args.Get("format", "text");
  const std::string kind = args.Get("kind");
  static const char* const kKinds[] = {"Protest", "Detention", "Sentence", "Fine", "Release", "Death", "Travel"};
  const bool known_kind = kind.empty() || std::any_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return kind == k; });
  if (!args.positional().empty() || !known_kind || (format != "text" && format != "json" && format != "csv")) {
    ReportError("bad arguments (see kith events --help)");
    return 2;
  }
  std::unique_ptr<Store> store;
  if (!OpenExistingStore(args.Get("db", "kith.db"), &store)) return 2;
  EventsFilter filter;
  filter.kind = kind;
  filter.from = args.Get("from");
  filter.to = args.Get("to");
  if (args.Has("person")) {
    PersonRef p;
    if (!ResolveOnePerson(store.get(), args.Get("person"), &p)) return 1;
    filter.person = p.id;
  }
  std::vector<EventRow> rows;
  s = FindEvents(store->database(), filter, &rows);
  if (!s.ok()) {
    ReportError(s.ToString());
    return 2;
  }
  if (format == "json") {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    for (const EventRow& e : rows) {
      w.StartObject();
      w.Key("id");
      w.Int64(e.id);
      w.Key("kind");
      String(&w, e.kind);
      w.Key("date");
      if (e.date.empty()) {
        w.Null();
      } else {
        String(&w, e.date);
      }
      w.Key("place");
      if (e.place.empty()) {
        w.Null();
      } else {
        String(&w, e.place);
      }
      w.Key("participants");
      w.StartArray();
      for (const EventParticipant& p : e.participants) {
        w.StartObject();
        w.Key("role");
        String(&w, p.role);
        w.Key("id");
        w.Int64(p.id);
        w.Key("name");
        String(&w, p.name);
        w.EndObject();
      }
      w.EndArray();
      w.Key("attributes");
      w.RawValue(e.attributes.c_str(), e.attributes.size(), rapidjson::kObjectType);
      // The first report's evidence, then every report's: one per article that reports the happening.
      w.Key("article");
      String(&w, e.evidence.front().article);
      w.Key("sentence");
      String(&w, e.evidence.front().sentence);
      w.Key("rule");
      String(&w, e.evidence.front().rule);
      w.Key("evidence");
      w.StartArray();
      for (const EventEvidence& ev : e.evidence) {
        w.StartObject();
        w.Key("event");
        w.Int64(ev.event_id);
        w.Key("article");
        String(&w, ev.article);
        w.Key("sentence");
        String(&w, ev.sentence);
        w.Key("rule");
        String(&w, ev.rule);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    std::cout << buf.GetString() << "\n";
  } else if (format == "csv") {
    std::cout << "id,kind,date,place,participants,article,rule\n";
    for (const EventRow& e : rows) {
      std::string parts;
      for (const EventParticipant& p : e.participants) parts += (parts.empty() ? "" : ";") + p.role + "=" + p.name;
      // A happening several articles report lists them all, each with its rule.
      std::string articles;
      std::string rules;
      for (const EventEvidence& ev : e.evidence) {
        articles += (articles.empty() ? "" : ";") + ev.article;
        rules += (rules.empty() ? "" : ";") + ev.rule;
      }
      std::cout << e.id << "," << e.kind << "," << e.date << "," << CsvField(e.place) << "," << CsvField(parts) << ","
                << CsvField(articles) << "," << rules << "\n";
    }
  } else {
    if (rows.empty()) std::cout << "(no events)\n";
    for (const EventRow& e : rows) {
      std::cout << (e.date.empty() ? "(undated)" : e.date) << "  " << e.kind;
      if (!e.place.empty()) std::cout << " at " << e.place;
      std::cout << "\n";
      for (const EventParticipant& p : e.participants) std::cout << "    " << p.role << ": " << p.name << "\n";
      if (e.attributes != "{}") std::cout << "    " << e.attributes << "\n";
      for (const EventEvidence& ev : e.evidence) std::cout << "    in " << ev.article << " (rule " << ev.rule << ")\n";
    }
  }
  return 0;
}

}  // namespace kith
