// `npm run package`: writes manifest/build/midway-guide.zip for a Teams admin to upload.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { buildAppPackage, idsFromEnv } from './appPackage';

async function main(): Promise<void> {
  const manifestDir = join(PROJECT_ROOT, 'manifest');
  const outDir = join(manifestDir, 'build');
  const zip = await buildAppPackage(manifestDir, idsFromEnv(process.env));
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'midway-guide.zip');
  writeFileSync(file, zip);
  console.log(`App package written: manifest/build/midway-guide.zip (${zip.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(`Packaging failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
