import { expectFinding, problems, single, validTopology } from './helpers';
import { tok, topology } from './topology-builder';
import { SPX144 } from '../../lib/rules/spx144-promotion';

describe('SPX144 promotion', () => {
  test('no promotion declared: nothing', () => {
    expect(problems(SPX144, validTopology())).toEqual([]);
  });

  test('the former primary is a secondary now: a warning that applying it stops that host', () => {
    const t = topology().landscape('east', {
      primary: { host: 'ss-2' }, secondaries: [{ host: 'SS-1', precedence: 20 }], promotedFrom: 'ss-1',
    }).build();
    expectFinding(single(SPX144.check(t)), SPX144, {
      severity: 'warning',
      path: 'app/east',
      message: ['promotes \'ss-2\' to primary (precedence 10)', 'stops the former primary \'ss-1\' (KB 49550)', 'as a secondary (precedence 20)'],
      fix: 'then remove promotedFrom',
    });
  });

  test('the former primary left the landscape: an error, the plan could not stop it', () => {
    const t = topology().landscape('east', { primary: { host: 'ss-2' }, secondaries: [{ host: 'ss-3' }], promotedFrom: 'ss-1' }).build();
    expectFinding(single(SPX144.check(t)), SPX144, {
      severity: 'error', path: 'app/east', message: ['the former primary \'ss-1\' is not a secondary of the landscape'], fix: 'keep it as a secondary',
    });
  });

  test('promotedFrom names the current primary: an error, nothing is promoted', () => {
    const t = topology().landscape('east', { primary: { host: 'ss-1' }, promotedFrom: 'ss-1' }).build();
    expectFinding(single(SPX144.check(t)), SPX144, {
      severity: 'error', path: 'app/east', message: ['promotedFrom \'ss-1\' is the current primary'], fix: 'swap the primary with the secondary',
    });
  });

  test('tokens: the same expression matches; an unknown one is an info note', () => {
    const same = topology().landscape('east', {
      primary: { host: tok('var.b') }, secondaries: [{ host: tok('var.a') }], promotedFrom: tok('var.a'),
    }).build();
    expect(single(SPX144.check(same)).severity).toBe('warning');
    const unknown = topology().landscape('east', { primary: { host: tok('var.b') }, secondaries: [{ host: tok('var.a') }], promotedFrom: tok('var.c') }).build();
    expect(single(SPX144.check(unknown)).severity).toBe('info');
  });
});
