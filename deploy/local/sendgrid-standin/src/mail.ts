// SendGrid v3 mail/send bodies (already validated against SendGrid's spec) → mailpit send API messages.
// SendGrid sends one message per personalization, so one request may become several messages.

interface Address {
  email: string;
  name?: string;
}

interface Personalization {
  from?: Address;
  to: Address[];
  cc?: Address[];
  bcc?: Address[];
  subject?: string;
  headers?: Record<string, string>;
  substitutions?: Record<string, string>;
  dynamic_template_data?: Record<string, unknown>;
}

/** The fields of a mail/send body the stand-in acts on (the spec defines more; they are validated, then ignored). */
export interface MailSendBody {
  personalizations: Personalization[];
  from: Address;
  reply_to?: Address;
  reply_to_list?: Address[];
  subject?: string;
  content?: { type: string; value: string }[];
  attachments?: { content: string; filename: string; type?: string; content_id?: string }[];
  template_id?: string;
  headers?: Record<string, string>;
  categories?: string[];
  mail_settings?: { sandbox_mode?: { enable?: boolean } };
}

interface MailpitAddress {
  Email: string;
  Name?: string;
}

/** Mailpit's POST /api/v1/send body (mailpit server/apiv1/swaggerParams.go). */
export interface MailpitMessage {
  From: MailpitAddress;
  To: MailpitAddress[];
  Cc?: MailpitAddress[];
  Bcc?: string[];
  ReplyTo?: MailpitAddress[];
  Subject: string;
  Text?: string;
  HTML?: string;
  Attachments?: { Content: string; Filename: string; ContentType?: string; ContentID?: string }[];
  Headers?: Record<string, string>;
  Tags?: string[];
}

const address = (a: Address): MailpitAddress =>
  a.name ? { Email: a.email, Name: a.name } : { Email: a.email };

/** SendGrid replaces each substitution key in subject and bodies with its value. */
function substitute(
  text: string | undefined,
  substitutions: Record<string, string> = {},
): string | undefined {
  if (text === undefined) return undefined;
  return Object.entries(substitutions).reduce((out, [key, value]) => out.split(key).join(value), text);
}

export function toMailpitMessages(body: MailSendBody): MailpitMessage[] {
  const text = body.content?.find((c) => c.type === 'text/plain')?.value;
  const html = body.content?.find((c) => c.type === 'text/html')?.value;
  const replyTo = body.reply_to_list ?? (body.reply_to ? [body.reply_to] : undefined);
  return body.personalizations.map((p) => {
    const headers: Record<string, string> = { ...body.headers, ...p.headers };
    // Templates live in the SendGrid account, not here: the message names the template and carries its data,
    // so a test can check what the service asked SendGrid to render.
    if (body.template_id) headers['X-SendGrid-Template-Id'] = body.template_id;
    const templateData = p.dynamic_template_data
      ? JSON.stringify(p.dynamic_template_data, null, 2)
      : undefined;
    const message: MailpitMessage = {
      From: address(p.from ?? body.from),
      To: p.to.map(address),
      Subject: substitute(p.subject ?? body.subject, p.substitutions) ?? '',
    };
    if (p.cc?.length) message.Cc = p.cc.map(address);
    if (p.bcc?.length) message.Bcc = p.bcc.map((a) => a.email);
    if (replyTo?.length) message.ReplyTo = replyTo.map(address);
    const bodyText = substitute(text, p.substitutions) ?? templateData;
    if (bodyText !== undefined) message.Text = bodyText;
    const bodyHtml = substitute(html, p.substitutions);
    if (bodyHtml !== undefined) message.HTML = bodyHtml;
    if (body.attachments?.length) {
      message.Attachments = body.attachments.map((a) => ({
        Content: a.content,
        Filename: a.filename,
        ...(a.type ? { ContentType: a.type } : {}),
        ...(a.content_id ? { ContentID: a.content_id } : {}),
      }));
    }
    if (Object.keys(headers).length) message.Headers = headers;
    if (body.categories?.length) message.Tags = body.categories;
    return message;
  });
}

/** Hands one message to mailpit; returns mailpit's message ID. */
export async function deliverToMailpit(mailpitUrl: string, message: MailpitMessage): Promise<string> {
  const response = await fetch(new URL('/api/v1/send', mailpitUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`mailpit refused the message (${response.status}): ${text}`);
  return (JSON.parse(text) as { ID: string }).ID;
}

export async function mailpitReady(mailpitUrl: string): Promise<boolean> {
  const response = await fetch(new URL('/readyz', mailpitUrl), { signal: AbortSignal.timeout(2_000) }).catch(
    () => undefined,
  );
  return response?.ok ?? false;
}
