import docusign from 'docusign-esign';
import { ProblemError } from '@portfolioos/service-kit';

/** A signer of a lease: an adult party (primary or co-tenant) with an e-mail address. */
export interface Signer {
  tenantId: string;
  name: string;
  email: string;
}

/** What an envelope for a lease carries. */
export interface LeaseEnvelope {
  leaseId: string;
  organizationId: string;
  subject: string;
  /** The document to sign (until lease PDFs exist: the terms as plain text). */
  document: { name: string; fileExtension: 'txt' | 'pdf'; bytes: Buffer };
  signers: Signer[];
}

/** The port e-signature providers sit behind: send an envelope, get its id. */
export interface ESignature {
  sendEnvelope(envelope: LeaseEnvelope): Promise<{ envelopeId: string }>;
}

export interface DocusignSettings {
  basePath: string;
  accountId: string;
  accessToken: string;
}

/**
 * DocuSign through its SDK (Prism on the local stack). The lease and organization ids travel as envelope
 * custom fields, so Connect's notifications name the lease they are about without a lookup by envelope id.
 */
export function docusignESignature(settings: DocusignSettings): ESignature {
  const client = new docusign.ApiClient({ basePath: settings.basePath });
  client.addDefaultHeader('Authorization', `Bearer ${settings.accessToken}`);
  const envelopes = new docusign.EnvelopesApi(client);
  return {
    async sendEnvelope(envelope) {
      const summary = await envelopes
        .createEnvelope(settings.accountId, {
          envelopeDefinition: {
            emailSubject: envelope.subject,
            status: 'sent',
            documents: [
              {
                documentId: '1',
                name: envelope.document.name,
                fileExtension: envelope.document.fileExtension,
                documentBase64: envelope.document.bytes.toString('base64'),
              },
            ],
            recipients: {
              signers: envelope.signers.map((s, i) => ({
                recipientId: String(i + 1),
                routingOrder: '1',
                name: s.name,
                email: s.email,
                tabs: { signHereTabs: [{ documentId: '1', anchorString: `/sign-${i + 1}/` }] },
              })),
            },
            customFields: {
              textCustomFields: [
                { name: 'lease_id', value: envelope.leaseId, show: 'false' },
                { name: 'organization_id', value: envelope.organizationId, show: 'false' },
              ],
            },
          },
        })
        .catch((error: unknown) => {
          throw new ProblemError({
            status: 502,
            slug: 'e-signature-unavailable',
            title: 'Bad Gateway',
            detail: `DocuSign did not take the envelope (${(error as Error).message}); nothing was changed.`,
          });
        });
      if (!summary.envelopeId)
        throw new ProblemError({
          status: 502,
          slug: 'e-signature-unavailable',
          title: 'Bad Gateway',
          detail: 'DocuSign answered without an envelope id; nothing was changed.',
        });
      return { envelopeId: summary.envelopeId };
    },
  };
}
