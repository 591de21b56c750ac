/** The consumer reporting agency whose report contributed to a decline. */
export interface ReportingAgency {
  name: string;
  address: string | null;
  phone: string | null;
}

/**
 * The adverse-action notice the FCRA (15 U.S.C. § 1681m) requires when a consumer report contributed
 * to declining an application: the agency's name and contact details, that the agency did not make the
 * decision and cannot say why it was made, and the applicant's rights to a free copy of the report
 * within 60 days and to dispute its accuracy. Plain text, so notifications can send it verbatim.
 */
export function adverseActionNotice(input: {
  applicantName: string;
  organizationName: string | null;
  listingTitle: string | null;
  agency: ReportingAgency;
  decidedOn: string;
}): string {
  const { agency } = input;
  const contact = [agency.address, agency.phone].filter((line): line is string => Boolean(line));
  return [
    `Dear ${input.applicantName},`,
    '',
    `On ${input.decidedOn}, ${input.organizationName ?? 'the landlord'} declined your rental application` +
      `${input.listingTitle ? ` for "${input.listingTitle}"` : ''}. This decision was based in whole or in part` +
      ' on information in a consumer report from:',
    '',
    agency.name,
    ...contact,
    '',
    `${agency.name} did not make this decision and cannot tell you why it was made.`,
    `You have the right to a free copy of your report from ${agency.name} if you ask for it within 60 days` +
      ' of this notice, and the right to dispute the accuracy or completeness of any information in it' +
      ' directly with the agency.',
  ].join('\n');
}
