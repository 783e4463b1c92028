#!/usr/bin/env python3
"""Readers and writers at the same time on one database (WAL).

1. Exports, stats and queries run while an ingest writes: each succeeds without
   waiting for the writer, and each export is a consistent snapshot (every
   node it refers to is in it; articles only ever grow).
2. Two ingests of the same corpus into one new database at once: they
   serialise article by article (or one fails cleanly with a message); the
   result passes integrity_check and foreign_key_check, holds every article
   once, and says what an uninterrupted single ingest says.
3. Two ingests of different corpora into one database at once: both complete.
"""

import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import reliability_common as rc  # noqa: E402


def referenced_ids(value, out):
    if isinstance(value, dict):
        for v in value.values():
            referenced_ids(v, out)
    elif isinstance(value, list):
        for v in value:
            referenced_ids(v, out)
    elif isinstance(value, str) and value.startswith("kith:") and "/" in value:
        out.add(value)


def check_snapshot(check, text, label):
    """Returns the number of articles in a JSON-LD export, checking that every
    node it refers to is in it."""
    try:
        graph = json.loads(text)["@graph"]
    except (ValueError, KeyError) as e:
        check.check(False, "%s: the export does not parse: %s" % (label, e))
        return -1
    ids = {node.get("@id") for node in graph}
    refs = set()
    for node in graph:
        for key, value in node.items():
            if key != "@id":
                referenced_ids(value, refs)
    missing = refs - ids
    check.check(not missing, "%s: the export refers to %d node(s) it does not hold, e.g. %s"
                % (label, len(missing), sorted(missing)[:3]))
    return sum(1 for node in graph if node.get("@type") == "NewsArticle")


def main():
    args = rc.parse_args(__doc__)
    check = rc.Checker()
    count = 300 if args.quick else 1000
    rules = os.path.join(args.source, "rules")
    corpus = os.path.join(args.work, "corpus")
    rc.make_corpus(corpus, count)
    ingest = lambda db, what: [args.kith, "ingest", "--db", db, "--rules", rules, what]

    ref = os.path.join(args.work, "ref.db")
    r = rc.run(ingest(ref, corpus))
    if not check.check(r.returncode == 0, "reference ingest failed: " + r.stderr[-2000:]):
        check.finish()
    ref_facts = rc.document_facts(ref)

    # 1. Readers while a writer writes.
    db = os.path.join(args.work, "busy.db")
    writer = subprocess.Popen(ingest(db, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    exports = stats_runs = 0
    last_articles = 0
    while writer.poll() is None:
        if not os.path.exists(db):
            time.sleep(0.05)
            continue
        r = rc.run([args.kith, "export", "--db", db, "--format", "jsonld", "--output", "-"])
        if writer.poll() is not None and r.returncode != 0:
            break
        if "no such table" in r.stderr or "no such database" in r.stderr:
            continue  # the schema was not created yet
        check.check(r.returncode == 0, "export during ingest failed: " + r.stderr[-500:])
        if r.returncode == 0:
            articles = check_snapshot(check, r.stdout, "export %d" % (exports + 1))
            check.check(articles >= last_articles,
                        "an export holds %d articles, fewer than the %d of an earlier one" % (articles, last_articles))
            last_articles = max(last_articles, articles)
            exports += 1
        r = rc.run([args.kith, "stats", "--db", db])
        check.check(r.returncode == 0, "stats during ingest failed: " + r.stderr[-500:])
        stats_runs += 1
        r = rc.run([args.kith, "relatives", "--db", db, "Marat Sadykova"])
        check.check(r.returncode in (0, 1) and "locked" not in r.stderr,
                    "relatives during ingest: exit %d: %s" % (r.returncode, r.stderr[-300:]))
        time.sleep(0.1)  # leave the writer most of the machine
    _, err = writer.communicate()
    check.check(writer.returncode == 0, "the ingest with readers beside it failed: " + err[-1000:])
    check.check(exports >= 2, "only %d export(s) ran during the ingest" % exports)
    print("%d exports and %d stats ran during the ingest, each a consistent snapshot (last: %d articles)"
          % (exports, stats_runs, last_articles), flush=True)

    # 2. Two ingests of the same corpus into one new database at once.
    db = os.path.join(args.work, "twice.db")
    procs = [subprocess.Popen(ingest(db, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(), p.stderr.read()) for p in procs]
    for code, err in results:
        clean = code == 0 or (code == 1 and "lock" in err)
        check.check(clean, "a concurrent ingest ended with %d: %s" % (code, err[-1000:]))
    ok, fk = rc.integrity(db)
    check.check(ok == "ok" and fk == 0, "two ingests at once: integrity %r, %d foreign key violations" % (ok, fk))
    check.check(rc.duplicate_facts(db) == rc.duplicate_facts(ref), "two ingests at once stored facts twice")
    r = rc.run(ingest(db, corpus))
    check.check(r.returncode == 0, "the ingest after two at once failed: " + r.stderr[-1000:])
    facts = rc.document_facts(db)
    check.check(len(facts) == count, "two ingests at once: %d of %d articles stored" % (len(facts), count))
    same = sum(1 for path, f in facts.items() if f == ref_facts.get(path))
    check.check(same == count, "two ingests at once: %d of %d articles differ from a single ingest"
                % (count - same, count))
    new_counts = [err.strip().splitlines()[-1] if err.strip() else "" for _, err in results]
    print("two ingests at once: %s | %s; the database holds every article once" % tuple(new_counts), flush=True)

    # 3. Two ingests of different articles into one database at once.
    db = os.path.join(args.work, "halves.db")
    halves = [os.path.join(args.work, "half%d" % i) for i in range(2)]
    for i, half in enumerate(halves):
        os.makedirs(half)
    for name in sorted(os.listdir(corpus)):
        index = int(name[1:6])
        os.link(os.path.join(corpus, name), os.path.join(halves[index % 2], name))
    procs = [subprocess.Popen(ingest(db, half), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for half in halves]
    for p in procs:
        code = p.wait()
        check.check(code == 0, "an ingest of half the corpus failed beside the other: " + p.stderr.read()[-1000:])
    ok, fk = rc.integrity(db)
    check.check(ok == "ok" and fk == 0, "two halves at once: integrity %r, %d foreign key violations" % (ok, fk))
    facts = rc.document_facts(db)
    check.check(len(facts) == count, "two halves at once: %d of %d articles stored" % (len(facts), count))
    print("two halves at once: %d articles stored, integrity ok" % len(facts), flush=True)
    check.finish()


if __name__ == "__main__":
    main()
