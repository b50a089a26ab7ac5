/**
 * CPU time (user and system) that a piece of work took in this process. Tests
 * that bound how long a reader may take bound this, never the clock: the
 * clock runs on while other processes hold the cores.
 */
export function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
