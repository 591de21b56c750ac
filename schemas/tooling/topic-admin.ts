import { createTopicsAndAwaitLeaders } from '@portfolioos/events';
import kafkajs, { type Admin, type ITopicConfig } from 'kafkajs';
import type { EventCatalog, TopicSpec } from '../src/catalog-types.js';

// kafkajs is CommonJS: its enums are reachable through the default export only under Node ESM.
const { ConfigResourceTypes } = kafkajs;

function wantedConfig(spec: TopicSpec): Record<string, string> {
  return { 'cleanup.policy': spec.cleanup_policy, 'retention.ms': String(spec.retention_ms) };
}

async function currentConfig(admin: Admin, topic: string): Promise<Record<string, string>> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy', 'retention.ms'] },
    ],
  });
  const entries = described.resources[0]?.configEntries ?? [];
  return Object.fromEntries(entries.map((entry) => [entry.configName, entry.configValue]));
}

async function partitionCount(admin: Admin, topic: string): Promise<number> {
  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
  return metadata.topics[0]?.partitions.length ?? 0;
}

/**
 * Creates every catalog topic that is missing and aligns cleanup.policy / retention.ms of existing ones.
 * Partition counts are never changed automatically: adding partitions remaps keys and breaks per-aggregate order.
 * Returns one line per topic saying what was done.
 */
export async function ensureTopics(
  admin: Admin,
  catalog: EventCatalog,
  replicationFactor?: number,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing: ITopicConfig[] = [];
  const report: string[] = [];
  for (const [topic, spec] of Object.entries(catalog.topics)) {
    if (existing.has(topic)) continue;
    missing.push({
      topic,
      numPartitions: spec.partitions,
      ...(replicationFactor === undefined ? {} : { replicationFactor }),
      configEntries: Object.entries(wantedConfig(spec)).map(([name, value]) => ({ name, value })),
    });
    report.push(`topic ${topic}: created (${spec.partitions} partitions, ${spec.cleanup_policy})`);
  }
  await createTopicsAndAwaitLeaders(admin, missing);
  for (const [topic, spec] of Object.entries(catalog.topics)) {
    if (!existing.has(topic)) continue;
    const wanted = wantedConfig(spec);
    const current = await currentConfig(admin, topic);
    const drift = Object.entries(wanted).filter(([name, value]) => current[name] !== value);
    if (drift.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: topic,
            configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })),
          },
        ],
      });
    }
    const partitions = await partitionCount(admin, topic);
    const notes = [
      drift.length > 0
        ? `config updated (${drift.map(([name, value]) => `${name}=${value}`).join(', ')})`
        : 'unchanged',
      partitions === spec.partitions
        ? ''
        : `WARNING has ${partitions} partitions, catalog says ${spec.partitions}`,
    ];
    report.push(`topic ${topic}: ${notes.filter(Boolean).join('; ')}`);
  }
  return report;
}
