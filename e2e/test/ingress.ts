import { randomUUID } from 'node:crypto';

/** The ingress the tests go through (the local nginx unless PORTFOLIOOS_TEST_INGRESS_URL says otherwise). */
export const INGRESS_URL = process.env.PORTFOLIOOS_TEST_INGRESS_URL ?? 'http://127.0.0.1:8080';
const INGRESS = INGRESS_URL;

/** One JSON call through the ingress; `token` goes in as a Bearer credential (access token or API key). */
export async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${INGRESS}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Signs up a new person with a new organization they own; returns their access token. */
export async function signUpOwner(displayName: string, organization: string): Promise<string> {
  const signUp = await call('POST', '/v1/auth/signup', {
    email: `owner-${randomUUID()}@example.com`,
    password: 'correct horse battery staple',
    display_name: displayName,
    organization: { name: organization },
  });
  if (signUp.status !== 201)
    throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
  return signUp.body.tokens.access_token as string;
}
