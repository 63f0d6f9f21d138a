import { z } from 'zod';
import { ENUM_DOCS, FIELD_DOCS } from './docs.js';
import { Review } from './review.js';

/**
 * Where the published schema lives; editors reference it through `# yaml-language-server: $schema=…`.
 * Each schema version keeps its own stable path (schema/v1/, schema/v2/ in the package);
 * schema/review.schema.json is always the current one.
 */
export const SCHEMA_ID = 'https://polev.dev/schema/v2/review.schema.json';

/**
 * The JSON Schema of a review file as a person writes it (zod's input side: fields with defaults
 * are optional). Generated, never hand-edited, so it cannot drift from the zod model; every field
 * and enum value carries its documentation (docs.ts), for an editor's hover and completion. Enum
 * values are described in `enumDescriptions`, the keyword VS Code's JSON and YAML support reads.
 */
export function reviewJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Review, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Node;
  for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Node>)) {
    applyDoc(def, name);
    annotate(def, name);
  }
  return { ...schema, $id: SCHEMA_ID };
}

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

function applyDoc(node: Node, key: string) {
  const doc = FIELD_DOCS[key];
  if (!doc) return;
  node.description = doc.description;
  if (doc.examples) node.examples = doc.examples;
}

/** Walks a schema node whose path is `key`: its properties, list items, map values and alternatives. */
function annotate(node: Node, key: string) {
  if (Array.isArray(node.enum)) {
    const docs = ENUM_DOCS[key];
    if (docs) node.enumDescriptions = (node.enum as unknown[]).map((v) => docs[String(v)] ?? '');
  }
  if (isNode(node.properties)) {
    for (const [k, v] of Object.entries(node.properties)) {
      if (!isNode(v)) continue;
      applyDoc(v, `${key}.${k}`);
      annotate(v, `${key}.${k}`);
    }
  }
  if (isNode(node.items)) {
    applyDoc(node.items, `${key}[]`);
    annotate(node.items, `${key}[]`);
  }
  if (isNode(node.additionalProperties)) {
    applyDoc(node.additionalProperties, `${key}{}`);
    annotate(node.additionalProperties, `${key}{}`);
  }
  if (isNode(node.propertyNames)) annotate(node.propertyNames, `${key}{key}`);
  for (const alt of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[alt];
    if (Array.isArray(list)) for (const x of list) if (isNode(x)) annotate(x, key);
  }
}
