/** What each template renders from, stored on the notification (no secrets: links are minted at send). */
export interface TemplateData {
  'invitation.created': {
    invitationId: string;
    role: string;
    inviterName: string;
    message: string | null;
    expiresAt: number;
  };
  'lease.out-for-signature': { leaseId: string; electronic: boolean };
  'lease.signed': { leaseId: string; startDate: string; forStaff: boolean };
}

export type TemplateKey = keyof TemplateData;
export const TEMPLATE_KEYS = [
  'invitation.created',
  'lease.out-for-signature',
  'lease.signed',
] as const satisfies readonly TemplateKey[];

/** What a template is rendered with besides its data. */
export interface RenderContext {
  orgName: string;
  recipientName: string | null;
  /** Absolute URL of an app path (the web app behind the ingress). */
  appUrl(path: string): string;
  /** The invitation accept link, minted by identity at send time (invitation.created only). */
  acceptUrl?: string;
  /** One-click unsubscribe link for this category and channel (switchable categories only). */
  unsubscribeUrl?: string;
}

/** A template rendered for every channel; each channel takes its part. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
  /** In-app headline and short body; `link` is the app path it opens (never a token). */
  title: string;
  body: string;
  link: string | null;
}

export type Renderer<K extends TemplateKey> = (data: TemplateData[K], ctx: RenderContext) => RenderedMessage;
