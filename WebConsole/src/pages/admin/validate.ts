import { NAME_PATTERN } from '../../api/admin';

/** Words for why an account or user name cannot be used, or null. */
export function validateName(what: 'account' | 'user', name: string): string | null {
  if (!name) return `Enter the ${what} name`;
  if (name.length > 64) return `The ${what} name is too long: at most 64 characters`;
  if (!NAME_PATTERN.test(name)) {
    return `The ${what} name can only use letters, digits, "-" and "_" (no spaces)`;
  }
  return null;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** An empty email is fine where it is optional; the caller decides. */
export function validateEmail(email: string): string | null {
  if (!EMAIL_SHAPE.test(email)) return 'The email address does not look right (like name@example.org)';
  return null;
}

export const MIN_KEY_LENGTH = 8;

export function validateNewKey(key: string, repeat?: string): string | null {
  if (!key) return 'Enter a password';
  if (key.length < MIN_KEY_LENGTH) return `The password is too short: use at least ${MIN_KEY_LENGTH} characters`;
  if (/[^\u0000-\u00ff]/.test(key)) return 'The password can only use Latin characters';
  if (repeat !== undefined && key !== repeat) return 'The two passwords are not the same';
  return null;
}

/** An admin may set any key the sign-in form can send; the length rule is for self-registration. */
export function validateAdminKey(key: string): string | null {
  if (!key) return 'Enter a key (password) for the user';
  if (/[^\u0000-\u00ff]/.test(key)) return 'The key can only use Latin characters';
  return null;
}
