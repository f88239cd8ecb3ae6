// Where things live, resolved from the compiled file's location so the bot, CLI and tests work
// from any working directory.
import { resolve } from 'node:path';

/** Compiled files sit in dist/src/, two levels below the project root. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
export const CARDS_DIR = resolve(PROJECT_ROOT, 'cards');
export const BUILT_KNOWLEDGE_FILE = resolve(PROJECT_ROOT, 'dist', 'knowledge', 'knowledge.json');
/** The server as one bundled file (src/build/bundleServer.ts); dist/bundle/ is as deep as dist/src/,
 * so the project root above is the same from either. */
export const SERVER_BUNDLE = resolve(PROJECT_ROOT, 'dist', 'bundle', 'server.js');
/** V8's compiled code for the bundle, written by the build (src/start.ts). */
export const SERVER_CODE_CACHE = `${SERVER_BUNDLE}.v8-cache`;
/** What `npm start` runs: the bundle, compiled from its code cache (src/start.ts). */
export const SERVER_START = resolve(PROJECT_ROOT, 'dist', 'src', 'start.js');
