/**
 * How a secondary SpectroSERVER waits for its turn (seed document, KB 9404).
 */
export enum StandbyMode {
  /** The secondary polls only when it takes over. Spectrum's default. */
  WARM = 'WARM',
  /**
   * The secondary polls all models all the time: `secondary_polling=yes` in
   * the primary's `.vnmrc`. Faster takeover, more polling load.
   */
  HOT = 'HOT',
}
