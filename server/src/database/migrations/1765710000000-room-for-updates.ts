import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every send's row is written once and then updated three or four times within seconds: claimed,
 * accepted, then the provider's statuses; a call-out's recipient once more when notified. Packed
 * full by the insert, a page had no room for a row's next version, so each update put it on
 * another page and added an entry to every index of the table. With half of each page left free,
 * an update that changes no indexed column stays on its page (a HOT update) and touches no index.
 * Only rows written from now on get the room; no table is rewritten.
 */
const TABLES = ['callout_delivery', 'callout_recipient', 'notification_sms'];

export class RoomForUpdates1765710000000 implements MigrationInterface {
  name = 'RoomForUpdates1765710000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} SET (fillfactor = 50)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} RESET (fillfactor)`);
  }
}
