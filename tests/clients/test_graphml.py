"""GraphML export read back by networkx, igraph and graphology-graphml, and
checked against the database: node and edge counts, labels, relationship
types, attribute types, tie directions and the APOC conventions."""

import collections
import json
import os
import xml.etree.ElementTree as ET

import kith_clients as kc

NS = "{http://graphml.graphdrawing.org/xmlns}"
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
FIRST_LABELS = {"person": "Person", "organization": "Organization", "place": "Place", "event": "Event"}


def expected_types(db):
    """Counter of every edge's relationship type, from the database."""
    counter = db.tie_types()
    for (kind, in_kind) in db.rows("SELECT e.kind, p.kind FROM entities AS e JOIN entities AS p "
                                   "ON p.id = e.located_in"):
        counter["PART_OF" if kind == "place" and in_kind == "place" else "LOCATED_IN"] += 1
    counter["LOCATED_IN"] += db.event_places()
    counter["PARTICIPATED_IN"] += db.roles()
    counter["SAME_AS"] += db.same_event_pairs()
    return +counter


def check_xml(c, path):
    tree = ET.parse(path)  # expat: fails on anything that is not well-formed XML
    root = tree.getroot()
    keys = root.findall(NS + "key")
    ids = [k.get("id") for k in keys]
    c.equal(len(ids), len(set(ids)), "key ids are unique")
    for k in keys:
        c.check(k.get("attr.type") in GRAPHML_TYPES, "key %s has a GraphML attr.type" % k.get("id"))
        c.check(k.get("for") in ("node", "edge"), "key %s is for node or edge" % k.get("id"))
    label_key = [k for k in keys if k.get("id") == "label"]
    c.check(len(label_key) == 1 and label_key[0].get("for") == "edge", "the edge key has the id \"label\" (APOC)")
    graph = root.find(NS + "graph")
    for n in graph.findall(NS + "node"):
        labels = n.get("labels", "")
        c.check(labels.startswith(":") and labels.split(":")[1] in FIRST_LABELS.values(),
                "node %s has labels :Person/:Organization/:Place/:Event..." % n.get("id"), labels)
        data = n.findall(NS + "data")
        c.check(bool(data) and data[0].get("key") == "v_label" and (data[0].text or "") != "",
                "node %s starts with its display label" % n.get("id"))
    for e in graph.findall(NS + "edge"):
        data = e.findall(NS + "data")
        first = list(e)[0] if len(e) else None
        c.check(first is not None and first.tag == NS + "data" and first.get("key") == "label" and
                first.text == e.get("label"),
                "edge %s: <data key=\"label\"> first, equal to its label attribute" % e.get("id"))
        c.check(bool(e.get("label")) and e.get("label").replace("_", "").isalnum() and e.get("label").isupper(),
                "edge %s has a relationship type as label" % e.get("id"), e.get("label"))
        del data


def main():
    opts = kc.options()
    c = kc.Checks("graphml")
    work = kc.workdir()
    db_path = kc.ingest_samples(opts, work)
    db = kc.Db(db_path)
    path = kc.export(opts, db_path, "graphml", os.path.join(work, "graph.graphml"))
    again = kc.export(opts, db_path, "graphml", os.path.join(work, "again.graphml"))
    with open(path, "rb") as a, open(again, "rb") as b:
        c.check(a.read() == b.read(), "the same database exports the same bytes")

    check_xml(c, path)

    # ---- networkx
    import networkx as nx
    g = nx.read_graphml(path, force_multigraph=True)
    c.equal(g.number_of_nodes(), db.nodes(), "networkx: nodes = entities + events")
    c.equal(g.number_of_edges(), db.edges(), "networkx: edges = relations + located-in + event places + roles + same-as")
    c.check(g.is_directed(), "networkx: directed")
    kinds = collections.Counter(d["labels"].split(":")[1] for _, d in g.nodes(data=True))
    for kind in ("person", "organization", "place"):
        c.equal(kinds[FIRST_LABELS[kind]], db.entities(kind), "networkx: %s nodes" % kind)
    c.equal(kinds["Event"], db.events(), "networkx: event nodes")
    types = collections.Counter(d["label"] for _, _, d in g.edges(data=True))
    c.equal(+types, expected_types(db), "networkx: relationship types")
    for node, d in g.nodes(data=True):
        if "age" in d:
            c.check(type(d["age"]) is int, "networkx: age is an int (%s)" % node)
        if d["kind"] != "event":
            c.check(type(d["named"]) is bool, "networkx: named is a boolean (%s)" % node)
            c.check(isinstance(json.loads(d["documents"]), list), "networkx: documents is a JSON list (%s)" % node)
            c.equal(d["label"] == d.get("name", d.get("description", "unnamed person")), True,
                    "networkx: label is the name, or the description of an unnamed person (%s)" % node)
    ties = {}
    for s, t, key, d in g.edges(keys=True, data=True):
        c.check(isinstance(d.get("inferred", False), bool), "networkx: inferred is a boolean (%s)" % key)
        if "sentence" in d:
            c.check(type(d["sentence"]) is int, "networkx: sentence is an int (%s)" % key)
        if key.startswith("tie-"):
            ties[int(key[4:])] = (s, t, d)
    node_key = dict((i, "%s-%d" % (kind, i)) for i, kind in db.rows("SELECT id, kind FROM entities"))
    for (rid, subject, rtype, obj, term, inferred, article) in db.relations():
        if not c.check(rid in ties, "networkx: tie-%d is an edge" % rid):
            continue
        s, t, d = ties[rid]
        ends = (obj, subject) if rtype == "child" else (subject, obj)  # PARENT_OF: parent -> child
        c.equal((s, t), (node_key[ends[0]], node_key[ends[1]]), "networkx: tie-%d direction" % rid)
        c.equal((d["label"], d["relation"], d.get("term", ""), d["inferred"], d["article"]),
                (kc.tie_type(rtype), rtype, term, bool(inferred), article), "networkx: tie-%d attributes" % rid)

    # ---- igraph
    import igraph
    h = igraph.Graph.Read_GraphML(path)
    c.equal((h.vcount(), h.ecount()), (g.number_of_nodes(), g.number_of_edges()), "igraph: node and edge counts")
    c.equal(sorted(h.vs["id"]), sorted(g.nodes()), "igraph: node ids")
    c.equal(collections.Counter(h.es["label"]), types, "igraph: relationship types")
    for v in h.vs:
        if v["kind"] != "event":
            c.check(type(v["named"]) is bool, "igraph: named is a boolean (%s)" % v["id"])
        c.equal(v["label"], g.nodes[v["id"]]["label"], "igraph: label of %s" % v["id"])

    # ---- graphology-graphml (Gephi Lite's reader)
    out = kc.node(opts, "graphml_graphology.cjs", path)
    c.equal((out["order"], out["size"]), (g.number_of_nodes(), g.number_of_edges()),
            "graphology: node and edge counts")
    c.check(out["type"] == "directed" and out["multi"] == (len(set(g.edges())) < g.number_of_edges()),
            "graphology: a directed graph, multi exactly when ties repeat", "%s %s" % (out["type"], out["multi"]))
    for node, d in g.nodes(data=True):
        c.equal(out["nodes"].get(node), d, "graphology: attributes (and their types) of %s" % node)
    for s, t, key, d in g.edges(keys=True, data=True):
        e = out["edges"].get(key, {})
        c.equal((e.get("source"), e.get("target"), e.get("attributes")), (s, t, d),
                "graphology: edge %s" % key)
    c.finish()


if __name__ == "__main__":
    main()
