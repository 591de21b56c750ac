// docusign-esign 10 ships no types (@types/docusign-esign describes v5): the part of its API leasing uses.
/* eslint-disable no-restricted-syntax, @typescript-eslint/no-unused-vars -- an ambient declaration of a CommonJS module: the default export and its classes are the module's shape, not code of ours. */
declare module 'docusign-esign' {
  interface ApiClientOptions {
    basePath: string;
    oAuthBasePath?: string;
  }
  class ApiClient {
    constructor(options: ApiClientOptions);
    addDefaultHeader(name: string, value: string): void;
  }
  interface EnvelopeSummary {
    envelopeId?: string;
    status?: string;
  }
  class EnvelopesApi {
    constructor(client: ApiClient);
    createEnvelope(accountId: string, options: { envelopeDefinition: object }): Promise<EnvelopeSummary>;
  }
  const docusign: { ApiClient: typeof ApiClient; EnvelopesApi: typeof EnvelopesApi };
  export default docusign;
}
