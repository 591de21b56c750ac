import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalog, type EventCatalog } from '@portfolioos/schemas';
import { checkCatalogConsistency } from '../tooling/catalog-consistency.js';
import { loadCatalog } from '../tooling/load-catalog.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';
import { readmePath } from '../tooling/paths.js';
import { staleGeneratedFiles } from '../tooling/staleness.js';

const { schemas } = loadEventSchemas();
const fromFile = loadCatalog();

function withTopic(topic: string, events: readonly string[]): EventCatalog {
  const spec = fromFile.topics[topic];
  assert.ok(spec);
  return { topics: { ...fromFile.topics, [topic]: { ...spec, events } } };
}

function readmeRows(): Map<string, { key: string; events: string[]; producer: string; consumers: string[] }> {
  const rows = readFileSync(readmePath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim().replaceAll('`', '')));
  return new Map(
    rows.map(([, topic, key, events, producer, consumers]) => [
      topic ?? '',
      {
        key: key ?? '',
        events: (events ?? '').split(', '),
        producer: producer ?? '',
        consumers: (consumers ?? '').split(', '),
      },
    ]),
  );
}

describe('event catalog', () => {
  it('agrees with the .avsc files', () => {
    assert.deepEqual(checkCatalogConsistency(fromFile, schemas), []);
  });

  it('is exported as the typed `catalog` constant', () => {
    assert.deepEqual(
      JSON.parse(JSON.stringify(catalog)),
      JSON.parse(readFileSync(new URL('../catalog.json', import.meta.url), 'utf8')),
    );
  });

  it('makes listings.listing the only compacted topic', () => {
    const compacted = Object.entries(fromFile.topics).filter(([, spec]) => spec.cleanup_policy === 'compact');
    assert.deepEqual(
      compacted.map(([topic]) => topic),
      ['listings.listing'],
    );
  });

  it('README table lists the same topics, keys, events, producers and consumers', () => {
    const rows = readmeRows();
    assert.deepEqual([...rows.keys()], Object.keys(fromFile.topics));
    for (const [topic, spec] of Object.entries(fromFile.topics)) {
      assert.deepEqual(rows.get(topic), {
        key: spec.key,
        events: spec.events.map((name) => name.slice(name.lastIndexOf('.') + 1)),
        producer: spec.producer,
        consumers: [...spec.consumers],
      });
    }
  });

  it('generated TypeScript and README are current', async () => {
    assert.deepEqual(await staleGeneratedFiles(fromFile, schemas), []);
  });

  it('flags an event listed without a schema file', () => {
    const problems = checkCatalogConsistency(
      withTopic('leasing.lease', [
        ...fromFile.topics['leasing.lease']!.events,
        'portfolioos.leasing.LeaseNovated',
      ]),
      schemas,
    );
    assert.match(problems.map((problem) => problem.reason).join('\n'), /LeaseNovated but there is no avro/);
  });

  it('flags a schema file on no topic', () => {
    const problems = checkCatalogConsistency(
      withTopic('leasing.lease', ['portfolioos.leasing.LeaseSigned']),
      schemas,
    );
    assert.match(problems.map((problem) => problem.reason).join('\n'), /LeaseTerminated is on no topic/);
  });

  it('flags a namespace that does not match the topic domain', () => {
    const problems = checkCatalogConsistency(
      withTopic('leasing.lease', [
        ...fromFile.topics['leasing.lease']!.events,
        'portfolioos.payments.PaymentFailed',
      ]),
      schemas,
    );
    const reasons = problems.map((problem) => `${problem.about}: ${problem.reason}`).join('\n');
    assert.match(reasons, /PaymentFailed.avsc: namespace does not match topic leasing.lease/);
    assert.match(reasons, /on several topics/);
  });
});
