import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { buildAppPackage, fillManifest, idsFromEnv, PackageError } from '../src/appPackage/appPackage';
import { composeAnswer } from '../src/answer/composeAnswer';
import { EXAMPLE_QUESTIONS } from '../src/cards/cardData';
import { PROJECT_ROOT } from '../src/paths';
import { searchEngine } from './helpers';

const MANIFEST_DIR = join(PROJECT_ROOT, 'manifest');

interface Command {
  title: string;
  type?: string;
  prompt?: string;
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9 ]/g, '').trim();

interface Png {
  width: number;
  height: number;
  alpha: number[];
}

/** Just enough of a PNG decoder to read size and alpha of 8-bit RGBA images. */
function readPng(file: string): Png {
  const buf = readFileSync(file);
  assert.equal(buf.subarray(1, 4).toString(), 'PNG', `${file} is not a PNG`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString();
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, '8-bit depth');
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (colourType !== 6) return { width, height, alpha: [] };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const paeth = (): number => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, Math.floor((a + b) / 2), paeth()][filter];
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const alpha: number[] = [];
  for (let i = 3; i < pixels.length; i += 4) alpha.push(pixels[i]);
  return { width, height, alpha };
}

describe('Teams manifest', () => {
  const manifest = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as {
    manifestVersion: string;
    name: { short: string };
    bots: Array<{ botId: string; scopes: string[] }>;
    icons: { color: string; outline: string };
    description: { short: string; full: string };
  };

  it('uses a schema with prompt starters (1.27 or later) and names the app MidWay Guide', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    assert.ok(major === 1 && minor >= 27, `manifest version ${manifest.manifestVersion}`);
    assert.equal(manifest.name.short, 'MidWay Guide');
    assert.ok(manifest.description.short.length <= 80);
    assert.ok(manifest.description.full.length <= 4000);
  });

  it('offers the bot in personal, team and group chat scopes with a bot id placeholder', () => {
    assert.deepEqual([...manifest.bots[0].scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.match(manifest.bots[0].botId, /\$\{\{BOT_ID\}\}/);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon with transparency', () => {
    const colour = readPng(join(MANIFEST_DIR, manifest.icons.color));
    assert.deepEqual([colour.width, colour.height], [192, 192]);
    const outline = readPng(join(MANIFEST_DIR, manifest.icons.outline));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.ok(outline.alpha.some((a) => a === 0), 'outline has transparent pixels');
    assert.ok(outline.alpha.some((a) => a === 255), 'outline has opaque pixels');
  });
});

describe('app package', () => {
  const ids = { teamsAppId: '6f0e3f4e-7a41-4c1e-9d0b-2b7f5f0a9c11', botId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
  const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');

  /** Validates against the schema bundled with @microsoft/app-manifest for the manifest's version: no network. */
  async function schemaErrors(manifest: Record<string, unknown>): Promise<string[]> {
    const schemaFile = join(
      dirname(require.resolve('@microsoft/app-manifest')),
      'json-schemas', 'teams', `v${String(manifest.manifestVersion)}`, 'MicrosoftTeams.schema.json',
    );
    // The published schemas contain "\\a" and "\\v" escapes that JSON.parse rejects; the package's own loader does the same.
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
    return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  }

  it('validates against the official Teams schema for its version, offline', async () => {
    assert.deepEqual(await schemaErrors(fillManifest(template, ids)), []);
  });

  it('catches a manifest the schema rejects: a bad id, a missing required field, a prompt starter of an unknown type', async () => {
    const errors = await schemaErrors({ ...fillManifest(template, ids), id: 'not-a-guid' });
    assert.ok(errors.some((e) => e.startsWith('/id')), errors.join('; '));
    const { developer: _developer, ...withoutDeveloper } = fillManifest(template, ids);
    const missing = await schemaErrors(withoutDeveloper);
    assert.ok(missing.some((e) => /developer/.test(e)), missing.join('; '));
    const broken = fillManifest(template, ids) as { bots: Array<{ commandLists: Array<{ commands: Array<Record<string, unknown>> }> }> };
    broken.bots[0].commandLists[0].commands[0] = { title: 'help', type: 'starter' };
    const badType = await schemaErrors(broken as unknown as Record<string, unknown>);
    assert.ok(badType.some((e) => /commands\/0\/type/.test(e)), badType.join('; '));
  });

  it('declares channel features for the team scope, and keeps supportedChannelTypes out', () => {
    const manifest = fillManifest(template, ids);
    assert.equal(manifest.supportsChannelFeatures, 'tier1');
    assert.equal(manifest.supportedChannelTypes, undefined);
  });

  it('declares the bot commands, signpost among them, in every scope, and the search messaging extension', () => {
    const manifest = fillManifest(template, ids) as {
      bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Command[] }> }>;
      composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string; initialRun: boolean }> }>;
    };
    const lists = manifest.bots[0].commandLists;
    assert.deepEqual(lists.flatMap((l) => l.scopes).sort(), ['groupChat', 'personal', 'team']);
    for (const list of lists) {
      assert.deepEqual(list.commands.filter((c) => c.type !== 'prompt').map((c) => c.title), ['help', 'services', 'sds', 'plan', 'signpost', 'feedback']);
      assert.ok(list.commands.length <= 12, 'Teams allows 12 commands a list');
    }
    assert.equal(manifest.composeExtensions[0].botId, ids.botId);
    assert.equal(manifest.composeExtensions[0].commands[0].type, 'query');
    assert.equal(manifest.composeExtensions[0].commands[0].initialRun, true);
  });

  it('offers prompt starters in every scope, each a question the bot answers from its knowledge', () => {
    const manifest = fillManifest(template, ids) as { bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Command[] }> }> };
    for (const list of manifest.bots[0].commandLists) {
      const prompts = list.commands.filter((c) => c.type === 'prompt');
      assert.ok(prompts.length >= 3, `prompt starters for ${list.scopes.join(', ')}`);
      for (const p of prompts) {
        assert.ok(p.prompt && p.title, `${p.title} has a prompt`);
        const { answer } = composeAnswer(searchEngine(), p.prompt);
        assert.ok(['passage', 'services', 'plan_list', 'results'].includes(answer.type), `${p.prompt} → ${answer.type}`);
      }
    }
    // Starters come from the welcome card's examples: what staff most often look for.
    const personal = manifest.bots[0].commandLists.find((l) => l.scopes.includes('personal'));
    const examples = EXAMPLE_QUESTIONS.map((q) => normalise(q.text));
    for (const p of personal?.commands.filter((c) => c.type === 'prompt') ?? []) assert.ok(examples.includes(normalise(p.prompt ?? '')), p.prompt);
  });

  it('zips the filled manifest with both icons: schema 1.27 or later, channel features, prompt starters, valid for its version', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(MANIFEST_DIR, ids));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown> & {
      id: string;
      manifestVersion: string;
      bots: Array<{ botId: string; commandLists: Array<{ commands: Command[] }> }>;
    };
    assert.equal(manifest.id, ids.teamsAppId);
    assert.equal(manifest.bots[0].botId, ids.botId);
    assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 27 && manifest.manifestVersion.startsWith('1.'), manifest.manifestVersion);
    assert.equal(manifest.supportsChannelFeatures, 'tier1');
    assert.ok(manifest.bots[0].commandLists.some((l) => l.commands.some((c) => c.type === 'prompt')));
    assert.deepEqual(await schemaErrors(manifest), []);
  });

  it('refuses to package without real ids, saying which', () => {
    assert.throws(() => idsFromEnv({}), (e: unknown) => e instanceof PackageError && /TEAMS_APP_ID/.test(e.message) && /BOT_ID/.test(e.message));
    assert.deepEqual(idsFromEnv({ TEAMS_APP_ID: ids.teamsAppId, MicrosoftAppId: ids.botId }), ids);
  });
});
