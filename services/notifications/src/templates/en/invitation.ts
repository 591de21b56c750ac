import { emailBodies } from '../email-layout.js';
import { fitSms } from '../gsm7.js';
import type { Renderer } from '../template-data.js';

const ROLE_NAMES: Record<string, string> = {
  owner: 'an owner',
  manager: 'a manager',
  accountant: 'an accountant',
  viewer: 'a viewer',
  tenant: 'a tenant',
  vendor: 'a vendor',
  applicant: 'an applicant',
};

const day = (millis: number) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(millis));

/** The invitation e-mail: who invites whom to which organization, and the accept link. */
export const invitationCreated: Renderer<'invitation.created'> = (data, ctx) => {
  const role = ROLE_NAMES[data.role] ?? 'a member';
  const subject = `${data.inviterName} invited you to ${ctx.orgName} on PortfolioOS`;
  const paragraphs = [
    `${data.inviterName} invited you to join ${ctx.orgName} as ${role}.`,
    ...(data.message ? [`Their note: “${data.message}”`] : []),
    `The invitation is valid until ${day(data.expiresAt)} (UTC) and the link works once.`,
  ];
  const { html, text } = emailBodies({
    orgName: ctx.orgName,
    heading: `Join ${ctx.orgName}`,
    paragraphs,
    ...(ctx.acceptUrl ? { action: { label: 'Accept the invitation', url: ctx.acceptUrl } } : {}),
    footer: [`If you did not expect this invitation, ignore this e-mail: nothing happens without you.`],
  });
  return {
    subject,
    html,
    text,
    sms: fitSms(
      (org) => `${org}: ${data.inviterName} invited you to PortfolioOS. See your e-mail.`,
      ctx.orgName,
    ),
    title: `Invitation to ${ctx.orgName}`,
    body: `${data.inviterName} invited you as ${role}.`,
    link: null,
  };
};
