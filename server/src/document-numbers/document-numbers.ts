import { Injectable, Module } from '@nestjs/common';
import { Db } from '../database/db.js';

/**
 * The zone's document numbering (〔2026〕12号): one counter per (kind, year). `next` takes the
 * counter's row lock and moves it inside the caller's transaction, so two issues at once get
 * consecutive numbers and a document rolled back gives its number back: gap-free and unique.
 */
@Injectable()
export class DocumentNumbers {
  constructor(private readonly db: Db) {}

  async next(kind: string, year: number): Promise<number> {
    if (!this.db.inTransaction())
      throw new Error('a document number is taken inside the transaction that issues it');
    const rows: { last_seq: number }[] = await this.db.manager.query(
      `INSERT INTO document_counter (kind, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last_seq = document_counter.last_seq + 1
       RETURNING last_seq`,
      [kind, year],
    );
    return rows[0]!.last_seq;
  }
}

@Module({ providers: [DocumentNumbers], exports: [DocumentNumbers] })
export class DocumentNumbersModule {}
