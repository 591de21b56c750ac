/**
 * What kind of caller a request comes from. `admin` is a platform operator acting outside any organization:
 * its tokens open only routes declaring `platform: 'admin'` (ARCHITECTURE.md §4).
 */
export type PrincipalKind = 'user' | 'api_key' | 'client' | 'admin';

/** The authenticated caller of a request, as every service sees it (ARCHITECTURE.md §4). */
export interface Principal {
  kind: PrincipalKind;
  /** The token subject: a user id, an API key id or an OAuth client id. */
  subject: string;
  /** The person behind the call (people and platform admins); null for partner credentials. */
  userId: string | null;
  /** The organization the call acts for; everything it touches is scoped to it. */
  orgId: string | null;
  /** Membership roles in `orgId` (owner, manager, accountant, viewer, tenant, vendor, applicant). */
  roles: string[];
  /** Partner scopes (API keys and client-credentials tokens); empty for people. */
  scopes: string[];
  /** Refresh-token family of a user's session, when the token came from one. */
  sessionId: string | null;
}

/**
 * Who may call a route, declared as `config: { auth: ... }`. `public` skips authentication; `roles` admits
 * people holding any of them; `scopes` admits partner credentials holding all of them; `platform: 'admin'`
 * admits platform admin tokens only. A route that declares none of these admits any authenticated caller
 * except platform admins, who are not members of organizations and so reach no organization's data.
 */
export type AuthRequirement =
  | { public: true }
  | { platform: 'admin'; public?: false }
  | { roles?: readonly string[]; scopes?: readonly string[]; public?: false; platform?: undefined };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    /** The verified caller; null only on public routes called without credentials. */
    principal: Principal | null;
  }
}
