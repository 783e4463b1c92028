// Loads a `kith export --format neo4j` directory into kuzu, an embedded
// Cypher database, and answers the relatives query of its queries.cypher.
//
// The schema adapter: kuzu has typed node tables (one label each) and typed
// relationship tables instead of Neo4j's free labels, so
// - each id space of the node files (id:ID(Person)) becomes a node table with
//   the file's typed columns and its :LABEL column as a `labels` list;
// - each :TYPE found in the relationship files becomes a relationship table
//   (FROM/TO every pair of id spaces it joins) with the files' columns;
// - the files are read by kuzu's own CSV reader (LOAD WITH HEADERS), with the
//   array delimiter and multi-line fields that import.sh gives neo4j-admin;
// - the query is the one after "// query: relatives" in queries.cypher, with
//   two Neo4j functions kuzu spells differently: type(t) -> label(t), and
//   startNode(t) = r -> struct_extract(t, '_src') = id(r).
// usage: node neo4j_kuzu.cjs DIR REQUESTS.json
//   REQUESTS.json: [{"name": ..., "link": ...}, ...]
// Prints {"counts": {table: rows}, "answers": [[row, ...] per request]}.
// Exits 77 when kuzu cannot be loaded on this machine.
'use strict';
const fs = require('fs');
const path = require('path');

let kuzu;
try {
  kuzu = require('kuzu');
} catch (e) {
  console.log('kuzu (optional npm dependency) cannot be loaded here: ' + String(e.message).split('\n')[0]);
  process.exit(77);
}

const TYPES = {'': 'STRING', 'string': 'STRING', 'int': 'INT64', 'long': 'INT64', 'short': 'INT64', 'byte': 'INT64',
               'boolean': 'BOOLEAN', 'float': 'DOUBLE', 'double': 'DOUBLE'};

function fail(message) {
  console.error(message);
  process.exit(1);
}

// import.sh: the neo4j-admin options and the file list.
function readImportScript(dir) {
  const text = fs.readFileSync(path.join(dir, 'import.sh'), 'utf8');
  if (!/exec neo4j-admin database import full \\\n/.test(text)) fail('import.sh: no neo4j-admin database import full');
  const option = (name) => { const m = text.match(new RegExp('--' + name + '=(\\S+)')); return m ? m[1] : null; };
  if (option('id-type') !== 'integer') fail('import.sh: expected --id-type=integer');
  if (option('multiline-fields') !== 'true') fail('import.sh: expected --multiline-fields=true');
  const delimiter = option('array-delimiter');
  const m = delimiter && delimiter.match(/^U\+([0-9A-Fa-f]{4})$/);
  const separator = m ? String.fromCharCode(parseInt(m[1], 16)) : (delimiter || ';');
  const files = (kind) => [...text.matchAll(new RegExp('--' + kind + '="\\$DIR/([^"]+)"', 'g'))].map((x) => x[1]);
  return {separator, nodes: files('nodes'), relationships: files('relationships')};
}

// One header field: {name, type (kuzu), array, role: id|start|end|label|type|null, group}.
function parseHeader(dir, file) {
  const line = fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[0];
  return line.split(',').map((field) => {
    const at = field.indexOf(':');
    const name = at < 0 ? field : field.slice(0, at);
    let type = at < 0 ? '' : field.slice(at + 1);
    const special = type.match(/^(ID|START_ID|END_ID)\((\w+)\)$/);
    const roles = {ID: 'id', START_ID: 'start', END_ID: 'end'};
    if (special) {
      return {name: name || '_' + roles[special[1]], type: 'INT64', role: roles[special[1]], group: special[2]};
    }
    if (type === 'LABEL') return {name: '_labels', type: 'STRING[]', role: 'label'};
    if (type === 'TYPE') return {name: '_type', type: 'STRING', role: 'type'};
    const array = type.endsWith('[]');
    if (array) type = type.slice(0, -2);
    if (!(type.toLowerCase() in TYPES)) fail(file + ': unknown column type ' + field);
    return {name, type: TYPES[type.toLowerCase()] + (array ? '[]' : ''), array, role: null};
  });
}

const q = (name) => '`' + name.replace(/`/g, '``') + '`';

// A kuzu expression converting CSV column c<i> (a STRING or NULL) to the field's type.
function convert(field, i) {
  const c = 'c' + i;
  if (field.type === 'STRING') return c;
  if (field.type === 'STRING[]') return `string_split(${c}, $sep)`;
  if (field.type.endsWith('[]')) return `cast(string_split(${c}, $sep) AS ${field.type})`;
  if (field.type === 'BOOLEAN') return `CASE WHEN ${c} IS NULL THEN NULL ELSE lower(${c}) = 'true' END`;
  return `cast(${c} AS ${field.type})`;
}

(async () => {
  const [dir, requestsFile] = process.argv.slice(2);
  const requests = JSON.parse(fs.readFileSync(requestsFile, 'utf8'));
  const setup = readImportScript(dir);
  const db = new kuzu.Database(':memory:');
  const conn = new kuzu.Connection(db);
  // `text` is a query, or a statement prepared before (then `params` are given).
  const run = async (text, params) => {
    try {
      const statement = typeof text === 'string' && params ? await conn.prepare(text) : text;
      const result = params ? await conn.execute(statement, params) : await conn.query(text);
      const rows = await result.getAll();
      result.close();
      return rows;
    } catch (e) {
      fail('kuzu: ' + e.message + '\nin: ' + text);
    }
  };
  const load = (file, fields) =>
    `LOAD WITH HEADERS (${fields.map((_, i) => 'c' + i + ' STRING').join(', ')}) ` +
    `FROM ${JSON.stringify(path.join(dir, file))} ` +
    `(header=true, delim=',', quote='"', escape='"', parallel=false)`;
  const needsSep = (fields) => fields.some((f) => f.type.endsWith('[]'));

  const counts = {};
  for (const file of setup.nodes) {
    const fields = parseHeader(dir, file);
    const id = fields.find((f) => f.role === 'id');
    if (!id) fail(file + ': no id:ID(...) column');
    await run(`CREATE NODE TABLE ${q(id.group)}(${fields.map((f) => q(f.name) + ' ' + f.type).join(', ')}, ` +
              `PRIMARY KEY(${q(id.name)}))`);
    const props = fields.map((f, i) => q(f.name) + ': ' + convert(f, i)).join(', ');
    await run(`${load(file, fields)} CREATE (:${q(id.group)} {${props}})`,
              needsSep(fields) ? {sep: setup.separator} : null);
    counts[id.group] = (await run(`MATCH (n:${q(id.group)}) RETURN count(*) AS n`))[0].n;
  }
  // Relationship tables: every :TYPE with the id spaces it joins and its properties.
  const rels = {};
  const relFiles = setup.relationships.map((file) => ({file, fields: parseHeader(dir, file), types: []}));
  for (const relFile of relFiles) {
    const {file, fields} = relFile;
    const start = fields.find((f) => f.role === 'start');
    const end = fields.find((f) => f.role === 'end');
    const type = fields.findIndex((f) => f.role === 'type');
    if (!start || !end || type < 0) fail(file + ': needs :START_ID(...), :END_ID(...) and :TYPE');
    for (const row of await run(`${load(file, fields)} RETURN DISTINCT c${type} AS t`)) {
      relFile.types.push(row.t);
      const rel = rels[row.t] || (rels[row.t] = {pairs: new Set(), props: new Map()});
      rel.pairs.add(start.group + '\u0000' + end.group);
      for (const f of fields.filter((x) => x.role === null)) rel.props.set(f.name, f.type);
    }
  }
  for (const [type, rel] of Object.entries(rels)) {
    const pairs = [...rel.pairs].map((p) => p.split('\u0000')).map(([a, b]) => `FROM ${q(a)} TO ${q(b)}`);
    const props = [...rel.props].map(([name, t]) => q(name) + ' ' + t);
    await run(`CREATE REL TABLE ${q(type)}(${pairs.concat(props).join(', ')})`);
  }
  for (const {file, fields, types} of relFiles) {
    const s = fields.findIndex((f) => f.role === 'start');
    const e = fields.findIndex((f) => f.role === 'end');
    const t = fields.findIndex((f) => f.role === 'type');
    const props = fields.map((f, i) => [f, i]).filter(([f]) => f.role === null)
                        .map(([f, i]) => q(f.name) + ': ' + convert(f, i)).join(', ');
    for (const type of types) {
      await run(`${load(file, fields)} WITH * WHERE c${t} = $type ` +
                `MATCH (a:${q(fields[s].group)} {${q('id')}: cast(c${s} AS INT64)}), ` +
                `(b:${q(fields[e].group)} {${q('id')}: cast(c${e} AS INT64)}) ` +
                `CREATE (a)-[:${q(type)} {${props}}]->(b)`,
                Object.assign({type}, needsSep(fields) ? {sep: setup.separator} : {}));
    }
  }
  for (const type of Object.keys(rels)) {
    counts[type] = (await run(`MATCH ()-[r:${q(type)}]->() RETURN count(*) AS n`))[0].n;
  }

  // The relatives query of queries.cypher, adapted.
  const lines = fs.readFileSync(path.join(dir, 'queries.cypher'), 'utf8').split('\n');
  const at = lines.indexOf('// query: relatives');
  if (at < 0) fail('queries.cypher: no "// query: relatives"');
  const body = [];
  for (const line of lines.slice(at + 1)) {
    if (line.startsWith('//')) continue;
    body.push(line);
    if (line.trimEnd().endsWith(';')) break;
  }
  let query = body.join('\n').trimEnd().replace(/;$/, '');
  for (const [neo4j, kz] of [['type(t)', 'label(t)'], ['startNode(t) = r', "struct_extract(t, '_src') = id(r)"]]) {
    if (query.split(neo4j).length < 2) fail('queries.cypher relatives query: no ' + neo4j + ' to adapt');
    query = query.split(neo4j).join(kz);
  }
  // Prepared once: planning the query again for each of thousands of requests took most of the time.
  // kuzu reports a query it cannot prepare on the statement, not by throwing.
  const relatives = await conn.prepare(query);
  if (!relatives.isSuccess()) fail('kuzu: ' + relatives.getErrorMessage() + '\nin: ' + query);
  const answers = [];
  for (const r of requests) answers.push(await run(relatives, {name: r.name, link: r.link}));
  // Closed before exit: left to the process's exit, kuzu's native teardown now and then crashes.
  await conn.close();
  await db.close();
  process.stdout.write(JSON.stringify({counts, answers}));
})().catch((e) => fail(e && e.stack ? e.stack : String(e)));
