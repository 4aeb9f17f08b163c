import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.js';
import { NotFoundError } from '../common/domain-errors.js';
import {
  RollCall,
  RollCallCheckIn,
  RollCallCount,
  RollCallEnterprise,
  RollCallMissing,
  RollCallPoint,
} from './rollcall.entities.js';
import type { RollCallRecord } from './rollcall.view.js';

/** A phone's part in open roll calls: reporting for an enterprise, or a responder paged in the incident. */
export interface PhoneRole {
  rollCallId: string;
  incidentId: string;
  contactId: string;
  name: string;
  language: 'zh-CN' | 'en';
  /** The enterprise the number reports for; null for a responder. */
  enterpriseId: string | null;
}

/**
 * The roll call's records. They hang off an incident, whose scoped lookup (in the service) is
 * the read check; the phone lookups serve texts, which carry no login.
 */
@Injectable()
export class RollCallRepository {
  constructor(private readonly db: Db) {}

  async record(rollCall: RollCall): Promise<RollCallRecord> {
    const id = rollCall.id;
    const [points, enterprises, counts, checkIns, missing, [incident]] = await Promise.all([
      this.db.repo(RollCallPoint).find({ where: { rollCallId: id }, order: { position: 'ASC' } }),
      this.db.repo(RollCallEnterprise).find({ where: { rollCallId: id } }),
      this.db.repo(RollCallCount).find({ where: { rollCallId: id } }),
      this.db.repo(RollCallCheckIn).find({ where: { rollCallId: id }, order: { at: 'ASC' } }),
      this.db.repo(RollCallMissing).find({ where: { rollCallId: id }, order: { createdAt: 'ASC' } }),
      this.db.manager.query(`SELECT is_drill FROM incident WHERE id = $1`, [rollCall.incidentId]) as Promise<
        { is_drill: boolean }[]
      >,
    ]);
    return { rollCall, isDrill: incident?.is_drill ?? false, points, enterprises, counts, checkIns, missing };
  }

  forIncident(incidentId: string): Promise<RollCall[]> {
    return this.db.repo(RollCall).find({ where: { incidentId }, order: { openedAt: 'DESC' } });
  }

  async get(id: string): Promise<RollCall> {
    const rc = await this.db.repo(RollCall).findOneBy({ id });
    if (!rc) throw new NotFoundError('Roll call not found');
    return rc;
  }

  /** The roll call, locked for the change about to be made (counts arrive at once from many phones). */
  async lock(id: string): Promise<RollCall> {
    const rc = await this.db
      .repo(RollCall)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!rc) throw new NotFoundError('Roll call not found');
    return rc;
  }

  openByIds(ids: string[]): Promise<RollCall[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .repo(RollCall)
      .find({ where: { id: In(ids), status: 'open' }, order: { openedAt: 'DESC' } });
  }

  /**
   * What this number is to the open roll calls, newest first: a contact of an enterprise the
   * roll call concerns reports for it; anyone paged by a call-out in the incident is a responder.
   */
  async phoneRoles(phone: string): Promise<PhoneRole[]> {
    const rows: {
      roll_call_id: string;
      incident_id: string;
      contact_id: string;
      name: string;
      language: string;
      enterprise_id: string | null;
      opened_at: Date;
    }[] = await this.db.manager.query(
      `SELECT DISTINCT ON (r.id) r.id AS roll_call_id, r.incident_id, c.id AS contact_id, c.name, c.language,
              CASE WHEN e.enterprise_id IS NOT NULL THEN c.enterprise_id END AS enterprise_id, r.opened_at
         FROM roll_call r
         JOIN contact c ON c.phones @> ARRAY[$1::text]
         LEFT JOIN roll_call_enterprise e ON e.roll_call_id = r.id AND e.enterprise_id = c.enterprise_id
        WHERE r.status = 'open'
          AND (e.enterprise_id IS NOT NULL OR EXISTS (
                SELECT 1 FROM callout_recipient cr JOIN callout co ON co.id = cr.callout_id
                 WHERE co.incident_id = r.incident_id AND cr.phone = $1))
        ORDER BY r.id, (e.enterprise_id IS NULL), c.updated_at DESC`,
      [phone],
    );
    return rows
      .sort((a, b) => new Date(b.opened_at).getTime() - new Date(a.opened_at).getTime())
      .map((r) => ({
        rollCallId: r.roll_call_id,
        incidentId: r.incident_id,
        contactId: r.contact_id,
        name: r.name,
        language: r.language === 'en' ? ('en' as const) : ('zh-CN' as const),
        enterpriseId: r.enterprise_id,
      }));
  }

  /** Contacts of these enterprises with a number, to ask for their headcount. */
  async reporters(
    enterpriseIds: string[],
  ): Promise<
    { enterpriseId: string; contactId: string; name: string; phone: string; language: 'zh-CN' | 'en' }[]
  > {
    if (!enterpriseIds.length) return [];
    const rows: { enterprise_id: string; id: string; name: string; phone: string; language: string }[] =
      await this.db.manager.query(
        `SELECT enterprise_id, id, name, phones[1] AS phone, language FROM contact
          WHERE enterprise_id = ANY($1::uuid[]) AND cardinality(phones) > 0
          ORDER BY enterprise_id, name`,
        [enterpriseIds],
      );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      contactId: r.id,
      name: r.name,
      phone: r.phone,
      language: r.language === 'en' ? 'en' : 'zh-CN',
    }));
  }

  /** Open roll calls in incidents where one of these contacts was paged: a responder's own. */
  async openForContacts(contactIds: string[]): Promise<RollCall[]> {
    if (!contactIds.length) return [];
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT DISTINCT r.id FROM roll_call r
         JOIN callout co ON co.incident_id = r.incident_id
         JOIN callout_recipient cr ON cr.callout_id = co.id
        WHERE r.status = 'open' AND cr.contact_id = ANY($1::uuid[])`,
      [contactIds],
    );
    return this.openByIds(rows.map((r) => r.id));
  }

  /** Who a call-out recipient is and in which incident they were paged (the signed link names the recipient). */
  async recipient(
    recipientId: string,
  ): Promise<{ incidentId: string; contactId: string | null; name: string } | null> {
    const [row]: { incident_id: string; contact_id: string | null; name: string }[] =
      await this.db.manager.query(
        `SELECT co.incident_id, cr.contact_id, cr.name FROM callout_recipient cr
         JOIN callout co ON co.id = cr.callout_id WHERE cr.id = $1`,
        [recipientId],
      );
    return row ? { incidentId: row.incident_id, contactId: row.contact_id, name: row.name } : null;
  }

  /** Open roll calls that concern this enterprise. */
  async openForEnterprise(enterpriseId: string): Promise<RollCall[]> {
    const rows: { roll_call_id: string }[] = await this.db.manager.query(
      `SELECT roll_call_id FROM roll_call_enterprise WHERE enterprise_id = $1`,
      [enterpriseId],
    );
    return this.openByIds(rows.map((r) => r.roll_call_id));
  }
}
