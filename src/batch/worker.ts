// Worker thread entry: runs one task per message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { runTask, transferables, type TaskOptions } from './task.js';

parentPort!.on('message', (message: { id: number; path: string; options: TaskOptions }) => {
  const result = runTask(message.path, message.options);
  parentPort!.postMessage({ id: message.id, result }, transferables(result));
});
