// Reads the import statements of TypeScript files: static imports and re-exports, `import type`,
// side-effect imports, dynamic import() (also in type positions) and require(). Comments are skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface ImportRef {
  /** Repo-relative path of the importing file, with "/" separators. */
  file: string;
  /** The specifier as written. */
  spec: string;
  kind: 'project' | 'package' | 'node';
  /** For project imports: the repo-relative target path. For packages: the package name. */
  target: string;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);

export function listTsFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...listTsFiles(root, path));
    } else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

function stripComments(source: string): string {
  // Block comments, then line comments not preceded by ":" (so "http://..." in strings survives).
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

// Statements start a line (or follow a ";"), so "--import" in an argument list is not an import.
const PATTERNS = [
  /(?:^|;)\s*(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /(?:^|;)\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

const BUILTINS = new Set(builtinModules);

export function importsOf(root: string, file: string): ImportRef[] {
  const source = stripComments(readFileSync(join(root, file), 'utf8'));
  const specs = new Set<string>();
  for (const pattern of PATTERNS) for (const m of source.matchAll(pattern)) specs.add(m[1]!);
  return [...specs].map((spec): ImportRef => {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const target = relative(root, resolve(root, dirname(file), spec))
        .split(sep)
        .join('/');
      return { file, spec, kind: 'project', target };
    }
    if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!))
      return { file, spec, kind: 'node', target: spec };
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    return { file, spec, kind: 'package', target: name };
  });
}
