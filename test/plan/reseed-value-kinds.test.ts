/**
 * The two value kinds of re-seed and retention accept the same values in
 * TypeScript (synth time) and in bash (a Terraform variable's value, checked
 * by the script at apply time).
 */
import { spawnSync } from 'child_process';
import { predicateDefinitions } from '../../lib/plan/script-predicates';
import { checks, ValueKind } from '../../lib/plan/value-checks';

function bashAccepts(kind: ValueKind, values: readonly string[]): boolean[] {
  const script = `${predicateDefinitions([kind.bashPredicate])}\nwhile IFS= read -r -d '' v; do if ${kind.bashPredicate} "$v"; then echo 1; else echo 0; fi; done`;
  const result = spawnSync('bash', ['-c', script], { input: values.map(v => `${v}\0`).join(''), encoding: 'utf8', env: { ...process.env, LC_ALL: 'en_US.UTF-8' } });
  return result.stdout.trim().split('\n').map(line => line === '1');
}

const corpus: { [name: string]: readonly string[] } = {
  reseedLabel: ['', '2026-12-01', 'nightly run 4711/a+b@c:d_e.f', 'x'.repeat(128), 'x'.repeat(129), 'a;b', '$(id)', 'a\nb', 'a\rb', 'é', 'a\tb', '`x`', "'", '"'],
  count: ['1', '3', '999999', '1000000', '0', '01', '-1', '2.5', '', ' 3', '3\n', '１'],
};

test.each(Object.keys(corpus))('%s: bash and TypeScript agree on every value of the corpus', name => {
  const kind = (checks as unknown as { [k: string]: ValueKind })[name];
  const values = corpus[name];
  const expected = values.map(v => kind.test(v));
  expect(expected).toContain(true);
  expect(expected).toContain(false);
  expect(bashAccepts(kind, values)).toEqual(expected);
});
