import { Rule } from './rule';
import { Problem, quoted, settingFindings } from './support';
import { Finding } from '../model/finding';
import { ConnectionFacts, MaybeToken, Topology } from '../model/topology';
import { ValueKind } from '../model/value-kinds';

/** One problem of a connection value: what is wrong, and how to fix it. */
export type ConnectionProblem = Problem;

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
    return { message: `${what} ${quoted(given.text)} is not ${kind.description}`, fix };
  };
}

/**
 * Runs `checks` on the effective connection of every SpectroSERVER and
 * OneClick server (support.ts `settingFindings`).
 */
export function connectionFindings(rule: Rule, topology: Topology, checks: readonly ConnectionCheck[]): Finding[] {
  return settingFindings(rule, topology, element => element.connection, checks);
}
