// A test client that behaves like the apps' live client (renderer/shared/live-client.ts): when its
// connection drops before the test is done, it connects again and resubscribes from the last seq it
// holds. A storm of a thousand sockets on one loaded machine can lose one to an abnormal close (1006);
// a tablet would reconnect, and the guarantee under test is that it then gets exactly what it missed.
import { subscribed, type TestSocket } from './ws-client.js';

export interface ResumingClient {
  /** Every event seq received, across all its connections, in arrival order. */
  seqs(): number[];
  /** How many times it connected again after losing a connection. */
  readonly reconnects: number;
  /** Resolves once an event with this seq arrived, on whichever connection. */
  waitFor(seq: number): Promise<void>;
  close(): Promise<void>;
}

const MAX_RECONNECTS = 5;

export async function resumingClient(
  port: number,
  token: string,
  sub: { topics: string[]; afterSeq: number },
): Promise<ResumingClient> {
  const done: TestSocket[] = [];
  let current: TestSocket | undefined;
  let reconnects = 0;
  let closing = false;
  const seqs = () => [...done, ...(current ? [current] : [])].flatMap((s) => s.seqs());

  // Resolves with a subscribed socket; a connection lost on the way is made again from the last seq held.
  const open = async (): Promise<TestSocket> => {
    for (;;) {
      try {
        return await subscribed(port, token, { topics: sub.topics, afterSeq: seqs().at(-1) ?? sub.afterSeq });
      } catch (err) {
        if (++reconnects > MAX_RECONNECTS) throw err;
      }
    }
  };
  let ready = open().then((s) => (current = s));
  await ready;

  return {
    seqs,
    get reconnects() {
      return reconnects;
    },
    async waitFor(seq) {
      for (;;) {
        const s = await ready;
        const outcome = await Promise.race([
          s.next((f) => f.type === 'event' && f.seq === seq).then(() => 'got' as const),
          s.closed.then(() => 'closed' as const),
        ]);
        if (outcome === 'got' || closing) return;
        done.push(s);
        current = undefined;
        reconnects++;
        if (reconnects > MAX_RECONNECTS) throw new Error(`lost the connection ${reconnects} times`);
        // One waiter at a time in these tests: it is the one that connects again.
        ready = open().then((next) => (current = next));
      }
    },
    async close() {
      closing = true;
      await (await ready).close();
    },
  };
}
