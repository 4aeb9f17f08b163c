import { Injectable } from '@nestjs/common';

/**
 * A higher domain's share of the texts phones send in. `claim` sees a text before call-outs
 * read it: it answers (`{ reply }`, null for no reply) when the text is its own, else passes
 * (undefined). `hint` is asked when call-outs could not read a text as an answer: a line telling
 * the number what else it may text, or null.
 */
export interface InboundTextReader {
  claim(from: string, body: string): Promise<{ reply: string | null } | undefined>;
  hint(from: string): Promise<string | null>;
}

/**
 * Where readers of inbound texts register when they start (the roll call reads counts and
 * check-ins this way), so call-outs keep one webhook without depending on them. Without a
 * reader, every text is a call-out's, as before.
 */
@Injectable()
export class InboundTexts {
  private readonly readers: InboundTextReader[] = [];

  register(reader: InboundTextReader): void {
    this.readers.push(reader);
  }

  async claim(from: string, body: string): Promise<{ reply: string | null } | undefined> {
    for (const reader of this.readers) {
      const claimed = await reader.claim(from, body);
      if (claimed) return claimed;
    }
    return undefined;
  }

  async hint(from: string): Promise<string | null> {
    for (const reader of this.readers) {
      const hint = await reader.hint(from);
      if (hint) return hint;
    }
    return null;
  }
}
