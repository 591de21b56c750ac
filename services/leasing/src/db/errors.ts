import { sqlStateOf } from '@portfolioos/db';
import { conflict } from '@portfolioos/service-kit';

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
