import { CHANGE_KINDS } from '../review/change-kinds';

/**
 * The JSON Schema (2020-12) of `cdktf-spectrum check --format json`
 * (json-report.ts says what each field means), published as
 * docs/report.schema.json and printed by `cdktf-spectrum schema report`.
 * Enums come from their sources (e.g. CHANGE_KINDS), so they cannot drift.
 */
const STRING = { type: 'string' } as const;
const VALUE = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'isToken'],
  properties: { text: STRING, isToken: { type: 'boolean' } },
};
const SEVERITY = { enum: ['error', 'warning', 'info'] };
const FINDING_PROPERTIES = {
  ruleId: { type: 'string', pattern: '^SPX[0-9]{3}$' },
  severity: SEVERITY,
  stack: STRING,
  path: STRING,
  message: STRING,
  fix: STRING,
  file: STRING,
  line: { type: 'integer', minimum: 1 },
};
const FINDING_REQUIRED = Object.keys(FINDING_PROPERTIES);
const STRINGS = { type: 'array', items: STRING };
const NULLABLE_STRING = { type: ['string', 'null'] };

/** JSON Schema (draft-07) of JsonReport, schema version 1. */
export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://raw.githubusercontent.com/cdktf-spectrum/cdktf-spectrum/main/docs/report.schema.json',
  title: 'cdktf-spectrum check report (schemaVersion 1)',
  description: 'Output of `cdktf-spectrum check --format json`. Within schemaVersion 1 fields are only added, never renamed or removed.',
  type: 'object',
  required: ['schemaVersion', 'tool', 'inputs', 'summary', 'findings', 'suppressed', 'stacks', 'landscapes', 'distributedLandscapes', 'oneClickServers', 'changes'],
  properties: {
    schemaVersion: { const: 1 },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'cdktf-spectrum' }, version: STRING } },
    inputs: {
      type: 'object',
      required: ['directories'],
      properties: { directories: STRINGS, baseline: STRINGS, policy: STRING },
    },
    summary: {
      type: 'object',
      required: ['errors', 'warnings', 'notes', 'suppressed', 'stacks', 'landscapes', 'spectroServers', 'oneClickServers', 'changes', 'exitCode'],
      properties: {
        errors: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
        notes: { type: 'integer', minimum: 0 },
        suppressed: { type: 'integer', minimum: 0 },
        stacks: { type: 'integer', minimum: 0 },
        landscapes: { type: 'integer', minimum: 0 },
        spectroServers: { type: 'integer', minimum: 0 },
        oneClickServers: { type: 'integer', minimum: 0 },
        changes: { type: 'integer', minimum: 0 },
        exitCode: { enum: [0, 1] },
      },
    },
    findings: { type: 'array', items: { type: 'object', required: FINDING_REQUIRED, properties: FINDING_PROPERTIES } },
    suppressed: {
      type: 'array',
      items: {
        type: 'object',
        required: [...FINDING_REQUIRED, 'reason', 'suppressedBy'],
        properties: { ...FINDING_PROPERTIES, reason: { type: 'string', pattern: '\\S' }, suppressedBy: STRING },
      },
    },
    stacks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'file', 'cdktfVersion', 'hasSpectrum'],
        properties: { name: STRING, file: STRING, cdktfVersion: STRING, hasSpectrum: { type: 'boolean' } },
      },
    },
    landscapes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stack', 'path', 'name', 'handle', 'standbyMode', 'backup', 'distributed', 'isMaster', 'mainLocationServer', 'servers'],
        properties: {
          stack: STRING,
          path: STRING,
          name: STRING,
          handle: { type: 'object', required: ['text', 'value'], properties: { text: STRING, value: { type: ['integer', 'null'] } } },
          standbyMode: { enum: ['WARM', 'HOT'] },
          backup: { enum: ['SSDBSAVE', 'COMMAND'] },
          distributed: NULLABLE_STRING,
          isMaster: { type: 'boolean' },
          mainLocationServer: VALUE,
          servers: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['path', 'name', 'role', 'host', 'precedence'],
              properties: { path: STRING, name: STRING, role: { enum: ['PRIMARY', 'SECONDARY'] }, host: VALUE, precedence: { type: ['number', 'null'] } },
            },
          },
        },
      },
    },
    distributedLandscapes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stack', 'path', 'name', 'master', 'landscapes', 'oneClickServers'],
        properties: { stack: STRING, path: STRING, name: STRING, master: NULLABLE_STRING, landscapes: STRINGS, oneClickServers: STRINGS },
      },
    },
    oneClickServers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stack', 'path', 'name', 'host', 'mainLocationServer', 'distributed'],
        properties: { stack: STRING, path: STRING, name: STRING, host: VALUE, mainLocationServer: VALUE, distributed: NULLABLE_STRING },
      },
    },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'kind', 'stack', 'path', 'message', 'before', 'after', 'effect', 'replaced', 'destroyed'],
        properties: {
          ruleId: { type: 'string', pattern: '^SPX3[0-9]{2}$' },
          kind: { enum: CHANGE_KINDS.map(k => k.kind) },
          stack: STRING,
          path: STRING,
          message: STRING,
          before: STRING,
          after: STRING,
          effect: STRING,
          replaced: STRINGS,
          destroyed: STRINGS,
          upgradeOrder: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['position', 'phase', 'stack', 'path', 'host', 'landscape', 'before', 'after'],
              properties: {
                position: { type: 'integer', minimum: 1 },
                phase: { enum: ['master-primary', 'primary', 'secondary', 'oneclick'] },
                stack: STRING,
                path: STRING,
                host: VALUE,
                landscape: NULLABLE_STRING,
                before: STRING,
                after: STRING,
              },
            },
          },
        },
      },
    },
  },
} as const;
