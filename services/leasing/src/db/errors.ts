import { conflict } from '@portfolioos/service-kit';

/** The PostgreSQL error code (SQLSTATE) somewhere in an error's cause chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Runs `write`, turning the exclusion constraint `leases_unit_no_overlap` refusing it (23P01) into a
 * 409: the database, not this code, decides that two leases of a unit overlap.
 */
export async function refusingOverlap<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlStateOf(error) === '23P01')
      throw conflict('Another lease of this unit already covers some of these dates.', 'lease-overlap');
    throw error;
  }
}
