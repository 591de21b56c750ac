import type { Config } from '../config.js';
import type { NotificationRow } from '../delivery/notification-row.js';
import { isMandatory, SWITCHABLE_CATEGORIES, type Category } from '../routing/channels.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** The token signer the configuration allows (none without UNSUBSCRIBE_SIGNING_SECRET). */
export const unsubscribeTokensFromConfig = (config: Config): UnsubscribeTokens | undefined =>
  config.UNSUBSCRIBE_SIGNING_SECRET
    ? new UnsubscribeTokens(config.UNSUBSCRIBE_SIGNING_SECRET, config.UNSUBSCRIBE_LINK_TTL_DAYS)
    : undefined;

/**
 * The one-click link an e-mail carries: the web app's /unsubscribe page with a signed token for this
 * person, category and channel. Only for people with an account and categories they may switch off.
 */
export function unsubscribeLinkFor(
  tokens: UnsubscribeTokens,
  publicBaseUrl: string,
): (row: NotificationRow) => Promise<string | undefined> {
  return async (row) => {
    const category = SWITCHABLE_CATEGORIES.find((c) => c === row.category);
    if (!row.recipientUserId || !category || isMandatory(row.category as Category)) return undefined;
    const token = await tokens.sign({
      orgId: row.orgId,
      userId: row.recipientUserId,
      category,
      channel: row.channel,
    });
    const url = new URL('/unsubscribe', publicBaseUrl);
    url.searchParams.set('token', token);
    return url.toString();
  };
}
