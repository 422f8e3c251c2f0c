import { spawnSync } from 'child_process';
import { assign, heredoc, literal, quote, safeName } from '../../lib/plan/shell';

const evaluate = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8' });

describe('shell.ts', () => {
  test.each([
    ["it's"], ['$(touch /tmp/x)'], ['`id`'], ['a b\tc'], ['"double"'], ["'''"], ['\\'], ['${HOME}'],
  ])('quote(%j) is one word that the shell gives back unchanged', value => {
    expect(evaluate(`printf %s ${quote(value)}`).stdout).toBe(value);
  });

  test('assign writes a literal that passes its check', () => {
    expect(assign('HOST', literal('ss-1'), () => true)).toBe("HOST='ss-1'");
  });

  test('assign refuses (at run time, without the value) a literal that fails its check', () => {
    const statement = assign('HOST', literal('x;rm -rf /'), () => false, 'not a host');
    expect(statement).not.toContain('rm -rf');
    const result = evaluate(`${statement}\necho reached`);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('reached');
    expect(result.stderr).toContain('HOST was rejected at synth time (not a host)');
  });

  test('assign refuses multi-line literals', () => {
    expect(assign('V', literal('a\nb'))).toContain('must be single-line');
  });

  test('assign passes a token through a quoted here-document that the shell does not interpret', () => {
    const statement = assign('HOST', { text: '$(echo injected) `id` ${X}', isToken: true });
    const result = evaluate(`${statement}\nprintf %s "$HOST"`);
    expect(result.stdout).toBe('$(echo injected) `id` ${X}');
  });

  test('assign rejects a variable name that is not an identifier', () => {
    expect(() => assign('bad name', literal('x'))).toThrow(/not a shell variable name/);
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
