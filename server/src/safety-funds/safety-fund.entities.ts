import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SafetyFundCategory, SafetyFundIndustry } from '@muster/contracts';

/** numeric(16,2) arrives from pg as a string; yuan with fen fit a double exactly enough to sum. */
const money = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** An enterprise's year: its industry for the rates, the prior year's revenue, and what it set aside. */
@Entity('safety_fund_year')
export class SafetyFundYear {
  @PrimaryColumn('uuid') enterpriseId: string;
  @PrimaryColumn('integer') year: number;
  @Column({ type: 'text', nullable: true }) industry: SafetyFundIndustry | null;
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: money })
  priorRevenue: number | null;
  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: money }) setAside: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One payment out of the funds, with its use and receipts. */
@Entity('safety_fund_spend')
export class SafetyFundSpend {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'date' }) spentOn: string;
  @Column({ type: 'text' }) category: SafetyFundCategory;
  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: money }) amount: number;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'uuid', array: true }) receiptFileIds: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const SAFETY_FUND_ENTITIES = [SafetyFundYear, SafetyFundSpend];
