import { emailBodies } from '../email-layout.js';
import { fitSms } from '../gsm7.js';
import type { Renderer } from '../template-data.js';

const SMS_SIGN = (org: string) => `${org}: your lease is ready to sign. Check your e-mail for the link.`;

/** A lease went out for signature: the signers hear how they will sign it. */
export const leaseOutForSignature: Renderer<'lease.out-for-signature'> = (data, ctx) => {
  const path = `/leases/${data.leaseId}`;
  const how = data.electronic
    ? 'You will receive a separate e-mail from our e-signature provider to sign it online.'
    : `${ctx.orgName} will give you the paper copy to sign.`;
  const { html, text } = emailBodies({
    orgName: ctx.orgName,
    heading: 'Your lease is ready to sign',
    paragraphs: [`${greeting(ctx.recipientName)}your lease with ${ctx.orgName} is ready for signature.`, how],
    action: { label: 'Review the lease', url: ctx.appUrl(path) },
    footer: ['You get this message because you are a party to this lease.'],
  });
  return {
    subject: `${ctx.orgName}: your lease is ready to sign`,
    html,
    text,
    sms: fitSms(SMS_SIGN, ctx.orgName),
    title: 'Lease ready to sign',
    body: `Your lease with ${ctx.orgName} is ready for signature.`,
    link: path,
  };
};

/** A lease was fully signed: its parties get the confirmation; staff hear in the app. */
export const leaseSigned: Renderer<'lease.signed'> = (data, ctx) => {
  const path = `/leases/${data.leaseId}`;
  const start = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${data.startDate}T00:00:00Z`),
  );
  const body = data.forStaff
    ? `A lease starting ${start} has been signed by all parties.`
    : `Your lease with ${ctx.orgName} is signed by all parties. It starts ${start}.`;
  const { html, text } = emailBodies({
    orgName: ctx.orgName,
    heading: 'Lease signed',
    paragraphs: [`${greeting(ctx.recipientName)}${body.charAt(0).toLowerCase()}${body.slice(1)}`],
    action: { label: 'Open the lease', url: ctx.appUrl(path) },
    footer: [
      data.forStaff
        ? 'You get this message as a manager of this organization.'
        : 'You get this message because you are a party to this lease.',
    ],
    ...(ctx.unsubscribeUrl
      ? { unsubscribe: { label: 'Unsubscribe from these e-mails', url: ctx.unsubscribeUrl } }
      : {}),
  });
  return {
    subject: `${ctx.orgName}: lease signed`,
    html,
    text,
    sms: fitSms((org) => `${org}: your lease is signed. It starts ${start}.`, ctx.orgName),
    title: 'Lease signed',
    body,
    link: path,
  };
};

const greeting = (name: string | null) => (name ? `Hello ${name}, ` : 'Hello, ');
