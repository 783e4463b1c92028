"""Shared helpers of the process-level reliability tests (standard library only).

Each test script takes --kith (the binary), --source (the source tree), --work
(a scratch directory, emptied first) and --quick (smaller sizes, for the
sanitizer build). It prints what it does, exits 0 on success, 1 on a failed
check, 77 when it cannot run here (ctest shows it as skipped).
"""

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys

SKIP = 77


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--kith", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


class Checker:
    """Counts checks; a failed one is printed, and finish() exits 1 if any failed."""

    def __init__(self):
        self.failures = 0
        self.checks = 0

    def check(self, condition, message):
        self.checks += 1
        if not condition:
            self.failures += 1
            print("FAILED: " + message, flush=True)
        return condition

    def finish(self):
        print("%d passed, %d failed" % (self.checks - self.failures, self.failures), flush=True)
        sys.exit(1 if self.failures else 0)


FIRST_F = ["Aigerim", "Saule", "Gulnara", "Dina", "Zhanar", "Aizhan", "Madina", "Asel", "Nurgul", "Kamila"]
FIRST_M = ["Marat", "Yerlan", "Serik", "Bakyt", "Nurlan", "Askar", "Timur", "Daniyar", "Ruslan", "Arman"]
LAST = ["Sadykova", "Tokhtar", "Serikuly", "Mukhtarqyzy", "Bekov", "Akhmetov", "Nurova", "Zhaksylyk",
        "Omarov", "Karimova", "Tulegen", "Abenov", "Dauletov", "Sultanova", "Ismailov"]
CITIES = ["Almaty", "Bishkek", "Shymkent", "Osh", "Astana"]


def make_corpus(directory, count, seed=7):
    """Writes `count` small articles a00000.txt... (persons, kin ties, events,
    names shared across articles) and returns their paths in the order kith
    ingests them (sorted)."""
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    paths = []
    for i in range(count):
        mother = "%s %s" % (rng.choice(FIRST_F), rng.choice(LAST))
        son = "%s %s" % (rng.choice(FIRST_M), rng.choice(LAST))
        brother = "%s %s" % (rng.choice(FIRST_M), mother.split()[1])
        city = rng.choice(CITIES)
        text = (
            "Relatives Protest In %(city)s\n\n"
            "%(city)s, Kazakhstan -- %(mother)s, a %(age)d-year-old teacher, said on Monday that her son "
            "%(son)s was detained by police in %(city)s on March %(day)d.\n"
            "\"My son did nothing wrong,\" %(surname)s said outside the court. Her brother %(brother)s "
            "joined the protest, the report number %(i)d said.\n"
            % {"city": city, "mother": mother, "age": rng.randint(20, 80), "son": son,
               "day": rng.randint(1, 28), "surname": mother.split()[1], "brother": brother, "i": i})
        path = os.path.join(directory, "a%05d.txt" % i)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return sorted(paths)


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def connect(path):
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def integrity(db_path):
    """(integrity_check result, number of foreign key violations)."""
    db = connect(db_path)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        fk = len(db.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        db.close()
    return ok, fk


def has_schema(db_path):
    """Whether kith's schema is in the database (a run killed at start-up may leave an empty file)."""
    db = connect(db_path)
    try:
        return db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0] == 1
    finally:
        db.close()


def document_facts(db_path):
    """{document path: (content hash, its sentences, mentions, relations, events)}, with
    entities by name rather than id, so two databases compare by what they say."""
    db = connect(db_path)
    try:
        names = {}
        for eid, kind, name, desc in db.execute("SELECT id, kind, name, description FROM entities"):
            names[eid] = (kind, name if name is not None else "~" + (desc or ""))
        out = {}
        for doc_id, path, digest in db.execute("SELECT id, path, content_hash FROM documents"):
            sentences = sorted(db.execute(
                'SELECT idx, "begin", "end" FROM sentences WHERE document_id = ?', (doc_id,)).fetchall())
            mentions = sorted((b, e, rule, names.get(ent)) for b, e, rule, ent in db.execute(
                'SELECT "begin", "end", rule, entity_id FROM mentions WHERE document_id = ?', (doc_id,)))
            relations = sorted((names.get(s), t, names.get(o), term, inferred, b, e, rule)
                               for s, t, o, term, inferred, b, e, rule in db.execute(
                'SELECT subject_entity, type, object_entity, term, inferred, "begin", "end", rule '
                "FROM relations WHERE document_id = ?", (doc_id,)))
            events = []
            for ev_id, kind, date, b, e, rule in db.execute(
                    'SELECT id, kind, date, "begin", "end", rule FROM events WHERE document_id = ?', (doc_id,)):
                roles = sorted((role, names.get(ent)) for role, ent in db.execute(
                    "SELECT role, entity_id FROM event_roles WHERE event_id = ?", (ev_id,)))
                events.append((kind, date, b, e, rule, tuple(roles)))
            out[path] = (digest, tuple(sentences), tuple(mentions), tuple(relations), tuple(sorted(events)))
        return out
    finally:
        db.close()


def entity_rows(db_path):
    db = connect(db_path)
    try:
        return sorted(db.execute(
            "SELECT kind, type, coalesce(name, ''), coalesce(gender, ''), coalesce(age, -1), "
            "coalesce(description, '') FROM entities").fetchall())
    finally:
        db.close()


def duplicate_facts(db_path):
    """Rows that say the same thing twice: documents with one hash, relations and
    mentions repeated within a document."""
    db = connect(db_path)
    try:
        dup_docs = db.execute(
            "SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1)"
        ).fetchone()[0]
        dup_rel = db.execute(
            'SELECT count(*) FROM (SELECT 1 FROM relations GROUP BY document_id, subject_entity, type, '
            'object_entity, "begin", "end", rule HAVING count(*) > 1)').fetchone()[0]
        dup_men = db.execute(
            'SELECT count(*) FROM (SELECT 1 FROM mentions GROUP BY document_id, entity_id, "begin", "end", rule '
            "HAVING count(*) > 1)").fetchone()[0]
        return dup_docs + dup_rel + dup_men
    finally:
        db.close()
