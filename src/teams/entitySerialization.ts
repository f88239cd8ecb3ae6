// The Bot Connector client serialises outgoing activities through its REST mappers. @azure/core-client
// swaps an array element's mapper for the named model's mapper (Entity: type, text, mentioned), which
// drops every other field of an entity, so Teams' citation entity would arrive as only its type.
// Letting Entity carry its other fields as they are restores what botbuilder's own Activity mapper
// intends (its entities element allows additional properties). Imported for its effect, once.
import { Entity } from 'botframework-connector/lib/connectorApi/models/mappers';

const entityType = Entity.type as { additionalProperties?: unknown };
entityType.additionalProperties ??= { type: { name: 'Object' } };
