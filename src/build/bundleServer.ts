// Bundles the compiled server into one file, dist/bundle/server.js, which `npm start` and the
// deployment run. Starting from ~180 packages spread over thousands of files, Node spends much of
// its start-up finding, reading and compiling modules; one file of the same code starts in about
// two thirds of the time (README, "Performance"). Tests, the CLI and the bench use the same code,
// and the server tests start the bundle itself.
import { buildSync } from 'esbuild';
import { join } from 'node:path';
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
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { ms: performance.now() - started, bytes };
}

if (require.main === module) {
  const { ms, bytes } = bundleServer();
  console.log(`Server bundled: ${(bytes / 2 ** 20).toFixed(1)} MB in ${Math.round(ms)} ms`);
}
