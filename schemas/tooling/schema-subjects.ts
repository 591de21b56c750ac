import type { EventCatalog } from '../src/catalog-types.js';
import { subjectName } from '../src/subjects.js';
import type { EventSchemaFile } from './load-schemas.js';

/** One registry subject of the catalog: a topic × event type, with the schema to register under it. */
export interface CatalogSubject {
  readonly subject: string;
  readonly topic: string;
  readonly file: EventSchemaFile;
  /** The schema text sent to the registry (compact JSON of the .avsc). */
  readonly schemaText: string;
}

/** Every subject of the catalog (TopicRecordNameStrategy), skipping events without a schema file. */
export function catalogSubjects(
  catalog: EventCatalog,
  schemas: readonly EventSchemaFile[],
): CatalogSubject[] {
  const byName = new Map(schemas.map((file) => [file.fullName, file]));
  return Object.entries(catalog.topics).flatMap(([topic, spec]) =>
    spec.events.flatMap((eventType) => {
      const file = byName.get(eventType);
      return file
        ? [{ subject: subjectName(topic, eventType), topic, file, schemaText: JSON.stringify(file.schema) }]
        : [];
    }),
  );
}
