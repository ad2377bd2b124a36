// IPC channel names shared by the main-process adapter and the preload (kept tiny: the preload bundles it).

/** Renderer → main: `invoke(method, input)` resolves with a Reply. */
export const INVOKE_CHANNEL = 'tidyset:invoke';
/** Main → renderer: `(name, payload)` for each contract event. */
export const EVENT_CHANNEL = 'tidyset:event';
