import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';

/**
 * Numbers that answered STOP (or that the provider says unsubscribed): no text goes to them, from
 * call-outs or notifications, until they answer START. Calls still go.
 */
@Injectable()
export class OptOutRepository {
  constructor(private readonly db: Db) {}

  async add(phone: string): Promise<void> {
    await this.db.manager.query(`INSERT INTO sms_opt_out (phone) VALUES ($1) ON CONFLICT DO NOTHING`, [
      phone,
    ]);
  }

  async remove(phone: string): Promise<void> {
    await this.db.manager.query(`DELETE FROM sms_opt_out WHERE phone = $1`, [phone]);
  }

  async has(phone: string): Promise<boolean> {
    const [row] = await this.db.manager.query(`SELECT 1 FROM sms_opt_out WHERE phone = $1`, [phone]);
    return Boolean(row);
  }

  /** Which of these numbers opted out. */
  async among(phones: string[]): Promise<Set<string>> {
    const rows: { phone: string }[] = await this.db.manager.query(
      `SELECT phone FROM sms_opt_out WHERE phone = ANY($1::text[])`,
      [phones],
    );
    return new Set(rows.map((r) => r.phone));
  }
}
