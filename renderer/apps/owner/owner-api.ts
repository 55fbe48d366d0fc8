// The cloud's owner API as typed calls. The session lives in an httpOnly cookie the page never sees, so
// requests only need to go to the same origin; a 401 anywhere means "signed out" (session store).
import type {
  AppliedCatalogEdit,
  CatalogEditBody,
  CatalogEditorView,
  OwnerMe,
  Overview,
  ReportCsvKind,
  SalesReport,
} from '../../../protocol/owner-api.js';
import { ApiError, createApiClient } from '../../shared/api-client.js';
import { signedOut } from './session.js';

const api = createApiClient({ credentials: 'same-origin', timeoutMs: 15_000 });

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signedOut();
    throw err;
  }
}

export interface ReportRange {
  from: string;
  to: string;
  /** Empty: every branch. */
  branches: string[];
}

function rangeQuery(r: ReportRange): string {
  const q = new URLSearchParams({ from: r.from, to: r.to });
  if (r.branches.length > 0) q.set('branches', r.branches.join(','));
  return q.toString();
}

export const ownerApi = {
  me: () => api.get<OwnerMe>('/v1/owner/me'),
  login: (email: string, password: string) => api.post<OwnerMe>('/v1/owner/login', { email, password }),
  logout: () => api.post<{ ok: true }>('/v1/owner/logout', {}),
  overview: () => call(() => api.get<Overview>('/v1/owner/overview')),
  report: (r: ReportRange) => call(() => api.get<SalesReport>(`/v1/owner/reports?${rangeQuery(r)}`)),
  csvUrl: (r: ReportRange, kind: ReportCsvKind) => `/v1/owner/reports.csv?${rangeQuery(r)}&kind=${kind}`,
  catalog: (branchId: string) =>
    call(() => api.get<CatalogEditorView>(`/v1/owner/catalog/${encodeURIComponent(branchId)}`)),
  editCatalog: (branchId: string, body: CatalogEditBody) =>
    call(() =>
      api.post<AppliedCatalogEdit>(`/v1/owner/catalog/${encodeURIComponent(branchId)}/changes`, body),
    ),
};
