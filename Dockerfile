# The JobWise app image: one build, run as api, projector, relay (or all) by its command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY projections projections
COPY contracts contracts
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/package.json package.json
USER node
EXPOSE 8000
ENTRYPOINT ["node", "dist/src/main.js"]
