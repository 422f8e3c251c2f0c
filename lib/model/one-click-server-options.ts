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

  /**
   * Whether the plan keeps OneClick's main location server in
   * `$SPECROOT/LS/.locrc` (`MAIN_LOCATION_HOST_NAME`): the `mainlocation`
   * step, and the `webserver` step writing it before it starts
   * (docs/promotion.md). Broadcom documents no file for OneClick's setting
   * (KB 49550 changes it in OneClick's administration pages); set false
   * where OneClick keeps it elsewhere, e.g. a host without that file, and
   * point OneClick at a new main location server by hand after a promotion.
   * @default true
   */
  readonly manageMainLocation?: boolean;
}
