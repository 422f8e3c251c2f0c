import { Construct } from 'constructs';
import { TerraformResource } from './cdktf-bridge';
import { ServerRole } from '../model/server-role';
import { SpectroServerOptions } from '../model/spectro-server-options';

/** Props of a SpectroSERVER construct; landscapes create these. */
export interface SpectroServerProps extends SpectroServerOptions {
  /** Primary or secondary. */
  readonly role: ServerRole;
}

/**
 * One SpectroSERVER of a fault-tolerant landscape. Created by
 * `FaultTolerantLandscape` (`primary`, `addSecondary`); its children are the
 * plan steps that run on it: `install`, `hostrc`, `vnmrc`; on a primary
 * `deregister` (and `savefile` when it has secondaries); on a secondary
 * `transfer` and `load`. Those ids are a public contract (Terraform addresses derive
 * from them).
 */
export class SpectroServer extends Construct {
  /** Host name or address (may be a token). */
  public readonly host: string;
  /** Precedence in its landscape. */
  public readonly precedence: number;
  /** Primary or secondary. */
  public readonly role: ServerRole;
  /** The options it was created with. */
  public readonly options: SpectroServerOptions;

  /** @internal step resources by step kind */
  public readonly _steps: { [kind: string]: TerraformResource } = {};

  constructor(scope: Construct, id: string, props: SpectroServerProps) {
    super(scope, id);
    this.host = props.host;
    this.role = props.role;
    this.precedence = props.precedence ?? Number.NaN;
    this.options = props;
  }
}
