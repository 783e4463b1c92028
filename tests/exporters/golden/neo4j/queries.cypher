// Cypher queries for the graph that import.sh loads (Neo4j 5).
// Written by `kith export --format neo4j`. Each query follows a "// query: NAME" line and
// ends at the first line that ends in a semicolon. In cypher-shell, set the parameters first:
//   :param name => 'Saule Mukhtarqyzy'
//   :param link => 'any'

// query: relatives
// Relatives of a person by family link: what `kith relatives NAME --link LINK` answers at
// depth 1. $name is a name or alias (any case); $link is any, parent, child, sibling,
// spouse, relative, or mother, father, son, daughter, brother, sister, husband, wife.
// One row per relative and link, where link is the relative's relation TO the named person
// ("parent": the relative is a parent of NAME). terms are the kin terms the articles use
// for the relative ("mother"; none when only the other side is named, as in "her son");
// inferred is true when every tie behind the row was inferred; articles are the paths of
// the articles that state the ties.
WITH toLower($name) AS wanted_name, $link AS wanted_link
MATCH (p:Person)
WHERE toLower(p.name) = wanted_name
   OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = wanted_name)
MATCH (p)-[t:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF]-(r:Person)
WHERE r <> p
WITH r, t, wanted_link,
     CASE type(t)
       WHEN 'PARENT_OF' THEN CASE WHEN startNode(t) = r THEN 'parent' ELSE 'child' END
       WHEN 'SIBLING_OF' THEN 'sibling'
       WHEN 'SPOUSE_OF' THEN 'spouse'
       ELSE 'relative'
     END AS link
WITH r, t, link,
     CASE wanted_link
       WHEN 'mother' THEN 'parent' WHEN 'father' THEN 'parent'
       WHEN 'son' THEN 'child' WHEN 'daughter' THEN 'child'
       WHEN 'brother' THEN 'sibling' WHEN 'sister' THEN 'sibling'
       WHEN 'husband' THEN 'spouse' WHEN 'wife' THEN 'spouse'
       ELSE wanted_link
     END AS base_link,
     CASE
       WHEN wanted_link IN ['mother', 'daughter', 'sister', 'wife'] THEN 'female'
       WHEN wanted_link IN ['father', 'son', 'brother', 'husband'] THEN 'male'
     END AS gender
WHERE (base_link = 'any' OR link = base_link) AND (gender IS NULL OR r.gender = gender)
RETURN r.id AS id, r.name AS name, r.description AS description, link,
       collect(DISTINCT CASE WHEN (startNode(t) = r) <> (t.relation = 'child') THEN t.term END) AS terms,
       NOT (false IN collect(DISTINCT t.inferred)) AS inferred,
       1 AS depth,
       collect(DISTINCT t.article) AS articles
ORDER BY id, link;

// query: family
// A person's family up to three ties away, for Neo4j Browser's graph view.
MATCH path = (p:Person)-[:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF*1..3]-(:Person)
WHERE toLower(p.name) = toLower($name)
RETURN path;

// query: ties
// Every family tie with the sentence that states it.
MATCH (a:Person)-[t:PARENT_OF|SIBLING_OF|SPOUSE_OF|RELATIVE_OF]->(b:Person)
RETURN coalesce(a.name, a.description) AS from, type(t) AS type, t.term AS term,
       coalesce(b.name, b.description) AS to, t.inferred AS inferred, t.article AS article,
       t.sentence AS sentence, t.rule AS rule
ORDER BY t.tieId;
