import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { paths } from '../../src/generated/identity-api.js';
import { identityApi } from '../api/staff-clients.js';
import { apiProblem } from '../api/problem.js';
import { accessToken, holdGrant, postSession, refreshAccessToken, type AccessGrant } from './access-token.js';

/** The signed-in person, their principal (organization and roles there) and every membership. */
export type Me = paths['/v1/me/']['get']['responses'][200]['content']['application/json'];

export type SessionState =
  { status: 'restoring' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Takes the grant a sign-in page got from /session/{login,signup,accept-invitation}. */
  signedIn(grant: AccessGrant): Promise<void>;
  signOut(): Promise<void>;
  switchOrganization(organizationId: string): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

async function fetchMe(): Promise<Me> {
  const { data, error, response } = await identityApi.GET('/v1/me/');
  if (!data) throw apiProblem(response, error);
  return data;
}

/** Restores the session from its cookie at start (a reload keeps you signed in) and shares it with pages. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });
  const queryClient = useQueryClient();
  const load = useCallback(async () => {
    const token = await accessToken();
    setState(token ? { status: 'signed-in', me: await fetchMe() } : { status: 'signed-out' });
  }, []);

  useEffect(() => {
    refreshAccessToken()
      .then(load)
      .catch(() => setState({ status: 'signed-out' }));
  }, [load]);

  const session = useMemo<Session>(
    () => ({
      state,
      async signedIn(grant) {
        holdGrant(grant);
        queryClient.clear();
        await load();
      },
      async signOut() {
        await postSession('logout', {});
        holdGrant(undefined);
        // What the person saw belongs to their organization: nothing of it stays in the cache.
        queryClient.clear();
        setState({ status: 'signed-out' });
      },
      async switchOrganization(organizationId) {
        const token = await accessToken();
        const response = await postSession('switch-organization', { organization_id: organizationId }, token);
        holdGrant((await response.json()) as AccessGrant);
        queryClient.clear();
        await load();
      },
    }),
    [state, load, queryClient],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session of the page (inside SessionProvider). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
