import { Token } from './cdktf-bridge';
import { MaybeToken } from '../model/topology';
import { ShellValue } from '../plan/shell';

/** A string or number the user gave, as the pure layers see it. */
export function valueOf(value: string | number): ShellValue & MaybeToken {
  if (typeof value === 'number') {
    return Token.isUnresolved(value)
      ? { text: Token.asString(value), isToken: true }
      : { text: String(value), isToken: false };
  }
  return { text: value, isToken: Token.isUnresolved(value) };
}

/** `valueOf` for optional values. */
export function optionalValueOf(value: string | number | undefined): (ShellValue & MaybeToken) | undefined {
  return value === undefined ? undefined : valueOf(value);
}

/** True when `value` is a literal written in code (not a token). */
export function isLiteral(value: string | undefined): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}
