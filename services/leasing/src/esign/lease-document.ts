import type { LeaseWithParties } from '../leases/repository.js';
import type { Signer } from './e-signature.js';

const money = (minor: number, currency: string) =>
  `${currency} ${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/**
 * The lease terms as a plain-text document for the envelope, with one `/sign-N/` anchor per signer
 * (DocuSign places each signer's tab there). The rendered PDF replaces it once lease PDFs exist.
 */
export function leaseTermsDocument(lease: LeaseWithParties, signers: Signer[]): Buffer {
  const lines = [
    'RESIDENTIAL LEASE AGREEMENT',
    '',
    `Lease ${lease.id}`,
    `Unit ${lease.unitId} (property ${lease.propertyId}); dates are in ${lease.timeZone}.`,
    `Term: ${lease.startDate} to ${lease.endDate ?? 'month to month'}.`,
    `Rent: ${money(lease.rentMinor, lease.currency)} a month, due on day ${lease.rentDueDay}.`,
    `Security deposit: ${money(lease.depositMinor, lease.currency)}.`,
    ...lease.recurringCharges.map(
      (c) => `${c.description} (${c.kind}): ${money(c.amount_minor, lease.currency)} ${c.frequency}.`,
    ),
    '',
    'Parties:',
    ...lease.parties.map((p) => `  ${p.fullName} (${p.role.replace('_', ' ')})`),
    '',
    ...signers.flatMap((s, i) => [`Signed by ${s.name}: /sign-${i + 1}/`, '']),
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}
