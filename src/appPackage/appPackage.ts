// The Teams app package: manifest.json with its ids filled in, plus the two icons, zipped.
// Ids come from the environment so one template serves every deployment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

export interface PackageIds {
  /** The Teams app's own id (a GUID). */
  teamsAppId: string;
  /** The Azure Bot's Microsoft App Id (a GUID). */
  botId: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PackageError extends Error {
  override name = 'PackageError';
}

/** Reads the ids from the environment: TEAMS_APP_ID, and BOT_ID or MicrosoftAppId. */
export function idsFromEnv(env: Record<string, string | undefined>): PackageIds {
  const teamsAppId = (env.TEAMS_APP_ID ?? '').trim();
  const botId = (env.BOT_ID ?? env.MicrosoftAppId ?? '').trim();
  const problems: string[] = [];
  if (!GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be a GUID (create one with: node -e "console.log(crypto.randomUUID())")');
  if (!GUID.test(botId)) problems.push("BOT_ID (or MicrosoftAppId) must be the Azure Bot's app id, a GUID");
  if (problems.length) throw new PackageError(problems.join('; '));
  return { teamsAppId, botId };
}

/** The manifest template with `${{TEAMS_APP_ID}}` and `${{BOT_ID}}` replaced. */
export function fillManifest(template: string, ids: PackageIds): Record<string, unknown> {
  const filled = template.replace(/\$\{\{TEAMS_APP_ID\}\}/g, ids.teamsAppId).replace(/\$\{\{BOT_ID\}\}/g, ids.botId);
  const leftover = /\$\{\{([A-Z_]+)\}\}/.exec(filled);
  if (leftover) throw new PackageError(`manifest.json has a placeholder nobody fills: ${leftover[0]}`);
  return JSON.parse(filled) as Record<string, unknown>;
}

export async function buildAppPackage(manifestDir: string, ids: PackageIds): Promise<Buffer> {
  const manifest = fillManifest(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), ids);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(icons.color, readFileSync(join(manifestDir, icons.color)));
  zip.file(icons.outline, readFileSync(join(manifestDir, icons.outline)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
