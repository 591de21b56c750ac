import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, type PrincipalKind } from '@portfolioos/service-kit';
import type { SigningKeyStore } from '../signing-keys/service.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
}

export interface AccessTokenSubject {
  kind: PrincipalKind;
  subject: string;
  orgId: string | null;
  roles: string[];
  scopes?: string[];
  sessionId?: string;
}

export interface IssuedAccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Signs short-lived RS256 access tokens with the current signing key. */
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeyStore,
    readonly settings: TokenSettings,
  ) {}

  async issue(who: AccessTokenSubject): Promise<IssuedAccessToken> {
    const { kid, privateKey } = this.keys.activeKey();
    const claims = {
      kind: who.kind,
      org: who.orgId,
      roles: who.roles,
      ...(who.scopes && who.scopes.length > 0 ? { scope: who.scopes.join(' ') } : {}),
      ...(who.sessionId ? { sid: who.sessionId } : {}),
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(who.subject)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.settings.accessTtlSeconds}s`)
      .sign(privateKey);
    return { access_token: token, token_type: 'Bearer', expires_in: this.settings.accessTtlSeconds };
  }
}
