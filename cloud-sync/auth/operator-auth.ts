// Stop-gap protection for the owner/admin read API: one operator bearer token from the environment.
// Dashboard sign-in (per-owner accounts, tenant scoping) replaces it in a later issue.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../protocol/errors.js';

export function requireOperator(token: string | undefined, authorization: string | undefined): void {
  if (token === undefined) {
    throw new AppError(
      'FORBIDDEN',
      'the read API is disabled: set COMANDA_CLOUD_OPERATOR_TOKEN to enable it',
    );
  }
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (given === undefined)
    throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <operator token>');
  // Hash both sides so the compare is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  if (!timingSafeEqual(a, b)) throw new AppError('UNAUTHENTICATED', 'operator token does not match');
}
