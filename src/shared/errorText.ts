/**
 * The Russian-facing text of whatever was thrown: an Error, an Apps Script service error, or the
 * failure google.script.run hands the client. One definition for the server, the client and `npm start`.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (message !== undefined && message !== null && message !== '') return String(message);
  }
  if (error === undefined || error === null || error === '' || error instanceof Error) return 'неизвестная ошибка';
  return String(error);
}
