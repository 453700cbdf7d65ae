/**
 * Where long computations report progress. The library never prints: the CLI passes a
 * terminal progress bar when attached to a TTY, and a silent sink under --json or in notebooks.
 */
export interface Progress {
  /** Starts a phase of `total` steps. */
  start(label: string, total: number): void;
  /** Advances the current phase by `steps` (default 1). */
  tick(steps?: number): void;
  /** Ends the current phase. */
  stop(): void;
}

/** A progress sink that shows nothing. */
export const SILENT_PROGRESS: Progress = { start() {}, tick() {}, stop() {} };
