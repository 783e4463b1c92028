#include "eval/gold.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "extract/json_tree.h"

namespace kith {
namespace {

std::string Str(const JsonValue& obj, const char* key) {
  const JsonValue* v = obj.Find(key);
  return v != nullptr && v->IsString() ? v->string : "";
}

bool Optional(const JsonValue& obj) {
  const JsonValue* v = obj.Find("optional");
  return v != nullptr && v->type == JsonValue::Type::kBool && v->boolean;
}

Status Entities(const JsonSource& src, const JsonValue& root, const char* key, std::vector<GoldEntity>* out) {
  const JsonValue* list = root.Find(key);
  if (list == nullptr) return Status::Ok();
  if (!list->IsArray()) return src.ErrorAt(list->offset, std::string("\"") + key + "\" must be an array");
  for (const JsonValue& v : list->items) {
    if (!v.IsObject() || Str(v, "name").empty()) return src.ErrorAt(v.offset, "an entity needs a \"name\"");
    GoldEntity e;
    e.name = Str(v, "name");
    e.gender = Str(v, "gender");
    e.optional = Optional(v);
    if (const JsonValue* a = v.Find("aliases"); a != nullptr && a->IsArray()) {
      for (const JsonValue& x : a->items) {
        if (x.IsString()) e.aliases.push_back(x.string);
      }
    }
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace

Status LoadGoldFile(const std::string& path, GoldDocument* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::At(StatusCode::kIoError, path, 0, 0, "cannot open gold file");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::unique_ptr<JsonSource> src;
  KITH_RETURN_IF_ERROR(JsonSource::Parse(path, buf.str(), &src));
  const JsonValue& root = src->root();
  if (!root.IsObject()) return src->ErrorAt(root.offset, "a gold file is a JSON object");
  out->doc = Str(root, "doc");
  if (out->doc.empty()) return src->ErrorAt(root.offset, "gold file has no \"doc\"");
  KITH_RETURN_IF_ERROR(Entities(*src, root, "persons", &out->persons));
  KITH_RETURN_IF_ERROR(Entities(*src, root, "organizations", &out->organizations));
  KITH_RETURN_IF_ERROR(Entities(*src, root, "places", &out->places));
  if (const JsonValue* k = root.Find("kinship"); k != nullptr && k->IsArray()) {
    for (const JsonValue& v : k->items) {
      out->kinship.push_back(GoldKin{Str(v, "person"), Str(v, "relation"), Str(v, "of"), Optional(v)});
    }
  }
  if (const JsonValue* u = root.Find("unnamed_relatives"); u != nullptr && u->IsArray()) {
    for (const JsonValue& v : u->items) {
      GoldUnnamed g{Str(v, "of"), Str(v, "relation"), Str(v, "gender"), 1, Optional(v)};
      if (const JsonValue* c = v.Find("count"); c != nullptr && c->is_integer) g.count = static_cast<int>(c->integer);
      out->unnamed.push_back(g);
    }
  }
  if (const JsonValue* e = root.Find("events"); e != nullptr && e->IsArray()) {
    for (const JsonValue& v : e->items) {
      GoldEvent g;
      g.type = Str(v, "type");
      g.date = Str(v, "date");
      g.optional = Optional(v);
      if (const JsonValue* p = v.Find("participants"); p != nullptr && p->IsArray()) {
        for (const JsonValue& x : p->items) {
          if (x.IsString()) g.participants.push_back(x.string);
        }
      }
      if (const JsonValue* a = v.Find("attributes"); a != nullptr) {
        if (!a->IsObject()) return src->ErrorAt(a->offset, "event \"attributes\" must be an object of strings");
        for (const auto& member : a->members) {
          if (!member.second.IsString()) return src->ErrorAt(member.second.offset, "an attribute value must be a string");
          g.attributes[member.first] = member.second.string;
        }
      }
      out->events.push_back(std::move(g));
    }
  }
  return Status::Ok();
}

Status LoadSameEvents(const std::string& path, std::vector<GoldSameEvent>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::At(StatusCode::kIoError, path, 0, 0, "cannot open corpus file");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::unique_ptr<JsonSource> src;
  KITH_RETURN_IF_ERROR(JsonSource::Parse(path, buf.str(), &src));
  const JsonValue& root = src->root();
  if (!root.IsObject()) return src->ErrorAt(root.offset, "a corpus file is a JSON object");
  const JsonValue* list = root.Find("same_events");
  if (list == nullptr) return Status::Ok();
  if (!list->IsArray()) return src->ErrorAt(list->offset, "\"same_events\" must be an array");
  for (const JsonValue& v : list->items) {
    GoldSameEvent g;
    g.type = Str(v, "type");
    g.date = Str(v, "date");
    for (const char* key : {"participants", "docs"}) {
      const JsonValue* items = v.Find(key);
      if (items == nullptr || !items->IsArray()) return src->ErrorAt(v.offset, std::string("a same event needs \"") + key + "\"");
      for (const JsonValue& x : items->items) {
        if (x.IsString()) (std::string(key) == "docs" ? g.docs : g.participants).push_back(x.string);
      }
    }
    if (g.type.empty() || g.docs.size() < 2) return src->ErrorAt(v.offset, "a same event needs a \"type\" and two or more \"docs\"");
    out->push_back(std::move(g));
  }
  return Status::Ok();
}

}  // namespace kith
