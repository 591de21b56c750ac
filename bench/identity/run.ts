// npm run bench:identity — login latency with the configured argon2id cost, and what verifying an access
// token costs each request in every other service. Run `npm run stack:up` first (PostgreSQL, Redis).
import { performance } from 'node:perf_hooks';
import { createLocalJWKSet } from 'jose';
import { verifyAccessToken } from '@portfolioos/service-kit';
import { bearer, createIdentityHarness, login, signUp } from '@portfolioos/identity/testing';
import { report } from '../lib/report.js';
import { quantile } from '../lib/stats.js';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 100);
const VERIFIES = Number(process.env.BENCH_VERIFIES ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);

const closeApps: (() => unknown)[] = [];
const t = { after: (fn: () => unknown) => void closeApps.push(fn) };
{
  const h = await createIdentityHarness();
  try {
    const app = await h.app(t);
    const owner = await signUp(app);
    const loginMs: number[] = [];
    for (let i = 0; i < LOGINS; i += 1) {
      const started = performance.now();
      const response = await login(app, owner.email);
      loginMs.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    }
    const token = owner.tokens.access_token;
    const options = {
      keys: createLocalJWKSet(h.keys.jwks()),
      issuer: h.config.JWT_ISSUER,
      audience: h.config.JWT_AUDIENCE,
    };
    await verifyAccessToken(token, options);
    const verifyStarted = performance.now();
    for (let i = 0; i < VERIFIES; i += 1) await verifyAccessToken(token, options);
    const verifyUs = ((performance.now() - verifyStarted) / VERIFIES) * 1000;

    const requestMs = async (headers: Record<string, string>) => {
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i += 1) await app.inject({ url: '/healthz', headers });
      return ((performance.now() - started) / REQUESTS) * 1000;
    };
    const healthUs = await requestMs({});
    const authedUs = await (async () => {
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i += 1)
        await app.inject({ url: `/v1/orgs/${owner.orgId}`, headers: bearer(token) });
      return ((performance.now() - started) / REQUESTS) * 1000;
    })();
    report(
      'identity',
      [
        { name: 'login p50', unit: 'ms', value: quantile(loginMs, 0.5), target: { kind: 'max', value: 250 } },
        { name: 'login p99', unit: 'ms', value: quantile(loginMs, 0.99) },
        {
          name: 'JWT verify (RS256, cached JWKS)',
          unit: 'µs',
          value: verifyUs,
          target: { kind: 'max', value: 200 },
        },
        { name: 'unauthenticated request (/healthz, inject)', unit: 'µs', value: healthUs },
        { name: 'authenticated org read (JWT + 1 RLS query, inject)', unit: 'µs', value: authedUs },
      ],
      {
        argon2id: `m=${h.config.ARGON2_MEMORY_KIB}KiB t=${h.config.ARGON2_TIME_COST} p=${h.config.ARGON2_PARALLELISM}`,
        logins: LOGINS,
        verifies: VERIFIES,
        requests: REQUESTS,
      },
    );
  } finally {
    for (const close of closeApps) await close();
    await h.close();
  }
}
