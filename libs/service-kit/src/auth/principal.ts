/** What kind of caller a request comes from. */
export type PrincipalKind = 'user' | 'api_key' | 'client';

/** The authenticated caller of a request, as every service sees it (ARCHITECTURE.md §4). */
export interface Principal {
  kind: PrincipalKind;
  /** The token subject: a user id, an API key id or an OAuth client id. */
  subject: string;
  /** The person behind the call; null for partner credentials. */
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
 * people holding any of them; `scopes` admits partner credentials holding all of them. A route that declares
 * neither roles nor scopes admits any authenticated caller.
 */
export type AuthRequirement =
  { public: true } | { roles?: readonly string[]; scopes?: readonly string[]; public?: false };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    /** The verified caller; null only on public routes called without credentials. */
    principal: Principal | null;
  }
}
