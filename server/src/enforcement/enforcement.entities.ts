import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InstrumentContent, InstrumentKind, StatementKind } from '@muster/contracts';

/** A violation as stored; the hazard's code is read from the ledger when shown. */
export interface StoredViolation {
  facts: string;
  basis: string;
  hazardId: string | null;
}

export interface StoredStatement {
  kind: StatementKind;
  summary: string;
  review: string;
  recordedAt: string;
  recordedBy: string | null;
}

/** An enforcement case (执法案件) against one enterprise. */
@Entity('enforcement_case')
export class EnforcementCase {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid', nullable: true }) inspectionRecordId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) violations: StoredViolation[];
  @Column({ type: 'text', default: 'open' }) status: 'open' | 'closed';
  @Column({ type: 'jsonb', nullable: true }) statement: StoredStatement | null;
  @Column({ type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ type: 'text' }) openedByName: string;
  @Column({ type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) disclosedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) disclosedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One numbered instrument (执法文书) of a case. */
@Entity('enforcement_instrument')
export class EnforcementInstrument<K extends InstrumentKind = InstrumentKind> {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) kind: K;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) seq: number;
  /** Zone-local date (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  @Column({ type: 'jsonb' }) content: InstrumentContent[K];
  @Column({ type: 'uuid', nullable: true }) issuedBy: string | null;
  @Column({ type: 'text' }) issuedByName: string;
  @Column({ type: 'timestamptz' }) issuedAt: Date;
}

export const ENFORCEMENT_ENTITIES = [EnforcementCase, EnforcementInstrument];
