/**
 * Measures of text shared by the value predicates, defined the way the
 * generated scripts see values: as UTF-8 bytes (Terraform strings are UTF-8,
 * and the scripts' checks run with `LC_ALL=C`, one byte per character).
 * Pure.
 *
 * Internal (not part of the jsii API).
 */

/** Length of `text` in UTF-8 bytes; a lone surrogate counts as U+FFFD (3 bytes), as encoders write it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length
      && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/** ASCII control characters (`[[:cntrl:]]` in the C locale): U+0000..U+001F and U+007F. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Whether `text` holds an ASCII control character (line breaks, tab, NUL, escape, ...). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Whether `text` holds a line break (CR or LF) or NUL. */
export function hasLineBreakOrNul(text: string): boolean {
  return /[\r\n\0]/.test(text);
}
