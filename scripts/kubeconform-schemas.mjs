// kubeconform-ready Kubernetes JSON schemas from the ones the PyPI package kubernetes-validate bundles.
// Its files carry an https $id and reference "/api/_definitions.json" (1.4 MB, every definition), which
// kubeconform would try to download, and which it compiles whole for every kind it meets: 10 s of CPU for
// one run over the chart. Each kind's copy here is standalone instead: no $id, and only the definitions
// it reaches, inlined under its own $defs (the whole run: under 1 s of CPU).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFINITIONS = '_definitions.json';
const REF_PREFIXES = [`/api/${DEFINITIONS}#/$defs/`, `${DEFINITIONS}#/$defs/`, '#/$defs/'];

/** Every $ref string under `node`. */
function refsOf(node, found = []) {
  if (Array.isArray(node)) node.forEach((child) => refsOf(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

const definitionName = (ref) => {
  const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
  return prefix ? ref.slice(prefix.length) : undefined;
};

/** The schema with every definition it reaches inlined under $defs and its references made local. */
function standalone(schema, definitions) {
  const reached = {};
  const pending = refsOf(schema);
  while (pending.length > 0) {
    const name = definitionName(pending.pop());
    if (name === undefined || name in reached || !(name in definitions)) continue;
    reached[name] = definitions[name];
    pending.push(...refsOf(definitions[name]));
  }
  const { $id: _id, ...rest } = schema;
  const text = JSON.stringify(Object.keys(reached).length > 0 ? { ...rest, $defs: reached } : rest);
  return text.replace(/"\$ref":"(?:\/api\/)?_definitions\.json#/g, '"$ref":"#');
}

/** Writes the standalone schemas of `source` (a kubernetes-validate version folder) into `target` once. */
export function ensureStandaloneSchemas(source, target) {
  if (existsSync(join(target, '.complete'))) return;
  const definitions = JSON.parse(readFileSync(join(source, DEFINITIONS), 'utf8')).$defs;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source).filter((name) => name.endsWith('.json') && name !== DEFINITIONS)) {
    writeFileSync(
      join(target, file),
      standalone(JSON.parse(readFileSync(join(source, file), 'utf8')), definitions),
    );
  }
  writeFileSync(join(target, '.complete'), '');
}
