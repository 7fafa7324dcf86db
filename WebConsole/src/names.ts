import { MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES } from './api/swift';
import { lastSegment, utf8Length } from './format';

/** Browsers treat "." and ".." path segments as navigation, even percent-encoded. */
const DOT_SEGMENT = /^\.\.?$/;

export function validateContainerName(name: string): string | null {
  if (!name) return 'Enter a name for the new container';
  if (name.includes('/')) return 'A container name cannot contain "/"';
  if (DOT_SEGMENT.test(name)) return 'A container cannot be named "." or ".."';
  const bytes = utf8Length(name);
  if (bytes > MAX_CONTAINER_NAME_BYTES) {
    return `The name is too long: ${bytes} bytes, and at most ${MAX_CONTAINER_NAME_BYTES} are allowed`;
  }
  return null;
}

export function validateFolderName(name: string, prefix: string): string | null {
  if (!name) return 'Enter a name for the new folder';
  if (name.includes('/')) return 'A folder name cannot contain "/"';
  if (DOT_SEGMENT.test(name)) return 'A folder cannot be named "." or ".."';
  const bytes = utf8Length(`${prefix}${name}/`);
  if (bytes > MAX_OBJECT_NAME_BYTES) {
    return `The name is too long: with its parent folders it is ${bytes} bytes, and at most ${MAX_OBJECT_NAME_BYTES} are allowed`;
  }
  return null;
}

/** A destination path inside a container, e.g. "2025/cat.jpg", or "2025" for a folder. */
export function validateDestinationPath(path: string, folder: boolean): string | null {
  if (!path) return folder ? 'Enter the path of the new folder' : 'Enter the path of the new file';
  if (path.startsWith('/')) return 'The path starts inside the container: leave out the leading "/"';
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return 'The path cannot contain an empty folder name ("//")';
  if (segments.some((s) => DOT_SEGMENT.test(s))) return 'No part of the path can be "." or ".."';
  const bytes = utf8Length(folder ? `${path}/` : path);
  if (bytes > MAX_OBJECT_NAME_BYTES) {
    return `The path is too long: ${bytes} bytes, and at most ${MAX_OBJECT_NAME_BYTES} are allowed`;
  }
  return null;
}

/** The part of a name below the current folder: "a/b/c.txt" in "a/b/" → "c.txt", "a/b/" in "a/" → "b". */
export function labelOf(name: string, prefix: string): string {
  let label = name.startsWith(prefix) ? name.slice(prefix.length) : lastSegment(name);
  if (label.endsWith('/')) label = label.slice(0, -1);
  return label || '(no name)';
}
