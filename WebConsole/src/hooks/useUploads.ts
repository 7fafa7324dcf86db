import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_OBJECT_NAME_BYTES, UploadCancelled, uploadFile } from '../api/swift';
import { SessionExpiredError, messageOf } from '../api/errors';
import { SEGMENT_THRESHOLD, uploadLargeFile } from '../api/largeUpload';
import { utf8Length } from '../format';

/** At most this many files are sent at once; the rest wait their turn. */
const CONCURRENCY = 2;

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: number;
  file: File;
  container: string;
  objectName: string;
  percent: number;
  state: UploadState;
  message: string;
}

export interface Uploads {
  items: UploadItem[];
  add: (files: File[], container: string, prefix: string) => void;
  cancel: (id: number) => void;
  clearFinished: () => void;
}

export function isFinished(item: UploadItem): boolean {
  return item.state === 'done' || item.state === 'failed' || item.state === 'cancelled';
}

/** Runs uploads CONCURRENCY at a time; calls onSettled once each time the queue runs dry. */
export function useUploads(onSettled: () => void): Uploads {
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextId = useRef(1);
  const aborts = useRef(new Map<number, () => void>());
  const settledSinceRefresh = useRef(false);
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;

  const patch = (id: number, changes: Partial<UploadItem>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...changes } : item)));

  const start = (item: UploadItem) => {
    const send = item.file.size > SEGMENT_THRESHOLD ? uploadLargeFile : uploadFile;
    const upload = send(item.container, item.objectName, item.file, (percent) =>
      patch(item.id, { percent: Math.round(percent) }),
    );
    aborts.current.set(item.id, upload.abort);
    // Marked before the state change, so the effect that sees the queue empty knows to refresh.
    const finish = () => {
      aborts.current.delete(item.id);
      settledSinceRefresh.current = true;
    };
    upload.done.then(
      () => {
        finish();
        patch(item.id, { state: 'done', percent: 100, message: '' });
      },
      (error: unknown) => {
        finish();
        if (error instanceof SessionExpiredError) return;
        const cancelled = error instanceof UploadCancelled;
        patch(item.id, { state: cancelled ? 'cancelled' : 'failed', message: messageOf(error) });
      },
    );
  };

  useEffect(() => {
    const running = items.filter((item) => item.state === 'uploading').length;
    const waiting = items.filter((item) => item.state === 'waiting');
    const toStart = waiting.slice(0, Math.max(0, CONCURRENCY - running));
    if (toStart.length > 0) {
      const ids = new Set(toStart.map((item) => item.id));
      setItems((list) => list.map((item) => (ids.has(item.id) ? { ...item, state: 'uploading' } : item)));
      toStart.forEach(start);
      return;
    }
    if (running === 0 && waiting.length === 0 && settledSinceRefresh.current) {
      settledSinceRefresh.current = false;
      onSettledRef.current();
    }
  }, [items]);

  useEffect(
    () => () => {
      for (const abort of aborts.current.values()) abort();
    },
    [],
  );

  const add = (files: File[], container: string, prefix: string) => {
    const added = files.map((file): UploadItem => {
      const objectName = prefix + file.name;
      const bytes = utf8Length(objectName);
      const tooLong = bytes > MAX_OBJECT_NAME_BYTES;
      return {
        id: nextId.current++,
        file,
        container,
        objectName,
        percent: 0,
        state: tooLong ? 'failed' : 'waiting',
        message: tooLong
          ? `The name is too long: it is ${bytes} bytes with its folder, and at most ${MAX_OBJECT_NAME_BYTES} are allowed`
          : '',
      };
    });
    setItems((list) => [...list, ...added]);
  };

  const cancel = (id: number) => {
    const abort = aborts.current.get(id);
    if (abort) abort();
    else patch(id, { state: 'cancelled', message: 'Cancelled' });
  };

  const clearFinished = () => setItems((list) => list.filter((item) => !isFinished(item)));

  return { items, add, cancel, clearFinished };
}
