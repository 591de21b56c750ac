import type { ManualScreeningBody } from './schemas.js';

/** A screening result as any provider delivers it: the agency, its finding and the report document. */
export interface ScreeningResult {
  provider: string;
  agency: { name: string; address: string | null; phone: string | null };
  result: 'clear' | 'consider' | 'adverse';
  summary: string | null;
  report: { contentType: string; bytes: Buffer };
}

/**
 * The port screening providers sit behind. `manual`: staff ran the screening elsewhere and record the
 * agency's result and report here. A Checkr-style HTTP adapter (invitation → report → signed webhook)
 * would turn its webhook into the same ScreeningResult; it is not built yet.
 */
export interface ScreeningProvider<Input> {
  readonly name: string;
  resultOf(input: Input): ScreeningResult;
}

export const manualProvider: ScreeningProvider<ManualScreeningBody> = {
  name: 'manual',
  resultOf: (body) => ({
    provider: 'manual',
    agency: {
      name: body.agency.name,
      address: body.agency.address ?? null,
      phone: body.agency.phone ?? null,
    },
    result: body.result,
    summary: body.summary ?? null,
    report: { contentType: body.report.content_type, bytes: Buffer.from(body.report.data_base64, 'base64') },
  }),
};
