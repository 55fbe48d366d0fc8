// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinPad } from './PinPad.js';

afterEach(cleanup);

describe('PinPad', () => {
  it('hands over the PIN once four digits are typed, then clears', () => {
    const onComplete = vi.fn();
    render(<PinPad onComplete={onComplete} labels={{ clear: 'Clear', back: 'Back', pin: 'PIN' }} />);
    for (const d of ['1', '2', '3']) fireEvent.click(screen.getByRole('button', { name: d }));
    expect(onComplete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: '9' }));
    fireEvent.click(screen.getByRole('button', { name: '4' }));
    expect(onComplete).toHaveBeenCalledWith('1294');
  });
});
