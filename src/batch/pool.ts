// A pool of worker threads running tasks; a worker that dies (a native crash,
// out of memory) fails only its own task and is replaced.
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

interface Pending {
  path: string;
  resolve: (result: TaskResult) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Array<{ id: number; path: string; options: TaskOptions }> = [];
  private nextId = 0;
  private closed = false;
  private readonly script = workerScript();

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  run(path: string, options: TaskOptions): Promise<TaskResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { path, resolve });
      this.waiting.push({ id, path, options });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
    this.idle.length = 0;
    this.busy.clear();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (message: { id: number; result: TaskResult }) => {
      this.busy.delete(worker);
      this.idle.push(worker);
      this.settle(message.id, message.result);
      this.dispatch();
    });
    const fail = (reason: string) => {
      if (this.closed) return;
      const id = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (id !== undefined) {
        const path = this.pending.get(id)?.path ?? '';
        this.settle(id, { path, bytes: 0, error: { kind: 'internal', message: `${path}: the worker parsing it died (${reason})`, path } });
      }
      this.idle.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (error: unknown) => fail(error instanceof Error || (error && typeof error === 'object' && 'message' in error) ? String((error as Error).message) : String(error)));
    worker.on('exit', (code) => {
      if (code !== 0 && (this.busy.has(worker) || this.idle.includes(worker))) fail(`exit code ${code}`);
    });
    return worker;
  }

  private settle(id: number, result: TaskResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.resolve(result);
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const worker = this.idle.pop()!;
      const task = this.waiting.shift()!;
      this.busy.set(worker, task.id);
      worker.ref();
      worker.postMessage(task);
    }
    for (const worker of this.idle) worker.unref();
  }
}
