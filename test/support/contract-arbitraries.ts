// fast-check arbitraries for the input of any channel, derived from its zod schema (through zod's
// own JSON Schema export, a stable public format), so a property test covers every channel of the
// contract without a hand-written list. Each value is "almost right": the shape the schema asks for,
// with, at a low rate, a hostile value in one spot (NUL and other control characters, lone
// surrogates, impossible dates, out-of-range numbers, wrong types, oversized text), and sometimes
// arbitrary JSON instead of the whole input.
import fc from 'fast-check';
import { z } from 'zod';

/** The subset of JSON Schema that zod 4 emits for the contract's inputs. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

const HOSTILE_TEXT = [
  '\u0000',
  '\u0000Amina',
  'Amina\u0000',
  'a\u0007b',
  'a\u001bb',
  'x\u007f',
  'x\u0085y',
  '\ud800',
  'a\udfffb',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '',
  '9999-99-99',
  '0000-00-00',
  '2025-02-30',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-13-01T00:00:00Z',
  '-1',
  'NaN',
  '1e309',
  '__proto__',
  '%ZZ',
  "'; DROP TABLE members; --",
  '\u202e\u200dالطاقة',
] as const;
const HOSTILE_NUMBERS = [-1, 0, 0.5, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2] as const;
const hostileScalar = fc.oneof(fc.constantFrom<unknown>(...HOSTILE_TEXT), fc.constantFrom<unknown>(...HOSTILE_NUMBERS), fc.constantFrom<unknown>(null, true, [], {}, [null]));

/** How often a node of the input is replaced by a hostile value: 1 in (HOSTILE_ODDS + 1). */
const HOSTILE_ODDS = 12;

export function inputArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = jsonSchemaOf(schema);
  return fc.oneof(
    { arbitrary: fromSchema(json, false), weight: 3 },
    { arbitrary: fromSchema(json, true), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}

/** Inputs of the schema's shape with nothing hostile in them (most pass the schema). */
export function shapedInputArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fromSchema(jsonSchemaOf(schema), false);
}

/**
 * Copies of `value` with one text in it starting with NUL, one copy per text. A random search meets
 * that exact case too rarely for a modest number of runs, and it is the one that reached SQLite.
 */
export function eachTextPoisoned(value: unknown): unknown[] {
  if (typeof value === 'string') return [`\u0000${value}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => eachTextPoisoned(item).map((poisoned) => value.map((other, i) => (i === index ? poisoned : other))));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => eachTextPoisoned(item).map((poisoned) => ({ ...value, [key]: poisoned })));
  }
  return [];
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function fromSchema(schema: JsonSchema, hostile: boolean): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, hostile);
  if (!hostile) return shaped;
  const overLength = schema.maxLength !== undefined && schema.maxLength <= 10_000 ? [fc.constant('x'.repeat(schema.maxLength + 1))] : [];
  return fc.oneof({ arbitrary: shaped, weight: HOSTILE_ODDS }, { arbitrary: fc.oneof(hostileScalar, ...overLength), weight: 1 });
}

// Control characters put into an otherwise good text: at its start (SQLite's length() stops at a
// NUL there, so a CHECK on an empty name failed deep in the core), inside it, or at its end.
const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\n', '\t', '\r'] as const;
function withControlCharacter(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.constantFrom(...CONTROL_CHARACTERS), fc.oneof(fc.constant(0), fc.nat())).map(([good, control, at]) => {
    const where = at % (good.length + 1);
    return good.slice(0, where) + control + good.slice(where);
  });
}

function shapedBy(schema: JsonSchema, hostile: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => fromSchema(branch, hostile)));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((one) => shapedBy({ ...schema, type: one }, hostile)));
  switch (type[0]) {
    case 'object':
      return objectOf(schema, hostile);
    case 'array': {
      const item = schema.items ? fromSchema(schema.items, hostile) : fc.jsonValue({ maxDepth: 2 });
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'string':
      return hostile ? fc.oneof({ arbitrary: stringOf(schema), weight: 2 }, { arbitrary: withControlCharacter(stringOf(schema)), weight: 1 }) : stringOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema, type[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, hostile: boolean): fc.Arbitrary<unknown> {
  if (schema.properties) {
    const fields = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, fromSchema(value, hostile)]));
    return fc.record(fields, { requiredKeys: (schema.required ?? []).filter((key) => key in fields) });
  }
  if (typeof schema.additionalProperties === 'object') {
    return fc.dictionary(fc.string({ maxLength: 12 }), fromSchema(schema.additionalProperties, hostile), { maxKeys: 3 });
  }
  return fc.constant({});
}

// The contract's own text rules (control characters) are checked, not generated: text is generated
// from the other patterns (dates, codes, hex …) or as any Unicode, and the hostile values bring the
// control characters.
function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)].filter((p): p is string => !!p && !p.includes('\\p{'));
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.format === 'email') return fc.emailAddress();
  const pattern = patterns[0];
  if (pattern) {
    try {
      // Not filtered by length: a pattern with few short matches would make the filter spin for
      // ever, and a text of the wrong length is one more malformed input.
      return fc.stringMatching(new RegExp(pattern));
    } catch {
      // A pattern fast-check cannot generate from: any text will do (the schema refuses most).
    }
  }
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e12);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e12);
  if (integer) {
    const low = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
    const high = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
    // Small values hit the rows the test created (ids 1–4), and the ends of the range its limits.
    return fc.oneof(fc.integer({ min: low, max: Math.min(high, low + 4) }), fc.integer({ min: low, max: high }), fc.constantFrom(low, high));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}
