// Shared test fixtures: the built knowledge (loaded once), a search engine, a silent logger.
import { ConversationState, MemoryStorage } from 'botbuilder';
import { loadConfig, type AppConfig } from '../src/config';
import { readBuiltKnowledge, type BuiltKnowledge } from '../src/knowledge/builtKnowledge';
import { createLogger, type Logger } from '../src/logger';
import { BUILT_KNOWLEDGE_FILE } from '../src/paths';
import { SearchEngine } from '../src/search/searchEngine';
import { RecordStore } from '../src/storage/records';
import { MidWayBot } from '../src/teams/midwayBot';

let built: BuiltKnowledge | undefined;
let engine: SearchEngine | undefined;

export function builtKnowledge(): BuiltKnowledge {
  built ??= readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
  return built;
}

export function searchEngine(): SearchEngine {
  engine ??= new SearchEngine(builtKnowledge());
  return engine;
}

export function silentLogger(): Logger {
  return createLogger('silent');
}

export function localConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ PORT: '0', ...overrides });
}

export function makeBot(storage = new MemoryStorage(), logger = silentLogger()): { bot: MidWayBot; storage: MemoryStorage } {
  const bot = new MidWayBot({ engine: searchEngine(), records: new RecordStore(storage), conversationState: new ConversationState(storage), logger });
  return { bot, storage };
}

/** Every value stored in a MemoryStorage, as JSON text (MemoryStorage keeps JSON strings). */
export function storedText(storage: MemoryStorage): string {
  const memory = (storage as unknown as { memory: Record<string, string> }).memory;
  return JSON.stringify(Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, JSON.parse(v) as unknown])));
}
