// Operator routes of the Redis side: a branch's cached menu, and clearing cache keys by pattern.
import { z } from 'zod';
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import { requireOperator } from '../auth/operator-auth.js';
import type { SqlRunner } from '../db/cloud-db.js';
import type { CloudHttpServer } from '../http/http-server.js';
import type { CloudRedis } from './cloud-redis.js';

// Patterns are Redis globs inside the cache namespace; the namespace itself is never matched from here,
// so a pattern cannot reach nonces, rate buckets or anything else under the prefix.
const clearSchema = z.object({
  pattern: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII'),
});

export function registerRedisRoutes(
  server: CloudHttpServer,
  deps: { redis: CloudRedis; read: SqlRunner; operatorToken: string | undefined },
): void {
  server.route('GET', '/v1/branches/:id/menu', async (req) => {
    requireOperator(deps.operatorToken, req.headers.authorization);
    const branchId = req.params.id ?? '';
    const exists = await deps.read.query('SELECT 1 FROM branches WHERE id = $1', [branchId]);
    if (exists.length === 0) throw new AppError('NOT_FOUND', `no branch ${branchId}`);
    return { body: await deps.redis.menus.read(branchId) };
  });

  server.route('POST', '/v1/ops/cache/clear', async (req) => {
    requireOperator(deps.operatorToken, req.headers.authorization);
    let json: unknown;
    try {
      json = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new AppError('INVALID', 'body is not valid JSON');
    }
    const parsed = clearSchema.safeParse(json);
    if (!parsed.success) throw invalidFromZod(parsed.error, 'cache clear');
    const deleted = await deps.redis.cache.clear(parsed.data.pattern);
    req.log.info({ pattern: parsed.data.pattern, deleted }, 'cache cleared');
    return { body: { pattern: parsed.data.pattern, deleted, store: deps.redis.cache.kind } };
  });
}
