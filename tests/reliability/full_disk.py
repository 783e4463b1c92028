#!/usr/bin/env python3
"""A full disk, for real: a small tmpfs mounted in a private mount namespace
(unshare -m; needs root or user namespaces, else the test is skipped and the
store's own test with PRAGMA max_page_count, tests/store/storage_failure_test.cpp,
stands in).

An ingest onto the full disk stops with a message saying so, and how many
articles it did not attempt; the database passes integrity_check and
foreign_key_check and holds whole articles only; once there is room, the same
command finishes the rest and the result equals an ingest on a roomy disk.
An export onto the full disk fails naming the file, and the file it would have
replaced is intact.
"""

import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import reliability_common as rc  # noqa: E402

# The small disk holds a fraction of what the whole corpus needs (the
# reference database), and at least 1.5 MB (the schema and the write-ahead log
# of the first articles), so the ingest fills it part-way through.
DISK_FRACTION = 0.6


def inside(args):
    """Runs in the private mount namespace."""
    check = rc.Checker()
    ref_size = os.path.getsize(os.path.join(args.work, "ref.db"))
    mount_size = "%dk" % max(1536, int(ref_size * DISK_FRACTION) // 1024)
    mnt = os.path.join(args.work, "mnt")
    os.makedirs(mnt, exist_ok=True)
    r = rc.run(["mount", "-t", "tmpfs", "-o", "size=" + mount_size, "tmpfs", mnt])
    if r.returncode != 0:
        print("cannot mount a tmpfs here (%s): skipped; tests/store/storage_failure_test.cpp covers the full disk "
              "with PRAGMA max_page_count" % r.stderr.strip(), flush=True)
        sys.exit(rc.SKIP)
    try:
        rules = os.path.join(args.source, "rules")
        corpus = os.path.join(args.work, "corpus")
        paths = sorted(os.path.join(corpus, n) for n in os.listdir(corpus))
        ref_facts = rc.document_facts(os.path.join(args.work, "ref.db"))
        db = os.path.join(mnt, "kith.db")
        # One article per transaction, so the small disk takes some articles
        # whatever the machine's speed (a batch of many could be all or none).
        ingest = [args.kith, "ingest", "--db", db, "--rules", rules, "--batch", "1", corpus]

        r = rc.run(ingest)
        print(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "(no output)", flush=True)
        check.check(r.returncode == 1, "ingest on a full disk exited %d" % r.returncode)
        check.check("the disk is full" in r.stderr, "no 'disk is full' message: " + r.stderr[-1000:])
        check.check("stopping: the database cannot take more writes" in r.stderr and "not attempted" in r.stderr,
                    "the run did not stop: " + r.stderr[-1000:])
        check.check(r.stderr.count("error:") == 1, "more than the one failing article was reported: "
                    + r.stderr[-2000:])
        ok, fk = rc.integrity(db)
        check.check(ok == "ok" and fk == 0, "on a full disk: integrity %r, %d foreign key violations" % (ok, fk))
        facts = rc.document_facts(db)
        stored = sorted(facts)
        check.check(0 < len(stored) < len(paths), "%d of %d articles stored on the small disk" % (len(stored), len(paths)))
        check.check(stored == paths[:len(stored)], "the stored articles are not a prefix of the corpus")
        check.check(all(facts[p] == ref_facts[p] for p in stored), "an article on the full disk is not whole")
        print("full disk: %d of %d articles stored, each whole; integrity ok" % (len(stored), len(paths)), flush=True)

        # Stats and export still read it.
        r = rc.run([args.kith, "stats", "--db", db])
        check.check(r.returncode == 0, "stats on the full disk failed: " + r.stderr[-500:])

        # Room again: the same command finishes the rest.
        r = rc.run(["mount", "-o", "remount,size=64m", mnt])
        check.check(r.returncode == 0, "cannot grow the tmpfs: " + r.stderr)
        r = rc.run(ingest)
        check.check(r.returncode == 0, "ingest after freeing space failed: " + r.stderr[-1000:])
        check.check("%d unchanged" % len(stored) in r.stderr, "stored articles were not skipped: " + r.stderr[-300:])
        check.check(rc.document_facts(db) == ref_facts, "after freeing space the database differs from the reference")
        ok, fk = rc.integrity(db)
        check.check(ok == "ok" and fk == 0, "after freeing space: integrity %r, %d foreign key violations" % (ok, fk))

        # An export onto a full disk: refused, the old file intact, no temporary file left.
        output = os.path.join(mnt, "graph.jsonld")
        with open(output, "w") as f:
            f.write("old export\n")
        r = rc.run(["mount", "-o", "remount,size=" + mount_size, mnt])
        filler = os.path.join(mnt, "filler")
        rc.run(["dd", "if=/dev/zero", "of=" + filler, "bs=64k", "count=100000"])
        # (The database read is the roomy reference; the output goes to the full disk.)
        r = rc.run([args.kith, "export", "--db", os.path.join(args.work, "ref.db"), "--format", "jsonld",
                    "--output", output])
        check.check(r.returncode == 1, "export onto a full disk exited %d" % r.returncode)
        check.check(output in r.stderr and "No space left on device" in r.stderr,
                    "the export's message does not name the file and the cause: " + r.stderr[-500:])
        with open(output) as f:
            check.check(f.read() == "old export\n", "the export onto a full disk changed the old file")
        check.check(not [n for n in os.listdir(mnt) if ".tmp." in n], "the failed export left a temporary file")
        print("export onto the full disk: %s" % r.stderr.strip(), flush=True)
        os.remove(filler)
    finally:
        rc.run(["umount", mnt])
    check.finish()


def main():
    if "--inside" in sys.argv:
        sys.argv.remove("--inside")
        import argparse
        parser = argparse.ArgumentParser()
        for flag in ("--kith", "--source", "--work"):
            parser.add_argument(flag, required=True)
        parser.add_argument("--quick", action="store_true")
        inside(parser.parse_args())
        return
    args = rc.parse_args(__doc__)
    unshare = shutil.which("unshare")
    if unshare is None:
        print("unshare(1) not found: skipped; tests/store/storage_failure_test.cpp covers the full disk", flush=True)
        sys.exit(rc.SKIP)
    count = 150 if args.quick else 400
    rc.make_corpus(os.path.join(args.work, "corpus"), count)
    r = rc.run([args.kith, "ingest", "--db", os.path.join(args.work, "ref.db"), "--rules",
                os.path.join(args.source, "rules"), os.path.join(args.work, "corpus")])
    if r.returncode != 0:
        print("reference ingest failed: " + r.stderr[-2000:], flush=True)
        sys.exit(1)
    cmd = [unshare, "--mount", "--propagation", "private", sys.executable, os.path.abspath(__file__), "--inside",
           "--kith", args.kith, "--source", args.source, "--work", args.work] + (["--quick"] if args.quick else [])
    proc = subprocess.run(cmd)
    if proc.returncode != 0 and proc.returncode != rc.SKIP:
        # unshare itself refused (no privilege): not a failure of kith.
        probe = rc.run([unshare, "--mount", "true"])
        if probe.returncode != 0:
            print("cannot create a mount namespace here (%s): skipped" % probe.stderr.strip(), flush=True)
            sys.exit(rc.SKIP)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
