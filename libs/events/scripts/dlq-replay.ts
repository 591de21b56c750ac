// npm run dlq:replay -- --group G [--topic T] [--since <ISO time>] [--dry-run]
// Republishes the dead letters of consumer group G (topic G.dlq) to their original topics.
// Kafka: KAFKA_BROKERS (comma-separated, default 127.0.0.1:9092), read here once.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createKafka, replayDeadLetters, type EventsLogger } from '../src/index.js';

const { values } = parseArgs({
  options: {
    group: { type: 'string' },
    topic: { type: 'string' },
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  strict: true,
});
if (!values.group) fail('--group <consumer group> is required');
const since = values.since === undefined ? undefined : new Date(values.since);
if (since && Number.isNaN(since.getTime())) fail(`--since must be an ISO date/time, got ${values.since}`);

const logger: EventsLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const bar = new cliProgress.SingleBar(
  {
    format: `${values['dry-run'] ? 'counting' : 'replaying'} ${values.group}.dlq [{bar}] {value}/{total}`,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  },
  cliProgress.Presets.shades_classic,
);
let started = false;
const result = await replayDeadLetters({
  kafka: createKafka({ clientId: 'dlq-replay', brokers, logger }),
  group: values.group,
  topic: values.topic,
  since,
  dryRun: values['dry-run'],
  onProgress: (done, total) => {
    if (!started && total > 0) bar.start(total, 0);
    started ||= total > 0;
    bar.update(done);
  },
});
if (started) bar.stop();
const verb = values['dry-run'] ? 'would replay' : 'replayed';
console.log(`${verb} ${result.total} dead letter(s) of ${values.group}`);
for (const [topic, count] of Object.entries(result.byTopic)) console.log(`  ${count} → ${topic}`);

function fail(message: string): never {
  console.error(`dlq:replay: ${message}`);
  process.exit(2);
}
