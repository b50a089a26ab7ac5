/**
 * Child processes for tests, stopped whatever happens: `withProcess` runs the
 * body with a started process and kills it (and its group) in `finally`, so a
 * failed expectation or a thrown error never leaves one running. Waits are for
 * events (output, exit), never for a length of time.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface RunningProcess {
  child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Settles when the process has exited and its output is read, however it ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with stdout once it matches; rejects if the process exits first. */
  waitForStdout(pattern: RegExp): Promise<string>;
}

export function startProcess(command: string, args: readonly string[], options: SpawnOptions = {}): RunningProcess {
  // Its own process group, so that the kill reaches what it starts in turn (npx, bash).
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...options });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    });
  });
  exited.catch(() => undefined);
  const waitForStdout = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (pattern.test(out)) {
          listeners.delete(check);
          resolve(out);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(new Error(`the process exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; stderr: ${err}`));
        }
      };
      listeners.add(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitForStdout };
}

/** Kills the process and whatever of its group is left, and waits for it to be gone. */
export async function stopProcess(running: RunningProcess): Promise<void> {
  const { child } = running;
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // ESRCH: the process and its group have already exited.
    }
  }
  await running.exited.catch(() => undefined);
}

/** Starts a process, runs `body` with it, and stops the process in `finally`. */
export async function withProcess<T>(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  body: (running: RunningProcess) => Promise<T>,
): Promise<T> {
  const running = startProcess(command, args, options);
  try {
    return await body(running);
  } finally {
    await stopProcess(running);
  }
}
