// "Start at login" on Linux desktops. Electron's app.setLoginItemSettings works on Windows and
// macOS only; Linux desktops follow the XDG autostart spec: a .desktop file in
// $XDG_CONFIG_HOME/autostart that the session starts at login.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface AutostartEntry {
  readonly name: string;
  /** The program and its arguments, unquoted. */
  readonly command: readonly string[];
}

export function xdgAutostartFile(fileName: string, env: NodeJS.ProcessEnv = process.env): string {
  const configHome = env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(configHome, 'autostart', fileName);
}

/** Enabled means the file exists and does not hide itself (Hidden=true is how a user turns it off). */
export function isXdgAutostartEnabled(file: string): boolean {
  if (!existsSync(file)) return false;
  return !/^\s*Hidden\s*=\s*true\s*$/im.test(readFileSync(file, 'utf8'));
}

export function setXdgAutostart(file: string, enabled: boolean, entry: AutostartEntry): void {
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      `Name=${entry.name}`,
      `Exec=${entry.command.map(quoteExecArgument).join(' ')}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}

// The Exec key's own quoting rules: arguments with reserved characters go in double quotes,
// with ", ` and $ escaped by a backslash; a literal % is written %%. A backslash is escaped
// twice, because the string-value unescaping runs before the quoting rule.
export function quoteExecArgument(argument: string): string {
  const escapedPercent = argument.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escapedPercent)) return escapedPercent;
  const escaped = escapedPercent.replace(/\\/g, '\\\\\\\\').replace(/(["`$])/g, '\\$1');
  return `"${escaped}"`;
}
