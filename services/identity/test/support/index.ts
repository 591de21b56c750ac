// The identity test harness and sign-up/login flows, as `@portfolioos/identity/testing` (bench:identity).
export { createIdentityHarness, type IdentityHarness } from './harness.js';
export { bearer, login, newEmail, PASSWORD, signUp, type SignedUp } from './flows.js';
