import { PlanStep, SshTarget, StepInput, StepKind } from './plan-step';
import { predicateDefinitions, SCRIPT_PREDICATES } from './script-predicates';
import { SCRIPT_PRELUDE_BASE, SCRIPT_PRELUDE_REMOTE, SCRIPT_TOKEN_HELPERS } from './script-prelude';
import { assign, assignLines, literal, quote, ShellValue } from './shell';
import { checks, ValueKind } from './value-checks';

/** Options of a trigger input whose trigger value differs from the script value. */
export interface InputOptions {
  /**
   * What goes into the trigger instead of the value itself, e.g. a digest of
   * a long host list (the trigger must change exactly when the value does).
   */
  readonly trigger?: StepInput;
}

/** `SPECROOT` -> `specroot`, `MAIN_LOC_SERV` -> `mainLocServ`: the trigger key of a script variable. */
export function triggerKeyOf(variable: string): string {
  return variable.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Builds a step's script and its trigger inputs from the same declarations:
 * a script variable declared with `input` is validated, quoted (shell.ts) and
 * recorded as a trigger input, so a step re-runs exactly when a value its
 * script uses changes, and the two lists cannot drift apart. Library
 * constants (`constant`) are the same on every deploy and are not inputs.
 * For remote steps, the target host is an input too: a step re-runs when it
 * would run somewhere else.
 */
export class StepScript {
  private readonly declarations: string[] = [];
  private readonly bodies: string[] = [];
  private readonly triggerInputs: { [name: string]: StepInput } = {};

  constructor(public readonly kind: StepKind) {}

  /** A script variable the step depends on. */
  public input(name: string, value: ShellValue, kind: ValueKind, options: InputOptions = {}): this {
    this.declarations.push(assign(name, value, kind));
    this.record(name, options.trigger ?? value);
    return this;
  }

  /**
   * A script variable that says how to reach a host, not what the step does
   * (user, port, keys, host keys, bastion): validated and quoted like an
   * input, but not a trigger input, as changes to Terraform's `connection`
   * block re-run no step either. Also housekeeping (how many old copies
   * retention keeps): re-running a savefile for it would stop the primary.
   */
  public setting(name: string, value: ShellValue, kind: ValueKind): this {
    this.declarations.push(assign(name, value, kind));
    return this;
  }

  /**
   * A script variable whose changes deliberately do NOT re-run this step,
   * because another step owns them (the install step's media and updates: a
   * change of those is an upgrade, which the upgrade step applies in the
   * rolling order). `owner` says which, as a comment in the script.
   */
  public untriggered(name: string, value: ShellValue, kind: ValueKind, owner: string): this {
    if (/[\r\n]/.test(owner)) throw new Error('cdktf-spectrum internal error: a one-line reason expected');
    this.declarations.push(`# ${name} does not re-run this step: ${owner}`, assign(name, value, kind));
    return this;
  }

  /** A script variable holding lines of `kind` (literal lines and/or tokens that expand to lines). */
  public lines(name: string, values: readonly ShellValue[], kind: ValueKind, options: InputOptions = {}): this {
    this.declarations.push(assignLines(name, values, kind));
    this.record(name, options.trigger ?? (values.length === 1 ? values[0] : literal(JSON.stringify(values.map(v => v.text)))));
    return this;
  }

  /** A constant of the library (a file name, a marker line): not a trigger input. */
  public constant(name: string, text: string): this {
    this.declarations.push(assign(name, literal(text), checks.singleLine));
    return this;
  }

  /** A trigger input that no script variable carries (e.g. which product an install adds). */
  public trigger(name: string, value: StepInput): this {
    this.record(name, value);
    return this;
  }

  /** Script text, after the declarations and the preludes. */
  public body(text: string): this {
    this.bodies.push(text);
    return this;
  }

  /** The step, run on `target` over SSH. */
  public remote(target: SshTarget, extra: { readonly secret?: string; readonly stage?: string } = {}): PlanStep {
    this.record('host', target.host);
    return {
      kind: this.kind,
      runsOn: 'remote',
      target,
      script: this.render(SCRIPT_PRELUDE_REMOTE),
      inputs: { ...this.triggerInputs },
      ...extra,
    };
  }

  /** The step, run on the machine that runs Terraform, reaching `peers`. */
  public local(target: SshTarget, peers: { readonly [role: string]: SshTarget }): PlanStep {
    return { kind: this.kind, runsOn: 'local', target, peers, script: this.render(''), inputs: { ...this.triggerInputs } };
  }

  /**
   * STEP, the base prelude, the token helpers and the value predicates the
   * script calls (only those: every step's script is written into the plan
   * once per server), the declarations, the remote prelude, the body.
   */
  private render(prelude: string): string {
    const code = [...this.declarations, prelude, ...this.bodies].join('\n');
    const predicates = new Set((code.match(/\bis_[a-z0-9_]+\b/g) ?? []).filter(name => name in SCRIPT_PREDICATES));
    return [
      `STEP=${quote(this.kind)}`,
      SCRIPT_PRELUDE_BASE,
      /\b(decode_value|require_value|require_lines)\b/.test(code) ? SCRIPT_TOKEN_HELPERS : '',
      predicateDefinitions(predicates),
      ...this.declarations,
      prelude,
      ...this.bodies,
    ].filter(part => part !== '').join('\n');
  }

  private record(name: string, value: StepInput): void {
    const key = triggerKeyOf(name);
    const known = this.triggerInputs[key];
    if (known && (known.text !== value.text || known.isToken !== value.isToken)) {
      throw new Error(`cdktf-spectrum internal error: trigger input '${key}' of the ${this.kind} step declared twice with different values`);
    }
    this.triggerInputs[key] = value;
  }
}
