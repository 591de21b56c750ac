import { conflict, unauthorized, unprocessable, type Principal } from '@portfolioos/service-kit';
import { withOrgTransaction } from '@portfolioos/db';
import { asPerson, type Person } from '../access.js';
import type { NotificationsDb, NotificationsTx } from '../db/database.js';
import { usedUnsubscribeTokens } from '../db/schema.js';
import { SWITCHABLE_CATEGORIES } from '../routing/channels.js';
import { fromMinute, isKnownTimeZone, toMinute } from './quiet-hours.js';
import { findQuietHours, listSwitches, setQuietHours, setSwitch } from './repository.js';
import type { PreferencesPatch } from './schemas.js';
import type { UnsubscribeTokens } from './unsubscribe-token.js';

const REFUSED = 'This unsubscribe link is not valid or has expired.';

/** A person's notification preferences, and the one-click unsubscribe that changes one without a login. */
export class PreferenceService {
  constructor(
    private readonly db: NotificationsDb,
    private readonly tokens: UnsubscribeTokens | undefined,
  ) {}

  get(principal: Principal | null) {
    return asPerson(this.db, principal, (tx, person) => this.read(tx, person));
  }

  update(principal: Principal | null, patch: PreferencesPatch) {
    const zone = patch.quiet_hours?.time_zone;
    if (zone && !isKnownTimeZone(zone))
      throw unprocessable(`Unknown time zone ${zone}.`, 'unknown-time-zone');
    return asPerson(this.db, principal, async (tx, person) => {
      for (const [category, channels] of Object.entries(patch.categories ?? {}))
        for (const [channel, enabled] of Object.entries(channels ?? {}))
          if (typeof enabled === 'boolean') await setSwitch(tx, person, { category, channel, enabled });
      if (patch.quiet_hours !== undefined)
        await setQuietHours(
          tx,
          person,
          patch.quiet_hours && {
            startMinute: toMinute(patch.quiet_hours.start),
            endMinute: toMinute(patch.quiet_hours.end),
            timeZone: patch.quiet_hours.time_zone,
          },
        );
      return this.read(tx, person);
    });
  }

  /** Switches off what a genuine, unexpired, unused link names; a forged, expired or used one is refused. */
  async unsubscribe(token: string) {
    const claims = await this.tokens?.verify(token);
    if (!claims) throw unauthorized(REFUSED);
    return withOrgTransaction(this.db, claims.orgId, async (tx) => {
      const [fresh] = await tx
        .insert(usedUnsubscribeTokens)
        .values({ tokenId: claims.tokenId })
        .onConflictDoNothing()
        .returning();
      if (!fresh) throw conflict('This unsubscribe link was already used.', 'unsubscribe-link-used');
      const person = { orgId: claims.orgId, userId: claims.userId };
      await setSwitch(tx, person, { category: claims.category, channel: claims.channel, enabled: false });
      return { category: claims.category, channel: claims.channel };
    });
  }

  private async read(tx: NotificationsTx, person: Person) {
    const off = new Set(
      (await listSwitches(tx, person)).filter((s) => !s.enabled).map((s) => `${s.category}/${s.channel}`),
    );
    const categories = Object.fromEntries(
      SWITCHABLE_CATEGORIES.map((category) => [
        category,
        {
          email: !off.has(`${category}/email`),
          sms: !off.has(`${category}/sms`),
          in_app: !off.has(`${category}/in_app`),
        },
      ]),
    );
    const quiet = await findQuietHours(tx, person);
    return {
      categories,
      quiet_hours: quiet
        ? {
            start: fromMinute(quiet.startMinute),
            end: fromMinute(quiet.endMinute),
            time_zone: quiet.timeZone,
          }
        : null,
    };
  }
}
