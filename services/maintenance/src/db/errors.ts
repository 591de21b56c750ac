import { conflict } from '@portfolioos/service-kit';

/** The PostgreSQL error code (SQLSTATE) somewhere in an error's cause chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Runs `write`, turning a second vendor with the same e-mail (23505 on vendors_org_email_idx) into a 409. */
export async function refusingDuplicateEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw conflict('Another vendor of this organization has that e-mail.', 'vendor-email-taken');
    throw error;
  }
}
