/** Compatibility levels of a Confluent-compatible registry. */
export type CompatibilityLevel =
  'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';

/** A non-2xx answer from the registry. */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

interface ErrorBody {
  readonly error_code?: number;
  readonly message?: string;
}

/** Minimal client for the Confluent schema-registry API (Apicurio's ccompat/v7 included). */
export class SchemaRegistryClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json', accept: 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = (json ?? {}) as ErrorBody;
      throw new RegistryError(
        response.status,
        error.error_code ?? null,
        `${method} ${path} → ${response.status}: ${error.message ?? text}`,
      );
    }
    return json as T;
  }

  /** Subjects registered (also a cheap reachability probe). */
  listSubjects(): Promise<string[]> {
    return this.call('GET', '/subjects');
  }

  /** Version of `schema` under `subject`, or null when the subject or that schema is not registered. */
  async lookupVersion(subject: string, schema: string): Promise<number | null> {
    try {
      const found = await this.call<{ version: number }>('POST', `/subjects/${encodeURIComponent(subject)}`, {
        schema,
        schemaType: 'AVRO',
      });
      return found.version;
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return null;
      throw error;
    }
  }

  /** Registers a schema version (idempotent for an identical schema); 409 = incompatible with the subject's rule. */
  async register(subject: string, schema: string): Promise<number> {
    const path = `/subjects/${encodeURIComponent(subject)}/versions`;
    const created = await this.call<{ id: number }>('POST', path, { schema, schemaType: 'AVRO' });
    return created.id;
  }

  /** Whether `schema` is compatible with the latest version under `subject`; null when the subject does not exist. */
  async testCompatibility(
    subject: string,
    schema: string,
  ): Promise<{ compatible: boolean; messages: string[] } | null> {
    try {
      const path = `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`;
      const result = await this.call<{ is_compatible: boolean; messages?: string[] }>('POST', path, {
        schema,
        schemaType: 'AVRO',
      });
      return { compatible: result.is_compatible, messages: result.messages ?? [] };
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return null;
      throw error;
    }
  }

  /** Subject-level compatibility, or null when the subject has none of its own. */
  async getCompatibility(subject: string): Promise<CompatibilityLevel | null> {
    try {
      const config = await this.call<{
        compatibilityLevel?: CompatibilityLevel;
        compatibility?: CompatibilityLevel;
      }>('GET', `/config/${encodeURIComponent(subject)}`);
      return config.compatibilityLevel ?? config.compatibility ?? null;
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return null;
      throw error;
    }
  }

  async setCompatibility(subject: string, level: CompatibilityLevel): Promise<void> {
    await this.call('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: level });
  }

  /** Deletes a subject (soft, then permanently when `permanent`). */
  async deleteSubject(subject: string, permanent = false): Promise<void> {
    await this.call('DELETE', `/subjects/${encodeURIComponent(subject)}`);
    if (permanent) await this.call('DELETE', `/subjects/${encodeURIComponent(subject)}?permanent=true`);
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/** Polls until the registry answers or `timeoutMs` passes; returns the last error message, or null when it is up. */
export async function waitForRegistry(
  client: SchemaRegistryClient,
  timeoutMs: number,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not tried';
  do {
    try {
      await client.listSubjects();
      return null;
    } catch (error) {
      lastError = describeError(error);
      if (Date.now() + 1000 < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } while (Date.now() < deadline);
  return lastError;
}
