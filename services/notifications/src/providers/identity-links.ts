import { ProviderError, isUnreachable, kindOfStatus } from './provider-error.js';

/** Mints invitation accept links at identity (its /internal/v1 endpoint, with the internal token). */
export interface InvitationLinks {
  acceptUrl(invitationId: string): Promise<string>;
}

/**
 * identity's POST /internal/v1/invitations/:id/accept-link. Each call mints a fresh single-use token
 * and replaces the previous one, so it is called right before the e-mail is handed over, once per attempt.
 * 404/422 (revoked, accepted, expired) are permanent: the e-mail must not go.
 */
export function identityInvitationLinks(baseUrl: string, internalToken: string | undefined): InvitationLinks {
  return {
    async acceptUrl(invitationId) {
      if (!internalToken)
        throw new ProviderError(
          'permanent',
          'INTERNAL_API_TOKEN is not set: identity mints no accept links.',
        );
      const url = new URL(
        `/internal/v1/invitations/${encodeURIComponent(invitationId)}/accept-link`,
        baseUrl,
      );
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${internalToken}` },
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new ProviderError(
          isUnreachable(error) ? 'unreachable' : 'retryable',
          `identity: ${String(error)}`,
        );
      }
      if (response.status !== 201) {
        const detail = await response.text().catch(() => '');
        throw new ProviderError(
          kindOfStatus(response.status),
          `identity answered ${response.status} minting the accept link: ${detail.slice(0, 300)}`,
          response.status === 404 || response.status === 422 ? 'invitation-closed' : String(response.status),
        );
      }
      return ((await response.json()) as { url: string }).url;
    },
  };
}
