import { eq } from 'drizzle-orm';
import { withTransaction } from '@portfolioos/db';
import type { NotificationsDb } from '../db/database.js';
import { smsOptOuts } from '../db/schema.js';

// The keywords Twilio and US carriers treat as opt-out and opt-in (Twilio Advanced Opt-Out defaults).
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START = new Set(['START', 'UNSTOP', 'YES']);

/** Applies an inbound SMS: STOP and its synonyms opt the number out of all SMS, START opts it back in. */
export async function applySmsReply(
  db: NotificationsDb,
  from: string,
  body: string,
): Promise<'opted-out' | 'opted-in' | 'ignored'> {
  const keyword = body.trim().toUpperCase();
  if (STOP.has(keyword)) {
    await withTransaction(db, (tx) =>
      tx.insert(smsOptOuts).values({ phone: from, optedOutAt: new Date() }).onConflictDoNothing(),
    );
    return 'opted-out';
  }
  if (START.has(keyword)) {
    await withTransaction(db, (tx) => tx.delete(smsOptOuts).where(eq(smsOptOuts.phone, from)));
    return 'opted-in';
  }
  return 'ignored';
}
