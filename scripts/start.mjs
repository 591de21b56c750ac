// `npm start`: installs dependencies, brings up the local stack, registers topics and schemas,
// starts every service that exists (and the ingress), and prints where everything is.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { runStep } from './run-step.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
// From the workspace's node_modules, so only once the dependencies are in place.
const { devEnvironment } = await import('@portfolioos/testing/dev-environment');
await runStep('local stack (deploy/local)', 'bash', ['deploy/local/stack.sh', 'up'], { cwd: root });
await runStep('topics and schemas from the catalog', 'npm', ['run', 'schemas:register'], { cwd: root });

// The web service serves the client's Vite build: built (or taken from nx's cache) before it starts.
const webBuild = ['nx', 'run', '@portfolioos/web:build', '--outputStyle=static'];
await runStep('web app build (vite, cached by nx)', 'npx', webBuild, { cwd: root });

const routes = JSON.parse(readFileSync(join(root, 'deploy/routes.json'), 'utf8'));
const services = readdirSync(join(root, 'services'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'services', d.name, 'package.json')))
  .map((d) => d.name);

const children = services.map((name) => {
  const log = createWriteStream(join(root, '.stack/logs', `${name}.log`), { flags: 'a' });
  // The server process itself (what the service's `start` script runs), so SIGTERM reaches it directly.
  const child = spawn(
    process.execPath,
    ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/server.ts'],
    {
      cwd: join(root, 'services', name),
      env: devEnvironment(name),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code) => console.log(`service ${name} exited (${code}); see .stack/logs/${name}.log`));
  return child;
});

await Promise.all(services.map((name) => waitUntilReady(name, routes.services[name]?.port)));

// Demo data on first run (the seed sees it is already there afterwards and says so). A failure is shown,
// not fatal: the platform is up either way, and `npm run seed` can be rerun.
await runStep('demo data (npm run seed; skipped when present)', 'npm', ['run', 'seed'], { cwd: root }).catch(
  (error) => console.log(`demo data not seeded (${error.message}); run \`npm run seed\` to retry`),
);

console.log(`
PortfolioOS is up.
  open the web app       http://127.0.0.1:8080/   (map search; listing pages at /listings/<id>)
  ingress (public API)   http://127.0.0.1:8080/v1/...   (routes: deploy/routes.json)
  services running       ${services.length ? services.map((s) => `${s} :${routes.services[s]?.port}`).join(', ') : 'none yet'}
  API docs per service   http://127.0.0.1:<port>/docs   (OpenAPI at /openapi.json)
  schema registry        http://127.0.0.1:8081/apis/ccompat/v7/subjects
  Elasticsearch          http://127.0.0.1:9200
  traces (Zipkin UI)     http://127.0.0.1:9411/zipkin/
  mail (mailpit UI)      http://127.0.0.1:8025   (what the SendGrid stand-in at :3025 delivered)
  Twilio / DocuSign      Prism at http://127.0.0.1:4010 and http://127.0.0.1:4011/restapi
  PostgreSQL             psql postgres://postgres:postgres@127.0.0.1:5432/<service>
  logs                   .stack/logs/
  demo login             demo@portfolioos.example / portfolioos-demo   (npm run seed)
${children.length ? 'Ctrl-C stops the services; `npm run stack:down` stops the infrastructure.' : '`npm run stack:down` stops the infrastructure.'}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}

async function waitUntilReady(name, port) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`service ${name} is not ready after 90 s; see .stack/logs/${name}.log`);
}
