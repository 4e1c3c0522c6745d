import { Worker } from 'node:worker_threads';
import type { ImportColumn } from './columns';
import type { UploadRowsResult } from './upload-rows';

/**
 * Reads uploads in worker threads: a full sheet takes seconds of CPU, which on the event loop would
 * hold up every other user's request. At most READERS read at once (more wait their turn), each
 * with a capped heap and a time limit; one that runs out of either answers "too complex" and is
 * replaced. Idle workers stay a minute, so a preview and its commit start only one.
 */

const READERS = 2;
/** Uploads that may wait for a reader (each holds its file, up to 10 MB); more are told to retry. */
const MAX_WAITING = 8;
/** A full 20,000-row sheet reads in 2–3 s. */
const READ_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;
const HEAP_MB = 1024;
const TOO_COMPLEX: UploadRowsResult = { ok: false, reason: 'too-complex' };
const BUSY: UploadRowsResult = { ok: false, reason: 'busy' };

interface Reader {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

const live = new Set<Reader>();
const idle: Reader[] = [];
const waiting: ((reader: Reader) => void)[] = [];

function spawn(): Reader {
  const worker = new Worker(new URL('./upload-rows.worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  // An idle reader never keeps the server (or a test run) from exiting.
  worker.unref();
  const reader: Reader = { worker };
  live.add(reader);
  worker.once('exit', () => retire(reader));
  // An error while idle (nobody asking) must not become an uncaught one in the server.
  worker.on('error', () => retire(reader));
  return reader;
}

/** Out of the pool for good (it died, timed out or idled out); a waiting upload gets a new one. */
function retire(reader: Reader) {
  if (!live.delete(reader)) return;
  clearTimeout(reader.idleTimer);
  const i = idle.indexOf(reader);
  if (i >= 0) idle.splice(i, 1);
  void reader.worker.terminate();
  const next = waiting.shift();
  if (next) next(spawn());
}

function acquire(): Promise<Reader> | undefined {
  const reader = idle.pop();
  if (reader) {
    clearTimeout(reader.idleTimer);
    return Promise.resolve(reader);
  }
  if (live.size < READERS) return Promise.resolve(spawn());
  if (waiting.length >= MAX_WAITING) return undefined;
  return new Promise((resolve) => waiting.push(resolve));
}

function release(reader: Reader) {
  if (!live.has(reader)) return;
  const next = waiting.shift();
  if (next) return next(reader);
  reader.idleTimer = setTimeout(() => retire(reader), IDLE_MS).unref();
  idle.push(reader);
}

interface Limits {
  maxRows: number;
  maxUnpackedBytes: number;
}

function ask(reader: Reader, content: Buffer, columns: ImportColumn[], limits: Limits): Promise<UploadRowsResult> {
  const { worker } = reader;
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      finish();
    };
    const onMessage = (result: UploadRowsResult) => settle(() => resolve(result));
    const onError = (err: Error & { code?: string }) => {
      retire(reader);
      settle(() => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(TOO_COMPLEX) : reject(err)));
    };
    const onExit = () => settle(() => resolve(TOO_COMPLEX));
    const timer = setTimeout(() => {
      retire(reader);
      settle(() => resolve(TOO_COMPLEX));
    }, READ_TIMEOUT_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ content, columns, limits });
  });
}

/** The upload's rows, read in a worker (see readUploadRows); "busy" when too many wait already. */
export async function readInWorker(content: Buffer, columns: ImportColumn[], limits: Limits): Promise<UploadRowsResult> {
  const turn = acquire();
  if (!turn) return BUSY;
  const reader = await turn;
  try {
    return await ask(reader, content, columns, limits);
  } finally {
    release(reader);
  }
}
