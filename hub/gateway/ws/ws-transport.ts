// What the live feed needs of a socket and of the server's publish, so one app layer runs on uWS
// (the hub) and on node:http + ws (the benchmark's peer). Implementations live in the adapters.

/** 'ok': written; 'backpressure': queued, will drain; 'dropped': over the hard limit, not sent. */
export type SendStatus = 'ok' | 'backpressure' | 'dropped';

export interface WsTransport {
  send(frame: string): SendStatus;
  /** Bytes queued for this socket and not yet written to the kernel. */
  bufferedAmount(): number;
  subscribe(feed: string): void;
  unsubscribe(feed: string): void;
  /** Graceful close with a code and a short reason (≤ 123 bytes). */
  end(code: number, reason: string): void;
  /** Groups writes into one syscall where the transport can. */
  cork(fn: () => void): void;
}

export interface FeedPublisher {
  /** Sends a frame to every socket subscribed to `feed`; `members` is for transports without native pub/sub. */
  publish(feed: string, frame: string, members: Iterable<{ readonly transport: WsTransport }>): void;
}
