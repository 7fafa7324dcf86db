const PATHS = {
  container: 'M4 7h16v11a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zM3 4h18v3H3zM10 11h4',
  folder: 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  close: 'M6 6l12 12M18 6L6 18',
  chevron: 'M9 6l6 6-6 6',
};

export type IconName = keyof typeof PATHS;

/** Decorative line icons, drawn inline: the console loads nothing from elsewhere. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
