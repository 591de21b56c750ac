import { useState } from 'react';
import { m } from '../i18n.js';
import { goOnAfterSignIn, text } from './after-sign-in.js';
import { AuthLayout } from './auth-layout.js';
import { FormAlert, TextField } from './form-parts.js';
import { useSessionForm } from './use-session-form.js';

type Mode = 'new' | 'existing';

/**
 * /accept-invitation?token=…, the link identity mints: a new person names themselves and chooses a
 * password; someone with an account enters its password. Identity decides (a link handed over by the
 * inviter, `ivh_`, links existing accounts, so that is the default for it).
 */
export function AcceptInvitationPage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [mode, setMode] = useState<Mode>(token.startsWith('ivh_') ? 'existing' : 'new');
  const form = useSessionForm(
    'accept-invitation',
    (f) => ({
      token,
      password: text(f, 'password'),
      ...(mode === 'new' ? { display_name: text(f, 'display_name') } : {}),
    }),
    goOnAfterSignIn,
  );
  if (!token)
    return (
      <AuthLayout title={m.acceptTitle}>
        <p role="alert">{m.acceptNoToken}</p>
      </AuthLayout>
    );
  return (
    <AuthLayout title={m.acceptTitle} lead={m.acceptLead}>
      <form className="auth-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <FormAlert message={form.message} />
        <fieldset className="choice">
          <legend>{m.acceptHaveAccount}</legend>
          {(['new', 'existing'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {value === 'new' ? m.acceptNew : m.acceptExisting}
            </label>
          ))}
        </fieldset>
        {mode === 'new' && (
          <TextField
            name="display_name"
            label={m.displayName}
            autoComplete="name"
            required
            error={form.fieldErrors.display_name}
          />
        )}
        <TextField
          name="password"
          label={mode === 'new' ? m.newPassword : m.password}
          type="password"
          autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
          required
          {...(mode === 'new' ? { hint: m.passwordHint } : {})}
          error={form.fieldErrors.password}
        />
        <button type="submit" disabled={form.busy}>
          {form.busy ? m.working : m.acceptButton}
        </button>
      </form>
    </AuthLayout>
  );
}
