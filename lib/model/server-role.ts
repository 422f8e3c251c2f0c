/** The part a SpectroSERVER plays in its fault-tolerant landscape. */
export enum ServerRole {
  /** Lowest precedence: the server OneClick uses while it is up. */
  PRIMARY = 'PRIMARY',
  /** Higher precedence: takes over when the primary is down. */
  SECONDARY = 'SECONDARY',
}
