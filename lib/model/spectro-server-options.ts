import { SshConnectionOptions } from './ssh-connection-options';

/** One SpectroSERVER of a fault-tolerant landscape. */
export interface SpectroServerOptions {
  /**
   * Host name or IP address. May be a token (e.g. another resource's
   * address); rules that need the literal value then skip it.
   */
  readonly host: string;

  /**
   * Precedence in the landscape: the lowest is the primary.
   * @default - 10 for the primary; 20, 30, ... for secondaries in order
   */
  readonly precedence?: number;

  /**
   * Connection settings for this server, field by field over the landscape's.
   * @default - the landscape's connection
   */
  readonly connection?: SshConnectionOptions;

  /**
   * Extra `.vnmrc` keys for this server (e.g. `wait_active: 'yes'` on a
   * secondary, KB 191817). Keys the library manages cannot be contradicted.
   * @default - no extra keys
   */
  readonly vnmrc?: { [key: string]: string };
}
