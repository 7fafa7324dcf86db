/** What a failed call was trying to do, where that changes what a status means. */
export type ErrorContext = 'login' | 'container-delete' | 'transfer';

export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';

/** A failed HTTP call; its message is already in words for the person using the console. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    body = '',
    context?: ErrorContext,
    readonly transId = '',
  ) {
    super(describeStatus(status, body, context));
    this.name = 'ApiError';
  }
}

/** The token was refused or dropped; the app has already gone back to the login page. */
export class SessionExpiredError extends Error {
  constructor() {
    super(SESSION_EXPIRED);
    this.name = 'SessionExpiredError';
  }
}

// Bodies that only repeat the status line add nothing to our own words.
const REASON_PHRASE =
  /^(\d{3}\s+)?(bad request|unauthorized|forbidden|not found|conflict|length required|request entity too large|payload too large|too many requests|internal server error|bad gateway|service unavailable|gateway timeout)\.?$/i;

const MAX_DETAIL = 300;

/** The readable text of an error body (Swift often sends a small HTML page), or ''. */
export function bodyText(body: string): string {
  let text = body;
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    // Swift's pages are "<h1>Reason</h1><p>Explanation</p>": the heading repeats the status.
    text = text.replace(/<h1[^>]*>[\s\S]*?<\/h1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (REASON_PHRASE.test(text)) return '';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

export function describeStatus(status: number, body = '', context?: ErrorContext): string {
  const detail = bodyText(body);
  switch (status) {
    case 0:
      return 'Cannot reach the server';
    case 400:
      if (context === 'transfer') return detail ? `The destination is not valid: ${detail}` : 'The destination is not valid';
      return detail || 'The request was not valid';
    case 401:
      return context === 'login' ? 'Wrong user name or password' : SESSION_EXPIRED;
    case 403:
      return 'You are not allowed to do this';
    case 404:
      return context === 'transfer'
        ? 'The file or folder to move or copy was not found: it may have been deleted meanwhile'
        : 'Not found: it may have been deleted meanwhile';
    case 408:
      return 'The server waited too long for the request; try again';
    case 409:
      if (context === 'container-delete') return 'The container is not empty';
      if (context === 'transfer') {
        return /into itself/i.test(detail)
          ? 'A folder cannot move or be copied into itself'
          : 'Something already exists at the destination';
      }
      return 'It already exists or is in use';
    case 411:
      return 'The server needs to know the size of the upload';
    case 412:
      return detail ? `A condition of the request was not met: ${detail}` : 'A condition of the request was not met';
    case 413: {
      const words =
        context === 'transfer'
          ? 'Over quota: the destination container has no room left for this'
          : 'Over quota: there is no room left for this file';
      return detail ? `${words} (${detail})` : words;
    }
    case 422:
      return 'The upload arrived damaged (checksum mismatch); try again';
    case 429:
      return 'Too many attempts; wait a moment and try again';
    case 502:
    case 503:
    case 504:
      return 'The storage cluster is busy or unreachable; try again shortly';
    case 507:
      return 'The storage cluster has no room left';
    default:
      if (status >= 500) return 'The server ran into an error; try again later';
      return detail || `The server refused the request (HTTP status ${status})`;
  }
}

/** Words for anything thrown by the API layer. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}
