import { ElasticsearchContainer } from '@testcontainers/elasticsearch';
import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';
import { GenericContainer, Network, Wait, type StartedTestContainer } from 'testcontainers';

/**
 * The images of the stack deploy/local provisions as processes, for hosts with a container engine
 * (`PORTFOLIOOS_TEST_STACK=containers`). Versions follow the local stack's (deploy/local/README.md).
 */
export const containerImages = {
  postgis: 'postgis/postgis:15-3.4',
  redis: 'redis:7.2',
  // testcontainers' Kafka module drives Confluent's images; 7.7 is Kafka 3.7 in KRaft mode.
  kafka: 'confluentinc/cp-kafka:7.7.1',
  registry: 'apicurio/apicurio-registry-mem:2.4.2.Final',
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:8.19.4',
  versitygw: 'versity/versitygw:v1.0.8',
  stripeMock: 'stripe/stripe-mock:v0.203.0',
  mailpit: 'axllent/mailpit:v1.27',
} as const;

/** A started container stack: the variables libs/testing's `stack` reads, and how to stop it. */
export interface ContainerStack {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const S3_ACCESS_KEY = 'portfolioos';
const S3_SECRET_KEY = 'portfolioos-local-secret';

/**
 * Starts PostGIS, Redis, Kafka (KRaft), a Confluent-compatible registry, Elasticsearch 8, versitygw,
 * stripe-mock and Mailpit from their official images, and answers the `PORTFOLIOOS_TEST_*` variables
 * that point the suite at them. Ryuk removes the containers if this process dies without `stop()`.
 */
export async function startContainerStack(): Promise<ContainerStack> {
  const network = await new Network().start();
  const started: StartedTestContainer[] = [];
  const keep = <T extends StartedTestContainer>(container: T): T => (started.push(container), container);
  try {
    const [postgres, redis, kafka, elasticsearch, versitygw, stripeMock, mailpit] = await Promise.all([
      new PostgreSqlContainer(containerImages.postgis)
        .withUsername('postgres')
        .withPassword('postgres')
        .withDatabase('postgres')
        .withNetwork(network)
        .withNetworkAliases('postgres')
        .start()
        .then(keep),
      new RedisContainer(containerImages.redis).start().then(keep),
      new KafkaContainer(containerImages.kafka)
        .withKraft()
        .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' })
        .start()
        .then(keep),
      new ElasticsearchContainer(containerImages.elasticsearch)
        .withEnvironment({ 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms1g -Xmx1g' })
        .start()
        .then(keep),
      new GenericContainer(containerImages.versitygw)
        .withEnvironment({ ROOT_ACCESS_KEY: S3_ACCESS_KEY, ROOT_SECRET_KEY: S3_SECRET_KEY })
        .withCommand(['--port', ':7070', 'posix', '/tmp'])
        .withExposedPorts(7070)
        .withWaitStrategy(Wait.forListeningPorts())
        .start()
        .then(keep),
      new GenericContainer(containerImages.stripeMock)
        .withExposedPorts(12111)
        .withWaitStrategy(Wait.forListeningPorts())
        .start()
        .then(keep),
      new GenericContainer(containerImages.mailpit)
        .withExposedPorts(8025, 1025)
        .withWaitStrategy(Wait.forHttp('/livez', 8025))
        .start()
        .then(keep),
    ]);
    // The registry stores nothing that outlives the run, so the in-memory image is enough here.
    const registry = keep(
      await new GenericContainer(containerImages.registry)
        .withEnvironment({ REGISTRY_CCOMPAT_LEGACY_ID_MODE_ENABLED: 'true' })
        .withExposedPorts(8080)
        .withWaitStrategy(Wait.forHttp('/apis/ccompat/v7/subjects', 8080))
        .start(),
    );
    const url = (container: StartedTestContainer, port: number) =>
      `http://${container.getHost()}:${container.getMappedPort(port)}`;
    return {
      env: {
        PORTFOLIOOS_TEST_PG_ADMIN_URL: postgres.getConnectionUri(),
        PORTFOLIOOS_TEST_REDIS_URL: redis.getConnectionUrl(),
        // testcontainers' Kafka module advertises its host listener on 9093.
        PORTFOLIOOS_TEST_KAFKA_BROKERS: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
        PORTFOLIOOS_TEST_REGISTRY_URL: `${url(registry, 8080)}/apis/ccompat/v7`,
        PORTFOLIOOS_TEST_ES_URL: elasticsearch.getHttpUrl(),
        PORTFOLIOOS_TEST_S3_ENDPOINT: url(versitygw, 7070),
        PORTFOLIOOS_TEST_S3_ACCESS_KEY_ID: S3_ACCESS_KEY,
        PORTFOLIOOS_TEST_S3_SECRET_ACCESS_KEY: S3_SECRET_KEY,
        PORTFOLIOOS_TEST_STRIPE_MOCK_URL: url(stripeMock, 12111),
        PORTFOLIOOS_TEST_MAILPIT_URL: url(mailpit, 8025),
      },
      stop: async () => {
        await Promise.allSettled(started.reverse().map((container) => container.stop()));
        await network.stop();
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((container) => container.stop()));
    await network.stop();
    throw error;
  }
}
