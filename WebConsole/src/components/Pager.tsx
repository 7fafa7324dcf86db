interface Props {
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  prevTestId: string;
  nextTestId: string;
  onPrev: () => void;
  onNext: () => void;
}

/** Previous / next buttons for listings that page with a marker. */
export function Pager({ page, hasPrev, hasNext, prevTestId, nextTestId, onPrev, onNext }: Props) {
  if (!hasPrev && !hasNext) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {hasPrev && (
        <button type="button" data-testid={prevTestId} onClick={onPrev}>
          ← Previous page
        </button>
      )}
      <span class="muted">Page {page}</span>
      {hasNext && (
        <button type="button" data-testid={nextTestId} onClick={onNext}>
          Next page →
        </button>
      )}
    </nav>
  );
}
