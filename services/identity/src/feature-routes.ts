import type { ApiKeyVerifier, PluginEntry } from '@portfolioos/service-kit';
import type { LoginGuard } from './abuse/login-guard.js';
import type { PasswordGate } from './abuse/password-gate.js';
import { API_KEY_PREFIX } from './api-keys/api-key-format.js';
import { introspectionRoutes } from './api-keys/introspection-routes.js';
import { oauthRoutes } from './api-keys/oauth-routes.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import { ApiKeyService } from './api-keys/service.js';
import { auditRoutes } from './audit/routes.js';
import { AuditLogService } from './audit/service.js';
import type { TokenIssuer } from './sessions/token-issuer.js';
import type { Config } from './config.js';
import type { PasswordHasher } from './crypto/passwords.js';
import type { IdentityDb } from './db/database.js';
import { InvitationAcceptance } from './invitations/accept.js';
import { invitationDeliveryRoutes } from './invitations/delivery-routes.js';
import { acceptInvitationRoutes, invitationRoutes } from './invitations/routes.js';
import { InvitationService } from './invitations/service.js';
import { organizationRoutes } from './organizations/routes.js';
import { OrganizationService } from './organizations/service.js';
import { AdminTokens, adminTokenRoutes } from './admin/admin-token.js';
import { adminRoutes } from './admin/routes.js';
import { PlatformAdminService } from './admin/service.js';
import { OrganizationSwitch, switchOrganizationRoutes } from './auth/switch-organization.js';
import type { SigningKeyStore } from './signing-keys/service.js';
import { ProfileService } from './users/profile-service.js';
import { meRoutes } from './users/me-routes.js';
import { profileRoutes } from './users/profile-routes.js';

/** The organization, invitation, me/profile, API-key, OAuth, admin and audit features, wired. */
export interface FeatureRoutes {
  routes: PluginEntry[];
  apiKeyPrefix: string;
  verifyApiKey: ApiKeyVerifier;
}

/** Password hashing and the abuse limits every password check and public endpoint goes through. */
export interface Credentials {
  passwords: PasswordHasher;
  gate: PasswordGate;
  guard: LoginGuard;
}

export function buildFeatureRoutes(
  config: Config,
  db: IdentityDb,
  issuer: TokenIssuer,
  { passwords, gate, guard }: Credentials,
  keys: SigningKeyStore,
): FeatureRoutes {
  const refreshTtl = config.REFRESH_TOKEN_TTL_SECONDS;
  const apiKeys = new ApiKeyService(db);
  const invitations = new InvitationService(db, {
    ttlHours: config.INVITATION_TTL_HOURS,
    acceptUrlBase: config.PUBLIC_BASE_URL,
    inviterLinksCreateAccounts: config.DEV_INVITER_LINKS_CREATE_ACCOUNTS,
  });
  const profiles = new ProfileService(db, gate, guard);
  const acceptance = new InvitationAcceptance(db, issuer, passwords, gate, guard, refreshTtl);
  return {
    apiKeyPrefix: API_KEY_PREFIX,
    verifyApiKey: apiKeys.verify,
    routes: [
      { plugin: organizationRoutes(new OrganizationService(db)), prefix: '/v1/orgs' },
      { plugin: invitationRoutes(invitations), prefix: '/v1/orgs' },
      { plugin: auditRoutes(new AuditLogService(db)), prefix: '/v1/orgs' },
      { plugin: acceptInvitationRoutes(acceptance), prefix: '/v1/auth' },
      {
        plugin: switchOrganizationRoutes(new OrganizationSwitch(db, issuer, refreshTtl)),
        prefix: '/v1/auth',
      },
      { plugin: adminTokenRoutes(new AdminTokens(db, issuer, gate, guard)), prefix: '/v1/auth' },
      { plugin: meRoutes(profiles), prefix: '/v1/me' },
      { plugin: profileRoutes(profiles), prefix: '/v1/users' },
      { plugin: adminRoutes(new PlatformAdminService(db, keys)), prefix: '/v1/admin' },
      { plugin: apiKeyRoutes(apiKeys), prefix: '/v1/api-keys' },
      { plugin: oauthRoutes(apiKeys, issuer, guard), prefix: '/v1/oauth' },
      { plugin: introspectionRoutes(apiKeys, config.INTERNAL_API_TOKEN), prefix: '/internal/v1' },
      { plugin: invitationDeliveryRoutes(invitations, config.INTERNAL_API_TOKEN), prefix: '/internal/v1' },
    ],
  };
}
