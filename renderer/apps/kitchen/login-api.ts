// The API client handed to the shared StaffLogin. GET /api/auth/staff lists only active staff and sends
// no `active` field, while StaffLogin keeps the entries whose `active` is true: fill it in when absent so
// the list is not empty. Harmless once either side changes (reported to the lead).
import type { ApiClient } from '../../shared/api-client.js';

export function loginApi(api: ApiClient): ApiClient {
  return {
    ...api,
    get: async <T>(path: string): Promise<T> => {
      const body = await api.get<unknown>(path);
      if (path !== '/api/auth/staff' || !Array.isArray(body)) return body as T;
      return body.map((s: Record<string, unknown>) => ({
        sectorIds: [],
        ...s,
        active: s.active ?? true,
      })) as T;
    },
  };
}
