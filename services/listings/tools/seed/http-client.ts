/** A failed call to a PortfolioOS service, with the problem document it answered. */
export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** Where the seeders reach the services (each service's own port, as `npm start` runs them). */
export interface ServiceUrls {
  identity: string;
  listings: string;
}

/** Calls a JSON endpoint; throws ServiceCallError on any non-2xx answer. */
export async function callJson<T>(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ServiceCallError(response.status, body, `${method} ${path}`);
  return body as T;
}

/** Fails with the command to run when a service the seed needs does not answer /readyz. */
export async function requireRunning(services: Record<string, string>): Promise<void> {
  const down: string[] = [];
  for (const [name, base] of Object.entries(services)) {
    const ready = await fetch(`${base}/readyz`).catch(() => undefined);
    if (!ready?.ok) down.push(`${name} (${base})`);
  }
  if (down.length > 0)
    throw new Error(
      `services not running: ${down.join(', ')}. Start them with \`npm start\`, then seed again.`,
    );
}
