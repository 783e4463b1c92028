#!/usr/bin/env python3
"""kill -9 at random points of a large ingest, several times, then finish it.

After every kill the database must open cleanly, pass PRAGMA integrity_check
and foreign_key_check, and hold exactly the documents that were committed:
a prefix of the corpus in ingest order, each with all of its facts (compared
with a reference database ingested without interruption). Running the same
command again finishes the rest; the result equals the reference, with no
duplicate facts. Then the same for an export: kill -9 while it writes, and
the output file is always the old one or the new one, whole.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import reliability_common as rc  # noqa: E402


def main():
    args = rc.parse_args(__doc__)
    check = rc.Checker()
    count = 400 if args.quick else 2000
    kills = 3 if args.quick else 6
    rules = os.path.join(args.source, "rules")
    corpus = os.path.join(args.work, "corpus")
    paths = rc.make_corpus(corpus, count)
    ingest = lambda db: [args.kith, "ingest", "--db", db, "--rules", rules, corpus]

    ref = os.path.join(args.work, "ref.db")
    started = time.monotonic()
    r = rc.run(ingest(ref))
    full_time = time.monotonic() - started
    if not check.check(r.returncode == 0, "reference ingest failed: " + r.stderr[-2000:]):
        check.finish()
    ref_facts = rc.document_facts(ref)
    print("reference: %d articles in %.1fs" % (len(ref_facts), full_time), flush=True)
    check.check(len(ref_facts) == count, "reference holds %d of %d articles" % (len(ref_facts), count))

    db = os.path.join(args.work, "killed.db")
    rng = random.Random(2024)
    stored_before = 0
    for attempt in range(kills):
        proc = subprocess.Popen(ingest(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The first kill lands at start-up (loading rules, creating the schema); each
        # later one a random part of the way into what is left.
        delay = rng.uniform(0.0, 0.1) if attempt == 0 else rng.uniform(0.05, 0.25) * full_time
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not os.path.exists(db):
            print("kill %d after %.2fs: no database yet" % (attempt + 1, delay), flush=True)
            continue
        ok, fk = rc.integrity(db)
        check.check(ok == "ok", "kill %d: integrity_check says %r" % (attempt + 1, ok))
        check.check(fk == 0, "kill %d: %d foreign key violations" % (attempt + 1, fk))
        if not rc.has_schema(db):
            # Killed after SQLite created the file, before the schema's transaction committed.
            check.check(stored_before == 0, "kill %d: the schema is gone after %d articles were stored"
                        % (attempt + 1, stored_before))
            print("kill %d after %.2fs: no schema yet" % (attempt + 1, delay), flush=True)
            continue
        facts = rc.document_facts(db)
        stored = sorted(facts)
        check.check(stored == paths[:len(stored)],
                    "kill %d: the stored articles are not a prefix of the corpus" % (attempt + 1))
        whole = sum(1 for p in stored if facts[p] == ref_facts.get(p))
        check.check(whole == len(stored),
                    "kill %d: %d of %d stored articles differ from the reference (partial writes?)"
                    % (attempt + 1, len(stored) - whole, len(stored)))
        check.check(len(stored) >= stored_before,
                    "kill %d: %d articles stored, fewer than the %d before" % (attempt + 1, len(stored), stored_before))
        stored_before = len(stored)
        print("kill %d after %.2fs: %d articles stored, each whole, integrity ok" % (attempt + 1, delay, len(stored)),
              flush=True)

    r = rc.run(ingest(db))
    check.check(r.returncode == 0, "the resumed ingest failed: " + r.stderr[-2000:])
    check.check("%d unchanged" % stored_before in r.stderr,
                "the resumed ingest did not skip the %d stored articles: %s" % (stored_before, r.stderr[-300:]))
    facts = rc.document_facts(db)
    check.check(facts == ref_facts, "after resuming, the articles' facts differ from the reference")
    check.check(rc.entity_rows(db) == rc.entity_rows(ref), "after resuming, the entities differ from the reference")
    check.check(rc.duplicate_facts(db) == rc.duplicate_facts(ref), "the resumed database has duplicate facts")
    ok, fk = rc.integrity(db)
    check.check(ok == "ok" and fk == 0, "after resuming: integrity %r, %d foreign key violations" % (ok, fk))
    print("resumed: %d articles, same facts and entities as the reference" % len(facts), flush=True)

    # An export killed while it writes leaves the old file or the new one, never a part.
    out = os.path.join(args.work, "graph.jsonld")
    with open(out, "w") as f:
        f.write('{"old": true}\n')
    started = time.monotonic()
    r = rc.run([args.kith, "export", "--db", ref, "--format", "jsonld", "--output", "-"])
    export_time = time.monotonic() - started
    new_text = r.stdout
    for attempt in range(kills):
        proc = subprocess.Popen([args.kith, "export", "--db", ref, "--format", "jsonld", "--output", out],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.0) * export_time)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with open(out) as f:
            text = f.read()
        check.check(text in ('{"old": true}\n', new_text),
                    "export kill %d: %s holds %d bytes that are neither the old nor the new file"
                    % (attempt + 1, out, len(text)))
        json.loads(text)
    leftovers = [n for n in os.listdir(args.work) if ".tmp." in n]
    print("export kills (export takes %.2fs): the output was always whole; %d temporary file(s) left by SIGKILL"
          % (export_time, len(leftovers)), flush=True)
    check.finish()


if __name__ == "__main__":
    main()
