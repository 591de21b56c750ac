import escapeHtml from 'escape-html';

/** The parts of a branded e-mail: the organization's name heads it, one call to action, a footer. */
export interface EmailParts {
  orgName: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print (why they get this; the unsubscribe link when the category can be switched off). */
  footer: string[];
  unsubscribe?: { label: string; url: string };
}

/** HTML and plain-text bodies of one e-mail, the same content in both (every value escaped in HTML). */
export function emailBodies(parts: EmailParts): { html: string; text: string } {
  const e = escapeHtml;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;color:#1a1a1a;max-width:560px;margin:auto">',
    `<p style="font-size:13px;color:#555">${e(parts.orgName)}</p>`,
    `<h1 style="font-size:20px">${e(parts.heading)}</h1>`,
    ...parts.paragraphs.map((p) => `<p>${e(p)}</p>`),
    parts.action
      ? `<p><a href="${e(parts.action.url)}" style="background:#2457d6;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${e(parts.action.label)}</a></p>` +
        `<p style="font-size:12px;color:#555">${e(parts.action.url)}</p>`
      : '',
    ...parts.footer.map((p) => `<p style="font-size:12px;color:#555">${e(p)}</p>`),
    parts.unsubscribe
      ? `<p style="font-size:12px"><a href="${e(parts.unsubscribe.url)}">${e(parts.unsubscribe.label)}</a></p>`
      : '',
    '</body></html>',
  ].join('\n');
  const text = [
    parts.orgName,
    '',
    parts.heading,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    ...parts.footer,
    ...(parts.unsubscribe ? ['', `${parts.unsubscribe.label}: ${parts.unsubscribe.url}`] : []),
  ].join('\n');
  return { html, text };
}
