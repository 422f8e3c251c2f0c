// Public API of cdktf-spectrum (README "API", API.md). Exports only.
export { LandscapeHandle } from './model/landscape-handle';
export { StandbyMode } from './model/standby-mode';
export { PlanResource } from './model/plan-resource';
export { BackupMethod } from './model/backup-method';
export { ServerRole } from './model/server-role';
export * from './model/ssh-connection-options';
export * from './model/spectrum-install-options';
export * from './model/spectrum-update';
export * from './model/spectro-server-options';
export * from './model/landscape-options';
export * from './model/one-click-server-options';
export * from './constructs/fault-tolerant-landscape';
export * from './constructs/distributed-landscape';
export * from './constructs/spectro-server';
export { OneClickServer } from './constructs/one-click-server';
export * from './constructs/spectrum-policy';
export { SpectrumEstate } from './constructs/spectrum-estate';
