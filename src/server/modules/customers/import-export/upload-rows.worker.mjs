// The upload reader's worker thread (upload-reader.ts). Plain JavaScript because a worker does not
// inherit the parent's TypeScript loader in Node 20: it registers tsx itself, then loads the reader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readUploadRows } = await import('./upload-rows.ts');

parentPort.on('message', async ({ content, columns, limits }) => {
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  let result;
  try {
    result = await readUploadRows(buffer, columns, limits);
  } catch {
    // Whatever the parser trips over in a damaged file is the file's fault.
    result = { ok: false, reason: 'not-xlsx' };
  }
  parentPort.postMessage(result);
});
