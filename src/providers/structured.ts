import { z } from 'zod';
import { StructuredOutputError } from './errors.js';

/** A JSON Schema object as sent to backends that constrain output (llama grammar, Ollama, OpenAI). */
export type JsonSchema = Record<string, unknown>;

/** Converts a zod schema to a plain JSON Schema object without the `$schema` marker. */
export function jsonSchemaFor(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** Pulls the JSON value out of model text: the whole text, a fenced block, or the outermost braces. */
function extractJson(text: string): string {
  const trimmed = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(trimmed);
  if (fenced?.[1]) return fenced[1].trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return trimmed;
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

/**
 * Parses model text as JSON and validates it with `schema`. Returns the validated value or throws
 * `StructuredOutputError` whose issues name the failing paths (never quoting the model's text).
 */
export function parseStructured<S extends z.ZodType>(provider: string, text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(extractJson(text));
  } catch {
    throw new StructuredOutputError(provider, ['output is not valid JSON']);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new StructuredOutputError(provider, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}
