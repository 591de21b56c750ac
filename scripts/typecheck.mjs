// `npm run typecheck`: every project's `typecheck` (the tsconfigs its script passes to `tsc -p`), checked
// in as few TypeScript programs as their compiler options allow. Per project, each service's program
// re-checked every lib it imports from source (the `@portfolioos/source` condition): 17 programs cost
// 166 CPU-seconds; one program per distinct set of options checks each file once (README, "How long npm
// test takes"). A project's own `npm run typecheck -w <project>` still checks it alone.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every workspace directory (package.json `workspaces`, one level of `*`). */
function workspaces() {
  const { workspaces: patterns } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return ts.sys.getDirectories(join(root, parent)).map((name) => join(parent, name));
  });
}

/** The tsconfig files a project's `typecheck` script checks: each `tsc -p <file>` in it. */
function typecheckConfigs(directory, script) {
  const commands = script.split('&&').map((part) => part.trim());
  return commands.map((command) => {
    const match = /^tsc (?:-p|--project) (\S+)(?: --noEmit)?$/.exec(command);
    if (!match) {
      throw new Error(
        `${directory}: its typecheck script runs "${command}"; scripts/typecheck.mjs knows only ` +
          '"tsc -p <tsconfig> [--noEmit]" joined by &&',
      );
    }
    return join(root, directory, match[1]);
  });
}

function parse(configPath) {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
  if (parsed.errors.length > 0) {
    throw new Error(
      parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'),
    );
  }
  return { ...parsed, options: { ...parsed.options, noEmit: true } };
}

/** Options that say which file they came from, not how files are checked. */
const locationOnly = new Set(['configFilePath', 'pathsBasePath']);
const optionsKey = (options) =>
  JSON.stringify(
    Object.keys(options)
      .filter((key) => !locationOnly.has(key))
      .sort()
      .map((key) => [key, options[key]]),
  );

const configs = workspaces().flatMap((directory) => {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const script = manifest.scripts?.typecheck;
  return script ? typecheckConfigs(directory, script) : [];
});

/**
 * The modules a project declares itself (`declare module 'x'` in its own .d.ts files, for a package that
 * ships no types): two such declarations of one module in one program would merge, so a project whose
 * declarations another project of its group already makes is checked in a program of its own.
 */
function ambientModules(fileNames) {
  const names = new Set();
  for (const file of fileNames.filter((name) => name.endsWith('.d.ts'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^declare module ['"]([^'"]+)['"]/gm))
      names.add(m[1]);
  }
  return names;
}

const groups = [];
for (const configPath of configs) {
  const parsed = parse(configPath);
  const key = optionsKey(parsed.options);
  const declares = ambientModules(parsed.fileNames);
  let group = groups.find((g) => g.key === key && ![...declares].some((name) => g.declares.has(name)));
  if (!group) {
    group = { key, options: parsed.options, files: new Set(), configs: [], declares: new Set() };
    groups.push(group);
  }
  for (const file of parsed.fileNames) group.files.add(file);
  for (const name of declares) group.declares.add(name);
  group.configs.push(relative(root, configPath));
}

const host = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};
let errors = 0;
for (const group of groups) {
  const started = Date.now();
  const program = ts.createProgram({ rootNames: [...group.files], options: group.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  errors += diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  if (diagnostics.length > 0) {
    process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `typecheck: ${group.configs.length} tsconfig(s), ${program.getSourceFiles().length} files, ` +
      `${diagnostics.length} problem(s), ${seconds} s — ${group.configs.join(', ')}`,
  );
}
if (errors > 0) {
  console.error(`typecheck: ${errors} error(s)`);
  process.exitCode = 1;
}
