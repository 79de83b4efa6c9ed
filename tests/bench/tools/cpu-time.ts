import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 a second on every common build). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by this process (the main services and their worker threads) and every process
 * it started (Chromium's browser, renderer and utility processes), from /proc; undefined where there is
 * no /proc. On a shared machine the wall time of an operation grows with the load average while its CPU
 * time hardly does, so a before/after comparison taken minutes apart can be read from this (issue 14).
 */
export function processTreeCpuSeconds(root: number = process.pid): number | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const ticksOf = new Map<number, number>();
  const childrenOf = new Map<number, number[]>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the command name in parentheses: state, ppid, … utime (12th), stime (13th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const parent = Number(fields[1]);
    ticksOf.set(pid, Number(fields[11]) + Number(fields[12]));
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(pid);
    else childrenOf.set(parent, [pid]);
  }
  if (!ticksOf.has(root)) return undefined;
  let ticks = 0;
  const waiting = [root];
  const seen = new Set<number>();
  while (waiting.length > 0) {
    const pid = waiting.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    ticks += ticksOf.get(pid) ?? 0;
    waiting.push(...(childrenOf.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}
