// What `npm start` and the deployment run: the bundled server (dist/bundle/server.js), compiled with
// V8's code cache when the build left one. Node 20 has no built-in compile cache for CommonJS (it came
// in Node 22), and compiling the 10 MB bundle is about a quarter of the start-up. The cache is written
// by `npm run build` on the same Node version; a missing or rejected cache only means a normal compile.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { SERVER_BUNDLE, SERVER_CODE_CACHE } from './paths';

export type CodeCacheUse = 'used' | 'rejected' | 'absent';

interface ModuleInternals {
  filename: string;
  paths: string[];
  exports: unknown;
}

/** Loads and runs the bundle as Node would run a CommonJS file, but through a vm.Script that can take
 * cached compiled code. With `writeCache`, writes the cache once the start-up code has run, then exits. */
export function runBundle(bundle = SERVER_BUNDLE, cacheFile = SERVER_CODE_CACHE, writeCache = false): CodeCacheUse {
  let cachedData: Buffer | undefined;
  try {
    cachedData = writeCache ? undefined : readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const use: CodeCacheUse = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(bundle, module) as unknown as ModuleInternals;
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(bundle));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  if (writeCache) {
    // The server's start-up ran synchronously up to listening, so the functions it needed are compiled
    // now and go into the cache with the top level.
    writeFileSync(cacheFile, script.createCachedData());
    process.exit(0);
  }
  return use;
}

if (require.main === module) runBundle(SERVER_BUNDLE, SERVER_CODE_CACHE, process.argv.includes('--write-code-cache'));
