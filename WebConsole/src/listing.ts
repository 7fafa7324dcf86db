import { PAGE_SIZE, isSubdir, itemName, listContainers, listObjects, type Usage } from './api/swift';
import { labelOf } from './names';
import { hashOf } from './route';
import type { Entry } from './components/ListingTable';

export interface ListingPage {
  entries: Entry[];
  /** Marker of the following page, or null when this page was not full. */
  nextMarker: string | null;
}

/** One page of the account's containers (container '') or of a folder's entries. */
export async function loadPage(
  container: string,
  prefix: string,
  marker: string,
  onUsage: (usage: Usage) => void,
): Promise<ListingPage> {
  if (!container) {
    const { items, usage } = await listContainers(marker);
    if (usage) onUsage(usage);
    return {
      entries: items.map((c) => ({
        kind: 'container',
        name: c.name,
        label: c.name,
        bytes: c.bytes,
        count: c.count,
        modified: c.last_modified,
        href: hashOf({ container: c.name, prefix: '' }),
      })),
      nextMarker: items.length >= PAGE_SIZE ? itemName(items[items.length - 1]!) : null,
    };
  }
  const items = await listObjects(container, { prefix, marker });
  const entries: Entry[] = [];
  for (const item of items) {
    if (isSubdir(item)) {
      entries.push({
        kind: 'directory',
        name: item.subdir,
        label: labelOf(item.subdir, prefix),
        href: hashOf({ container, prefix: item.subdir }),
      });
    } else if (item.name !== prefix) {
      entries.push({
        kind: 'object',
        name: item.name,
        label: labelOf(item.name, prefix),
        bytes: item.bytes,
        modified: item.last_modified,
        contentType: item.content_type,
      });
    }
  }
  // The folder's own marker object counts towards a full page, though it is not shown.
  return { entries, nextMarker: items.length >= PAGE_SIZE ? itemName(items[items.length - 1]!) : null };
}
