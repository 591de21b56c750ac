import { notFound, type Principal } from '@portfolioos/service-kit';
import { inCallerOrg } from '../access.js';
import type { LeasingDb } from '../db/database.js';
import { NOTE_RECORDED } from '../example-events.js';
import { publish } from '../outbox.js';
import { findNote, insertNote, listNotes, type NoteRow } from './repository.js';
import type { NoteBody, NotePosition } from './schemas.js';

/** Notes of the caller's organization; each new note goes out as an event in the same transaction. */
export class NoteService {
  constructor(private readonly db: LeasingDb) {}

  create(principal: Principal | null, body: NoteBody): Promise<NoteRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await insertNote(tx, { orgId, title: body.title, body: body.body });
      await publish(tx, NOTE_RECORDED, row.id, {
        note_id: row.id,
        organization_id: orgId,
        occurred_at: row.createdAt.getTime(),
        title: row.title,
      });
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<NoteRow> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await findNote(tx, orgId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  list(principal: Principal | null, limit: number, after?: NotePosition): Promise<NoteRow[]> {
    return inCallerOrg(this.db, principal, (tx, orgId) => listNotes(tx, orgId, limit, after));
  }
}
