import proxyAddr from '@fastify/proxy-addr';

/** Which peers' X-Forwarded-For a service believes: up to `hops` proxies, each connecting from `proxies`. */
export interface ProxyTrust {
  hops: number;
  /** Comma-separated CIDRs or proxy-addr's names (loopback, linklocal, uniquelocal); empty = none. */
  proxies: string;
}

/**
 * Fastify's trustProxy function for `trust`: proxy-addr walks from the socket's address leftwards through
 * X-Forwarded-For and stops at the first address it does not trust, which becomes request.ip. Trusting a
 * hop only when it is both within the count and from a proxy address means a client that connects directly
 * is its own address whatever header it sends.
 */
export function proxyTrustFunction(trust: ProxyTrust): (address: string, hop: number) => boolean {
  const proxies = trust.proxies
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const isProxy = proxies.length > 0 ? proxyAddr.compile(proxies) : () => false;
  return (address, hop) => hop < trust.hops && isProxy(address, hop);
}
