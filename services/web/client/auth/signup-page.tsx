import { m } from '../i18n.js';
import { followLink } from '../routing.js';
import { goOnAfterSignIn, text } from './after-sign-in.js';
import { AuthLayout } from './auth-layout.js';
import { FormAlert, TextField } from './form-parts.js';
import { useSessionForm } from './use-session-form.js';

/** /signup: a landlord's account and organization; identity's field errors shown beside each field. */
export function SignUpPage() {
  const form = useSessionForm(
    'signup',
    (f) => ({
      display_name: text(f, 'display_name'),
      email: text(f, 'email'),
      password: text(f, 'password'),
      organization: { name: text(f, 'organization.name') },
    }),
    goOnAfterSignIn,
  );
  const errors = form.fieldErrors;
  return (
    <AuthLayout title={m.signUpTitle} lead={m.signUpLead}>
      <form className="auth-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <FormAlert message={form.message} />
        <TextField
          name="display_name"
          label={m.displayName}
          autoComplete="name"
          required
          autoFocus
          error={errors.display_name}
        />
        <TextField
          name="organization.name"
          label={m.organizationName}
          autoComplete="organization"
          required
          error={errors['organization.name']}
        />
        <TextField
          name="email"
          label={m.email}
          type="email"
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField
          name="password"
          label={m.newPassword}
          type="password"
          autoComplete="new-password"
          required
          hint={m.passwordHint}
          error={errors.password}
        />
        <button type="submit" disabled={form.busy}>
          {form.busy ? m.working : m.signUp}
        </button>
      </form>
      <p>
        {m.haveAccount}{' '}
        <a href="/login" onClick={followLink}>
          {m.signIn}
        </a>
      </p>
    </AuthLayout>
  );
}
