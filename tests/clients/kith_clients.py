"""Shared helpers for the client tests: each test reads kith's exports with
the programs people use (networkx, igraph, graphology, Graphviz, jsonld.js,
rdflib, kuzu) and checks them against the database they came from.

A test is a script run by ctest (label "clients") with the options parsed by
`options()`. It prints one line per check and a closing "N passed, N failed"
line; it exits 0 when everything passed, 1 when a check failed, and 77 (the
tests' SKIP_RETURN_CODE) when it cannot run here, saying why.

Checks compare structure and consistency (counts equal between the database
and each format, labels, types), never counts of what samples/ happens to
hold: extraction changes while the exporters stay the same.
"""

import argparse
import atexit
import collections
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
FAMILY_TYPES = ("parent", "child", "sibling", "spouse", "relative")
TIE_TYPE = {"parent": "PARENT_OF", "child": "PARENT_OF", "sibling": "SIBLING_OF",
            "spouse": "SPOUSE_OF", "relative": "RELATIVE_OF"}


def tie_type(relation_type):
    """The relationship type GraphModel gives a stored relation type (graph_model.h)."""
    if relation_type in TIE_TYPE:
        return TIE_TYPE[relation_type]
    words = [w for w in re.split(r"[^A-Za-z0-9]+", relation_type) if w]
    if not words:
        return "RELATED_TO"
    name = "_".join(words).upper()
    if not name[0].isalpha():
        name = "T_" + name
    return name if name.endswith("_OF") else name + "_OF"


def options():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kith", required=True, help="the kith binary")
    parser.add_argument("--fixture", help="the kith_fixture_db binary")
    parser.add_argument("--samples", help="the samples/ directory")
    parser.add_argument("--source", help="the source tree (for schema/)")
    parser.add_argument("--node", default="", help="node, for the npm clients")
    parser.add_argument("--node-modules", default="", help="node_modules of tests/clients/package.json")
    parser.add_argument("--dot", default="dot", help="Graphviz dot")
    return parser.parse_args()


class Checks:
    """Counts checks; prints each failure with what was expected."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s%s" % (what, (": " + detail) if detail else ""), flush=True)
        return condition

    def equal(self, actual, expected, what):
        return self.check(actual == expected, what, "got %r, expected %r" % (actual, expected))

    def finish(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed), flush=True)
        sys.exit(1 if self.failed else 0)


def skip(message):
    print("SKIP: " + message, flush=True)
    sys.exit(SKIP)


def run(args, check=True, **kwargs):
    """Runs a command; returns the CompletedProcess (text, captured)."""
    result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", **kwargs)
    if check and result.returncode != 0:
        print("command failed (%d): %s\n%s%s" % (result.returncode, " ".join(args), result.stdout, result.stderr))
        sys.exit(1)
    return result


_WORKDIRS = []


def workdir():
    """A scratch directory, removed when the script exits (kept, and named, with KITH_CLIENTS_KEEP=1)."""
    path = tempfile.mkdtemp(prefix="kith_clients_")
    _WORKDIRS.append(path)
    return path


@atexit.register
def _remove_workdirs():
    for path in _WORKDIRS:
        if os.environ.get("KITH_CLIENTS_KEEP"):
            print("kept " + path, flush=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def ingest_samples(opts, work):
    """A new database of samples/ in `work`; returns its path."""
    db = os.path.join(work, "samples.db")
    run([opts.kith, "ingest", "--db", db, opts.samples])
    return db


def fixture_db(opts, work):
    """The escaping fixture database and the names it holds (see fixture_db.cpp)."""
    db = os.path.join(work, "fixture.db")
    names = os.path.join(work, "fixture_names.json")
    run([opts.fixture, db, names])
    with open(names, encoding="utf-8") as f:
        return db, json.load(f)


def export(opts, db, fmt, output, *extra):
    run([opts.kith, "export", "--db", db, "--format", fmt, "--output", output] + list(extra))
    return output


def node(opts, script, *args, optional=False):
    """Runs a node script of tests/clients with the npm clients on NODE_PATH; returns its JSON output.
    A script that cannot run here (exit 77) skips the test, or returns None when `optional`."""
    if not opts.node:
        skip("node is not installed (project.sh test installs nodejs and npm)")
    if not os.path.isdir(opts.node_modules):
        skip("no %s: run npm ci in a copy of tests/clients (the clients_npm_ci test does)" % opts.node_modules)
    env = dict(os.environ, NODE_PATH=opts.node_modules)
    here = os.path.dirname(os.path.abspath(__file__))
    result = run([opts.node, os.path.join(here, script)] + list(args), check=False, env=env)
    if result.returncode == SKIP:
        why = result.stdout.strip() or result.stderr.strip()
        if optional:
            print("NOTE: %s skipped: %s" % (script, why))
            return None
        skip(why)
    if result.returncode != 0:
        print("node %s failed (%d):\n%s%s" % (script, result.returncode, result.stdout, result.stderr))
        sys.exit(1)
    return json.loads(result.stdout)


class Db:
    """What the database holds, read with SQL for the comparisons."""

    def __init__(self, path):
        self.conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)

    def rows(self, sql, *params):
        return list(self.conn.execute(sql, params))

    def count(self, sql, *params):
        return self.rows(sql, *params)[0][0]

    def entities(self, kind):
        return self.count("SELECT count(*) FROM entities WHERE kind = ?", kind)

    def relations(self):
        """(id, subject, type, object, term, inferred, document path) in id order."""
        return self.rows("SELECT r.id, r.subject_entity, r.type, r.object_entity, r.term, r.inferred, d.path "
                         "FROM relations AS r JOIN documents AS d ON d.id = r.document_id ORDER BY r.id")

    def family_relations(self):
        return [r for r in self.relations() if r[2] in FAMILY_TYPES]

    def located_in(self):
        return self.count("SELECT count(*) FROM entities WHERE located_in IS NOT NULL")

    def events(self):
        return self.count("SELECT count(*) FROM events")

    def event_places(self):
        return self.count("SELECT count(*) FROM events WHERE place_entity IS NOT NULL")

    def roles(self):
        return self.count("SELECT count(*) FROM event_roles")

    def same_event_pairs(self):
        """Pairs of events that report one happening (directly linked or through another report)."""
        parent = {}

        def root(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x
        for a, b in self.rows("SELECT event_id, same_as_event_id FROM event_same_as"):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups = {}
        for x in set(parent) | set(parent.values()):
            groups.setdefault(root(x), []).append(x)
        return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())

    def nodes(self):
        """Entities plus events: the GraphModel's vertices."""
        return self.count("SELECT count(*) FROM entities") + self.events()

    def edges(self):
        """Relations, located-in, event places, roles and same-happening links: the GraphModel's edges."""
        return len(self.relations()) + self.located_in() + self.event_places() + self.roles() + self.same_event_pairs()

    def tie_types(self):
        """Counter of relationship types over all relations, as GraphModel names them."""
        counter = collections.Counter()
        for r in self.relations():
            counter[tie_type(r[2])] += 1
        return counter

    def persons(self):
        """(id, name or None, description or None, gender or None) of every person."""
        return self.rows("SELECT id, name, description, gender FROM entities WHERE kind = 'person' ORDER BY id")
