import { isFinished, type UploadItem } from '../hooks/useUploads';

interface Props {
  items: UploadItem[];
  onCancel: (id: number) => void;
  onClearFinished: () => void;
}

function statusText(item: UploadItem): string {
  switch (item.state) {
    case 'waiting':
      return 'Waiting';
    case 'uploading':
      return 'Uploading';
    case 'done':
      return 'Done';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return item.message;
  }
}

export function UploadPanel({ items, onCancel, onClearFinished }: Props) {
  if (items.length === 0) return null;
  const finished = items.filter(isFinished).length;
  return (
    <section class="uploads" aria-label="Uploads">
      <div class="uploads-head">
        <h2>
          Uploads <span class="muted">{finished} of {items.length} finished</span>
        </h2>
        {finished > 0 && (
          <button type="button" class="ghost small" onClick={onClearFinished}>
            Clear finished
          </button>
        )}
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.id} class={`upload ${item.state}`} data-testid="upload" data-name={item.file.name}>
            <span class="upload-name" title={`${item.container}/${item.objectName}`}>
              {item.file.name}
            </span>
            <progress
              data-testid="upload-progress"
              max={100}
              value={item.percent}
              aria-label={`Progress of ${item.file.name}`}
            />
            <span class="upload-status" data-testid="upload-status" aria-live="polite">
              {statusText(item)}
            </span>
            {(item.state === 'waiting' || item.state === 'uploading') && (
              <button
                type="button"
                class="ghost small"
                aria-label={`Cancel upload of ${item.file.name}`}
                onClick={() => onCancel(item.id)}
              >
                Cancel
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
