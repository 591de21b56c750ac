import { buildApp, optionalCheck, type AppLogger, type ServiceApp } from '@portfolioos/service-kit';
import { appShellRoutes } from './app-shell/shell-routes.js';
import { assetRoutes } from './client-build/asset-routes.js';
import { loadClientBuild } from './client-build/client-build.js';
import type { Config } from './config.js';
import { listingPageRoutes } from './listing-page/listing-page-routes.js';
import { publicListings } from './listing-page/public-listings.js';
import { OWN_OPENAPI_PATH, publicOpenApiRoutes } from './public-api/public-openapi-routes.js';
import { contentSecurityPolicy } from './security-headers.js';
import { identitySessions } from './session/identity-sessions.js';
import { sessionCookie, SESSION_PATH } from './session/session-cookie.js';
import { sessionRoutes } from './session/session-routes.js';

export interface WebDeps {
  logger?: AppLogger;
}

/** Builds (never listens) the web service: the client's assets and shell, server-rendered listing pages, and the browser's session endpoints. */
export async function buildWebApp(config: Config, deps: WebDeps = {}): Promise<ServiceApp> {
  // Read once at boot: a missing build stops the boot with what to run, instead of serving 404s.
  const client = await loadClientBuild(config.CLIENT_DIR);
  const listings = publicListings(config.LISTINGS_URL);
  const session = {
    identity: identitySessions(config.IDENTITY_URL),
    cookie: sessionCookie(config.PUBLIC_BASE_URL),
    publicOrigin: new URL(config.PUBLIC_BASE_URL).origin,
  };
  return buildApp({
    name: 'web',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: {
      title: 'PortfolioOS web',
      description: 'The web app: its HTML shell, hashed assets and server-rendered listing pages.',
      documentPath: OWN_OPENAPI_PATH,
    },
    contentSecurityPolicy: contentSecurityPolicy({ mapStyleUrl: config.MAP_STYLE_URL }),
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    // Listing pages need listings; the app shell and the map (which calls the APIs from the browser) do not.
    readiness: { listings: optionalCheck(() => listings.health()) },
    plugins: {
      routes: [
        assetRoutes(client.assetsDir),
        { plugin: sessionRoutes(session), prefix: SESSION_PATH },
        publicOpenApiRoutes(),
        listingPageRoutes({ listings, client, publicBaseUrl: config.PUBLIC_BASE_URL }),
        appShellRoutes(client, { mapStyleUrl: config.MAP_STYLE_URL }),
      ],
    },
  });
}
