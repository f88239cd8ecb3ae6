// Bundles the compiled server into one file, dist/bundle/server.js, and writes V8's code cache for
// it; `npm start` and the deployment run it through src/start.ts. Starting from ~180 packages spread
// over thousands of files, Node spends much of its start-up finding, reading and compiling modules;
// one file of the same code, compiled from the cache, starts in under two thirds of the time
// (README, "Performance"). Tests, the CLI and the bench use the same code, and the server tests start
// the bundle itself.
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiEscaped } from '../knowledge/builtKnowledge';
import { PROJECT_ROOT, SERVER_BUNDLE } from '../paths';

export function bundleServer(): { ms: number; bytes: number } {
  const started = performance.now();
  const result = buildSync({
    entryPoints: [join(PROJECT_ROOT, 'dist', 'src', 'index.js')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // restify's optional DTrace probes load a native addon by a computed path, inside a try.
    external: ['dtrace-provider'],
    logLevel: 'error',
    metafile: true,
    // A third less to read at start-up; names are kept, so stack traces still name their functions.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  asciiOnly(SERVER_BUNDLE);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  // The cache is made by running the server's start-up once, on loopback in local mode with nothing
  // configured, so none of this machine's settings are involved; it exits before listening.
  const cache = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'start.js'), '--write-code-cache'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (cache.status !== 0) throw new Error(`writing the code cache failed: ${cache.stderr || cache.error?.message || `exit ${cache.status}`}`);
  return { ms: performance.now() - started, bytes };
}

/** Rewrites every character past ASCII as a \\u escape (esbuild leaves them in regular expressions
 * and comments). An all-ASCII file is read into a one-byte string, several times faster and half the
 * memory of a file with a single "’" in it, and start-up reads this file first. In a string, a
 * template's cooked text, a regular expression or a comment the escape means the same character; it
 * would not after a backslash, in String.raw's text or as a line separator, so a script with one of
 * those is refused rather than changed. */
export function asciiOnly(file: string): void {
  const text = readFileSync(file, 'utf8');
  const unsafe = UNSAFE_TO_ESCAPE.exec(text) ?? RAW_TEMPLATE_NOT_ASCII.exec(text);
  if (unsafe) throw new Error(`${file}: cannot write in ASCII without changing its meaning, near ${JSON.stringify(text.slice(Math.max(0, unsafe.index - 40), unsafe.index + 40))}`);
  writeFileSync(file, asciiEscaped(text));
}

/** A character past ASCII after a backslash, a line or paragraph separator, or half of a surrogate pair. */
const UNSAFE_TO_ESCAPE = /\\[^\x00-\x7f]|[\u2028\u2029\ud800-\udfff]/;
/** A String.raw template with a character past ASCII (the only tagged template the server's code uses). */
const RAW_TEMPLATE_NOT_ASCII = /String\.raw`[^`]*[^\x00-\x7f]/;

if (require.main === module) {
  const { ms, bytes } = bundleServer();
  console.log(`Server bundled with its code cache: ${(bytes / 2 ** 20).toFixed(1)} MB in ${Math.round(ms)} ms`);
}
