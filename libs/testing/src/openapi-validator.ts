import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

/** OpenAPI 3.0's boolean exclusiveMinimum/Maximum (draft-4 style) as the numbers Ajv's draft-07 reads. */
function draft7(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(draft7);
  if (!value || typeof value !== 'object') return value;
  const out: Schema = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, draft7(v)]));
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[flag] === true) Object.assign(out, { [flag]: out[bound], [bound]: undefined });
    else if (out[flag] === false) delete out[flag];
  }
  return JSON.parse(JSON.stringify(out));
}

const asDefinitions = (s: unknown, prefix: string): Schema =>
  draft7(JSON.parse(JSON.stringify(s).replaceAll('#/components/schemas/', `${prefix}#/definitions/`))) as Schema;

/**
 * Validates values against schemas of one OpenAPI 3.0 document (its components compiled once, by
 * Ajv, `nullable` included), so tests check real answers against what the services publish.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  /** Compiling a schema that reaches every event envelope takes seconds: once per schema. */
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(components: Readonly<Record<string, unknown>>) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'doc', definitions: asDefinitions(components, '') });
  }

  compile(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) this.compiled.set(key, (validate = this.ajv.compile(asDefinitions(schema, 'doc'))));
    return validate;
  }

  /** The validation errors of `value` (empty when it validates). */
  errors(schema: Schema, value: unknown): string[] {
    const validate = this.compile(schema);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
  }
}
