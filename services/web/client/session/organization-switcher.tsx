import { useState } from 'react';
import { m } from '../i18n.js';
import { problemMessage } from '../auth/form-parts.js';
import { useSession, type Me } from './session-provider.js';

/** Which organization the session acts in; choosing another gets a session there (identity's switch). */
export function OrganizationSwitcher({ me }: { me: Me }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const current = me.principal.organization_id ?? '';
  if (me.memberships.length < 2)
    return <span className="organization-name">{me.memberships[0]?.organization_name}</span>;
  const onChange = async (organizationId: string) => {
    setBusy(true);
    setFailure(undefined);
    await session
      .switchOrganization(organizationId)
      .catch((error: unknown) => setFailure(problemMessage(error)));
    setBusy(false);
  };
  return (
    <span className="organization-switcher">
      <label htmlFor="organization-switcher">{m.organization}</label>
      <select
        id="organization-switcher"
        value={current}
        disabled={busy}
        aria-describedby={failure ? 'organization-switcher-error' : undefined}
        onChange={(event) => void onChange(event.target.value)}
      >
        {me.memberships.map((membership) => (
          <option key={membership.organization_id} value={membership.organization_id}>
            {membership.organization_name}
          </option>
        ))}
      </select>
      {failure && (
        <span id="organization-switcher-error" role="alert" className="field-error">
          {failure}
        </span>
      )}
    </span>
  );
}
