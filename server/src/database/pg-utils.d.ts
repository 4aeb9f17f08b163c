/** pg's own conversion and escaping of query parameters (the package ships no types for them). */
declare module 'pg/lib/utils.js' {
  const utils: {
    /** A parameter as pg sends it: text, binary for buffers, or null. */
    prepareValue(value: unknown): string | Buffer | null;
    /** A string as a quoted SQL literal. */
    escapeLiteral(text: string): string;
  };
  export default utils;
}
