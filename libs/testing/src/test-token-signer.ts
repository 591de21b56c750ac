import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

/** Signs access tokens the way identity does (RS256, kid, issuer, audience), for services under test. */
export interface TestTokenSigner {
  issuer: string;
  audience: string;
  /** The public key set, as identity publishes it at /.well-known/jwks.json. */
  jwks: JSONWebKeySet;
  /** Verification keys for an app built in the test (the `verificationKeys` dependency of services). */
  verificationKeys: JWTVerifyGetKey;
  /** An access token of a staff user (a fresh subject) of organization `orgId` with `roles`. */
  staffToken(orgId: string, roles?: string[]): Promise<string>;
  /**
   * A person's access token with the claims a test is about: its subject, organization, roles and
   * expiry (`expiresIn` as jose reads it: '10m', or absolute epoch seconds, e.g. in the past).
   */
  userToken(claims: {
    userId: string;
    orgId?: string | null;
    roles?: string[];
    kind?: string;
    expiresIn?: string | number;
  }): Promise<string>;
  /** Serves the key set on 127.0.0.1 for a service that fetches it from JWKS_URL (a whole runtime). */
  serveJwks(): Promise<{ url: string; close(): Promise<void> }>;
}

export interface TestTokenSignerOptions {
  issuer?: string;
  audience?: string;
  kid?: string;
  /** Token lifetime as jose reads it (default '10m'). */
  expiresIn?: string;
}

/** A fresh RS256 key pair and the tokens signed with it. */
export async function createTestTokenSigner(options: TestTokenSignerOptions = {}): Promise<TestTokenSigner> {
  const issuer = options.issuer ?? 'https://identity.test';
  const audience = options.audience ?? 'portfolioos';
  const kid = options.kid ?? 'test-key';
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const sign = (
    claims: { kind: string; org: string | null; roles: string[] },
    subject: string,
    expiresIn?: string | number,
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn ?? options.expiresIn ?? '10m')
      .sign(privateKey);
  return {
    issuer,
    audience,
    jwks,
    verificationKeys: createLocalJWKSet(jwks),
    staffToken: (orgId, roles = ['owner']) => sign({ kind: 'user', org: orgId, roles }, crypto.randomUUID()),
    userToken: ({ userId, orgId = null, roles = [], kind = 'user', expiresIn }) =>
      sign({ kind, org: orgId, roles }, userId, expiresIn),
    async serveJwks() {
      const body = JSON.stringify(jwks);
      const server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}
