/**
 * The browser a PDF is printed with (or the library that drives it) is not installed. Kept apart
 * from the PDF renderer, so callers can recognise it without loading the renderer.
 */
export class BrowserUnavailableError extends Error {
  readonly code = 'BROWSER_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'BrowserUnavailableError';
  }
}
