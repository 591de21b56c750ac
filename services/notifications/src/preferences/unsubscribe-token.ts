import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { SWITCHABLE_CATEGORIES, type Channel } from '../routing/channels.js';

/** What an unsubscribe link switches off: one category on one channel, for one person. */
export interface UnsubscribeClaims {
  tokenId: string;
  orgId: string;
  userId: string;
  category: (typeof SWITCHABLE_CATEGORIES)[number];
  channel: Channel;
}

const AUDIENCE = 'portfolioos-unsubscribe';
const CHANNELS = new Set<string>(['email', 'sms', 'in_app']);

/**
 * Signed, expiring one-click unsubscribe tokens (HS256 JWTs with their own audience, so no other token
 * of the platform passes). Each carries an id; the service records it when used, so a link works once.
 */
export class UnsubscribeTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlDays: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: Omit<UnsubscribeClaims, 'tokenId'>): Promise<string> {
    return new SignJWT({ org: claims.orgId, cat: claims.category, ch: claims.channel })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setJti(randomUUID())
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlDays}d`)
      .sign(this.key);
  }

  /** The claims of a genuine, unexpired token; undefined for anything else. */
  async verify(token: string): Promise<UnsubscribeClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { audience: AUDIENCE, algorithms: ['HS256'] });
      const { org, cat, ch, sub, jti } = payload;
      const category = SWITCHABLE_CATEGORIES.find((c) => c === cat);
      if (typeof org !== 'string' || !sub || !jti || !category || typeof ch !== 'string' || !CHANNELS.has(ch))
        return undefined;
      return { tokenId: jti, orgId: org, userId: sub, category, channel: ch as Channel };
    } catch {
      return undefined;
    }
  }
}
