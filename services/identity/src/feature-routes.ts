import type { ApiKeyVerifier, PluginEntry } from '@portfolioos/service-kit';
import type { LoginGuard } from './abuse/login-guard.js';
import { API_KEY_PREFIX } from './api-keys/api-key-format.js';
import { oauthRoutes } from './api-keys/oauth-routes.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import { ApiKeyService } from './api-keys/service.js';
import { auditRoutes } from './audit/routes.js';
import type { TokenIssuer } from './auth/token-issuer.js';
import type { Config } from './config.js';
import type { PasswordHasher } from './crypto/passwords.js';
import type { IdentityDb } from './db/database.js';
import { InvitationAcceptance } from './invitations/accept.js';
import { acceptInvitationRoutes, invitationRoutes } from './invitations/routes.js';
import { InvitationService } from './invitations/service.js';
import { organizationRoutes } from './organizations/routes.js';
import { OrganizationService } from './organizations/service.js';

/** The organization, invitation, API-key, OAuth and audit features, wired. */
export interface FeatureRoutes {
  routes: PluginEntry[];
  apiKeyPrefix: string;
  verifyApiKey: ApiKeyVerifier;
}

export function buildFeatureRoutes(
  config: Config,
  db: IdentityDb,
  issuer: TokenIssuer,
  passwords: PasswordHasher,
  guard: LoginGuard,
): FeatureRoutes {
  const apiKeys = new ApiKeyService(db);
  const invitations = new InvitationService(db, {
    ttlHours: config.INVITATION_TTL_HOURS,
    acceptUrlBase: config.PUBLIC_BASE_URL,
  });
  const acceptance = new InvitationAcceptance(db, issuer, passwords, guard, config.REFRESH_TOKEN_TTL_SECONDS);
  return {
    apiKeyPrefix: API_KEY_PREFIX,
    verifyApiKey: apiKeys.verify,
    routes: [
      { plugin: organizationRoutes(new OrganizationService(db)), prefix: '/v1/orgs' },
      { plugin: invitationRoutes(invitations), prefix: '/v1/orgs' },
      { plugin: auditRoutes(db), prefix: '/v1/orgs' },
      { plugin: acceptInvitationRoutes(acceptance), prefix: '/v1/auth' },
      { plugin: apiKeyRoutes(apiKeys), prefix: '/v1/api-keys' },
      { plugin: oauthRoutes(apiKeys, issuer, guard), prefix: '/v1/oauth' },
    ],
  };
}
