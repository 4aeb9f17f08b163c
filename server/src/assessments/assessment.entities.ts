import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AssessmentBand,
  AssessmentMetric,
  AssessmentSubject,
  EvidenceKind,
  NoticeKind,
  SchemeStatus,
  ScoreEvidence,
  ScoringRule,
} from '@muster/contracts';

/** numeric columns come back from pg as strings. */
const decimal = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('assessment_scheme')
export class AssessmentScheme {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'integer' }) objectionDays: number;
  @Column({ type: 'text', default: 'enterprise' }) subject: AssessmentSubject;
  @Column({ type: 'text', default: 'draft' }) status: SchemeStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('assessment_indicator')
export class AssessmentIndicator {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) schemeId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) groupName: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) metric: AssessmentMetric;
  @Column({ type: 'text' }) rule: ScoringRule;
  @Column({ type: 'numeric', transformer: decimal }) weight: number;
  @Column({ type: 'double precision', nullable: true }) param: number | null;
  @Column({ type: 'text' }) evidence: EvidenceKind;
  @Column({ type: 'boolean', default: false }) veto: boolean;
}

@Entity('assessment_sheet')
export class AssessmentSheet {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) schemeId: string;
  /** Null on a department's sheet. */
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  /** A zone department's sheet: the department, by its name in the zone's responsibility list. */
  @Column({ type: 'text', nullable: true }) department: string | null;
  /** Kept with the sheet: a published ranking names the enterprise (or department) as it was then. */
  @Column({ type: 'text' }) enterpriseName: string;
  /** A department's duties as listed when it was assessed. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) duties: string[];
  @Column({ type: 'numeric', transformer: decimal }) total: number;
  @Column({ type: 'boolean', default: false }) vetoed: boolean;
  @Column({ type: 'text', default: 'fail' }) band: AssessmentBand;
  @Column({ type: 'integer', default: 0 }) rank: number;
  @Column({ type: 'timestamptz', nullable: true }) computedAt: Date | null;
}

@Entity('assessment_score')
export class AssessmentScore {
  @PrimaryColumn('uuid') sheetId: string;
  @PrimaryColumn('uuid') indicatorId: string;
  @Column({ type: 'numeric', nullable: true, transformer: decimal }) points: number | null;
  @Column({ type: 'jsonb', nullable: true }) evidence: ScoreEvidence | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) fileIds: string[];
  @Column({ type: 'uuid', nullable: true }) scoredBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) scoredAt: Date | null;
}

@Entity('assessment_objection')
export class AssessmentObjection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sheetId: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'uuid', nullable: true }) filedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @Column({ type: 'uuid', nullable: true }) repliedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) repliedAt: Date | null;
}

export interface NoticeEnterprise {
  id: string;
  name: string;
  total: number;
  band: AssessmentBand;
}

@Entity('assessment_notice')
export class AssessmentNotice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) schemeId: string;
  @Column({ type: 'text' }) kind: NoticeKind;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'jsonb' }) enterprises: NoticeEnterprise[];
  @Column({ type: 'uuid', nullable: true }) issuedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) issuedAt: Date;
}

export const ASSESSMENT_ENTITIES = [
  AssessmentScheme,
  AssessmentIndicator,
  AssessmentSheet,
  AssessmentScore,
  AssessmentObjection,
  AssessmentNotice,
];
