import { findingOf, Rule } from './rule';
import { oneClickLabel, perLandscapeOrServer, quote } from './support';
import { Finding } from '../model/finding';
import { ConnectionFacts, Located, MaybeToken, Topology } from '../model/topology';
import { ValueKind } from '../model/value-kinds';

/** One problem of a connection value: what is wrong, and how to fix it. */
export interface ConnectionProblem {
  readonly message: string;
  readonly fix: string;
}

/** A check of one connection value; undefined when it is fine, absent or a token. */
export type ConnectionCheck = (connection: ConnectionFacts) => ConnectionProblem | undefined;

/**
 * A check that `value(connection)`, when it is a literal, is of `kind`:
 * `<what> '<value>' is not <kind.description>`. Tokens are left to the
 * scripts, which check them with the same kind at apply time.
 */
export function literalOfKind(
  what: string, value: (connection: ConnectionFacts) => MaybeToken | undefined, kind: ValueKind, fix: string,
): ConnectionCheck {
  return connection => {
    const given = value(connection);
    if (given === undefined || given.isToken || kind.test(given.text)) return undefined;
    return { message: `${what} ${quote(given.text)} is not ${kind.description}`, fix };
  };
}

/**
 * Runs `checks` on the effective connection of every SpectroSERVER and
 * OneClick server: one finding per check and element, and one for the
 * landscape when all its servers share the problem (a connection set once
 * for the landscape).
 */
export function connectionFindings(rule: Rule, topology: Topology, checks: readonly ConnectionCheck[]): Finding[] {
  const findings: Finding[] = [];
  const report = (element: Located, subject: string, problem: ConnectionProblem): void => {
    findings.push(findingOf(rule, element, `${subject}: ${problem.message}`, problem.fix));
  };
  for (const check of checks) {
    for (const landscape of topology.landscapes) {
      for (const placed of perLandscapeOrServer(landscape, s => check(s.connection), p => p.message)) {
        report(placed.element, placed.subject, placed.problem);
      }
    }
    for (const oneClick of topology.oneClicks) {
      const problem = check(oneClick.connection);
      if (problem) report(oneClick, oneClickLabel(oneClick), problem);
    }
  }
  return findings;
}
