import type { SingleBar } from 'cli-progress';
import type { Progress } from '../progress';
import { SILENT_PROGRESS } from '../progress';

/**
 * A progress bar on stderr when it is a terminal and output is not --json; silent otherwise,
 * so piped and JSON output stay clean. A bar is left at 100% when its phase stops.
 */
export function terminalProgress(json: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (json || !stream.isTTY) return SILENT_PROGRESS;
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      // Required on the first bar, so that commands that never show one start without it.
      const { SingleBar: Bar } = require('cli-progress') as typeof import('cli-progress');
      bar = new Bar({
        stream,
        format: `${label.padEnd(28)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      });
      bar.start(total, 0);
    },
    tick(steps = 1) {
      bar?.increment(steps);
    },
    stop() {
      // A phase that ends finishes its bar (100%), even when it was ticked less than announced.
      bar?.update(bar.getTotal());
      bar?.stop();
      bar = undefined;
    },
  };
}
