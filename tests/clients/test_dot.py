"""DOT export rendered by Graphviz (dot -Tsvg) with nothing on stderr, and the
drawing checked against the database: persons with family ties are drawn,
spouses and siblings without arrowheads, parents pointing to children, one
person's family with --person/--depth, and name lookup errors."""

import collections
import os
import xml.etree.ElementTree as ET

import kith_clients as kc

SVG = "{http://www.w3.org/2000/svg}"


def render(c, opts, dot_path, what):
    """dot -Tsvg; checks exit status and an empty stderr; returns the parsed SVG."""
    result = kc.run([opts.dot, "-Tsvg", dot_path], check=False)
    c.equal(result.returncode, 0, "%s: dot -Tsvg exits 0" % what)
    c.equal(result.stderr, "", "%s: dot -Tsvg says nothing on stderr" % what)
    return ET.fromstring(result.stdout)


def drawn(svg):
    """(node ids, edges {(from, to): [has arrowhead, ...]}, cluster count) of an SVG drawing."""
    nodes, edges, clusters = set(), collections.defaultdict(list), 0
    for g in svg.iter(SVG + "g"):
        cls = g.get("class")
        title = g.find(SVG + "title")
        if cls == "node":
            nodes.add(title.text)
        elif cls == "edge":
            a, b = title.text.split("->")
            edges[(a, b)].append(g.find(SVG + "polygon") is not None)
        elif cls == "cluster":
            clusters += 1
    return nodes, edges, clusters


def family(db):
    """Family ties as (parent, child) pairs and undirected (kind, a, b) pairs, with person keys."""
    key = lambda i: "person-%d" % i
    parents, undirected = set(), set()
    for (_, s, rtype, o, _, _, _) in db.family_relations():
        if s == o:
            continue
        if rtype == "parent":
            parents.add((key(s), key(o)))
        elif rtype == "child":
            parents.add((key(o), key(s)))
        else:
            undirected.add((rtype, key(s), key(o)))
    return parents, undirected


def main():
    opts = kc.options()
    c = kc.Checks("dot")
    work = kc.workdir()
    db_path = kc.ingest_samples(opts, work)
    db = kc.Db(db_path)
    parents, undirected = family(db)
    in_family = set(p for pair in parents for p in pair) | set(p for (_, a, b) in undirected for p in (a, b))

    # The whole graph.
    path = kc.export(opts, db_path, "dot", os.path.join(work, "graph.dot"))
    with open(path, "rb") as f:
        text = f.read()
    c.check(text.decode("utf-8") is not None, "the DOT file is UTF-8")
    svg = render(c, opts, path, "whole graph")
    nodes, edges, clusters = drawn(svg)
    c.check(in_family <= nodes, "every person with a family tie is drawn", str(sorted(in_family - nodes)[:5]))
    for (p, ch) in parents:
        c.check((p, ch) in edges and all(edges[(p, ch)]), "%s -> %s: parent to child, with an arrowhead" % (p, ch))
    for (rtype, a, b) in undirected:
        pair = edges.get((a, b), []) + edges.get((b, a), [])
        c.check(pair and not any(pair), "%s %s-%s: drawn without arrowheads" % (rtype, a, b))
    c.check(clusters >= 1 if in_family else clusters == 0, "families are clusters", str(clusters))
    node_kinds = collections.Counter(n.split("-")[0] for n in nodes)
    c.check(set(node_kinds) <= {"person", "organization", "place"}, "no events without --with events",
            str(node_kinds))

    # With events.
    path = kc.export(opts, db_path, "dot", os.path.join(work, "events.dot"), "--with", "events")
    nodes, edges, _ = drawn(render(c, opts, path, "--with events"))
    event_nodes = set(n for n in nodes if n.startswith("event-"))
    c.equal(len(event_nodes), db.count("SELECT count(*) FROM events WHERE id IN (SELECT event_id FROM event_roles) "
                                       "OR place_entity IS NOT NULL"),
            "--with events: every event with a participant or a place is drawn")

    # One person's family: the person with the most family ties, at depth 1 and 2.
    ties_of = collections.Counter()
    neighbours = collections.defaultdict(set)
    for (_, a, b) in [("", p, ch) for (p, ch) in parents] + list(undirected):
        if a != b:
            ties_of[a] += 1
            ties_of[b] += 1
            neighbours[a].add(b)
            neighbours[b].add(a)
    named = dict(("person-%d" % i, name) for (i, name, _, _) in db.persons() if name)
    unique = [p for p, _ in ties_of.most_common() if p in named and list(named.values()).count(named[p]) == 1]
    if c.check(bool(unique), "samples have a named person with family ties"):
        center = unique[0]
        for depth in (1, 2):
            expected = {center}
            for _ in range(depth):
                expected |= set(n for e in expected for n in neighbours[e])
            out = kc.export(opts, db_path, "dot", os.path.join(work, "ego%d.dot" % depth),
                            "--person", named[center].upper(), "--depth", str(depth))
            nodes, _, _ = drawn(render(c, opts, out, "--person --depth %d" % depth))
            c.equal(nodes, expected, "--person %r --depth %d draws the persons %d ties away" %
                    (named[center], depth, depth))
        out = kc.export(opts, db_path, "dot", os.path.join(work, "ego_events.dot"), "--person",
                        "person/" + center.split("-")[1], "--with", "events")
        render(c, opts, out, "--person person/ID --with events")

    # Name lookup errors: exit status 2, the name quoted, nothing written.
    missing = os.path.join(work, "missing.dot")
    result = kc.run([opts.kith, "export", "--db", db_path, "--format", "dot", "--output", missing,
                     "--person", "Nobody Zzyzx"], check=False)
    c.equal(result.returncode, 2, "an unknown --person exits 2")
    c.check("no person named \"Nobody Zzyzx\"" in result.stderr, "an unknown --person is named", result.stderr)
    c.check(not os.path.exists(missing), "an unknown --person writes nothing")
    result = kc.run([opts.kith, "export", "--db", db_path, "--format", "graphml", "--output", missing,
                     "--person", "x"], check=False)
    c.equal(result.returncode, 2, "--person with another format is a usage error")
    c.finish()


if __name__ == "__main__":
    main()
