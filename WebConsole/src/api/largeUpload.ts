import {
  UploadCancelled,
  containerUrl,
  objectUrl,
  putWithProgress,
  send,
  type PutRequest,
  type Upload,
} from './swift';

/** Files larger than this are stored as a Static Large Object, in segments of this size. */
export const SEGMENT_THRESHOLD = 100 * 1024 * 1024;
export const SEGMENT_SIZE = SEGMENT_THRESHOLD;
/** Segments of one file sent at once. */
const SEGMENT_CONCURRENCY = 2;

interface Segment {
  index: number;
  name: string;
  start: number;
  end: number;
  etag?: string;
}

export function segmentsContainer(container: string): string {
  return `${container}_segments`;
}

/** "<object>/<upload ms>/<file size>/<segment size>/<8-digit index>", as swiftclient names them. */
function planSegments(name: string, size: number, startedAt: number): Segment[] {
  const segments: Segment[] = [];
  for (let index = 0, start = 0; start < size; index++, start += SEGMENT_SIZE) {
    segments.push({
      index,
      name: `${name}/${startedAt}/${size}/${SEGMENT_SIZE}/${String(index).padStart(8, '0')}`,
      start,
      end: Math.min(size, start + SEGMENT_SIZE),
    });
  }
  return segments;
}

/**
 * Uploads a large file as segments, SEGMENT_CONCURRENCY at a time, then its manifest.
 * On failure or cancel the segments already stored are deleted, so nothing half-made is left behind.
 */
export function uploadLargeFile(
  container: string,
  name: string,
  file: File,
  onProgress: (percent: number) => void,
): Upload {
  const segContainer = segmentsContainer(container);
  const segments = planSegments(name, file.size, Date.now());
  const loaded = new Map<number, number>();
  const running = new Map<number, PutRequest>();
  let cancelled = false;

  const report = () => {
    let sum = 0;
    for (const bytes of loaded.values()) sum += bytes;
    onProgress((sum / file.size) * 100);
  };

  const uploadSegment = async (segment: Segment) => {
    if (cancelled) throw new UploadCancelled();
    const request = putWithProgress(
      objectUrl(segContainer, segment.name),
      file.slice(segment.start, segment.end),
      'application/octet-stream',
      (bytes) => {
        loaded.set(segment.index, bytes);
        report();
      },
    );
    running.set(segment.index, request);
    try {
      segment.etag = (await request.done).etag;
    } finally {
      running.delete(segment.index);
    }
  };

  const cleanUp = async () => {
    // Best effort: the error that stopped the upload is what the person needs to see.
    for (const segment of segments) {
      if (segment.etag === undefined) continue;
      await send('DELETE', objectUrl(segContainer, segment.name)).catch(() => undefined);
    }
  };

  const run = async () => {
    await send('PUT', containerUrl(segContainer));
    let next = 0;
    const worker = async () => {
      while (next < segments.length) {
        const segment = segments[next++]!;
        await uploadSegment(segment);
      }
    };
    const workers = Array.from({ length: Math.min(SEGMENT_CONCURRENCY, segments.length) }, worker);
    try {
      await Promise.all(workers);
    } catch (error) {
      // One failed segment stops the rest; wait for the others to stop before deleting what was stored.
      cancelled = true;
      for (const request of running.values()) request.abort();
      await Promise.allSettled(workers);
      throw error;
    }
    if (cancelled) throw new UploadCancelled();
    const manifest = segments.map((segment) => ({
      path: `/${segContainer}/${segment.name}`,
      etag: segment.etag,
      size_bytes: segment.end - segment.start,
    }));
    await send('PUT', `${objectUrl(container, name)}?multipart-manifest=put`, {
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: JSON.stringify(manifest),
    });
    if (cancelled) {
      // Cancelled while the manifest was being written: take back the whole object, segments included.
      await send('DELETE', `${objectUrl(container, name)}?multipart-manifest=delete`).catch(() => undefined);
      throw new UploadCancelled();
    }
    onProgress(100);
  };

  const done = run().catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });

  return {
    done,
    abort: () => {
      cancelled = true;
      for (const request of running.values()) request.abort();
    },
  };
}
