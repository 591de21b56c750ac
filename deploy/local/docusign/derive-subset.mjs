// Derives the DocuSign eSignature subset that Prism mocks (component prism-docusign) from the vendor's own
// Swagger 2.0 document, at provision time:  node derive-subset.mjs <docusign_esignature_v2.1.json> <out.json>
// The raw document does not load in Prism, so instead of hand-editing a copy this script, every time:
//  - keeps only the operations the platform uses (OPERATIONS below) and the definitions they reach;
//  - drops the properties of features the platform does not use (UNUSED below): Prism inlines every $ref, and
//    templates, folders and the exotic recipient types (each with all ~40 tab types) inline envelopeDefinition
//    to ~77 MB, which Prism does not finish loading; of the tab types only those a lease uses (ONLY_USED) are
//    kept, since Prism compiles each body's validator on first use (90 s for envelopes with all of them).
//    A dropped property is neither validated nor mocked;
//  - drops the prose (`description`) inside definitions: over half of what Prism inlines, and no part of the
//    contract (operations keep theirs);
//  - cuts properties whose $ref names a definition the document lacks (offlineAttributes ×2, signHashDocument);
//  - breaks $ref cycles (folder→folder, envelope→powerForm→envelope, …): the edge that closes a cycle becomes
//    a plain object schema, so Prism can generate examples and still validates everything above it;
//  - declares `consumes`/`produces: [application/json]` where an operation has an empty list (Prism then refuses
//    every JSON body and answers with no body);
//  - folds basePath (/restapi) into the paths, because Prism ignores basePath.
// No npm dependencies: it runs before `npm ci` may have been run.
import { readFileSync, writeFileSync } from 'node:fs';

/** What the platform calls: envelopes (create, get, list, status), recipients, embedded signing, documents, Connect. */
const OPERATIONS = new Set([
  'Envelopes_PostEnvelopes',
  'Envelopes_GetEnvelope',
  'Envelopes_PutEnvelope',
  'Envelopes_GetEnvelopes',
  'Envelopes_PutStatus',
  'Recipients_GetRecipients',
  'Recipients_PostRecipients',
  'Views_PostEnvelopeRecipientView',
  'Documents_GetDocuments',
  'Documents_GetDocument',
  'Connect_GetConnectConfigs',
  'Connect_PostConnectConfiguration',
  'Connect_PutConnectConfiguration',
  'Connect_GetConnectConfig',
  'Connect_DeleteConnectConfig',
]);
/** definition → the only properties kept (the tabs a lease needs), before the reachable set is taken. */
const ONLY_USED = {
  EnvelopeRecipientTabs: [
    'checkboxTabs',
    'dateSignedTabs',
    'dateTabs',
    'emailAddressTabs',
    'fullNameTabs',
    'initialHereTabs',
    'signHereTabs',
    'textTabs',
  ],
};
/** definition → properties cut before the reachable set is taken (see the header). */
const UNUSED = {
  envelopeDefinition: ['compositeTemplates', 'folders', 'templateRoles'],
  envelope: ['folders'],
  EnvelopeRecipients: [
    'agents',
    'certifiedDeliveries',
    'editors',
    'inPersonSigners',
    'intermediaries',
    'notaries',
    'seals',
    'witnesses',
  ],
};
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const DEFINITION_REF = '#/definitions/';

export function deriveSubset(spec) {
  const report = { operations: [], dangling: [], cycles: [] };
  const basePath = (spec.basePath ?? '').replace(/\/$/, '');
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    const kept = {};
    for (const [key, value] of Object.entries(item)) {
      if (!HTTP_METHODS.has(key)) kept[key] = value;
      else if (OPERATIONS.has(value.operationId)) {
        kept[key] = withJsonMediaTypes(value);
        report.operations.push(value.operationId);
      }
    }
    if (Object.keys(kept).some((key) => HTTP_METHODS.has(key))) paths[`${basePath}${path}`] = kept;
  }
  const missing = [...OPERATIONS].filter((id) => !report.operations.includes(id));
  if (missing.length) throw new Error(`operations not in the document: ${missing.join(', ')}`);

  const definitions = structuredClone(
    reachableDefinitions({ ...spec, definitions: withoutUnused(spec.definitions) }, paths),
  );
  dropDescriptions(definitions);
  cutDanglingRefs(definitions, report);
  breakCycles(definitions, report);
  const { basePath: _dropped, ...rest } = spec;
  return { spec: { ...rest, paths, definitions }, report };
}

function withoutUnused(definitions) {
  const trimmed = { ...definitions };
  const keep = (name, predicate) => {
    if (!trimmed[name]?.properties) throw new Error(`definition ${name} is not in the document`);
    const kept = Object.entries(trimmed[name].properties).filter(([property]) => predicate(property));
    trimmed[name] = { ...trimmed[name], properties: Object.fromEntries(kept) };
  };
  for (const [name, properties] of Object.entries(UNUSED)) keep(name, (p) => !properties.includes(p));
  for (const [name, properties] of Object.entries(ONLY_USED)) keep(name, (p) => properties.includes(p));
  return trimmed;
}

/** `consumes: []` / `produces: []` (395 of 402 operations) override the document's JSON default with nothing. */
function withJsonMediaTypes(operation) {
  const json = ['application/json'];
  return {
    ...operation,
    consumes: operation.consumes?.length ? operation.consumes : json,
    produces: operation.produces?.length ? operation.produces : json,
  };
}

/** The definitions reachable from the kept paths (and the shared parameters/responses they use). */
function reachableDefinitions(spec, paths) {
  const seen = new Set();
  const queue = [...refsIn(paths), ...refsIn(spec.parameters ?? {}), ...refsIn(spec.responses ?? {})];
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || !spec.definitions[name]) continue;
    seen.add(name);
    queue.push(...refsIn(spec.definitions[name]));
  }
  return Object.fromEntries([...seen].sort().map((name) => [name, spec.definitions[name]]));
}

function refsIn(node, found = []) {
  if (Array.isArray(node)) node.forEach((child) => refsIn(child, found));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(DEFINITION_REF))
      found.push(node.$ref.slice(DEFINITION_REF.length));
    Object.values(node).forEach((child) => refsIn(child, found));
  }
  return found;
}

function dropDescriptions(node) {
  if (Array.isArray(node)) node.forEach(dropDescriptions);
  else if (node && typeof node === 'object') {
    // A property may itself be named "description" (a schema, not prose): only strings are dropped.
    if (typeof node.description === 'string') delete node.description;
    Object.values(node).forEach(dropDescriptions);
  }
}

const danglingIn = (schema, definitions) => refsIn(schema).some((name) => !definitions[name]);

function cutDanglingRefs(definitions, report) {
  for (const [name, definition] of Object.entries(definitions)) {
    for (const [property, schema] of Object.entries(definition.properties ?? {})) {
      if (!danglingIn(schema, definitions)) continue;
      delete definition.properties[property];
      report.dangling.push(`${name}.${property}`);
    }
    if (danglingIn(definition, definitions)) throw new Error(`dangling $ref outside a property in ${name}`);
  }
}

/** Depth-first over the definitions; a $ref to a definition still on the stack closes a cycle and is cut. */
function breakCycles(definitions, report) {
  const state = new Map(); // name → 'open' | 'done'
  const visit = (name) => {
    state.set(name, 'open');
    replaceRefs(definitions[name], (target, where) => {
      if (state.get(target) === 'open') {
        report.cycles.push(`${name}${where} → ${target}`);
        return {
          type: 'object',
          description: `(${target}: reference cut by derive-subset.mjs to break a cycle)`,
        };
      }
      if (!state.has(target)) visit(target);
      return undefined;
    });
    state.set(name, 'done');
  };
  Object.keys(definitions).forEach((name) => state.has(name) || visit(name));
}

/** Calls replace(target, where) for each definition $ref below node; a returned schema takes the ref's place. */
function replaceRefs(node, replace, where = '') {
  for (const [key, child] of Object.entries(node)) {
    if (!child || typeof child !== 'object') continue;
    const at = `${where}.${key}`;
    if (typeof child.$ref === 'string' && child.$ref.startsWith(DEFINITION_REF)) {
      const substitute = replace(child.$ref.slice(DEFINITION_REF.length), at);
      if (substitute) node[key] = substitute;
    } else replaceRefs(child, replace, at);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node derive-subset.mjs <docusign_esignature_v2.1.json> <out.json>');
    process.exit(2);
  }
  const { spec, report } = deriveSubset(JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(output, `${JSON.stringify(spec, null, 2)}\n`);
  console.log(
    `derive-subset: ${report.operations.length} operations, ${Object.keys(spec.definitions).length} definitions; ` +
      `cut dangling: ${report.dangling.join(', ') || 'none'}; cut cycles: ${report.cycles.join('; ') || 'none'}`,
  );
}
