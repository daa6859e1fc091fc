/**
 * One declaration per attribute. An element's attribute schema names each attribute once: its
 * kind, allowed values and default, with one line of documentation as the JSDoc comment above the
 * entry. Everything else derives from it:
 * - the Lit reactive properties (`propertiesOf`) and their defaults (`applyDefaults`);
 * - the element's TypeScript fields (`AttributeValues`, merged into the class's interface);
 * - the manifest, hence the reference and Storybook's controls (tools/schema-manifest.mjs);
 * - the dashboard's JSON validation (src/elements/odw-dashboard/dashboard-config.ts);
 * - the builder's encoding of widgets into code (src/elements/odw-builder/).
 */
import type {PropertyDeclarations, ReactiveElement} from 'lit';

export type AttributeKind = 'text' | 'number' | 'integer' | 'boolean';

export interface AttributeSpec {
  kind: AttributeKind;
  /** The attribute's name, when it is not the property's name in kebab-case. */
  attribute?: string;
  /** The only values allowed (`text` only). */
  values?: readonly string[];
  default?: string | number | boolean;
  /** A dashboard's JSON must give it. */
  required?: boolean;
  /** `false`: the property is not written back to the attribute (a key, a default level). */
  reflect?: boolean;
}

/** Property name → its attribute. */
export type AttributeSchema = Readonly<Record<string, AttributeSpec>>;

/** Declares a schema, keeping its literal types (allowed values become a union type). */
export function defineAttributes<const S extends AttributeSchema>(schema: S): S {
  return schema;
}

type ValueOf<A extends AttributeSpec> = A['kind'] extends 'boolean'
  ? boolean
  : A['kind'] extends 'number' | 'integer'
    ? number
    : A['values'] extends ReadonlyArray<infer V>
      ? V
      : string;

/**
 * The element's fields as the schema types them; `HTMLElement`'s own (`title`, `lang`) keep their
 * DOM type. Merged into the class with an interface of the same name.
 */
export type AttributeValues<S extends AttributeSchema> = Omit<
  {-readonly [K in keyof S]: S[K] extends {default: unknown} ? ValueOf<S[K]> : ValueOf<S[K]> | undefined},
  keyof HTMLElement
>;

/** `headingLevel` → `heading-level`, unless the spec names its attribute. */
export function attributeName(property: string, spec: AttributeSpec): string {
  return spec.attribute ?? property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The Lit property declarations of a schema. */
export function propertiesOf(schema: AttributeSchema): PropertyDeclarations {
  return Object.fromEntries(
    Object.entries(schema).map(([property, spec]) => [
      property,
      {
        attribute: attributeName(property, spec),
        type: spec.kind === 'boolean' ? Boolean : spec.kind === 'text' ? String : Number,
        reflect: spec.reflect ?? true,
      },
    ]),
  );
}

/** Gives each property of `schema` that has a default its value; call in the constructor. */
export function applyDefaults(element: ReactiveElement, schema: AttributeSchema): void {
  for (const [property, spec] of Object.entries(schema)) {
    if (spec.default !== undefined) (element as unknown as Record<string, unknown>)[property] = spec.default;
  }
}

/** The attributes of `schema` by attribute name, for validation and code generation. */
export function byAttributeName(schema: AttributeSchema): Map<string, AttributeSpec & {property: string}> {
  return new Map(
    Object.entries(schema).map(([property, spec]) => [attributeName(property, spec), {...spec, property}]),
  );
}
