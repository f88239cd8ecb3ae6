// A cheap check that a request body is shaped like a Bot Framework activity, so that wrong types
// get a 400 here instead of an exception deep in the SDK.
import type { Activity } from 'botbuilder';

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function account(value: unknown, required: boolean): boolean {
  if (value === undefined) return !required;
  return isObject(value) && (value.id === undefined || isString(value.id)) && (value.name === undefined || value.name === null || isString(value.name));
}

/** The activity, or a short reason it is not one. */
export function checkActivity(body: unknown): { activity: Activity } | { problem: string } {
  if (!isObject(body)) return { problem: 'the body must be a JSON object' };
  if (!isString(body.type) || !body.type) return { problem: 'type must be a string' };
  for (const key of ['id', 'text', 'serviceUrl', 'channelId', 'name', 'locale', 'replyToId', 'action', 'textFormat']) {
    if (body[key] !== undefined && body[key] !== null && !isString(body[key])) return { problem: `${key} must be a string` };
  }
  if (!isString(body.serviceUrl) || !body.serviceUrl) return { problem: 'serviceUrl is required' };
  if (!isObject(body.conversation) || !isString(body.conversation.id)) return { problem: 'conversation.id must be a string' };
  // The SDK reads both (the reply's sender and addressee): without them a turn would fail half-way.
  if (!account(body.from, true) || !account(body.recipient, true)) return { problem: 'from and recipient must be accounts' };
  for (const key of ['entities', 'attachments', 'membersAdded', 'membersRemoved']) {
    if (body[key] !== undefined && body[key] !== null && !(Array.isArray(body[key]) && (body[key] as unknown[]).every(isObject))) {
      return { problem: `${key} must be a list of objects` };
    }
  }
  if (body.channelData !== undefined && body.channelData !== null && !isObject(body.channelData)) return { problem: 'channelData must be an object' };
  return { activity: body as unknown as Activity };
}
