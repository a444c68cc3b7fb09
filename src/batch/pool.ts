// A pool of worker threads running tasks, each worker holding up to two (the one
// it is on and the next); a worker that dies (a native crash, out of memory)
// fails only the task it was on, and is replaced.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskOptions, TaskResult } from './task.js';

/** The built worker script: beside this module once bundled (dist/), else in dist/ (under vitest). */
function workerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'worker.js'), join(here, '..', 'dist', 'worker.js'), join(here, '..', '..', 'dist', 'worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('baogao: dist/worker.js was not found; run `npm run build` first');
}

interface Task {
  id: number;
  path: string;
  options: TaskOptions;
}

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
}

/**
 * Tasks handed to a worker before it has finished the one it is on: the next
 * file is then waiting in the worker when it finishes, instead of the worker
 * idling until the main thread (writing tables, collecting garbage) hands it one.
 */
const depth = 2;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Ids of the tasks each worker holds, in the order it runs them (the first is the one it is on). */
  private readonly held = new Map<Worker, number[]>();
  /** Every task not settled yet, by id (a task its worker died before starting is handed out again). */
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;

  /** `script`: the worker's entry (the built dist/worker.js; tests pass their own). */
  constructor(
    size: number,
    private readonly script: string = workerScript(),
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  run(path: string, options: TaskOptions): Promise<TaskResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const task = { id, path, options };
      this.pending.set(id, { task, resolve });
      this.waiting.push(task);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.held.clear();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    this.held.set(worker, []);
    worker.on('message', (message: { id: number; result: TaskResult }) => {
      const ids = this.held.get(worker);
      if (ids?.[0] === message.id) ids.shift();
      this.settle(message.id, message.result);
      this.dispatch();
    });
    const fail = (reason: string) => {
      if (this.closed) return;
      const ids = this.held.get(worker) ?? [];
      this.held.delete(worker);
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      // Only the task it was on fails; those it had not started go to another worker.
      const [current, ...unstarted] = ids;
      for (const id of unstarted.reverse()) {
        const task = this.pending.get(id)?.task;
        if (task) this.waiting.unshift(task);
      }
      if (current !== undefined) {
        const path = this.pending.get(current)?.task.path ?? '';
        this.settle(current, { path, bytes: 0, error: { kind: 'internal', message: `${path}: the worker parsing it died (${reason})`, path } });
      }
      this.workers.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (error: unknown) => fail(error instanceof Error || (error && typeof error === 'object' && 'message' in error) ? String((error as Error).message) : String(error)));
    worker.on('exit', (code) => {
      if (code !== 0 && this.held.has(worker)) fail(`exit code ${code}`);
    });
    return worker;
  }

  private settle(id: number, result: TaskResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.resolve(result);
  }

  /** Hands waiting tasks to the workers holding fewest, up to `depth` each. */
  private dispatch(): void {
    for (let room = 0; room < depth && this.waiting.length; room++) {
      for (const worker of this.workers) {
        const ids = this.held.get(worker)!;
        if (ids.length > room || !this.waiting.length) continue;
        const task = this.waiting.shift()!;
        ids.push(task.id);
        worker.ref();
        worker.postMessage(task);
      }
    }
    for (const worker of this.workers) if (!this.held.get(worker)!.length) worker.unref();
  }
}
