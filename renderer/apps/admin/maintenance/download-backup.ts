// The backup route needs the manager's token, so a plain link cannot fetch it: fetch it here and hand
// the browser a file. The name is the hub's own (Content-Disposition), with the date in it.

export async function downloadBackup(token: string | null): Promise<{ name: string; bytes: number }> {
  const res = await fetch('/api/admin/backup', {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw Object.assign(new Error(body.message ?? res.statusText), {
      code: body.code ?? `HTTP_${res.status}`,
    });
  }
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `comanda-${new Date().toISOString()}.db`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, bytes: blob.size };
}
