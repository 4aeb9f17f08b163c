import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../server/src/warnings/cap/CAP-v1.2.xsd'),
  'utf8',
);

/** The schema's errors for a document, none when it is a valid CAP 1.2 alert. */
export async function capSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'alert.xml', contents: xml },
    schema: { fileName: 'CAP-v1.2.xsd', contents: XSD },
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
