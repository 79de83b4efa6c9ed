import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { parseBgMax } from '../../../electron/main/import/formats/bgmax';
import { parseCamt } from '../../../electron/main/import/formats/camt';
import { parseMt940 } from '../../../electron/main/import/formats/mt940';

/**
 * One bank file handed to its parser, as bank-statements.test.ts does, but in a thread of its own with the
 * import worker's memory limit, so what the parse holds is its own heap's growth (on the benchmark's main
 * thread, earlier files' garbage would blur it). Says "ready" once loaded, parses on the next message and
 * answers with the time the parser took, the code it refused with and how much its heap grew meanwhile:
 * the parse is synchronous, so unless a collection ran during it, that is all it allocated.
 */
export interface BankParseRequest {
  readonly format: 'mt940' | 'bgmax' | 'camt';
  readonly name: string;
  readonly content: string;
}
export interface BankParseReply {
  readonly ms: number;
  /** The refusal's code; null when the parser returned. */
  readonly code: string | null;
  readonly heapGrewBytes: number;
}

const PARSERS = { mt940: parseMt940, bgmax: parseBgMax, camt: parseCamt } as const;

if (parentPort) {
  const port = parentPort;
  const { format, name, content } = workerData as BankParseRequest;
  port.once('message', () => {
    const heapBefore = getHeapStatistics().used_heap_size;
    const started = performance.now();
    let code: string | null = null;
    try {
      PARSERS[format](content, name);
    } catch (error) {
      const refusal = (error as { code?: unknown }).code;
      code = typeof refusal === 'string' ? refusal : `crashed: ${String(error)}`;
    }
    const ms = performance.now() - started;
    port.postMessage({ ms, code, heapGrewBytes: getHeapStatistics().used_heap_size - heapBefore } satisfies BankParseReply);
  });
  port.postMessage('ready');
}
