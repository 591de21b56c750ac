import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';
import type { EventRegistry } from '../event-registry.js';
import { MalformedEventError } from '../envelope.js';

const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

/**
 * Confluent wire format (magic byte, 4-byte schema id, Avro binary) against a Confluent-compatible
 * registry. Schema ids, writer schemas and writer→reader resolvers are cached: after warm-up no call
 * reaches the registry, which matters at thousands of events per second.
 */
export class AvroSerde {
  private readonly registry: SchemaRegistry;
  private readonly idByType = new Map<string, Promise<number>>();
  private readonly writerById = new Map<number, Promise<avro.Type>>();
  private readonly resolvers = new Map<string, avro.Resolver>();

  constructor(
    private readonly registryUrl: string,
    private readonly events: EventRegistry<object>,
  ) {
    this.registry = new SchemaRegistry({ host: registryUrl });
  }

  /** The registry id of the event type's schema under its subject (must already be registered). */
  schemaIdOf(eventType: string): Promise<number> {
    let id = this.idByType.get(eventType);
    if (!id) {
      id = this.registry.getRegistryIdBySchema(this.events.subjectOf(eventType as never), {
        type: 'AVRO' as never,
        schema: JSON.stringify(this.events.schemaOf(eventType)),
      });
      id.catch(() => this.idByType.delete(eventType));
      this.idByType.set(eventType, id);
    }
    return id;
  }

  /** Registers the event type's schema under its subject (tests and the register job use this). */
  async register(eventType: string): Promise<number> {
    const { id } = await this.registry.register(
      { type: 'AVRO' as never, schema: JSON.stringify(this.events.schemaOf(eventType)) },
      { subject: this.events.subjectOf(eventType as never) },
    );
    this.idByType.set(eventType, Promise.resolve(id));
    return id;
  }

  /** Encodes a payload of the given event type in the Confluent wire format. */
  async encode(eventType: string, payload: unknown): Promise<Buffer> {
    const id = await this.schemaIdOf(eventType);
    const body = this.events.typeOf(eventType).toBuffer(payload);
    const header = Buffer.alloc(HEADER_LENGTH);
    header.writeUInt8(MAGIC_BYTE, 0);
    header.writeUInt32BE(id, 1);
    return Buffer.concat([header, body]);
  }

  /** Decodes a wire-format value into the reader schema of `eventType` (schema evolution applies). */
  async decode(eventType: string, value: Buffer | null): Promise<unknown> {
    if (!value || value.length < HEADER_LENGTH || value.readUInt8(0) !== MAGIC_BYTE) {
      throw new MalformedEventError('value is not in the Confluent wire format');
    }
    const writerId = value.readUInt32BE(1);
    const writer = await this.writerType(writerId);
    const reader = this.events.typeOf(eventType);
    const body = value.subarray(HEADER_LENGTH);
    const resolverKey = `${writerId}:${eventType}`;
    let resolver = this.resolvers.get(resolverKey);
    if (!resolver) {
      resolver = reader.createResolver(writer);
      this.resolvers.set(resolverKey, resolver);
    }
    return reader.fromBuffer(body, resolver, true);
  }

  private writerType(id: number): Promise<avro.Type> {
    let type = this.writerById.get(id);
    if (!type) {
      type = this.fetchSchema(id).then((schema) => avro.Type.forSchema(schema, { wrapUnions: false }));
      type.catch(() => this.writerById.delete(id));
      this.writerById.set(id, type);
    }
    return type;
  }

  // Read the writer schema as JSON so it is compiled by our avsc (the registry client bundles its own).
  private async fetchSchema(id: number): Promise<avro.Schema> {
    const response = await fetch(`${this.registryUrl}/schemas/ids/${id}`);
    if (!response.ok) throw new SchemaRegistryError(response.status, id);
    const body = (await response.json()) as { schema: string };
    return JSON.parse(body.schema) as avro.Schema;
  }
}

/** The registry answered but not with the schema: `status` tells an outage (5xx) from an unknown id (404). */
export class SchemaRegistryError extends Error {
  override readonly name = 'SchemaRegistryError';
  constructor(
    readonly status: number,
    schemaId: number,
  ) {
    super(`schema registry answered ${status} for schema id ${schemaId}`);
  }
}
