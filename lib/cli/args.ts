import { usage } from './errors';
import { EstateCommand, parseEstateCommand } from './estate-args';
import { Format, formatOption, once, OptionReader } from './option-reader';

export { FORMATS } from './option-reader';
export type { Format } from './option-reader';

/** The published JSON Schemas `schema` prints. */
export const SCHEMAS = ['estate', 'policy', 'report'] as const;
export type SchemaName = typeof SCHEMAS[number];

export type Command =
  | {
    readonly command: 'check';
    readonly directories: string[];
    readonly format: Format;
    readonly policy?: string;
    readonly baseline?: string[];
    readonly output?: string;
    readonly varFiles?: string[];
  }
  | EstateCommand
  | { readonly command: 'schema'; readonly schema: SchemaName; readonly output?: string }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export const HELP = `Usage: cdktf-spectrum check [DIR...] [options]
       cdktf-spectrum validate FILE... [--format FORMAT] [--policy FILE] [--var-file FILE] [--output FILE]
       cdktf-spectrum synth FILE --out DIR
       cdktf-spectrum import ansible INVENTORY [--out FILE]
       cdktf-spectrum schema estate|policy|report [--output FILE]

Checks the DX NetOps Spectrum estate of a synthesized CDK for Terraform app:
rebuilds the topology from every stack's cdk.tf.json (never from TypeScript),
runs every rule across all stacks together, and reports findings, the
landscapes and, with --baseline, the changes that reinstall or reload servers.

Arguments:
  DIR                      synth output directory (default: cdktf.out); several are read together

Options:
  -f, --format FORMAT      text (default), json, sarif, markdown or github
  -p, --policy FILE        organisation policy (JSON or YAML; schema: cdktf-spectrum schema policy)
  -b, --baseline DIR       an earlier synth to compare with (repeat for several directories)
  -o, --output FILE        write the report to FILE instead of standard output
      --var-file FILE      Terraform variable values (tfvars JSON; repeat for several, later ones win): the
                           rules check the real hosts, paths and users instead of noting the expressions

Estate files (YAML or JSON; schema: cdktf-spectrum schema estate):
  validate FILE...         the schema and every rule, without synthesizing; same formats and exit codes as check
  synth FILE --out DIR     synthesize the estate as 'cdktf synth' does (one stack, named by the file's 'stack')
  import ansible INVENTORY convert a Spectrum_playbooks inventory into an estate file (--out FILE, else
                           standard output); what it drops or does not understand is listed on standard error
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 clean or warnings only, 1 errors, 2 unusable input.
`;

/** Parses the command line (without `node` and the script). Throws UnusableInputError on misuse. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw usage('no command given: use cdktf-spectrum check [DIR]');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'schema') return parseSchema(rest);
  if (command === 'validate' || command === 'synth' || command === 'import') return parseEstateCommand(command, rest);
  if (command !== 'check') throw usage(`unknown command '${command}'`);

  const directories: string[] = [];
  const baseline: string[] = [];
  const varFiles: string[] = [];
  let format: Format = 'text';
  let policy: string | undefined;
  let output: string | undefined;
  const options = new OptionReader(rest);
  while (options.more()) {
    const { name, value } = options.next();
    switch (name) {
      case undefined: if (value !== undefined) directories.push(value); break;
      case '-h': case '--help': return { command: 'help' };
      case '-f': case '--format': format = formatOption(options.value(name, value)); break;
      case '-p': case '--policy': policy = once(name, policy, options.value(name, value)); break;
      case '-b': case '--baseline': baseline.push(options.value(name, value)); break;
      case '-o': case '--output': output = once(name, output, options.value(name, value)); break;
      case '--var-file': varFiles.push(options.value(name, value)); break;
      default: throw usage(`unknown option ${name}`);
    }
  }
  return {
    command: 'check',
    directories: directories.length > 0 ? directories : ['cdktf.out'],
    format,
    ...(policy !== undefined ? { policy } : {}),
    ...(baseline.length > 0 ? { baseline } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(varFiles.length > 0 ? { varFiles } : {}),
  };
}

function parseSchema(rest: readonly string[]): Command {
  let schema: SchemaName | undefined;
  let output: string | undefined;
  const options = new OptionReader(rest);
  while (options.more()) {
    const { name, value } = options.next();
    if (name === undefined) {
      if (value === undefined) continue;
      if (schema !== undefined || !(SCHEMAS as readonly string[]).includes(value!)) throw usage(`cdktf-spectrum schema takes one of ${SCHEMAS.join(', ')}`);
      schema = value as SchemaName;
    } else if (name === '-o' || name === '--output') {
      output = once(name, output, options.value(name, value));
    } else {
      throw usage(`unknown option ${name}`);
    }
  }
  if (schema === undefined) throw usage(`cdktf-spectrum schema takes one of ${SCHEMAS.join(', ')}`);
  return { command: 'schema', schema, ...(output !== undefined ? { output } : {}) };
}
