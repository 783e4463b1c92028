// Reads a GraphML file with graphology-graphml (the parser Gephi Lite uses)
// and prints what it read as JSON: graph type, counts, every node's and
// every edge's attributes (with the JavaScript types they were given).
// usage: node graphml_graphology.cjs FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');

const text = fs.readFileSync(process.argv[2], 'utf8');
const graph = graphml.parse(Graph, text);
const nodes = {};
graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
const edges = {};
graph.forEachEdge((key, attributes, source, target) => { edges[key] = {source, target, attributes}; });
process.stdout.write(JSON.stringify({type: graph.type, multi: graph.multi, order: graph.order, size: graph.size,
                                     nodes, edges}));
