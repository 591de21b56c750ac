/** Brokers that refuse connections at once (port 1): a Kafka that is down, for outage tests. */
export const KAFKA_DOWN_BROKERS = '127.0.0.1:1';

/** What a service's /readyz said: the HTTP status, the overall status and each check's status. */
export interface Readiness {
  httpStatus: number;
  status: string;
  checks: Record<string, string>;
}

/** Reads GET /readyz of the service at `baseUrl` (e.g. a runtime started in the test). */
export async function readinessOf(baseUrl: string): Promise<Readiness> {
  const response = await fetch(`${baseUrl}/readyz`);
  const body = (await response.json()) as { status?: string; checks?: Record<string, { status: string }> };
  const checks = Object.fromEntries(Object.entries(body.checks ?? {}).map(([name, c]) => [name, c.status]));
  return { httpStatus: response.status, status: body.status ?? 'unready', checks };
}
