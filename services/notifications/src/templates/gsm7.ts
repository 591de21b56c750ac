// GSM 03.38 basic character set (one septet each) and its extension table (two septets: escape + char).
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(BASIC);
const extended = new Set(EXTENDED);

/** Septets `text` takes in GSM-7, or undefined when a character is outside it (the SMS goes as UCS-2). */
export function gsm7Length(text: string): number | undefined {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extended.has(char)) septets += 2;
    else return undefined;
  }
  return septets;
}

/** One SMS segment: 160 GSM-7 septets, or 70 UCS-2 characters when the text is not GSM-7. */
export const fitsOneSegment = (text: string): boolean => {
  const septets = gsm7Length(text);
  return septets === undefined ? [...text].length <= 70 : septets <= 160;
};

/**
 * Builds an SMS of one segment where possible: `variable` (an organization's name, say) is cut short
 * until `compose(variable)` fits; when no cut fits (the fixed text alone is too long), the full text goes.
 */
export function fitSms(compose: (variable: string) => string, variable: string): string {
  const full = compose(variable);
  if (fitsOneSegment(full)) return full;
  const chars = [...variable];
  for (let length = chars.length - 1; length > 0; length -= 1) {
    const text = compose(`${chars.slice(0, length).join('').trimEnd()}.`);
    if (fitsOneSegment(text)) return text;
  }
  return full;
}
