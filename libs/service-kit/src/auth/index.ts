export {
  ACCESS_TOKEN_ALGORITHM,
  verifyAccessToken,
  type AccessTokenClaims,
  type AccessTokenVerifierOptions,
} from './access-token.js';
export {
  authPlugin,
  DEFAULT_PUBLIC_PATHS,
  remoteJwks,
  type ApiKeyVerifier,
  type AuthPluginOptions,
} from './auth-plugin.js';
export { authorize } from './authorize.js';
export { ApiKeyCache, type ApiKeyCacheOptions, type CacheTicket } from './api-key-cache.js';
export { partnerApiKeys, remoteApiKeys, type RemoteApiKeysOptions } from './remote-api-keys.js';
export type { AuthRequirement, Principal, PrincipalKind } from './principal.js';
