// The round being built for one table, kept in localStorage so a reload or a dead battery keeps it.
import { useCallback, useEffect, useState } from 'react';
import { EMPTY_CART, type Cart } from './cart.js';

const key = (sessionId: string) => `comanda.waiter.cart.${sessionId}`;

function read(sessionId: string): Cart {
  try {
    const raw = localStorage.getItem(key(sessionId));
    return raw ? (JSON.parse(raw) as Cart) : EMPTY_CART;
  } catch {
    return EMPTY_CART;
  }
}

export function useCart(sessionId: string): [Cart, (update: (c: Cart) => Cart) => void] {
  const [cart, setCart] = useState<Cart>(() => read(sessionId));
  useEffect(() => setCart(read(sessionId)), [sessionId]);
  const update = useCallback(
    (fn: (c: Cart) => Cart) => {
      setCart((prev) => {
        const next = fn(prev);
        if (next.lines.length === 0) localStorage.removeItem(key(sessionId));
        else localStorage.setItem(key(sessionId), JSON.stringify(next));
        return next;
      });
    },
    [sessionId],
  );
  return [cart, update];
}
