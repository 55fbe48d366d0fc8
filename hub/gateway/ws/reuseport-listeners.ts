// Extra listening sockets on the hub's port. uWS listens with a backlog of 512 and cannot be told
// otherwise; when every tablet and screen of a floor reconnects at once, the accept queue overflows,
// the kernel drops SYNs and clients wait out TCP's 1 s, 3 s, 7 s… retransmits. uWS sets SO_REUSEPORT,
// so more listening sockets on the same port each bring their own queue and the kernel spreads new
// connections over them.
import type { TemplatedApp, us_listen_socket } from 'uWebSockets.js';
import { uws } from '../uws-native.js';

export interface ExtraListeners {
  close(): void;
}

export async function listenAgain(
  app: TemplatedApp,
  host: string,
  port: number,
  count: number,
): Promise<ExtraListeners> {
  const sockets: us_listen_socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = await new Promise<us_listen_socket | false>((resolve) => app.listen(host, port, resolve));
    // Not fatal: where SO_REUSEPORT is unavailable the first socket still serves everyone.
    if (socket === false) break;
    sockets.push(socket);
  }
  return {
    close: () => {
      for (const s of sockets.splice(0)) uws.us_listen_socket_close(s);
    },
  };
}
