import { CORE_SCHEMA, defineScalarTag, floatCoreTag, NOT_RESOLVED } from 'js-yaml';

// The one schema of review files, for every reader of them: YAML 1.2's core schema, its floats as JSON reads them.

/**
 * YAML 1.2 resolves `1e309` as a float, whose value is infinite; js-yaml leaves such a scalar
 * text. JSON.parse gives Infinity, and so must the YAML path, so the schema refuses it the same
 * way in either form (with "too large a number", not as text).
 */
const FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/;
const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: floatCoreTag.implicitFirstChars,
  resolve: (source, isExplicit, tagName) => {
    const value = floatCoreTag.resolve(source, isExplicit, tagName);
    if (value !== NOT_RESOLVED) return value as number;
    return FLOAT.test(source) ? Number(source) : NOT_RESOLVED;
  },
  identify: floatCoreTag.identify,
  represent: floatCoreTag.represent,
});
export const SCHEMA = CORE_SCHEMA.withTags(floatTag);

type Resolver = { resolveImplicitScalarTag(source: string): { value: unknown } };
const resolver = SCHEMA as unknown as Resolver;

/** The value of a plain (unquoted, untagged) scalar, as js-yaml's constructor resolves it. */
export const resolvePlain = (source: string): unknown => resolver.resolveImplicitScalarTag(source).value;
