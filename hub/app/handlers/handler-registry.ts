// Every command type mapped to its handler; the type makes a missing handler a compile error.
import type { CommandType } from '../../../protocol/commands/command.js';
import { checkHandlers } from './check-handlers.js';
import type { HandlerMap } from './handler-types.js';
import { printerHandlers } from './printer-handlers.js';
import { serviceHandlers } from './service-handlers.js';
import { setupHandlers } from './setup-handlers.js';

export const handlers: HandlerMap<CommandType> = {
  ...setupHandlers,
  ...serviceHandlers,
  ...checkHandlers,
  ...printerHandlers,
};
