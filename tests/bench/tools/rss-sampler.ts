import { Worker } from 'node:worker_threads';

/**
 * The process's peak resident memory while something runs, sampled every 5 ms from a thread of its own:
 * the import worker's heap lives in this process, and a parser run on the main thread blocks that thread,
 * so neither could be watched from it. Node 20 has no per-worker heap statistics (Worker.getHeapStatistics
 * came in Node 22.16), so the peak of the whole process above its level at `reset` stands for the job's.
 */
export interface RssSampler {
  /** Starts a new peak; resolves to the resident bytes now (the baseline). */
  reset(): Promise<number>;
  /** The highest resident bytes seen since `reset`. */
  peak(): Promise<number>;
  close(): Promise<void>;
}

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
setInterval(sample, 5);
parentPort.on('message', (command) => {
  if (command === 'reset') peak = 0;
  sample();
  parentPort.postMessage(peak);
});`;

export function startRssSampler(): RssSampler {
  const sampler = new Worker(SAMPLER, { eval: true });
  const ask = (command: 'reset' | 'peak') =>
    new Promise<number>((resolve) => {
      sampler.once('message', resolve);
      sampler.postMessage(command);
    });
  return {
    reset: () => ask('reset'),
    peak: () => ask('peak'),
    async close() {
      await sampler.terminate();
    },
  };
}
