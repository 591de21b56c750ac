import { and, eq, inArray } from 'drizzle-orm';
import type { NotificationsTx } from '../db/database.js';
import { members, organizations, people } from '../db/schema.js';
import { addressOnly, type Recipient } from '../routing/recipient.js';

/**
 * The recipient directory, read in the consumer's transaction (scoped to the event's organization):
 * only active members of that organization with an active account are found by id or address.
 */
export class Directory {
  constructor(
    private readonly tx: NotificationsTx,
    private readonly orgId: string,
  ) {}

  async organization(): Promise<{ name: string; timeZone: string } | undefined> {
    const [row] = await this.tx
      .select({ name: organizations.name, timeZone: organizations.timeZone })
      .from(organizations)
      .where(eq(organizations.id, this.orgId));
    return row;
  }

  /** Active members with one of `roles` (e.g. the staff who hear about a signed lease). */
  async membersWithRoles(roles: readonly string[]): Promise<Recipient[]> {
    const rows = await this.memberQuery(inArray(members.role, [...roles]));
    return rows.map(toRecipient);
  }

  /** The member with this user id, if any. */
  async byUserId(userId: string): Promise<Recipient | undefined> {
    const [row] = await this.memberQuery(eq(members.userId, userId));
    return row && toRecipient(row);
  }

  /** The member with this address, else the address alone (someone without an account here). */
  async byEmail(email: string, name: string | null = null): Promise<Recipient> {
    const [row] = await this.memberQuery(eq(people.email, email.toLowerCase()));
    return row ? toRecipient(row) : addressOnly(email, name);
  }

  private memberQuery(condition: ReturnType<typeof eq>) {
    return this.tx
      .select({
        userId: people.userId,
        email: people.email,
        phone: people.phone,
        name: people.displayName,
        locale: people.locale,
      })
      .from(members)
      .innerJoin(people, eq(people.userId, members.userId))
      .where(
        and(
          eq(members.orgId, this.orgId),
          eq(members.active, true),
          eq(people.deactivated, false),
          condition,
        ),
      );
  }
}

const toRecipient = (row: Omit<Recipient, 'key'> & { userId: string }): Recipient => ({
  key: row.userId,
  ...row,
});
