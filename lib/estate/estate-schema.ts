import { BackupMethod } from '../model/backup-method';
import { DEFAULTS } from '../model/defaults';
import { PlanResource } from '../model/plan-resource';
import { StandbyMode } from '../model/standby-mode';
import { MAX_RETAIN, RESEED, RESEED_PATTERN } from '../model/value-kinds';
import { policySchema } from '../policy/policy-schema';
import { RESEED_FIX, RETAIN_FIX } from '../rules/spx143-reseed-and-retention';

/** Where the published schema lives (docs/estate.schema.json in the repository). */
export const ESTATE_SCHEMA_ID = 'https://raw.githubusercontent.com/cdktf-spectrum/cdktf-spectrum/main/docs/estate.schema.json';

/** The only estate file version so far. */
export const ESTATE_VERSION = 1;

/** Titles the error messages recognise (ajv reports the failing definition as `parentSchema`). */
export const SECRET_TITLE = 'secret reference';
export const VALUE_TITLE = 'value';
export const RESEED_TITLE = 're-seed value';
export const RETAIN_TITLE = 'retention count';

/**
 * Values a synth-time rule also checks, by the title of their definition:
 * a problem with one is reported with the rule's id and fix, so the estate
 * file says what the rule would (and says it at the value's line and column).
 */
export const RULED_VALUES: { readonly [title: string]: { readonly rule: string; readonly must: string; readonly fix: string } } = {
  [RESEED_TITLE]: {
    rule: 'SPX143',
    must: `a re-seed label (${RESEED.description}), { variable: NAME [, key: KEY] } or { env: NAME }`,
    fix: `${RESEED_FIX}, or { variable: reseed } to pass it in when Terraform applies (docs/estate.md, "Re-seeding from a pipeline")`,
  },
  [RETAIN_TITLE]: {
    rule: 'SPX143',
    must: `a whole number from 1 to ${MAX_RETAIN}, written as a number (the count goes into the scripts at synth, so not a reference)`,
    fix: RETAIN_FIX,
  },
};

/** Construct ids: letters, digits, `-` and `_` (they become Terraform names and paths). */
export const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/** Terraform variable and environment variable names. */
export const VARIABLE_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_-]*$';
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

type Schema = { readonly [keyword: string]: unknown };

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const described = (schema: Schema, description: string, extra: Schema = {}): Schema => ({ ...schema, description, ...extra });

/** A map of named entries (construct ids) to `item`. */
function namedMap(item: Schema, description: string, reserved: readonly string[] = []): Schema {
  return {
    type: 'object',
    description,
    propertyNames: reserved.length > 0
      ? { pattern: NAME_PATTERN, not: { enum: [...reserved] } }
      : { pattern: NAME_PATTERN },
    additionalProperties: item,
  };
}

/** Construct ids the library itself uses inside a distributed landscape. */
export const RESERVED_IN_DISTRIBUTED = ['master', 'topology', 'hostrc-hosts'];
/** Construct ids the library itself uses inside a landscape. */
export const RESERVED_IN_LANDSCAPE = ['primary', 'topology', 'hostrc-hosts', 'ready', 'deregister'];

const LANDSCAPE_PROPERTIES: { [name: string]: Schema } = {
  handle: described(ref('handle'), 'The landscape handle shared by all servers of the landscape (`l_handle`), e.g. "0x400000"'),
  primary: described(ref('server'), `The primary SpectroSERVER (precedence ${DEFAULTS.primaryPrecedence} unless given)`),
  secondaries: {
    type: 'array',
    description: `Secondary SpectroSERVERs, seeded from a savefile of the primary; precedences ${DEFAULTS.primaryPrecedence + DEFAULTS.precedenceStep}, `
      + `${DEFAULTS.primaryPrecedence + 2 * DEFAULTS.precedenceStep}, ... in order unless given. Default: none (not fault tolerant, warning SPX141)`,
    items: ref('secondary'),
  },
  standbyMode: described(ref('standbyMode'), `Warm or hot standby. Default: ${StandbyMode.WARM} (or the distributed landscape's)`),
  install: described(ref('install'), 'Installation settings, field by field over the distributed landscape\'s'),
  connection: described(ref('connection'), 'SSH connection defaults for every server of the landscape, field by field over the distributed landscape\'s'),
  backup: described({ enum: Object.values(BackupMethod) }, `How the primary's database is saved to seed the secondaries. Default: ${BackupMethod.SSDBSAVE}`, { default: BackupMethod.SSDBSAVE }),
  backupCommand: described({ type: 'string', minLength: 1 },
    'With backup COMMAND: a command run on the primary as the install owner, from $SPECROOT/SS, that writes the savefile named by $SPECTRUM_SAVEFILE'),
  planResource: described(ref('planResource'), `The resource type of the plan's steps. Default: ${PlanResource.NULL_RESOURCE} (or the distributed landscape's)`),
  reseed: described(ref('reseed'), 'Any new value re-runs this landscape\'s savefile, transfer and load steps and nothing else (docs/reseed.md); '
    + '{ variable: reseed } makes it a pipeline input (terraform apply -var reseed=...). Default: none (or the distributed landscape\'s)'),
  retain: described(ref('retain'), 'How many copies of each kind of file (savefiles, databases saved aside, .bak copies) every server keeps (docs/reseed.md). '
    + `Default: ${DEFAULTS.retain} (or the distributed landscape's)`),
  promotedFrom: described(ref('text'), 'The host that was this landscape\'s primary, in the change that promotes a secondary (docs/promotion.md): '
    + 'synth warns that applying it stops that host (SPX144) and fails when that host is not a secondary of the landscape. Remove it once deployed'),
};

/**
 * The JSON Schema (2020-12) of an estate file: distributed landscapes,
 * landscapes, SpectroSERVERs, OneClick servers and their install,
 * connection, standby, backup and policy settings, with the same names and
 * defaults as the constructs' props. Secrets are references only. The one
 * source of docs/estate.schema.json (a test keeps the file current) and of
 * `cdktf-spectrum schema estate`.
 */
export function estateSchema(): Schema {
  const policy = policySchema() as { properties: { rules: Schema; suppressions: Schema } };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ESTATE_SCHEMA_ID,
    title: 'cdktf-spectrum estate',
    description: 'A DX NetOps Spectrum estate as data, for SpectrumEstate.fromFile, `cdktf-spectrum validate` and `cdktf-spectrum synth`. '
      + 'Secrets (passwords, private keys) are never values in this file: they are references to Terraform variables.',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
      $schema: { type: 'string', description: 'URI of this schema, for editors' },
      version: { const: ESTATE_VERSION, description: 'Version of the estate format: 1' },
      stack: described({ type: 'string', pattern: NAME_PATTERN }, 'Name of the stack `cdktf-spectrum synth` writes. Default: the file name without its extension'),
      variables: namedMap(ref('variable'), 'Settings of the Terraform variables the references name (each is declared once, whether listed here or not)'),
      distributedLandscapes: namedMap(ref('distributedLandscape'), 'Distributed SpectroSERVER environments (DSS), by name'),
      landscapes: namedMap(ref('landscape'), 'Fault-tolerant landscapes outside any distributed landscape, by name'),
      policy: {
        type: 'object',
        description: 'Organisation policy applied to this estate: the rules and suppressions of a policy file (cdktf-spectrum schema policy)',
        additionalProperties: false,
        properties: { rules: policy.properties.rules, suppressions: policy.properties.suppressions },
      },
    },
    $defs: {
      variableReference: {
        title: VALUE_TITLE,
        type: 'object',
        description: 'A Terraform variable (declared once per name in the stack); with `key`, the entry of a map(string) variable',
        additionalProperties: false,
        required: ['variable'],
        properties: {
          variable: described({ type: 'string', pattern: VARIABLE_NAME_PATTERN }, 'Terraform variable name'),
          key: described({ type: 'string', minLength: 1 }, 'Key in a map(string) variable: lookup(var.NAME, "key")'),
        },
      },
      environmentReference: {
        type: 'object',
        description: 'An environment variable of the process that synthesizes, read at synth time (not for secrets)',
        additionalProperties: false,
        required: ['env'],
        properties: { env: described({ type: 'string', pattern: ENV_NAME_PATTERN }, 'Environment variable name') },
      },
      text: {
        title: VALUE_TITLE,
        description: 'A literal string, { variable: NAME [, key: KEY] } or { env: NAME }',
        anyOf: [{ type: 'string', minLength: 1 }, ref('variableReference'), ref('environmentReference')],
      },
      port: {
        title: VALUE_TITLE,
        description: 'A port number, { variable: NAME } or { env: NAME }',
        anyOf: [{ type: 'integer', minimum: 1, maximum: 65535 }, ref('variableReference'), ref('environmentReference')],
      },
      secret: {
        title: SECRET_TITLE,
        type: 'object',
        description: 'A secret is never written into the estate file: { variable: NAME } names a sensitive Terraform variable '
          + '(set it with TF_VAR_NAME or a .tfvars file kept out of version control)',
        additionalProperties: false,
        required: ['variable'],
        properties: {
          variable: described({ type: 'string', pattern: VARIABLE_NAME_PATTERN }, 'Terraform variable name (declared sensitive)'),
          key: described({ type: 'string', minLength: 1 }, 'Key in a map(string) variable'),
        },
      },
      variable: {
        type: 'object',
        description: 'Declaration settings of a Terraform variable; its type follows from its use',
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          default: described({ anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'object', additionalProperties: { type: 'string' } }] },
            'Default value (never for a variable a secret refers to)'),
          sensitive: described({ type: 'boolean' }, 'Mark the variable sensitive. Default: true when a secret refers to it, else false'),
        },
      },
      handle: {
        description: 'Hexadecimal with 0x (as the installer\'s l_handle) or a number; a multiple of 0x100000 in 0x100000..0xFFE00000 (SPX100)',
        anyOf: [{ type: 'string', pattern: '^(0x[0-9A-Fa-f]{1,8}|[0-9]{1,10})$' }, { type: 'integer', minimum: 0 }],
      },
      reseed: {
        title: RESEED_TITLE,
        description: `A re-seed label (${RESEED.description}; e.g. a date or a run id), { variable: NAME [, key: KEY] } or { env: NAME } (SPX143)`,
        anyOf: [{ type: 'string', pattern: RESEED_PATTERN.source }, ref('variableReference'), ref('environmentReference')],
      },
      retain: {
        title: RETAIN_TITLE,
        description: `A whole number from 1 to ${MAX_RETAIN}; the newest copy is never removed (SPX143)`,
        type: 'integer',
        minimum: 1,
        maximum: MAX_RETAIN,
      },
      standbyMode: { enum: Object.values(StandbyMode) },
      planResource: { enum: Object.values(PlanResource) },
      connection: {
        type: 'object',
        description: 'How Terraform reaches a host over SSH; set on a distributed landscape or landscape and overridden field by field per server',
        additionalProperties: false,
        properties: {
          user: described(ref('text'), `The user to log in as. Default: ${DEFAULTS.user}`),
          privateKey: described(ref('secret'), 'The private key\'s content: a reference to a sensitive variable (SPX150)'),
          privateKeyFile: described(ref('text'), 'Path of a private key file on the machine that runs Terraform'),
          agent: described({ type: 'boolean' }, 'Use the SSH agent of the machine that runs Terraform. Default: false', { default: false }),
          port: described(ref('port'), `SSH port. Default: ${DEFAULTS.port}`),
          hostKey: described(ref('text'), 'The host\'s public key, verified on connect. Default: not verified (warning SPX151)'),
          bastionHost: described(ref('text'), 'A bastion (jump) host to connect through'),
          bastionUser: described(ref('text'), 'User on the bastion host. Default: the connection\'s user'),
          bastionPort: described(ref('port'), 'SSH port of the bastion host. Default: the connection\'s port'),
          bastionHostKey: described(ref('text'), 'The bastion\'s public host key'),
          timeout: described({ type: 'string', pattern: '^[0-9]+(ms|s|m|h)$' }, `Connection timeout as Terraform writes durations. Default: ${DEFAULTS.timeout}`),
        },
      },
      install: {
        type: 'object',
        description: 'How Spectrum is installed; without mediaPath Spectrum is already installed and the plan only configures it',
        additionalProperties: false,
        properties: {
          mediaPath: described(ref('text'), 'Directory of the installation media on each host (holding sdic/sdiclinux.exe)'),
          installDir: described(ref('text'), `Installation directory ($SPECROOT). Default: ${DEFAULTS.installDir}`),
          owner: described(ref('text'), `The OS user Spectrum is installed and run as (one per DSS, SPX130). Default: ${DEFAULTS.owner}`),
          ownerPassword: described(ref('secret'), 'The owner\'s password, required with mediaPath: a reference to a sensitive variable (SPX150)'),
          version: described({ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)*$' }, 'The Spectrum version on the media, e.g. 10.4.1'),
          excludeParts: described({ type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } }, 'Installer parts to leave out (exclude_parts)'),
          prepareHost: described({ type: 'boolean' },
            'Prepare each host before the install: OS packages, the owner, sudoers, SRAdmin (docs/host-preparation.md). Default: false'),
          osPackages: described({ type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$' } },
            'OS packages host preparation makes sure of. Default: the list of the host\'s distribution family'),
          sradminDir: described(ref('text'), 'Where host preparation installs SRAdmin. Default: /opt/CA/SRAdmin'),
          updates: described({
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['mediaPath', 'version'],
              properties: {
                mediaPath: described(ref('text'), 'Directory of the update media on each host (holding sdic/sdiclinux.exe)'),
                version: described({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }, 'The version the update installs, as Install-Tools/.history lists it, e.g. 10.4.1.1'),
              },
            },
          }, 'Update media applied after the base release, once each, in this order, skipped where .history lists their version; oldest first (SPX134; docs/upgrades.md)'),
        },
      },
      server: {
        type: 'object',
        description: 'A SpectroSERVER',
        additionalProperties: false,
        required: ['host'],
        properties: {
          host: described(ref('text'), 'Host name or IP address'),
          precedence: described({ type: 'integer', minimum: 1 }, 'Precedence in the landscape: the lowest is the primary'),
          connection: described(ref('connection'), 'Connection settings of this server, field by field over the landscape\'s'),
          vnmrc: {
            type: 'object',
            description: 'Extra .vnmrc keys of this server (e.g. wait_active: "yes" on a secondary, KB 191817)',
            additionalProperties: { type: 'string' },
          },
        },
      },
      secondary: {
        type: 'object',
        description: 'A secondary SpectroSERVER',
        additionalProperties: false,
        required: ['host'],
        properties: {
          name: described({ type: 'string', pattern: NAME_PATTERN, not: { enum: RESERVED_IN_LANDSCAPE } },
            'Construct id (default secondary, secondary-2, ...); give names when secondaries may be removed later'),
          host: { $ref: '#/$defs/server/properties/host' },
          precedence: { $ref: '#/$defs/server/properties/precedence' },
          connection: { $ref: '#/$defs/server/properties/connection' },
          vnmrc: { $ref: '#/$defs/server/properties/vnmrc' },
        },
      },
      oneClickServer: {
        type: 'object',
        description: 'A OneClick (console / web) server',
        additionalProperties: false,
        required: ['host'],
        properties: {
          host: described(ref('text'), 'Host name or IP address'),
          connection: described(ref('connection'), 'SSH connection settings, field by field over the landscape\'s'),
          install: described(ref('install'), 'Installation settings, field by field over the landscape\'s'),
          mainLocationServer: described(ref('text'), 'OneClick\'s main location server. Default: the master primary (or the landscape\'s primary); SPX171'),
          manageMainLocation: described({ type: 'boolean' },
            'Keep OneClick\'s main location server in $SPECROOT/LS/.locrc (the mainlocation step; docs/promotion.md). Default: true', { default: true }),
        },
      },
      landscapeOptions: {
        type: 'object',
        description: 'A fault-tolerant landscape of a distributed landscape',
        additionalProperties: false,
        required: ['handle', 'primary'],
        properties: LANDSCAPE_PROPERTIES,
      },
      landscape: {
        type: 'object',
        description: 'A fault-tolerant landscape: a primary and its secondaries sharing one handle',
        additionalProperties: false,
        required: ['handle', 'primary'],
        properties: {
          ...LANDSCAPE_PROPERTIES,
          mainLocationServer: described(ref('text'), 'The installer\'s main_loc_serv. Default: the landscape\'s primary'),
          oneClickServers: namedMap(ref('oneClickServer'), 'OneClick servers of this landscape, by name', RESERVED_IN_LANDSCAPE),
        },
      },
      distributedLandscape: {
        type: 'object',
        description: 'A distributed SpectroSERVER environment: a master landscape that maps the others (KB 9404)',
        additionalProperties: false,
        required: ['master'],
        properties: {
          master: described(ref('landscapeOptions'), 'The master landscape; its primary is every server\'s main location server'),
          landscapes: namedMap(ref('landscapeOptions'), 'The distributed landscapes, by name', RESERVED_IN_DISTRIBUTED),
          oneClickServers: namedMap(ref('oneClickServer'), 'OneClick servers, by name', RESERVED_IN_DISTRIBUTED),
          standbyMode: described(ref('standbyMode'), `Standby mode of member landscapes that set none. Default: ${StandbyMode.WARM}`),
          install: described(ref('install'), 'Installation settings of every member landscape (merged field by field)'),
          connection: described(ref('connection'), 'SSH connection defaults for every server (merged field by field)'),
          planResource: described(ref('planResource'), `The resource type of the plan's steps. Default: ${PlanResource.NULL_RESOURCE}`),
          reseed: described(ref('reseed'), 'Re-seeds every member landscape that sets no reseed of its own, each from its own primary, in parallel '
            + '(docs/reseed.md). Default: none'),
          retain: described(ref('retain'), `How many copies of each kind of file every server keeps, for member landscapes that set none. Default: ${DEFAULTS.retain}`),
        },
      },
    },
  };
}
