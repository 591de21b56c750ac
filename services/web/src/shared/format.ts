// Money and dates as the visitor's locale writes them; money always in the listing's own currency.

const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units (ISO 4217 exponent of `currency`) as a localized amount, e.g. 245000 USD → $2,450. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const amount = minor / 10 ** digits;
  // Whole amounts (most rents) without ".00"; others with the currency's own precision.
  const fraction = Number.isInteger(amount) ? 0 : digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
  }).format(amount);
}

/** Minor units in major units (for schema.org prices and price inputs): 245000 USD → 2450. */
export const toMajorUnits = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

/** Major units typed by a person in minor units: 2450 USD → 245000. */
export const toMinorUnits = (major: number, currency: string): number =>
  Math.round(major * 10 ** minorDigits(currency));

/** A calendar date (YYYY-MM-DD, no time zone) in the locale's medium style, e.g. Jan 5, 2027. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The first of the visitor's languages (an Accept-Language header or navigator.languages) Intl supports. */
export function negotiateLocale(preferred: readonly string[], fallback = 'en-US'): string {
  for (const tag of preferred) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag in the header: try the next one.
    }
  }
  return fallback;
}

/** Accept-Language's tags, most preferred first (q-values respected, `*` dropped). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

/** A short amount for map markers, e.g. $2.5K. */
export function formatMoneyCompact(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(toMajorUnits(minor, currency));
}
