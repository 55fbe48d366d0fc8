// Work a command needs before it may enter the single writer: nothing slow runs inside a transaction.
import type { Command } from '../../protocol/commands/command.js';
import { hashPin } from './auth/pin-hash.js';

export async function prepareCommand(command: Command): Promise<{ pinHash?: string }> {
  if (command.type === 'CreateStaff' || command.type === 'ResetStaffPin') {
    return { pinHash: await hashPin(command.payload.pin) };
  }
  return {};
}
