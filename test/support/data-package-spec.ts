/**
 * The rules of a Frictionless Tabular Data Package that a descriptor must keep, written from the
 * specifications (Data Package v1 https://specs.frictionlessdata.io/data-package/, Tabular Data
 * Resource, Table Schema, CSV Dialect) and independent of the code that builds one: a zod schema of
 * the required properties and their forms, and the cross-references a schema cannot state (unique
 * names, keys naming fields that exist, foreign keys naming a resource and as many fields).
 */
import { z } from 'zod';

/** Table Schema's field types (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
export const TABLE_SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'] as const;

/** Package and resource names: lower-case alphanumerics, `-`, `_`, `.` (Data Package v1, `name`). */
const NAME = /^[a-z0-9._-]+$/;
/** RFC 3339 date-time, the form of `created`. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A data path: a URL, or a relative POSIX path that does not climb out of the package (no `/` start, no `..`). */
const dataPath = z.string().refine((p) => /^https?:\/\//.test(p) || (!p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\')), 'path must be a URL or a relative POSIX path inside the package');

const stringOrList = z.union([z.string(), z.array(z.string()).min(1)]);

const fieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(TABLE_SCHEMA_TYPES).optional(),
  format: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  constraints: z
    .object({
      required: z.boolean().optional(),
      unique: z.boolean().optional(),
      enum: z.array(z.unknown()).min(1).optional(),
      minimum: z.unknown().optional(),
      maximum: z.unknown().optional(),
      pattern: z.string().optional(),
    })
    .strict()
    .optional(),
});

const tableSchema = z.object({
  fields: z.array(fieldSchema).min(1),
  missingValues: z.array(z.string()).optional(),
  primaryKey: stringOrList.optional(),
  foreignKeys: z.array(z.object({ fields: stringOrList, reference: z.object({ resource: z.string(), fields: stringOrList }) })).optional(),
});

const dialectSchema = z.object({
  delimiter: z.string().length(1).optional(),
  lineTerminator: z.string().min(1).optional(),
  quoteChar: z.string().length(1).optional(),
  doubleQuote: z.boolean().optional(),
  escapeChar: z.string().length(1).optional(),
  skipInitialSpace: z.boolean().optional(),
  header: z.boolean().optional(),
  caseSensitiveHeader: z.boolean().optional(),
  csvddfVersion: z.number().optional(),
});

const resourceSchema = z
  .object({
    profile: z.literal('tabular-data-resource'),
    name: z.string().regex(NAME),
    path: z.union([dataPath, z.array(dataPath).min(1)]).optional(),
    data: z.unknown().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    format: z.string().optional(),
    mediatype: z.string().regex(/^[^/\s]+\/[^/\s]+$/).optional(),
    encoding: z.string().optional(),
    bytes: z.number().int().nonnegative().optional(),
    hash: z.string().optional(),
    dialect: dialectSchema.optional(),
    schema: tableSchema,
  })
  .refine((r) => (r.path === undefined) !== (r.data === undefined), 'a resource has exactly one of path and data');

const licenseSchema = z.object({ name: z.string().optional(), path: z.string().url().optional(), title: z.string().optional() }).refine((l) => l.name !== undefined || l.path !== undefined, 'a licence has a name or a path');

export const dataPackageSchema = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string().regex(NAME).optional(),
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  homepage: z.string().url().optional(),
  version: z.string().optional(),
  created: z.string().regex(RFC3339).optional(),
  keywords: z.array(z.string()).optional(),
  licenses: z.array(licenseSchema).min(1).optional(),
  sources: z.array(z.object({ title: z.string(), path: z.string().optional(), email: z.string().optional() })).optional(),
  resources: z.array(resourceSchema).min(1),
});

type Descriptor = z.infer<typeof dataPackageSchema>;

/** Returns a key given as a string or a list as a list. */
function asList(key: string | string[]): string[] {
  return typeof key === 'string' ? [key] : key;
}

/** Returns the duplicates in a list. */
function listDuplicates(names: readonly string[]): string[] {
  return names.filter((n, i) => names.indexOf(n) !== i);
}

/** Returns the cross-reference errors of a descriptor that passed the schema (none: []). */
function listReferenceErrors(pkg: Descriptor): string[] {
  const errors: string[] = [];
  const byName = new Map(pkg.resources.map((r) => [r.name, r]));
  for (const d of listDuplicates(pkg.resources.map((r) => r.name))) errors.push(`resource name ${d} is not unique`);
  for (const r of pkg.resources) {
    const fields = r.schema.fields.map((f) => f.name);
    for (const d of listDuplicates(fields)) errors.push(`${r.name}: field ${d} is not unique`);
    for (const k of asList(r.schema.primaryKey ?? [])) if (!fields.includes(k)) errors.push(`${r.name}: primary key ${k} is not a field`);
    for (const fk of r.schema.foreignKeys ?? []) {
      const own = asList(fk.fields);
      const theirs = asList(fk.reference.fields);
      for (const k of own) if (!fields.includes(k)) errors.push(`${r.name}: foreign key field ${k} is not a field`);
      if (own.length !== theirs.length) errors.push(`${r.name}: foreign key has ${own.length} fields, its reference ${theirs.length}`);
      // An empty resource name refers to the resource itself.
      const target = fk.reference.resource === '' ? r : byName.get(fk.reference.resource);
      if (!target) errors.push(`${r.name}: foreign key names no resource ${fk.reference.resource}`);
      else for (const k of theirs) if (!target.schema.fields.some((f) => f.name === k)) errors.push(`${r.name}: foreign key refers to ${target.name}.${k}, not a field`);
    }
  }
  return errors;
}

/** Returns the ways a descriptor breaks the Tabular Data Package rules, [] when it keeps them all. */
export function validateDataPackage(descriptor: unknown): string[] {
  const parsed = dataPackageSchema.safeParse(descriptor);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return listReferenceErrors(parsed.data);
}
