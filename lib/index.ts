// Public API of cdktf-spectrum (DESIGN.md, "Public API"). Exports only.
export { LandscapeHandle } from './model/landscape-handle';
export { StandbyMode } from './model/standby-mode';
export { PlanResource } from './model/plan-resource';
export { BackupMethod } from './model/backup-method';
export { ServerRole } from './model/server-role';
export { SshConnectionOptions } from './model/ssh-connection-options';
export { SpectrumInstallOptions } from './model/spectrum-install-options';
export { SpectroServerOptions } from './model/spectro-server-options';
export { LandscapeOptions } from './model/landscape-options';
export { OneClickServerOptions } from './model/one-click-server-options';
export { FaultTolerantLandscape, FaultTolerantLandscapeProps } from './constructs/fault-tolerant-landscape';
export { DistributedLandscape, DistributedLandscapeProps } from './constructs/distributed-landscape';
export { SpectroServer, SpectroServerProps } from './constructs/spectro-server';
export { OneClickServer } from './constructs/one-click-server';
