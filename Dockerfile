# One image for every service of the distributed mode (docker-compose.yml): the whole workspace,
# installed and built as CI builds it; each service's `command` picks its app:
#   node --require ./tools/runtime/lib-paths.cjs dist/apps/<app>/apps/<app>/src/main.js
# (lib-paths.cjs maps the @idx/* libraries inside dist, as tsconfig paths do at compile time).
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false CI=true
# The postinstall step (prisma generate) needs the schema, so the sources come in before npm ci.
COPY . .
# `npm ci` refuses this lock (a wasm32-only optional package npm never records); `npm install` honours it.
RUN npm install --no-audit --no-fund && npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Sources stay beside dist: services find the workspace root (nx.json) and the SQL migrations there.
COPY --from=build /app /app
USER node
EXPOSE 3000 3001 3002
CMD ["node", "--require", "./tools/runtime/lib-paths.cjs", "dist/apps/reporting/apps/reporting/src/main.js"]
