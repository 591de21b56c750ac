import { invitationCreated } from './en/invitation.js';
import { leaseOutForSignature, leaseSigned } from './en/leases.js';
import type { RenderContext, RenderedMessage, Renderer, TemplateData, TemplateKey } from './template-data.js';

type LocaleTemplates = { [K in TemplateKey]: Renderer<K> };

/** Templates per locale; a locale is added by adding its folder and its entry here. */
const LOCALES: Record<string, LocaleTemplates> = {
  en: {
    'invitation.created': invitationCreated,
    'lease.out-for-signature': leaseOutForSignature,
    'lease.signed': leaseSigned,
  },
};

export const DEFAULT_LOCALE = 'en';

/** The locale messages go out in: the recipient's (`fr-CA` → `fr`) when templates exist for it, else English. */
export function resolveLocale(requested: string | null | undefined): string {
  if (!requested) return DEFAULT_LOCALE;
  const lower = requested.toLowerCase();
  if (LOCALES[lower]) return lower;
  const language = lower.split(/[-_]/)[0] ?? '';
  return LOCALES[language] ? language : DEFAULT_LOCALE;
}

/** Renders `template` in `locale` (resolved first). */
export function render<K extends TemplateKey>(
  template: K,
  locale: string,
  data: TemplateData[K],
  ctx: RenderContext,
): RenderedMessage {
  const templates = LOCALES[resolveLocale(locale)] ?? LOCALES[DEFAULT_LOCALE]!;
  return (templates[template] as Renderer<K>)(data, ctx);
}
