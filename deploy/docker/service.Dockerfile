# syntax=docker/dockerfile:1.7
# One image per service, from the repository root:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=identity -t portfolioos/identity .
# The schema registration Job's image (topics + Avro subjects from schemas/catalog.json):
#   docker build -f deploy/docker/service.Dockerfile --target schemas-registrar -t portfolioos/schemas-registrar .
# Tilt builds `--target dev` from host-compiled dist/ folders (see tilt/README.md).
#
# Final images: node:20 slim, production dependencies of that one service only, compiled JavaScript,
# owned by root and run as uid 1000 (read-only root filesystem; the chart mounts /tmp), no HEALTHCHECK
# (Kubernetes probes /healthz and /readyz), no npm/yarn/corepack.

# Exact tag; add @sha256:<digest> of the tag here when your registry mirror is set up.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- the package manifests alone, so `npm ci` layers stay cached while sources change
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \; \
 && cp package-lock.json /manifests/

FROM ${NODE_IMAGE} AS base
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app

# ---- compile the service and the workspace libraries it depends on
FROM base AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<name> (a folder under services/)" >&2; exit 1)
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
# Host-compiled output in the context may be stale, so compile from sources only; nx's build target has
# dependsOn ^build: the libraries the service imports are compiled first.
RUN if [ ! -f "services/${SERVICE}/package.json" ]; then echo "services/${SERVICE}/package.json not found" >&2; exit 1; fi \
 && find libs schemas services -name dist -type d -prune -exec rm -rf {} + \
 && npx nx run "@portfolioos/${SERVICE}:build" --outputStyle=static
# What the runtime needs from the workspace: each package's package.json (exports point at dist/) and dist/,
# plus the schemas' catalog and Avro files. Type declarations and tests stay behind.
RUN mkdir -p /out \
 && for pkg in libs/* schemas "services/${SERVICE}"; do \
      mkdir -p "/out/${pkg}" && cp "${pkg}/package.json" "/out/${pkg}/"; \
      if [ -d "${pkg}/dist" ]; then cp -r "${pkg}/dist" "/out/${pkg}/dist"; fi; \
    done \
 && cp -r schemas/avro schemas/catalog.json /out/schemas/ \
 && find /out -name '*.d.ts' -delete -o -name '*.d.ts.map' -delete

# ---- production dependencies of that one service (workspace links included), nothing else
FROM base AS prod-deps
ARG SERVICE
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace "@portfolioos/${SERVICE}" --include-workspace-root=false

# ---- shared runtime base: node without the package managers
FROM ${NODE_IMAGE} AS runtime-base
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
ENV HOME=/tmp
WORKDIR /app
ENTRYPOINT ["node"]

# ---- the service image (default target)
FROM runtime-base AS service
ARG SERVICE
ENV PORTFOLIOOS_SERVICE=${SERVICE}
# All of /app: the root node_modules plus the nested ones npm puts inside workspace folders
# (e.g. libs/service-kit/node_modules) when versions differ.
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./
WORKDIR /app/services/${SERVICE}
USER 1000:1000
CMD ["dist/server.js"]

# ---- Tilt's dev image: the same layout, with dist/ compiled on the host and synced by live_update
# (so it is owned by uid 1000), and node --watch restarting the service when a synced file changes.
FROM runtime-base AS dev
ARG SERVICE
ENV PORTFOLIOOS_SERVICE=${SERVICE}
# All of /app: the root node_modules plus the nested ones npm puts inside workspace folders
# (e.g. libs/service-kit/node_modules) when versions differ.
COPY --from=prod-deps /app/ ./
COPY --chown=1000:1000 libs/ ./libs/
COPY --chown=1000:1000 schemas/package.json schemas/catalog.json ./schemas/
COPY --chown=1000:1000 schemas/avro/ ./schemas/avro/
COPY --chown=1000:1000 schemas/dist/ ./schemas/dist/
COPY --chown=1000:1000 services/${SERVICE}/ ./services/${SERVICE}/
WORKDIR /app/services/${SERVICE}
USER 1000:1000
CMD ["--watch", "dist/server.js"]

# ---- the registration Job: the schemas `register` script bundled to one ESM file (kafkajs and avsc
# stay external), with the catalog and the Avro schemas it reads next to it.
FROM base AS registrar-build
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npx esbuild schemas/scripts/register.ts --bundle --platform=node --format=esm --target=node20 \
      --packages=external --outfile=/out/schemas/bin/register.mjs \
 && cp -r schemas/avro schemas/catalog.json schemas/package.json /out/schemas/

FROM base AS registrar-deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace @portfolioos/schemas --include-workspace-root=false

FROM runtime-base AS schemas-registrar
COPY --from=registrar-deps /app/ ./
COPY --from=registrar-build /out/ ./
WORKDIR /app/schemas
USER 1000:1000
CMD ["bin/register.mjs"]

# Default target: `docker build --build-arg SERVICE=<name>` gives the service image.
FROM service
