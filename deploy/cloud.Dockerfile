# The cloud tier (cloud-sync): stateless, so run as many as needed behind a load balancer. Built from the
# repository root: docker build -f deploy/cloud.Dockerfile .
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# tsx runs the TypeScript as it is; the Electron binary is not part of a plain install (see docs/DESKTOP.md).
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
# The owners' dashboard (renderer/dist/owner), served by the cloud at /.
RUN npx tsx scripts/build-apps.ts
ENV NODE_ENV=production PORT=8090 HOST=0.0.0.0
EXPOSE 8090
USER node
CMD ["npx", "tsx", "cloud-sync/main.ts"]
