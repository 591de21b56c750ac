import { callJson, type FuzzPrincipals } from './principals.js';
import type { PathValues } from './schemathesis.js';
import { searchProfile } from './search-profile.js';

/**
 * What the fuzzer knows about one service beyond what every service gets (service-processes.ts): extra
 * variables, what to prepare before it boots, and the data to seed so paths with ids reach real rows.
 * A service without a profile (a new one, the template's) is fuzzed all the same, unseeded.
 */
export interface FuzzProfile {
  /** Variables for this service's process (topics, index names: its own, never the catalog's). */
  env?: () => Record<string, string>;
  /** Creates data through the service's API (or its event input); the real values of its path params. */
  seed?: (baseUrl: string, principals: FuzzPrincipals) => Promise<PathValues>;
  /** Removes what the service created outside its throwaway database (indices, topics). */
  cleanup?: () => Promise<void>;
  /**
   * Operations that refuse some schema-valid requests with a 400 by a rule OpenAPI cannot state, by
   * schemathesis name (`GET /v1/listings/search`), each with the reason; their schema-valid cases may
   * answer 400 too. Operations that take a `cursor` get this by themselves (cursors.ts).
   */
  unstatedRules?: Record<string, string>;
}

/** Profiles by service name; `search` gets fresh names each run, hence a factory. */
export function fuzzProfiles(): Record<string, FuzzProfile> {
  return { identity: identityProfile, listings: listingsProfile, search: searchProfile() };
}

const identityProfile: FuzzProfile = {
  unstatedRules: {
    // RFC 6749 §5.2: an unknown grant type is a 400 with error=unsupported_grant_type; an enum in the schema
    // would answer it with a validation problem instead of the OAuth error clients parse.
    'POST /v1/oauth/token': 'OAuth 2.0 requires 400 unsupported_grant_type for an unknown grant type',
  },
  env: () => ({
    // The principals' tokens must outlive the whole run; cheap password hashing keeps sign-up and login
    // cases (thousands of them) from spending the budget in argon2.
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    // How an inviter brings in the viewer locally (as `npm start` runs identity).
    DEV_INVITER_LINKS_CREATE_ACCOUNTS: 'true',
  }),
  async seed(baseUrl, principals) {
    const key = await callJson(baseUrl, 'POST', '/v1/api-keys', 201, {
      token: principals.ownerToken,
      body: { name: 'Fuzz partner', scopes: ['listings:read'] },
    });
    const members = await callJson(baseUrl, 'GET', `/v1/orgs/${principals.orgId}/members`, 200, {
      token: principals.ownerToken,
    });
    const items = members.items as { id: string }[];
    return {
      orgId: [principals.orgId],
      invitationId: [principals.invitationId],
      membershipId: items.map((m) => m.id),
      userId: [principals.ownerId, principals.viewerId],
      id: [key.id as string],
    };
  },
};

// The searches' area rules span parameters (exactly one of bbox, near + radius_m; sort=distance needs
// near) or need PostGIS (a valid polygon); OpenAPI 3.1 cannot relate query parameters to each other.
const AREA_RULES = 'one area of bbox | near + radius_m, sort needs its inputs, a valid polygon (PostGIS)';

const listingsProfile: FuzzProfile = {
  unstatedRules: {
    'GET /v1/listings/search': AREA_RULES,
    'POST /v1/listings/search': AREA_RULES,
  },
  // Leasing's events are not part of an HTTP fuzz run; its consumer would only wait for a Kafka that is not there.
  env: () => ({ LEASING_CONSUMER_ENABLED: 'false' }),
  async seed(baseUrl, principals) {
    const token = principals.ownerToken;
    const post = (path: string, body: unknown, expected = 201) =>
      callJson(baseUrl, 'POST', path, expected, { token, body });
    const property = await post('/v1/properties', {
      name: 'Fuzz Court',
      property_type: 'apartment',
      address: {
        line1: '100 Congress Ave',
        city: 'Austin',
        region: 'TX',
        postal_code: '78701',
        country: 'US',
      },
      location: { lat: 30.2672, lng: -97.7431 },
      amenities: ['pool'],
      time_zone: 'America/Chicago',
    });
    const unit = (number: string) =>
      post(`/v1/properties/${property.id as string}/units`, {
        number,
        beds: 2,
        baths: 1.5,
        sqft: 850,
        asking_rent_minor: 150_000,
        currency: 'USD',
        deposit_minor: 150_000,
        amenities: ['dishwasher'],
      });
    const [published, draft] = [await unit('1A'), await unit('1B')];
    const listing = (unitId: string) =>
      post('/v1/listings', { unit_id: unitId, title: 'Sunny 2BR', pet_policy: 'cats' });
    const live = await listing(published.id as string);
    await post(`/v1/listings/${live.id as string}/publish`, undefined, 200);
    const pending = await listing(draft.id as string);
    return {
      id: [property.id, published.id, draft.id, live.id, pending.id] as string[],
    };
  },
};
