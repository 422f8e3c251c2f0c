import { Fn, Token } from './cdktf-bridge';
import { MaybeToken } from '../model/topology';
import { ShellValue } from '../plan/shell';

/**
 * `base64encode(<token>)`, one token per distinct value: every token cdktf
 * makes costs a captured stack trace, and a large estate reuses few values.
 * Scripts receive tokens only in this form (lib/plan/shell.ts says why).
 */
const encodedTokens = new Map<string, string>();
export function base64Of(tokenText: string): string {
  let encoded = encodedTokens.get(tokenText);
  if (encoded === undefined) {
    encoded = Fn.base64encode(tokenText);
    encodedTokens.set(tokenText, encoded);
  }
  return encoded;
}

/** A token as the pure layers see it. */
export function tokenValue(text: string): ShellValue & MaybeToken {
  return { text, isToken: true, encoded: base64Of(text) };
}

/** A string or number the user gave, as the pure layers see it. */
export function valueOf(value: string | number): ShellValue & MaybeToken {
  if (typeof value === 'number') {
    return Token.isUnresolved(value) ? tokenValue(Token.asString(value)) : { text: String(value), isToken: false };
  }
  return Token.isUnresolved(value) ? tokenValue(value) : { text: value, isToken: false };
}

/** `valueOf` for optional values. */
export function optionalValueOf(value: string | number | undefined): (ShellValue & MaybeToken) | undefined {
  return value === undefined ? undefined : valueOf(value);
}

/**
 * A value as the rules see it (`{ text, isToken }` only): for facts written
 * into the topology metadata, which need no base64 form of a token.
 */
export function factOf(value: string | number | undefined): MaybeToken | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    return Token.isUnresolved(value) ? { text: Token.asString(value), isToken: true } : { text: String(value), isToken: false };
  }
  return { text: value, isToken: Token.isUnresolved(value) };
}

/** True when `value` is a literal written in code (not a token). */
export function isLiteral(value: string | undefined): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}
