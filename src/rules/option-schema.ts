// A rule's option schema, as ESLint rules keep theirs in `meta.schema`: plain data in a small
// subset of JSON Schema. Plain data because the content script bundles every rule and has no
// room for a schema library (it is within a few bytes of its gzip budget); src/rules/options.ts
// turns these into zod checks for the build, the tests, the CLI and the pages, and the types
// below turn them into the options' TypeScript types, so a rule's options are declared once.

export type OptionSchema = BooleanSchema | StringSchema | ArraySchema | ObjectSchema;

export interface BooleanSchema {
  readonly type: 'boolean';
}

export interface StringSchema {
  readonly type: 'string';
  readonly enum?: readonly string[];
  readonly minLength?: number;
}

export interface ArraySchema {
  readonly type: 'array';
  readonly items: OptionSchema;
}

export interface ObjectSchema {
  readonly type: 'object';
  readonly properties: { readonly [name: string]: OptionSchema };
  /** Properties a value must have; the others may be left out. */
  readonly required?: readonly string[];
  /** false: other properties are an error; default: allowed (and dropped by the check). */
  readonly additionalProperties?: boolean;
}

/** The value a schema describes; an object has its required properties, the others optional. */
export type FromSchema<S> = S extends BooleanSchema
  ? boolean
  : S extends { readonly type: 'string'; readonly enum: readonly (infer E)[] }
    ? E
    : S extends StringSchema
      ? string
      : S extends { readonly type: 'array'; readonly items: infer I }
        ? FromSchema<I>[]
        : S extends { readonly type: 'object'; readonly properties: infer P }
          ? ObjectOf<P, S extends { readonly required: readonly (infer R)[] } ? R : never>
          : never;

type ObjectOf<P, Required> = { -readonly [K in keyof P as K extends Required ? K : never]: FromSchema<P[K]> } & {
  -readonly [K in keyof P as K extends Required ? never : K]?: FromSchema<P[K]>;
};

/** A rule's `meta.schema`: its options by name (JSON Schema's `properties`). Options are
 * always an object of named options, each optional (the rule's defaultOptions fill in the
 * rest), and any other name is an error; `{}` is a rule without options (ESLint's `[]`). */
export type RuleSchema = { readonly [option: string]: OptionSchema };

/** The options a rule reads: every option of its schema, present (defaultOptions fill in what a
 * protocol leaves out). */
export type OptionsOf<S extends RuleSchema> = { -readonly [K in keyof S]: FromSchema<S[K]> };
