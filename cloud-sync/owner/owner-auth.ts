// Who is calling the owner API: the session cookie → the account (role and tenant read fresh each time).
// Writes also need a JSON body and, when the browser sends an Origin, the same host: with the SameSite=Lax
// cookie that shuts out cross-site form posts (CSRF).
import { AppError } from '../../protocol/errors.js';
import type { Clock } from '../clock.js';
import type { SqlRunner } from '../db/cloud-db.js';
import type { CloudRequest } from '../http/http-server.js';
import type { OwnerAccount } from './owner-accounts.js';
import { readCookie, SESSION_COOKIE, sessionAccount } from './owner-sessions.js';

export async function requireAccount(db: SqlRunner, req: CloudRequest, clock: Clock): Promise<OwnerAccount> {
  const id = readCookie(req.headers.cookie, SESSION_COOKIE);
  const account = id === undefined ? undefined : await sessionAccount(db, id, clock);
  if (account === undefined) throw new AppError('UNAUTHENTICATED', 'sign in to the owner dashboard');
  return account;
}

export function requireSameOriginJson(req: CloudRequest): void {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
    throw new AppError('INVALID', 'send the body as application/json');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('FORBIDDEN', 'bad Origin header');
    }
    if (host !== req.headers.host) throw new AppError('FORBIDDEN', 'cross-site request refused');
  }
}

export function requireOwnerRole(account: OwnerAccount): void {
  if (account.role !== 'owner') throw new AppError('FORBIDDEN', 'viewers can look but not change anything');
}
