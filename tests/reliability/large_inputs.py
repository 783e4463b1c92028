#!/usr/bin/env python3
"""Large and pathological articles through `kith ingest`, with memory measured.

- A 100 MB article (a real file, not sparse) and the same 100 MB on standard
  input are refused by the size limit with a message naming both sizes; kith's
  peak memory stays far below the input's size (stdin is read only up to the
  limit).
- A one-line 10 MB article is refused by the default limit (8 MiB); with the
  limit raised, a long one-line article goes through the whole pipeline.
- Twenty thousand capitalised words in a row, and quotes nested or left open
  thousands deep, are ingested.
Each run also leaves the database consistent and the other articles stored.
"""

import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import reliability_common as rc  # noqa: E402

MB = 1024 * 1024
DEFAULT_LIMIT = 8 * MB


def run_measured(cmd, stdin=None):
    """(exit code, stderr, peak RSS in MB, seconds) of one child process."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, err, usage.ru_maxrss / 1024.0, time.monotonic() - started


def sentences(approx_bytes, seed=3):
    out, size, i = [], 0, 0
    names = ["Aigerim Sadykova", "Marat Serikuly", "Saule Mukhtarqyzy", "Yerlan Tokhtar"]
    while size < approx_bytes:
        s = ("%s said on March %d that her son was detained in Almaty, and that %s joined the protest "
             "outside the court. " % (names[i % 4], i % 28 + 1, names[(i + seed) % 4]))
        out.append(s)
        size += len(s)
        i += 1
    return "".join(out)[:approx_bytes]


def main():
    args = rc.parse_args(__doc__)
    check = rc.Checker()
    rules = os.path.join(args.source, "rules")
    db = os.path.join(args.work, "kith.db")
    good = os.path.join(args.work, "good.txt")
    with open(good, "w") as f:
        f.write("Activist Aliya Serikqyzy spoke in Almaty. Her son, Arman Bekuly, was detained.\n")
    ingest = lambda *paths, extra=(): [args.kith, "ingest", "--db", db, "--rules", rules] + list(extra) + list(paths)
    # Headroom for the sanitizers' shadow memory in --quick (ASan) builds.
    rss_bound = 400 if args.quick else 120

    # A real 100 MB article, refused by its size before it is read.
    huge = os.path.join(args.work, "huge.txt")
    block = sentences(MB).encode()
    with open(huge, "wb") as f:
        for _ in range(100):
            f.write(block)
    code, err, rss, secs = run_measured(ingest(huge, good))
    check.check(code == 1, "100 MB article: exit %d" % code)
    check.check("%s: error: file too large: %d bytes (limit %d bytes" % (huge, 100 * MB, DEFAULT_LIMIT) in err,
                "100 MB article: no size message: " + err[-500:])
    check.check("1 new" in err, "100 MB article: the good article was not stored: " + err[-300:])
    check.check(rss < rss_bound, "100 MB article: peak memory %.0f MB" % rss)
    print("100 MB article: refused by its size in %.1fs, peak memory %.0f MB" % (secs, rss), flush=True)

    # The same bytes on standard input: read only up to the limit.
    with open(huge, "rb") as f:
        code, err, rss, secs = run_measured(ingest("-"), stdin=f)
    check.check(code == 1, "100 MB on stdin: exit %d" % code)
    check.check("-: error: file too large: more than %d bytes" % DEFAULT_LIMIT in err,
                "100 MB on stdin: no size message: " + err[-500:])
    check.check(rss < rss_bound + 3 * DEFAULT_LIMIT / MB, "100 MB on stdin: peak memory %.0f MB" % rss)
    print("100 MB on stdin: refused after %d bytes in %.1fs, peak memory %.0f MB" % (DEFAULT_LIMIT + 1, secs, rss),
          flush=True)
    os.remove(huge)

    # One line of 10 MB: refused by the default limit.
    one_line = os.path.join(args.work, "one_line_10mb.txt")
    with open(one_line, "w") as f:
        f.write(sentences(10 * MB) + "\n")
    code, err, rss, secs = run_measured(ingest(one_line))
    check.check(code == 1 and "%s: error: file too large: %d bytes" % (one_line, 10 * MB + 1) in err,
                "one-line 10 MB article: " + err[-500:])
    print("one-line 10 MB article: refused by the default limit (--max-bytes raises it)", flush=True)
    # A long one-line article under a raised limit goes through the pipeline. (Extraction
    # time grows faster than linearly with an article's length: see the README's
    # Reliability section. The size stays moderate so the test stays fast.)
    size = 32 * 1024 if args.quick else 128 * 1024
    with open(one_line, "w") as f:
        f.write(sentences(size) + "\n")
    code, err, rss, secs = run_measured(ingest(one_line, extra=["--max-bytes", str(20 * MB)]))
    check.check(code == 0 and "1 new" in err, "one-line %d KB article: exit %d: %s" % (size // 1024, code, err[-500:]))
    persons = rc.run([args.kith, "stats", "--db", db]).stdout
    check.check("persons" in persons, "stats failed after the one-line article")
    print("one-line %d KB article: ingested in %.1fs, peak memory %.0f MB" % (size // 1024, secs, rss), flush=True)

    # Thousands of capitalised words in a row.
    words = ["Aigerim", "Sadykova", "Marat", "Serikuly", "Almaty", "Court", "Bishkek", "Nur", "Sultan", "Kazakh",
             "Son", "Mother", "Embassy", "Chinese", "Consulate", "Police"]
    count = 3000 if args.quick else 20000
    caps = os.path.join(args.work, "capitalised.txt")
    with open(caps, "w") as f:
        f.write(" ".join(words[(i * 7 + i // 3) % len(words)] for i in range(count)) + " said.\n")
    code, err, rss, secs = run_measured(ingest(caps))
    check.check(code == 0 and "1 new" in err, "%d capitalised words: exit %d: %s" % (count, code, err[-500:]))
    print("%d capitalised words in a row: ingested in %.1fs" % (count, secs), flush=True)

    # Quotes nested and never closed, thousands deep.
    depth = 3000 if args.quick else 20000
    quotes = os.path.join(args.work, "quotes.txt")
    with open(quotes, "w", encoding="utf-8") as f:
        f.write('He said "' * depth + " it.\n\n")
        f.write("\u201c\u00ab\u2018" * depth + "\n\n")
        f.write('"' * (2 * depth) + "\n\n")
        f.write("\u201cMarat \u00abSerikuly\u2019 said \u201chis \u2018mother\u201d was detained.\n")
    code, err, rss, secs = run_measured(ingest(quotes))
    check.check(code == 0 and "1 new" in err, "nested quotes: exit %d: %s" % (code, err[-500:]))
    print("quotes %d deep, unbalanced: ingested in %.1fs" % (depth, secs), flush=True)

    ok, fk = rc.integrity(db)
    check.check(ok == "ok" and fk == 0, "integrity %r, %d foreign key violations" % (ok, fk))
    check.finish()


if __name__ == "__main__":
    main()
