// The diner runtime, handed to every screen through React context.
import { createContext, useContext } from 'react';
import type { TableRuntime } from './table-runtime.js';

export const RuntimeContext = createContext<TableRuntime | null>(null);

export function useRuntime(): TableRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside <RuntimeContext.Provider>');
  return runtime;
}
