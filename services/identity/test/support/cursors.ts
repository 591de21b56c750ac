import { assertCursorsRefused } from '@portfolioos/testing';
import { encodeCursor, type ServiceApp } from '@portfolioos/service-kit';

/**
 * Cursors of the right shape ({ at, id } strings) that no page ever hands out: a non-uuid id, or a time
 * PostgreSQL cannot cast or that is not in the listing's exact form. Each comes in the millisecond form
 * (member and directory cursors) and the microsecond form (audit cursors), so every route sees both.
 */
function tamperedCursors(id: string): Array<[label: string, cursor: string]> {
  const positions: Array<[string, { at: string; id: string }]> = [];
  for (const fraction of ['000', '000000']) {
    const at = `2024-05-01T00:00:00.${fraction}Z`;
    positions.push(
      [`non-uuid id, .${fraction}`, { at, id: 'not-a-uuid' }],
      [`uuid with a non-hex digit, .${fraction}`, { at, id: `${id.slice(0, -1)}g` }],
      [`month 13, .${fraction}`, { at: `2024-13-01T00:00:00.${fraction}Z`, id }],
      [`February 30, .${fraction}`, { at: `2024-02-30T00:00:00.${fraction}Z`, id }],
      [`year 0, .${fraction}`, { at: `0000-01-01T00:00:00.${fraction}Z`, id }],
    );
  }
  positions.push(
    ['a word for a time', { at: 'yesterday', id }],
    ['a date without a time', { at: '2024-05-01', id }],
    ['an offset instead of Z', { at: '2024-05-01T00:00:00.000+02:00', id }],
  );
  return positions.map(([label, position]) => [label, encodeCursor(position)]);
}

/** Asserts that `url` (a cursor-paged GET) answers every tampered cursor with 400 invalid-cursor. */
export async function assertTamperedCursorsRefused(
  app: ServiceApp,
  url: string,
  headers: Record<string, string>,
  someUuid: string,
): Promise<void> {
  await assertCursorsRefused(app, url, tamperedCursors(someUuid), headers);
}
