/*
 * Writes docs/stakemap.schema.json, the JSON Schema of the current workspace format, from the zod schema the app
 * itself validates files with (shared/document/schema.ts), so the two cannot drift:
 *
 *   npm run schema
 *
 * tests/unit/scripts/generate-json-schema.test.ts regenerates it in memory and fails when the shipped file differs.
 * `io: 'input'` describes what a file may hold: fields with a default are optional, as the app reads them.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CURRENT_VERSION } from '../shared/document/format';
import { workspaceSchema } from '../shared/document/schema';

/** Where the schema is shipped, relative to the repository root. */
export const JSON_SCHEMA_PATH = 'docs/stakemap.schema.json';

/** The address the schema names itself by (its `$id`): one per format version, as each version's schema differs. */
export const JSON_SCHEMA_ID = `https://stakemap.app/schema/stakemap-${CURRENT_VERSION}.schema.json`;

/**
 * The JSON Schema of format version CURRENT_VERSION, as the text of docs/stakemap.schema.json (2-space indent,
 * trailing newline). The zod schema accepts any `version` of 1 or more because it checks files after they were
 * migrated in memory; the published schema describes the files this version writes, so `version` is pinned to
 * CURRENT_VERSION (an older file is valid against the schema of its own version).
 */
export function buildJsonSchemaText(): string {
  const generated = z.toJSONSchema(workspaceSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    $id: JSON_SCHEMA_ID,
    title: `Stakemap workspace, format version ${CURRENT_VERSION}`,
    description:
      'A Stakemap workspace file (.stakemap): stakeholders, relationships, pain points, candidate solutions, categories, the workshop agenda, participants and dot votes, and snapshots of the map. Unknown properties are allowed everywhere and are kept by Stakemap. See docs/format.md.',
    ...rest,
    properties: { ...rest.properties, version: { type: 'integer', const: CURRENT_VERSION } },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL(`../${JSON_SCHEMA_PATH}`, import.meta.url));
  writeFileSync(path, buildJsonSchemaText(), 'utf8');
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
