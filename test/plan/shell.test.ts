import { spawnSync } from 'child_process';
import { predicateDefinitions } from '../../lib/plan/script-predicates';
import { SCRIPT_PRELUDE_BASE, SCRIPT_TOKEN_HELPERS } from '../../lib/plan/script-prelude';
import { assign, assignLines, heredoc, literal, quote, safeName, ShellValue } from '../../lib/plan/shell';
import { checks, ValueKind } from '../../lib/plan/value-checks';

const evaluate = (script: string) => spawnSync('bash', ['-s'], { input: script, encoding: 'utf8' });
const anything: ValueKind = { name: 'any', description: 'anything', test: () => true, bashPredicate: 'is_anything' };
const nothing: ValueKind = { name: 'none', description: 'nothing', test: () => false, bashPredicate: 'is_nothing' };
/** A token as Terraform hands it to the script: its base64. */
const token = (value: string): ShellValue => ({ text: '${var.x}', isToken: true, encoded: Buffer.from(value, 'utf8').toString('base64') });
/** What a script has before its variables: prelude, token helpers and predicates. */
const preamble = (...predicates: string[]) => ['STEP=test', SCRIPT_PRELUDE_BASE, SCRIPT_TOKEN_HELPERS, predicateDefinitions(predicates),
  'is_anything() { return 0; }'].join('\n');

describe('shell.ts', () => {
  test.each([
    ["it's"], ['$(touch /tmp/x)'], ['`id`'], ['a b\tc'], ['"double"'], ["'''"], ['\\'], ['${HOME}'],
  ])('quote(%j) is one word that the shell gives back unchanged', value => {
    expect(evaluate(`printf %s ${quote(value)}`).stdout).toBe(value);
  });

  test('assign writes a literal that passes its check', () => {
    expect(assign('HOST', literal('ss-1'), anything)).toBe("HOST='ss-1'");
  });

  test('assign refuses (at run time, without the value) a literal that fails its check', () => {
    const statement = assign('HOST', literal('x;rm -rf /'), nothing);
    expect(statement).not.toContain('rm -rf');
    const result = evaluate(`${statement}\necho reached`);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('reached');
    expect(result.stderr).toContain('HOST was rejected at synth time (not nothing)');
  });

  test('assign refuses multi-line literals', () => {
    expect(assign('V', literal('a\nb'), anything)).toContain('must be single-line');
  });

  test.each([
    ['$(echo injected) `id` ${X}'],
    ["it's \"quoted\""],
    ['line one\nCDKTF_SPECTRUM_VALUE\ntouch /tmp/pwned\nCDKTF_SPECTRUM_SCRIPT\nid'],
    ['trailing newlines\n\n'],
    ['x'.repeat(100_000)],
  ])('a token reaches the script as base64 and comes out byte for byte (%#)', value => {
    const statement = assign('V', token(value), anything);
    // The script text holds base64 only: nothing of the value can end a quote or a here-document.
    expect(statement).not.toContain(value.slice(0, 20));
    const result = evaluate(`${preamble()}\n${statement}\nprintf %s "$V"`);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(value);
  });

  test('a token is re-checked by its kind before the script goes on, and its value is named, not run', () => {
    const result = evaluate(`${preamble('is_host')}\n${assign('HOST', token('ss-1;touch /tmp/x'), checks.host)}\necho reached`);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('reached');
    expect(result.stderr).toContain('HOST is ss-1\\;touch\\ /tmp/x, which is not a host name or IP address (SPX120)');
  });

  test('a token with a NUL byte is refused', () => {
    const result = evaluate(`${preamble()}\n${assign('V', token('a\0b'), anything)}\necho reached`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('holds a NUL byte');
  });

  test('assignLines joins literal and token lines and re-checks every line of a token', () => {
    const good = evaluate(`${preamble('is_host')}\n${assignLines('HOSTS', [literal('ss-1'), token('ss-2\nss-3')], checks.host)}\nprintf %s "$HOSTS"`);
    expect(good.stdout).toBe('ss-1\nss-2\nss-3\n');
    const bad = evaluate(`${preamble('is_host')}\n${assignLines('HOSTS', [token('ss-2\n$(id)')], checks.host)}\necho reached`);
    expect(bad.status).toBe(1);
    expect(bad.stdout).not.toContain('reached');
    expect(assignLines('HOSTS', [literal('bad host')], checks.host)).toContain('was rejected at synth time');
  });

  test('assign rejects a variable name that is not an identifier', () => {
    expect(() => assign('bad name', literal('x'), anything)).toThrow(/not a shell variable name/);
    expect(() => assign('V', { text: '${var.x}', isToken: true }, anything)).toThrow(/has no base64 form/);
  });

  test('heredoc writes its lines literally and refuses a line that would end it early', () => {
    expect(evaluate(heredoc('cat', 'END', ['$HOME', '`id`'])).stdout).toBe('$HOME\n`id`\n');
    expect(heredoc('cat', 'END', ['END'])).toContain('was rejected');
  });

  test('safeName keeps only safe characters', () => {
    expect(safeName('app/Stack/East Primary')).toBe('app-stack-east-primary');
    expect(safeName('///')).toBe('x');
  });
});
