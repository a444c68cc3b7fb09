// Worker thread entry: runs one task per message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskOptions } from './task.js';

parentPort!.on('message', (message: { id: number; path: string; options: TaskOptions }) => {
  parentPort!.postMessage({ id: message.id, result: runTask(message.path, message.options) });
});
