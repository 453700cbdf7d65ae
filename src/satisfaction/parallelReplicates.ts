import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Progress, SILENT_PROGRESS } from '../progress';
import type { WorkerRequest } from './replicateWorker';
import { ReplicateStreams } from './randomStream';
import { type ReplicateBlock, type ReplicateProblem, replicateSize, type ReplicateTask, runReplicates } from './replicates';

/** All replicates of a task: row r of `values` (length `size`) is replicate r; `status[r]` says whether it was estimated. */
export interface ReplicateResults {
  readonly count: number;
  readonly size: number;
  readonly values: Float64Array;
  readonly status: Uint8Array;
}

/** How replicates are run. */
export interface ParallelOptions {
  /** Worker threads (default: the machine's available parallelism, at most one per 500 replicates; 1 runs in this thread). */
  readonly threads?: number;
  readonly progress?: Progress;
  /** Progress label. */
  readonly label?: string;
}

/**
 * A worker running `replicateWorker`: the compiled file next to this one, or, when running from
 * the TypeScript sources (tests), the same source compiled on load by TypeScript's transpileModule.
 */
function startWorker(): Worker {
  const compiled = join(__dirname, 'replicateWorker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const source = join(__dirname, 'replicateWorker.ts');
  const typescript = require.resolve('typescript', { paths: [__dirname] });
  const code = `
const ts = require(${JSON.stringify(typescript)});
const fs = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  module._compile(out.outputText, filename);
};
require(${JSON.stringify(source)});`;
  return new Worker(code, { eval: true });
}

function collect(block: ReplicateBlock, size: number, values: Float64Array, status: Uint8Array): void {
  values.set(block.values, block.from * size);
  status.set(block.status, block.from);
}

/**
 * Runs `count` replicates of a task across worker threads, in chunks handed out as workers free
 * up, and places each replicate's statistics at its own row. Because replicate r depends only on
 * (problem, task, r), the result is byte-for-byte the same for any number of threads.
 * @example await parallelReplicates(problem, { kind: 'bootstrap', seed: 42 }, 5000, { threads: 2 })
 */
export async function parallelReplicates(problem: ReplicateProblem, task: ReplicateTask, count: number, options: ParallelOptions = {}): Promise<ReplicateResults> {
  const size = replicateSize(problem, task);
  const values = new Float64Array(count * size);
  const status = new Uint8Array(count);
  const progress = options.progress ?? SILENT_PROGRESS;
  // Starting a worker costs about as much as a few hundred replicates: by default one per 500.
  const threads = Math.max(1, options.threads === undefined ? Math.min(availableParallelism(), Math.ceil(count / 500)) : Math.min(options.threads, count));
  const size0 = Math.max(10, Math.min(250, Math.ceil(count / (threads * 8))));
  const chunks: { from: number; to: number; state?: readonly number[] }[] = [];
  for (let from = 0; from < count; from += size0) chunks.push({ from, to: Math.min(count, from + size0) });
  if (task.kind !== 'jackknife') ReplicateStreams.statesAt(task.seed, chunks.map((c) => c.from)).forEach((state, i) => (chunks[i].state = state));
  progress.start(options.label ?? `${task.kind} replicates`, count);
  try {
    if (threads === 1) {
      for (const c of chunks) {
        collect(runReplicates(problem, task, c.from, c.to, c.state), size, values, status);
        progress.tick(c.to - c.from);
      }
      return { count, size, values, status };
    }
    let next = 0;
    const workers = Array.from({ length: threads }, startWorker);
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const hand = () => {
                if (next >= chunks.length) return resolve();
                worker.postMessage({ type: 'range', ...chunks[next++] } satisfies WorkerRequest);
              };
              worker.on('message', (block: ReplicateBlock) => {
                collect(block, size, values, status);
                progress.tick(block.status.length);
                hand();
              });
              worker.on('error', reject);
              worker.postMessage({ type: 'problem', problem, task } satisfies WorkerRequest);
              hand();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return { count, size, values, status };
  } finally {
    progress.stop();
  }
}
