import avro from 'avsc';

/** An Avro record schema as JSON (the content of one .avsc file). */
export type AvroSchemaJson = avro.Schema;

/** Thrown when a payload does not match its event's Avro schema; lists the offending paths. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  constructor(
    readonly eventType: string,
    readonly paths: string[],
  ) {
    super(`invalid ${eventType} payload at: ${paths.join(', ') || '(root)'}`);
  }
}

/**
 * The event types a service knows: Avro schema and topic per full record name. Payload types are a
 * type map (`P`), generated from the schemas, so producers and handlers are checked at compile time.
 */
export class EventRegistry<P extends object = Record<string, unknown>> {
  private readonly types = new Map<string, avro.Type>();

  constructor(
    private readonly schemas: Readonly<Record<string, AvroSchemaJson>>,
    private readonly topics: Readonly<Record<string, string>>,
  ) {}

  /** Whether the event type is known to this registry. */
  has(eventType: string): boolean {
    return eventType in this.schemas && eventType in this.topics;
  }

  /** The topic an event type is published to. */
  topicOf(eventType: keyof P & string): string {
    const topic = this.topics[eventType];
    if (!topic) throw new Error(`unknown event type ${eventType}`);
    return topic;
  }

  /** Registry subject under TopicRecordNameStrategy: `<topic>-<record full name>`. */
  subjectOf(eventType: keyof P & string): string {
    return `${this.topicOf(eventType)}-${eventType}`;
  }

  /** The schema JSON of an event type. */
  schemaOf(eventType: string): AvroSchemaJson {
    const schema = this.schemas[eventType];
    if (!schema) throw new Error(`unknown event type ${eventType}`);
    return schema;
  }

  /** The compiled Avro type (cached). */
  typeOf(eventType: string): avro.Type {
    let type = this.types.get(eventType);
    if (!type) {
      type = avro.Type.forSchema(this.schemaOf(eventType), { wrapUnions: false });
      this.types.set(eventType, type);
    }
    return type;
  }

  /** Throws EventValidationError unless the payload matches the event's schema. */
  validate(eventType: keyof P & string, payload: unknown): void {
    const paths: string[] = [];
    const valid = this.typeOf(eventType).isValid(payload, {
      errorHook: (path) => paths.push(path.join('.')),
    });
    if (!valid) throw new EventValidationError(eventType, paths);
  }
}
