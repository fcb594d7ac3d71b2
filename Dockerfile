# syntax=docker/dockerfile:1
# Latchkey's image: Next.js's standalone server bundle run by server.mjs, as a non-root user.
#   docker build -t latchkey .
#   docker run --rm -e DATABASE_URL=… latchkey node scripts/db-migrate.mjs      (migrations, once per release)
#   docker run -e DATABASE_URL=… -e AUTH_SECRET=… -e AUTH_URL=… -p 3000:3000 latchkey
# compose.yaml runs it with PostgreSQL and a mail catcher. No container engine runs in CI:
# scripts/prove-image.mjs builds these stages into folders and proves the result there, reading
# this file, so keep to the instructions it understands (FROM, ARG, ENV, WORKDIR, COPY, RUN,
# USER, EXPOSE, HEALTHCHECK, CMD) and to plain paths and `*` in COPY.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# What `npm ci` needs, its postinstall (prisma generate) included, so this layer is cached
# until the lockfile or the schema changes.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
# LATCHKEY_STANDALONE: next.config.mjs's `output: "standalone"`, for this build only.
ENV NEXT_TELEMETRY_DISABLED=1 LATCHKEY_STANDALONE=true
COPY . .
RUN npm run build && node scripts/bundle-cli.mjs

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
WORKDIR /app
# The server and the modules it imports; Next's standalone bundle (its traced node_modules,
# the server build, the migrations); the static files with their brotli copies; the two
# command-line scripts (bundled by scripts/bundle-cli.mjs). Only .next is written at run time.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/server.mjs ./
COPY --from=build /app/lib/*.mjs ./lib/
COPY --from=build /app/lib/db/*.mjs ./lib/db/
COPY --from=build /app/.next/cli/db-migrate.mjs /app/.next/cli/create-admin.mjs ./scripts/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The heap limits of `npm start` (package.json; README "Performance": memory).
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=256", "server.mjs"]
