// npm run new-service -- <name> [--port <n>] [--dir <path>]: a new service from tools/service-template,
// in services/<name> unless --dir says otherwise (template:check generates into a throwaway folder).
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const template = join(root, 'tools', 'service-template');

/** The spellings of a service name the template uses (`work-orders` → workOrders, WorkOrders, work_orders). */
export function spellings(name, port) {
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return {
    __name__: name,
    __camel__: pascal[0].toLowerCase() + pascal.slice(1),
    __Pascal__: pascal,
    __snake__: words.join('_'),
    __port__: String(port),
  };
}

/** Copies the template to `target`, filling in the name; returns the files written. */
export function generateService(name, { port = 3010, target = join(root, 'services', name) } = {}) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    throw new Error(`service name must be kebab-case: ${name}`);
  if (existsSync(target)) throw new Error(`${relative(root, target) || target} already exists`);
  cpSync(template, target, { recursive: true });
  const tokens = spellings(name, port);
  const fill = (text) =>
    Object.entries(tokens).reduce((out, [token, value]) => out.replaceAll(token, value), text);
  const written = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const finalPath = path.endsWith('.tmpl') ? path.slice(0, -'.tmpl'.length) : path;
        writeFileSync(path, fill(readFileSync(path, 'utf8')));
        if (finalPath !== path) renameSync(path, finalPath);
        written.push(relative(target, finalPath));
      }
    }
  };
  walk(target);
  return written.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, dir: { type: 'string' } },
  });
  const [name] = positionals;
  if (!name) {
    console.error('usage: npm run new-service -- <name> [--port <n>] [--dir <path>]');
    process.exit(2);
  }
  const target = values.dir ? resolve(values.dir) : undefined;
  const files = generateService(name, { port: Number(values.port ?? 3010), ...(target ? { target } : {}) });
  console.log(`${files.length} files in ${relative(root, target ?? join(root, 'services', name))}. Next:`);
  console.log('  npm install   (links the new workspace)');
  console.log(
    `  add its route to deploy/routes.json, its values to helm/portfolioos, its database to the stack`,
  );
  console.log(`  npm test -w @portfolioos/${name}`);
}
