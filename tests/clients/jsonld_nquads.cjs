// Expands JSON-LD documents with jsonld.js and converts them to N-Quads,
// with no network: the document loader refuses every URL, so a document
// that needs a remote context fails here.
// usage: node jsonld_nquads.cjs IN.jsonld OUT.nq [IN2.jsonld OUT2.nq ...]
// Prints {"files": [{"expanded": <top-level nodes>, "quads": <count>}], "fetches": [urls asked for]}.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const fetches = [];
const documentLoader = async (url) => {
  fetches.push(url);
  throw new Error('no network in tests: refused to load ' + url);
};

(async () => {
  const files = [];
  const args = process.argv.slice(2);
  for (let i = 0; i + 1 < args.length; i += 2) {
    const doc = JSON.parse(fs.readFileSync(args[i], 'utf8'));
    const expanded = await jsonld.expand(doc, {documentLoader, safe: true});
    const nquads = await jsonld.toRDF(expanded, {format: 'application/n-quads', documentLoader, safe: true});
    fs.writeFileSync(args[i + 1], nquads);
    files.push({expanded: expanded.length, quads: nquads.split('\n').filter((l) => l.length > 0).length});
  }
  process.stdout.write(JSON.stringify({files, fetches}));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  if (e && e.details) console.error(JSON.stringify(e.details).slice(0, 2000));
  process.exit(1);
});
