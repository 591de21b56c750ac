/** Connection settings of the check/register scripts (env, with local-stack defaults). */
export interface ToolingEnvironment {
  readonly registryUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly replicationFactor: number | undefined;
  readonly registryRequired: boolean;
}

/** Reads SCHEMA_REGISTRY_URL, KAFKA_BROKERS, KAFKA_REPLICATION_FACTOR, SCHEMA_REGISTRY_REQUIRED once. */
export function readEnvironment(argv: readonly string[] = process.argv.slice(2)): ToolingEnvironment {
  const env = process.env;
  const replication = env.KAFKA_REPLICATION_FACTOR;
  if (replication !== undefined && !/^\d+$/.test(replication)) {
    throw new Error(`KAFKA_REPLICATION_FACTOR must be a positive integer, got ${replication}`);
  }
  return {
    registryUrl: env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()),
    replicationFactor: replication === undefined ? undefined : Number(replication),
    registryRequired:
      argv.includes('--registry') || ['1', 'true'].includes(env.SCHEMA_REGISTRY_REQUIRED ?? ''),
  };
}
