import { SpectrumInstallOptions } from './spectrum-install-options';
import { SshConnectionOptions } from './ssh-connection-options';

/** A OneClick (console / web) server. */
export interface OneClickServerOptions {
  /** Host name or IP address; may be a token. */
  readonly host: string;

  /**
   * SSH connection settings, field by field over the landscape's.
   * @default - the owning landscape's connection
   */
  readonly connection?: SshConnectionOptions;

  /**
   * Installation settings, field by field over the landscape's.
   * @default - the owning landscape's install settings
   */
  readonly install?: SpectrumInstallOptions;

  /**
   * OneClick's main location server. In a distributed landscape it must be
   * the master primary (SPX171).
   * @default - the master primary (or the landscape's primary)
   */
  readonly mainLocationServer?: string;
}
