import { usage } from './errors';
import { Format, formatOption, once, OptionReader } from './option-reader';

/** The commands on estate files: validate, synth and import. */
export type EstateCommand =
  | {
    readonly command: 'validate';
    readonly files: string[];
    readonly format: Format;
    readonly policy?: string;
    readonly output?: string;
    readonly varFiles?: string[];
  }
  | { readonly command: 'synth'; readonly file: string; readonly out: string }
  | { readonly command: 'import'; readonly inventory: string; readonly output?: string };

/** Parses the arguments of `validate`, `synth` or `import` (after the command). */
export function parseEstateCommand(command: 'validate' | 'synth' | 'import', rest: readonly string[]): EstateCommand | { readonly command: 'help' } {
  const positional: string[] = [];
  let format: Format = 'text';
  let policy: string | undefined;
  let output: string | undefined;
  const varFiles: string[] = [];
  const options = new OptionReader(rest);
  while (options.more()) {
    const { name, value } = options.next();
    if (name === undefined) {
      if (value !== undefined) positional.push(value);
      continue;
    }
    if (name === '-h' || name === '--help') return { command: 'help' };
    if (command === 'validate' && (name === '-f' || name === '--format')) format = formatOption(options.value(name, value));
    else if (command === 'validate' && (name === '-p' || name === '--policy')) policy = once(name, policy, options.value(name, value));
    else if (command === 'validate' && name === '--var-file') varFiles.push(options.value(name, value));
    else if (name === '-o' || name === '--output' || (command !== 'validate' && name === '--out')) output = once(name, output, options.value(name, value));
    else throw usage(`unknown option ${name} of cdktf-spectrum ${command}`);
  }
  switch (command) {
    case 'validate':
      if (positional.length === 0) throw usage('cdktf-spectrum validate needs at least one estate file');
      return {
        command,
        files: positional,
        format,
        ...(policy !== undefined ? { policy } : {}),
        ...(output !== undefined ? { output } : {}),
        ...(varFiles.length > 0 ? { varFiles } : {}),
      };
    case 'synth':
      if (positional.length !== 1) throw usage('cdktf-spectrum synth takes one estate file');
      if (output === undefined) throw usage('cdktf-spectrum synth needs --out DIR (the directory to write the stacks to, e.g. cdktf.out)');
      return { command, file: positional[0], out: output };
    case 'import':
      if (positional[0] !== 'ansible' || positional.length !== 2) throw usage('use cdktf-spectrum import ansible INVENTORY [--out FILE]');
      return { command, inventory: positional[1], ...(output !== undefined ? { output } : {}) };
  }
}
