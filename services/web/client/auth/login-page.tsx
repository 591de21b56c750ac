import { m } from '../i18n.js';
import { followLink } from '../routing.js';
import { goOnAfterSignIn, text } from './after-sign-in.js';
import { AuthLayout } from './auth-layout.js';
import { FormAlert, TextField } from './form-parts.js';
import { useSessionForm } from './use-session-form.js';

/** /login: email and password; identity's answers (wrong password, lockout, 429) shown in the alert. */
export function LoginPage() {
  const form = useSessionForm(
    'login',
    (f) => ({ email: text(f, 'email'), password: text(f, 'password') }),
    goOnAfterSignIn,
  );
  return (
    <AuthLayout title={m.signInTitle}>
      <form className="auth-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <FormAlert message={form.message} />
        <TextField
          name="email"
          label={m.email}
          type="email"
          autoComplete="username"
          required
          autoFocus
          error={form.fieldErrors.email}
        />
        <TextField
          name="password"
          label={m.password}
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldErrors.password}
        />
        <button type="submit" disabled={form.busy}>
          {form.busy ? m.working : m.signIn}
        </button>
      </form>
      <p>
        {m.noAccountYet}{' '}
        <a href="/signup" onClick={followLink}>
          {m.signUp}
        </a>
      </p>
    </AuthLayout>
  );
}
