import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AssemblyPointSource, RollCallChannel, RollCallStatus, RollCallTotals } from '@muster/contracts';

@Entity('roll_call')
export class RollCall {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) status: RollCallStatus;
  @Column({ type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) allAccountedAt: Date | null;
  /** The totals it was closed with, kept as they were whatever is reported later. */
  @Column({ type: 'jsonb', nullable: true }) final: RollCallTotals | null;
  @Column({ type: 'uuid', nullable: true }) reportId: string | null;
}

@Entity('roll_call_point')
export class RollCallPoint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) rollCallId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'text' }) source: AssemblyPointSource;
  @Column({ type: 'uuid', nullable: true }) sourceId: string | null;
  @Column({ type: 'integer' }) position: number;
}

@Entity('roll_call_enterprise')
export class RollCallEnterprise {
  @PrimaryColumn({ type: 'uuid' }) rollCallId: string;
  @PrimaryColumn({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid' }) pointId: string;
  @Column({ type: 'integer', nullable: true }) expected: number | null;
  @Column({ type: 'timestamptz', nullable: true }) lastReportAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastChannel: RollCallChannel | null;
}

@Entity('roll_call_count')
export class RollCallCount {
  @PrimaryColumn({ type: 'uuid' }) rollCallId: string;
  @PrimaryColumn({ type: 'uuid' }) enterpriseId: string;
  @PrimaryColumn({ type: 'uuid' }) pointId: string;
  @Column({ type: 'integer' }) accounted: number;
  @Column({ type: 'timestamptz' }) reportedAt: Date;
}

@Entity('roll_call_check_in')
export class RollCallCheckIn {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) rollCallId: string;
  @Column({ type: 'uuid' }) pointId: string;
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) channel: RollCallChannel;
  @Column({ type: 'timestamptz' }) at: Date;
}

@Entity('roll_call_missing')
export class RollCallMissing {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) rollCallId: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) clearedAt: Date | null;
}

export const ROLL_CALL_ENTITIES = [
  RollCall,
  RollCallPoint,
  RollCallEnterprise,
  RollCallCount,
  RollCallCheckIn,
  RollCallMissing,
];
