/**
 * JSON safe inside an HTML <script> element: `<`, `>` and `&` as \u escapes, so no value can close the
 * element (`</script>`) or open a comment; U+2028/U+2029 too, for old JavaScript parsers.
 */
export function escapeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
