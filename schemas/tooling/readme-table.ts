import type { EventCatalog } from '../src/catalog-types.js';

export const tableStart = '<!-- catalog-table:start (generated from catalog.json by `npm run generate`) -->';
export const tableEnd = '<!-- catalog-table:end -->';

function retention(ms: number): string {
  if (ms < 0) return 'forever';
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? `${days} d` : `${ms} ms`;
}

/** The catalog as a Markdown table: topic, key, event types, producer, consumers, partitions, cleanup/retention. */
export function renderCatalogTable(catalog: EventCatalog): string {
  const header = [
    '| topic | key | event types | producer | consumers | partitions | cleanup / retention |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows = Object.entries(catalog.topics).map(([topic, spec]) => {
    const events = spec.events.map((eventType) => `\`${eventType.slice(eventType.lastIndexOf('.') + 1)}\``);
    const cells = [
      `\`${topic}\``,
      `\`${spec.key}\``,
      events.join(', '),
      spec.producer,
      spec.consumers.join(', '),
      String(spec.partitions),
      `${spec.cleanup_policy} / ${retention(spec.retention_ms)}`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [...header, ...rows].join('\n');
}

/** Replaces the table between the markers of a README; throws when the markers are missing. */
export function replaceCatalogTable(readme: string, table: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${tableStart} … ${tableEnd}`);
  return `${readme.slice(0, start + tableStart.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
