// npm run search:reindex (root) / npm run reindex -w @portfolioos/search: rebuilds the listings index
// from the snapshot topic into a new versioned index and swaps the alias, with a progress bar.
import { SingleBar, Presets } from 'cli-progress';
import { AvroSerde, createKafka } from '@portfolioos/events';
import { createLogger } from '@portfolioos/service-kit';
import { readConfig } from '../config.js';
import { createElasticsearch } from '../elasticsearch/create-elasticsearch.js';
import { searchEvents } from '../events.js';
import { rebuildListingsIndex } from './rebuild-index.js';

const config = readConfig();
const es = createElasticsearch(config.ELASTICSEARCH_URL);
const kafka = createKafka({
  clientId: 'search-reindex',
  brokers: config.KAFKA_BROKERS.split(','),
  logger: createLogger({ name: 'search-reindex', version: '0.1.0' }, { level: config.LOG_LEVEL }),
});
const bar = new SingleBar(
  { format: 'reindex {bar} {percentage}% | {value}/{total} records | {eta_formatted} left', etaBuffer: 50 },
  Presets.shades_classic,
);
let started = false;
try {
  const result = await rebuildListingsIndex({
    es,
    kafka,
    serde: new AvroSerde(config.SCHEMA_REGISTRY_URL, searchEvents(config.LISTINGS_TOPIC)),
    alias: config.LISTINGS_INDEX_ALIAS,
    topic: config.LISTINGS_TOPIC,
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  bar.stop();
  console.info(
    `${config.LISTINGS_INDEX_ALIAS} → ${result.index} (${result.records} records read). ` +
      `Previous indices kept: ${result.previous.join(', ') || 'none'}.`,
  );
} catch (error) {
  bar.stop();
  console.error(error);
  process.exitCode = 1;
} finally {
  await es.close();
}
