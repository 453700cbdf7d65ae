import { parentPort } from 'node:worker_threads';
import { type ReplicateProblem, type ReplicateTask, runReplicates } from './replicates';

/** Messages a replicate worker understands: the problem once, then ranges of replicates to run. */
export type WorkerRequest =
  | { readonly type: 'problem'; readonly problem: ReplicateProblem; readonly task: ReplicateTask }
  | { readonly type: 'range'; readonly from: number; readonly to: number; readonly state?: readonly number[] };

let problem: ReplicateProblem | undefined;
let task: ReplicateTask | undefined;

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.type === 'problem') {
    problem = message.problem;
    task = message.task;
    return;
  }
  const block = runReplicates(problem!, task!, message.from, message.to, message.state);
  parentPort!.postMessage(block, [block.values.buffer, block.status.buffer]);
});
