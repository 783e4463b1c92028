"""Names that exporters must escape survive every format, read back by real
parsers: a database made by kith_fixture_db holds persons, an organization,
places, kin terms, a title and a path with < > & " ' \\, line breaks,
non-ASCII letters, emoji and the DOT keywords node, strict, graph, edge.
Each format must give them back exactly (DOT: as drawn by Graphviz, where a
label may wrap at spaces)."""

import collections
import csv
import json
import os
import xml.etree.ElementTree as ET

import kith_clients as kc
import test_neo4j_kuzu

SVG = "{http://www.w3.org/2000/svg}"
SCHEMA = "http://schema.org/"
KITH = "https://w3id.org/kith/vocab#"


def squash(text):
    """Whitespace-insensitive form: DOT labels wrap at spaces and show line breaks as lines."""
    return " ".join(text.split())


def check_graphml(c, opts, path, names):
    ET.parse(path)  # well-formed XML 1.0
    import networkx as nx
    import igraph
    g = nx.read_graphml(path, force_multigraph=True)
    persons = [d for _, d in g.nodes(data=True) if d["kind"] == "person"]
    c.equal(sorted(d["name"] for d in persons if "name" in d), sorted(names["persons"]), "networkx: person names")
    c.equal([d["description"] for d in persons if not d["named"]], names["unnamed"],
            "networkx: the unnamed person's description")
    c.equal(sorted(a for d in persons for a in json.loads(d.get("aliases", "[]")) if a in names["aliases"]),
            sorted(names["aliases"]), "networkx: aliases (a JSON list)")
    for kind in ("organizations", "places"):
        got = sorted(d["name"] for _, d in g.nodes(data=True) if d["kind"] + "s" == kind)
        c.equal(got, sorted(names[kind]), "networkx: %s names" % kind)
    c.equal(sorted(d["term"] for _, _, d in g.edges(data=True) if "term" in d), sorted(names["terms"]),
            "networkx: kin terms")
    c.check(all(d.get("article", names["path"]) == names["path"] for _, _, d in g.edges(data=True)),
            "networkx: the article path")
    h = igraph.Graph.Read_GraphML(path)
    c.equal(sorted(v["name"] for v in h.vs if v["kind"] == "person" and v["named"]), sorted(names["persons"]),
            "igraph: person names")
    c.equal(sorted(t for t in h.es["term"] if t), sorted(names["terms"]), "igraph: kin terms")
    out = kc.node(opts, "graphml_graphology.cjs", path)
    c.equal(sorted(a["name"] for a in out["nodes"].values() if a["kind"] == "person" and a["named"]),
            sorted(names["persons"]), "graphology: person names")
    c.equal(sorted(e["attributes"]["term"] for e in out["edges"].values() if "term" in e["attributes"]),
            sorted(names["terms"]), "graphology: kin terms")


def svg_labels(svg):
    """node id -> its label as drawn (lines joined), and every edge label."""
    nodes, edges = {}, []
    for g in svg.iter(SVG + "g"):
        texts = [t.text or "" for t in g.findall(SVG + "text")]
        if g.get("class") == "node":
            nodes[g.find(SVG + "title").text] = "\n".join(texts)
        elif g.get("class") == "edge":
            edges.extend(texts)
    return nodes, edges


def render(c, opts, path, what):
    result = kc.run([opts.dot, "-Tsvg", path], check=False)
    c.check(result.returncode == 0 and result.stderr == "", what + ": dot -Tsvg without a warning",
            result.stderr)
    return ET.fromstring(result.stdout)


def check_dot(c, opts, db, work, names):
    path = kc.export(opts, db, "dot", os.path.join(work, "graph.dot"), "--with", "events")
    nodes, edges = svg_labels(render(c, opts, path, "whole graph"))
    drawn = set(squash(label) for label in nodes.values())
    for name in names["persons"] + names["unnamed"] + names["organizations"] + names["places"]:
        c.check(squash(name) in drawn or any(label.startswith(squash(name) + " (") for label in drawn),
                "dot: %r is drawn as written" % name)
    drawn_edges = set(squash(e) for e in edges)
    for term in names["terms"]:
        c.check(squash(term) in drawn_edges, "dot: kin term %r is drawn as written" % term)
    # --person finds every name in any case (and an alias), and draws that person.
    for query in ["node", "STRICT", names["persons"][0].lower(), names["persons"][1].upper(),
                  names["persons"][3], names["aliases"][-1], names["persons"][2]]:
        out = os.path.join(work, "ego.dot")
        result = kc.run([opts.kith, "export", "--db", db, "--format", "dot", "--output", out, "--person", query,
                         "--depth", "1"], check=False)
        if c.equal(result.returncode, 0, "dot: --person %r is found" % query):
            svg = render(c, opts, out, "--person %r" % query)
            title = "".join(t.text or "" for t in svg.iter(SVG + "text") if (t.text or "").startswith("Family of"))
            c.check(title != "", "dot: --person %r draws a titled family" % query)


def check_jsonld(c, opts, db, work, names):
    path = kc.export(opts, db, "jsonld", os.path.join(work, "graph.jsonld"))
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    graph = doc["@graph"]
    c.equal(sorted(n["name"] for n in graph if n.get("@type") == "Person" and "name" in n), sorted(names["persons"]),
            "JSON: person names")
    nq = os.path.join(work, "graph.nq")
    out = kc.node(opts, "jsonld_nquads.cjs", path, nq)
    c.equal(out["fetches"], [], "jsonld.js fetched nothing")
    import rdflib
    from rdflib import URIRef
    g = rdflib.ConjunctiveGraph()
    g.parse(nq, format="nquads")
    persons = set(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(SCHEMA + "Person")))
    got = sorted(str(o) for p in persons for o in g.objects(p, URIRef(SCHEMA + "name")))
    c.equal(got, sorted(names["persons"]), "rdflib: schema:name of persons")
    c.equal(sorted(str(o) for o in g.objects(None, URIRef(KITH + "kinTerm"))), sorted(names["terms"]),
            "rdflib: kith:kinTerm")
    c.equal([str(o) for o in g.objects(None, URIRef(SCHEMA + "headline"))], [names["title"]], "rdflib: headline")
    c.equal([str(o) for o in g.objects(None, URIRef(KITH + "path"))], [names["path"]], "rdflib: kith:path")
    c.check(names["unnamed"][0] in [str(o) for o in g.objects(None, URIRef(SCHEMA + "description"))],
            "rdflib: the unnamed person's description")


def check_neo4j(c, opts, db_path, work, names):
    out = os.path.join(work, "neo4j")
    kc.export(opts, db_path, "neo4j", out)
    with open(os.path.join(out, "persons.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    c.equal(sorted(r["name"] for r in rows if r["name"]), sorted(names["persons"]), "csv: person names")
    aliases = [a for r in rows for a in r["aliases:string[]"].split("\x1f") if a in names["aliases"]]
    c.equal(sorted(aliases), sorted(names["aliases"]), "csv: aliases split at U+001F")
    with open(os.path.join(out, "ties_Person_Person.csv"), newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    c.equal(sorted(r["term"] for r in ties), sorted(names["terms"]), "csv: kin terms")
    c.check(all(r["article"] == names["path"] for r in ties), "csv: the article path")
    # kuzu reads the same files with its own CSV reader; kith relatives must agree with it.
    db = kc.Db(db_path)
    gender = dict((p[0], p[3]) for p in db.persons())
    requests, expected = [], []
    for name in names["persons"]:
        result = kc.run([opts.kith, "relatives", "--db", db_path, name, "--depth", "1", "--format", "json"],
                        check=False)
        if result.returncode != 0:
            print("NOTE: kith relatives %r exits %d: %s" % (name, result.returncode, result.stderr.strip()))
        requests.append({"name": name, "link": "any"})
        expected.append(json.loads(result.stdout) if result.returncode == 0 else None)
    requests_path = os.path.join(work, "requests.json")
    with open(requests_path, "w", encoding="utf-8") as f:
        json.dump(requests, f)
    answer = kc.node(opts, "neo4j_kuzu.cjs", out, requests_path, optional=True)
    if answer is None:
        return
    c.equal(answer["counts"].get("Person"), len(rows), "kuzu: every person loaded")
    found = set(row["name"] for rows_ in answer["answers"] for row in rows_ if row["name"])
    c.check(found <= set(names["persons"]), "kuzu: relatives' names read back exactly", str(found))
    c.check(len(found) >= 2, "kuzu: the names find their relatives", str(found))
    test_neo4j_kuzu.compare_relatives(c, requests, expected, answer["answers"], gender)


def main():
    opts = kc.options()
    c = kc.Checks("escaping")
    work = kc.workdir()
    db, names = kc.fixture_db(opts, work)
    check_graphml(c, opts, kc.export(opts, db, "graphml", os.path.join(work, "graph.graphml")), names)
    check_dot(c, opts, db, work, names)
    check_jsonld(c, opts, db, work, names)
    check_neo4j(c, opts, db, work, names)
    c.finish()


if __name__ == "__main__":
    main()
