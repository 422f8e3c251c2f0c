import { tok, topology } from './topology-builder';
import { Finding, formatFinding, Severity } from '../../lib/model/finding';
import { Topology } from '../../lib/model/topology';
import { Rule } from '../../lib/rules/rule';

/** A valid estate using every feature: a standalone landscape, a DSS with a OneClick server, HOT standby, installs from media, a bastion. */
export function validTopology(): Topology {
  return topology()
    .landscape('solo', { standbyMode: 'HOT', primary: { vnmrc: { secondary_polling: 'yes', vnm_message_timeout: '180000' } } })
    .landscape('media', {
      install: { mediaPath: { text: '/mnt/spectrum-10.4.1', isToken: false }, hasOwnerPassword: true, version: '10.4.1' },
      connection: { bastionHost: { text: 'jump.example.com', isToken: false }, bastionHasHostKey: true },
      secondaries: [{}, {}],
    })
    .landscape('commands', { backup: 'COMMAND', hasBackupCommand: true })
    .distributed('estate', d => d
      .master('east', { install: { version: '10.4.1' } })
      .landscape('west', { install: { version: '10.4.1' } })
      .oneClick('console', { install: { version: '10.4.1' } }))
    .inStack('other')
    .landscape('tokens', { primary: { host: tok('aws_instance.a.private_ip') }, secondaries: [{ host: tok('aws_instance.b.private_ip') }] })
    .build();
}

/** The findings of `rule` other than info notes. */
export function problems(rule: Rule, t: Topology): Finding[] {
  return rule.check(t).filter(f => f.severity !== 'info');
}

export interface Expected {
  readonly severity: Severity;
  readonly path: string;
  /** Substrings of the message (the element, the offending value). */
  readonly message: readonly string[];
  /** A substring of the fix. */
  readonly fix: string;
}

/** Asserts `finding` is from `rule` and matches `expected`; also checks the rendered form. */
export function expectFinding(finding: Finding | undefined, rule: Rule, expected: Expected): void {
  expect(finding).toBeDefined();
  const f = finding!;
  expect(f.ruleId).toBe(rule.id);
  expect(f.severity).toBe(expected.severity);
  expect(f.path).toBe(expected.path);
  for (const part of expected.message) expect(f.message).toContain(part);
  expect(f.fix).toContain(expected.fix);
  expect(formatFinding(f)).toBe(`[${rule.id}] ${f.message}; ${f.fix}`);
  expect(f.message).not.toMatch(/[\r\n]/);
}

/** The one finding of `findings`. */
export function single(findings: readonly Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0];
}
