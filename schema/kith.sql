-- kith store schema, version 1.
--
-- The knowledge graph of a set of news articles, with provenance: every fact
-- row (mention, relation, event) names its document, its sentence and the
-- half-open byte span [begin, end) of the original text that states it, and
-- the id of the rule that produced it. Deleting a document deletes its facts
-- (ON DELETE CASCADE); entities are shared across documents and removed by
-- the store once no fact refers to them.
--
-- This file is embedded into the binary at build time and applied by
-- src/store/migrations.cpp in one transaction, which then sets
-- PRAGMA user_version = 1. Later versions add migration steps there; this
-- file stays the version-1 DDL. Version 2 adds event_same_as (one happening
-- reported by several articles) and the index events_by_happening.
--
-- Conventions: ids are INTEGER PRIMARY KEY; documents, entities, relations
-- and events use AUTOINCREMENT so that an id (and the export IRI built from
-- it, "kith:person/12") is never reused for something else. Byte offsets are
-- INTEGER >= 0; "begin" and "end" are quoted because they are SQL keywords.
-- Every foreign key column has an index, so cascading deletes never scan.

CREATE TABLE kith_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO kith_meta (key, value) VALUES ('application', 'kith');

-- One row per ingested article. content_hash is the SHA-256 of the bytes.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  content_hash TEXT NOT NULL UNIQUE,
  path         TEXT NOT NULL,            -- as given on the command line; '-' for stdin
  title        TEXT NOT NULL DEFAULT '',
  date         TEXT NOT NULL DEFAULT '', -- ISO 8601 (or a prefix), '' when unknown
  url          TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '', -- publisher
  byte_length  INTEGER NOT NULL CHECK (byte_length >= 0),
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_path ON documents (path);

-- Sentences of a document, by position; idx is 0-based.
CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL CHECK (idx >= 0),
  "begin"     INTEGER NOT NULL CHECK ("begin" >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" >= "begin"),
  text        TEXT NOT NULL DEFAULT '',  -- the sentence as written, for showing evidence
  UNIQUE (document_id, idx)
);

-- Persons, organizations and places. A named entity is shared by every
-- document that names it (the store's entity matcher decides); an unnamed
-- person (name IS NULL, described e.g. as "son of X") belongs to the one
-- document in origin_document_id and is never merged.
CREATE TABLE entities (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  kind               TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
  type               TEXT NOT NULL,      -- schema.org type: Person, GovernmentOrganization, City, ...
  name               TEXT,               -- canonical name; NULL for an unnamed person
  normalized         TEXT,               -- matching key of name; NULL when name is NULL
  gender             TEXT CHECK (gender IN ('male', 'female')),
  age                INTEGER CHECK (age >= 0),
  description        TEXT,
  located_in         INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  origin_document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  CHECK ((name IS NULL) = (normalized IS NULL)),
  CHECK (name IS NOT NULL OR (kind = 'person' AND origin_document_id IS NOT NULL))
);
CREATE INDEX entities_by_name ON entities (kind, normalized);
CREATE INDEX entities_by_location ON entities (located_in);
CREATE INDEX entities_by_origin ON entities (origin_document_id);

-- Every name an entity goes by, the canonical name included.
CREATE TABLE entity_names (
  entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  normalized TEXT NOT NULL,
  UNIQUE (entity_id, normalized)
);
CREATE INDEX entity_names_by_normalized ON entity_names (normalized);

-- A stretch of text that names an entity.
CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  sentence_id INTEGER REFERENCES sentences (id) ON DELETE CASCADE,
  entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  "begin"     INTEGER NOT NULL CHECK ("begin" >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" >= "begin"),
  text        TEXT NOT NULL,             -- the bytes [begin, end) of the document
  rule        TEXT NOT NULL
);
CREATE INDEX mentions_by_document ON mentions (document_id);
CREATE INDEX mentions_by_entity ON mentions (entity_id);
CREATE INDEX mentions_by_sentence ON mentions (sentence_id);

-- subject_entity is `type` of object_entity: (A, 'parent', B) reads
-- "A is a parent of B". Family types: parent, child, sibling, spouse, relative.
CREATE TABLE relations (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  subject_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  type           TEXT NOT NULL,
  object_entity  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  term           TEXT NOT NULL DEFAULT '', -- the kin term as written: 'younger brother'
  inferred       INTEGER NOT NULL DEFAULT 0 CHECK (inferred IN (0, 1)),
  sentence_id    INTEGER REFERENCES sentences (id) ON DELETE CASCADE,
  "begin"        INTEGER NOT NULL CHECK ("begin" >= 0),
  "end"          INTEGER NOT NULL CHECK ("end" >= "begin"),
  rule           TEXT NOT NULL
);
CREATE INDEX relations_by_document ON relations (document_id);
CREATE INDEX relations_by_subject ON relations (subject_entity);
CREATE INDEX relations_by_object ON relations (object_entity);
CREATE INDEX relations_by_sentence ON relations (sentence_id);

-- For an inferred relation: the relations it was inferred from.
CREATE TABLE relation_sources (
  relation_id        INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
  source_relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
  PRIMARY KEY (relation_id, source_relation_id)
) WITHOUT ROWID;
CREATE INDEX relation_sources_by_source ON relation_sources (source_relation_id);

-- Events: Protest, Detention, Sentence, Fine, Release, Death, Travel, ...
CREATE TABLE events (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL,
  date           TEXT NOT NULL DEFAULT '', -- ISO 8601 as far as known: '2021-02-22', '--02-22', '2019'
  date_precision TEXT NOT NULL DEFAULT '', -- 'day', 'month', 'year' or ''
  place_entity   INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  sentence_id    INTEGER REFERENCES sentences (id) ON DELETE CASCADE,
  "begin"        INTEGER NOT NULL CHECK ("begin" >= 0),
  "end"          INTEGER NOT NULL CHECK ("end" >= "begin"),
  rule           TEXT NOT NULL,
  attributes     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)) -- JSON object of strings
);
CREATE INDEX events_by_document ON events (document_id);
CREATE INDEX events_by_place ON events (place_entity);
CREATE INDEX events_by_sentence ON events (sentence_id);

-- Who took part in an event, and as what: protester, detainee, defendant, ...
CREATE TABLE event_roles (
  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role      TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  UNIQUE (event_id, role, entity_id)
);
CREATE INDEX event_roles_by_entity ON event_roles (entity_id);

-- Views for the sqlite3 shell.

-- Every family tie, readable: "subject is `type` (term) of object".
CREATE VIEW family_ties AS
SELECT r.id AS relation_id,
       COALESCE(s.name, s.description, '(unnamed person ' || s.id || ')') AS subject,
       r.type AS type,
       r.term AS term,
       COALESCE(o.name, o.description, '(unnamed person ' || o.id || ')') AS object,
       r.inferred AS inferred,
       d.path AS document,
       r.rule AS rule
FROM relations AS r
JOIN entities AS s ON s.id = r.subject_entity
JOIN entities AS o ON o.id = r.object_entity
JOIN documents AS d ON d.id = r.document_id
WHERE r.type IN ('parent', 'child', 'sibling', 'spouse', 'relative');

-- Every name of every named person; is_canonical marks the entity's own name.
CREATE VIEW person_names AS
SELECT e.id AS person_id,
       n.name AS name,
       n.normalized AS normalized,
       (n.normalized = e.normalized) AS is_canonical,
       e.gender AS gender,
       e.age AS age
FROM entities AS e
JOIN entity_names AS n ON n.entity_id = e.id
WHERE e.kind = 'person';

-- Who took part in which event.
CREATE VIEW event_participants AS
SELECT v.id AS event_id,
       v.kind AS kind,
       v.date AS date,
       r.role AS role,
       COALESCE(e.name, e.description, '(unnamed person ' || e.id || ')') AS participant,
       d.path AS document
FROM events AS v
JOIN event_roles AS r ON r.event_id = v.id
JOIN entities AS e ON e.id = r.entity_id
JOIN documents AS d ON d.id = v.document_id;
