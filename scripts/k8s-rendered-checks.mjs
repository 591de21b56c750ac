// The checks k8s:check makes on the manifests `helm template` renders (scripts/k8s-check.mjs).

/**
 * Rendered manifests of one values file: every enabled route has its ingress path (to the right Service,
 * pathType, websocket Ingress), and every Deployment keeps the hardened pod defaults and both probes.
 * Appends what is wrong to `problems`; answers the number of Deployments.
 */
export function checkRendered(label, documents, routeTable, release, problems) {
  const deployments = documents.filter((doc) => doc.kind === 'Deployment');
  const enabled = new Set(deployments.map((doc) => doc.metadata.labels['app.kubernetes.io/component']));
  const paths = [];
  for (const ingress of documents.filter((doc) => doc.kind === 'Ingress')) {
    const websocket =
      Number(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? 0) >= 3600;
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) paths.push({ ...path, websocket, ingress: ingress.metadata.name });
    }
  }
  for (const route of routeTable.routes) {
    const matches = paths.filter((path) => path.path === route.prefix);
    if (!enabled.has(route.service)) {
      if (matches.length > 0)
        problems.push(`${label}: ${route.prefix} is routed but ${route.service} is not enabled`);
      continue;
    }
    if (matches.length === 0) {
      problems.push(`${label}: no ingress path for ${route.prefix} (${route.service})`);
      continue;
    }
    for (const match of matches) {
      const backend = match.backend.service;
      if (backend.name !== `${release}-${route.service}` || backend.port.name !== 'http') {
        problems.push(
          `${label}: ${route.prefix} goes to ${backend.name}:${backend.port.name}, not ${release}-${route.service}:http`,
        );
      }
      const wantType = /^\/[A-Za-z0-9_/-]*$/.test(route.prefix) ? 'Prefix' : 'ImplementationSpecific';
      if (match.pathType !== wantType)
        problems.push(`${label}: ${route.prefix} has pathType ${match.pathType}, want ${wantType}`);
      if (Boolean(route.websocket) !== match.websocket) {
        problems.push(
          `${label}: ${route.prefix} websocket=${Boolean(route.websocket)} but is on Ingress ${match.ingress}`,
        );
      }
    }
  }
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    const security = container.securityContext ?? {};
    const hardened =
      pod.securityContext?.runAsNonRoot === true &&
      security.readOnlyRootFilesystem === true &&
      security.allowPrivilegeEscalation === false &&
      (security.capabilities?.drop ?? []).includes('ALL');
    if (!hardened && !label.includes('tilt'))
      problems.push(`${label}: Deployment ${name} is not hardened (non-root, read-only root fs, drop ALL)`);
    if (
      container.livenessProbe?.httpGet?.path !== '/healthz' ||
      container.readinessProbe?.httpGet?.path !== '/readyz'
    ) {
      problems.push(`${label}: Deployment ${name} must probe /healthz (liveness) and /readyz (readiness)`);
    }
  }
  return deployments.length;
}
