import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isXdgAutostartEnabled,
  quoteExecArgument,
  setXdgAutostart,
  xdgAutostartFile,
} from './xdg-autostart.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function autostartFile(): string {
  const configHome = mkdtempSync(path.join(tmpdir(), 'comanda-xdg-'));
  dirs.push(configHome);
  return xdgAutostartFile('comanda.desktop', { XDG_CONFIG_HOME: configHome });
}

describe('start at login on Linux (XDG autostart)', () => {
  it('writes a desktop entry that starts the app, and removes it when turned off', () => {
    const file = autostartFile();
    expect(isXdgAutostartEnabled(file)).toBe(false);
    setXdgAutostart(file, true, { name: 'Comanda', command: ['/home/ana/Apps/Comanda 1.0.AppImage'] });
    expect(isXdgAutostartEnabled(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/ana/Apps/Comanda 1.0.AppImage"\n');
    setXdgAutostart(file, false, { name: 'Comanda', command: [] });
    expect(isXdgAutostartEnabled(file)).toBe(false);
  });

  it('counts an entry the user hid as turned off', () => {
    const file = autostartFile();
    setXdgAutostart(file, true, { name: 'Comanda', command: ['/opt/Comanda/comanda'] });
    writeFileSync(file, `${readFileSync(file, 'utf8')}Hidden=true\n`);
    expect(isXdgAutostartEnabled(file)).toBe(false);
  });

  it('puts the file under $XDG_CONFIG_HOME/autostart, or ~/.config/autostart without it', () => {
    expect(xdgAutostartFile('c.desktop', { XDG_CONFIG_HOME: '/cfg' })).toBe(
      path.join('/cfg', 'autostart', 'c.desktop'),
    );
    expect(xdgAutostartFile('c.desktop', {})).toMatch(/\.config[/\\]autostart[/\\]c\.desktop$/);
  });

  it('quotes Exec arguments the way the desktop entry spec asks', () => {
    expect(quoteExecArgument('/opt/Comanda/comanda')).toBe('/opt/Comanda/comanda');
    expect(quoteExecArgument('/a b/$HOME"x"')).toBe('"/a b/\\$HOME\\"x\\""');
    expect(quoteExecArgument('100%')).toBe('100%%');
    expect(quoteExecArgument('a\\b c')).toBe('"a\\\\\\\\b c"');
  });
});
