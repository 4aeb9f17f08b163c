import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  EvaluationCategory,
  GeoJsonPolygon,
  RegulatoryCategory,
  RiskClass,
  RiskClassSource,
  SizeClass,
} from '@muster/contracts';

@Entity('enterprise')
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** 统一社会信用代码 (GB 32100-2015), upper case. */
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  industry: string;

  /** Recorded by the zone until a risk point is assessed, then its worst point's (`riskClassSource`). */
  @Column({ type: 'text' })
  riskClass: RiskClass;

  @Column({ type: 'text', default: 'recorded' })
  riskClassSource: RiskClassSource;

  /** Size (NBS standard); with `evaluationCategory`, decides the 3-yearly plan evaluation (Order 2 Art. 35). */
  @Column({ type: 'text', nullable: true })
  sizeClass: SizeClass | null;

  @Column({ type: 'text', nullable: true })
  evaluationCategory: EvaluationCategory | null;

  /** MEM Order 2 Art. 33 category, confirmed by the zone; null until it is recorded. */
  @Column({ type: 'text', nullable: true })
  regulatoryCategory: RegulatoryCategory | null;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  @Column({ type: 'jsonb', nullable: true })
  outline: GeoJsonPolygon | null;

  /** 法定代表人: the first person responsible for safety production. */
  @Column({ type: 'text' })
  legalRepresentative: string;

  /** 实际控制人: also a first person responsible; null until recorded (may be the legal representative). */
  @Column({ type: 'text', nullable: true })
  actualController: string | null;

  @Column({ type: 'text' })
  safetyLead: string;

  @Column({ type: 'text' })
  dutyPhone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
