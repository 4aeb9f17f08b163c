import { assessInstallation, type InstallationChemical } from '@muster/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Table 2 codes first written, and the standard's codes for the same categories. */
const RENAMED: Record<string, string> = { W7: 'W8', 'W8.1': 'W9.1', 'W8.2': 'W9.2', W9: 'W11' };

/**
 * The GB 18218-2018 tables were checked against the standard: four Table 2 codes are renamed to
 * the standard's, and some critical quantities and β changed, so every installation's stored
 * identification and grade (which lists and the map read) is computed again.
 */
export class Gb18218TableCodes1765520000000 implements MigrationInterface {
  name = 'Gb18218TableCodes1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await this.rewrite(q, RENAMED);
  }

  async down(q: QueryRunner): Promise<void> {
    // The categories the old codes lacked (organic peroxides apart, flammable solids) stay.
    await this.rewrite(q, Object.fromEntries(Object.entries(RENAMED).map(([a, b]) => [b, a])));
  }

  private async rewrite(q: QueryRunner, codes: Record<string, string>): Promise<void> {
    const rows: { id: string; chemicals: InstallationChemical[]; people_exposed: number }[] = await q.query(
      'SELECT id, chemicals, people_exposed FROM installation',
    );
    for (const row of rows) {
      const chemicals = row.chemicals.map((c) => ({
        ...c,
        category: (codes[c.category] ?? c.category) as InstallationChemical['category'],
      }));
      const a = assessInstallation(chemicals, row.people_exposed);
      await q.query(
        'UPDATE installation SET chemicals = $2, ratio_sum = $3, r_value = $4, grade = $5 WHERE id = $1',
        [row.id, JSON.stringify(chemicals), a.ratioSum, a.r, a.grade],
      );
    }
  }
}
