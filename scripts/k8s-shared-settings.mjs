// k8s:check's agreement check on shared settings (scripts/k8s-check.mjs): a token identity issues must verify
// at every component, and every component must talk to the same brokers and registry. A values file that
// sets one of these for a single component (JWT_ISSUER for identity only, say) renders cleanly and passes
// kubeconform, but every token then gets 401 elsewhere; only comparing the rendered components catches it.

/** Settings a token verifier must share with identity, the issuer. */
const TOKEN_SETTINGS = ['JWT_ISSUER', 'JWT_AUDIENCE'];
/** Settings every component that has them must share with every other. */
const RELEASE_WIDE_SETTINGS = ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'INTERNAL_API_TOKEN'];

/**
 * Checks one rendered profile: every component that verifies tokens (it has a JWKS_URL) agrees with identity
 * on JWT_ISSUER and JWT_AUDIENCE and fetches identity's JWKS; API-key introspection goes to identity; the
 * release-wide settings have one value. Appends what is wrong to `problems`.
 */
export function checkSharedSettings(label, documents, problems) {
  const configMaps = new Map(
    documents.filter((doc) => doc.kind === 'ConfigMap').map((doc) => [doc.metadata.name, doc.data ?? {}]),
  );
  const components = documents
    .filter((doc) => doc.kind === 'Deployment')
    .map((doc) => ({ name: componentOf(doc), env: effectiveEnv(doc, configMaps) }));
  const identity = components.find((component) => component.name === 'identity');
  const verifiers = components.filter((component) => component.env.JWKS_URL !== undefined);
  if (!identity) {
    if (verifiers.length > 0) problems.push(`${label}: components verify tokens but identity is not enabled`);
    return;
  }
  const identityService = documents.find((doc) => doc.kind === 'Service' && componentOf(doc) === 'identity');
  const identityBase = `http://${identityService.metadata.name}:${identityService.spec.ports[0].port}`;
  for (const verifier of verifiers.filter((component) => component !== identity)) {
    for (const key of TOKEN_SETTINGS) {
      if (verifier.env[key] !== identity.env[key]) {
        problems.push(
          `${label}: ${verifier.name} verifies tokens with ${key}=${show(verifier.env[key])} but identity issues ` +
            `them with ${show(identity.env[key])}; set it once in global.auth`,
        );
      }
    }
    if (!pointsAt(verifier.env.JWKS_URL, identityBase, '/.well-known/jwks.json', identity.env)) {
      problems.push(`${label}: ${verifier.name} fetches JWKS_URL=${verifier.env.JWKS_URL}, not identity's`);
    }
  }
  for (const component of components.filter((c) => c.env.IDENTITY_INTROSPECTION_URL !== undefined)) {
    const url = component.env.IDENTITY_INTROSPECTION_URL;
    if (!url.startsWith(`${identityBase}/internal/v1/api-keys/introspect`)) {
      problems.push(`${label}: ${component.name} introspects API keys at ${url}, not at ${identityBase}`);
    }
  }
  for (const key of RELEASE_WIDE_SETTINGS) {
    const values = new Map();
    for (const component of components.filter((c) => c.env[key] !== undefined)) {
      values.set(component.env[key], [...(values.get(component.env[key]) ?? []), component.name]);
    }
    if (values.size > 1) {
      const detail = [...values].map(([value, names]) => `${names.join(', ')}: ${value}`).join('; ');
      problems.push(`${label}: components disagree on ${key} (${detail})`);
    }
  }
}

const componentOf = (doc) => doc.metadata.labels?.['app.kubernetes.io/component'];
const show = (value) => (value === undefined ? '(unset: the service default)' : value);

// A JWKS URL is identity's when it is identity's Service, or identity's public issuer (behind the ingress).
function pointsAt(url, serviceBase, path, identityEnv) {
  if (url === `${serviceBase}${path}`) return true;
  const issuer = identityEnv.JWT_ISSUER;
  return issuer !== undefined && url === `${issuer.replace(/\/$/, '')}${path}`;
}

/** The container's environment as the pod sees it: its ConfigMaps, then env entries (secrets as refs). */
function effectiveEnv(deployment, configMaps) {
  const [container] = deployment.spec.template.spec.containers;
  const env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, configMaps.get(source.configMapRef.name) ?? {});
  }
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    env[entry.name] = ref ? `secret ${ref.name}/${ref.key}` : entry.value;
  }
  return env;
}
