/**
 * Size of one legacy landscape-handle step: legacy handles keep the lower 20
 * bits zero (KB 49367, KB 9905; docs/spectrum-facts.md).
 */
const LEGACY_HANDLE_STEP = 0x100000;
/** The "landscape number" is LH / 0x40000 (KB 9905: 16 -> 0x400000). */
const LANDSCAPE_NUMBER_UNIT = 0x40000;
const MIN_LEGACY_HANDLE = 0x100000;
const MAX_LEGACY_HANDLE = 0xffe00000;

/**
 * A SpectroSERVER landscape handle (LH).
 *
 * Creating a handle never throws: an out-of-range or malformed handle is
 * reported by rule SPX100 at synth time, together with every other problem
 * of the topology.
 *
 * @example
 * LandscapeHandle.of(0x400000);
 * LandscapeHandle.parse('0x400000');
 * LandscapeHandle.fromLandscapeNumber(16); // 0x400000
 */
export class LandscapeHandle {
  /** A handle from its numeric value, e.g. `0x400000`. */
  public static of(value: number): LandscapeHandle {
    return new LandscapeHandle(value, undefined);
  }

  /**
   * A handle from its text form: hexadecimal with `0x` (as the installer's
   * `l_handle` takes it) or decimal.
   */
  public static parse(text: string): LandscapeHandle {
    const trimmed = String(text).trim();
    let value = Number.NaN;
    if (/^0x[0-9a-f]{1,8}$/i.test(trimmed)) {
      value = parseInt(trimmed.slice(2), 16);
    } else if (/^[0-9]{1,10}$/.test(trimmed)) {
      value = parseInt(trimmed, 10);
    }
    return new LandscapeHandle(value, String(text));
  }

  /** A handle from its landscape number (LH / 0x40000), e.g. 16 gives 0x400000. */
  public static fromLandscapeNumber(landscapeNumber: number): LandscapeHandle {
    return new LandscapeHandle(landscapeNumber * LANDSCAPE_NUMBER_UNIT, undefined);
  }

  /** The numeric value; NaN when the handle was parsed from malformed text. */
  public readonly value: number;

  /** LH / 0x40000, a multiple of 4 from 4 to 16376 for legacy handles. */
  public readonly landscapeNumber: number;

  /** The text the handle was parsed from, when it came from `parse`. */
  public readonly sourceText?: string;

  private constructor(value: number, sourceText: string | undefined) {
    this.value = value;
    this.landscapeNumber = value / LANDSCAPE_NUMBER_UNIT;
    this.sourceText = sourceText;
  }

  /** Whether this is a legal legacy handle (a multiple of 0x100000 in 0x100000..0xFFE00000). */
  public get isValid(): boolean {
    return isLegacyHandle(this.value);
  }

  /** `0x400000`: the form the installer's `l_handle` and Spectrum's messages use. */
  public toString(): string {
    if (!Number.isFinite(this.value)) {
      return this.sourceText ?? String(this.value);
    }
    if (!Number.isInteger(this.value) || this.value < 0) {
      return String(this.value);
    }
    return `0x${this.value.toString(16)}`;
  }
}

/** Whether `value` is a legal legacy handle. Internal: rules and the CLI use it on raw numbers. */
export function isLegacyHandle(value: number): boolean {
  return Number.isInteger(value)
    && value >= MIN_LEGACY_HANDLE
    && value <= MAX_LEGACY_HANDLE
    && value % LEGACY_HANDLE_STEP === 0;
}

/** Bounds of legacy handles, for messages and rules. */
export const LEGACY_HANDLES = {
  step: LEGACY_HANDLE_STEP,
  min: MIN_LEGACY_HANDLE,
  max: MAX_LEGACY_HANDLE,
  /** 0x100000..0xFFE00000 in steps of 0x100000. */
  count: (MAX_LEGACY_HANDLE - MIN_LEGACY_HANDLE) / LEGACY_HANDLE_STEP + 1,
} as const;
