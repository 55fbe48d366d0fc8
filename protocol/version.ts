// Protocol version shared by the hub, its clients and the cloud.
// History (one line per bump):
//   1 — first version: commands, events, results, errors.
export const PROTOCOL_VERSION = 1;
