/**
 * Where savefiles live, relative to `$SPECROOT/SS`. One place so that the
 * savefile, transfer and load steps (and the tests) agree.
 */
export const SAVEFILE_DIR = 'cdktf-spectrum';
export const INCOMING_DIR = 'cdktf-spectrum/incoming';
export const BEFORE_LOAD_DIR = 'cdktf-spectrum/before-load';

/** `seed-0x400000`: SSdbsave appends `.SSdb` to it. */
export function savefileBase(handle: string): string {
  return `seed-${handle}`;
}

/**
 * Written by the vnmrc step before it replaces `.vnmrc` and removed once the
 * SpectroSERVER has been restarted: a run that stops in between leaves it,
 * so the next run restarts the server even though the file is already right.
 */
export const RESTART_PENDING_FILE = 'cdktf-spectrum/vnmrc-restart-pending';
