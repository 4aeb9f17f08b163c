import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  InstallationChemical,
  InstallationGrade,
  InstallationKind,
  ResponsiblePerson,
  ResponsibleRole,
} from '@muster/contracts';

@Entity('installation')
export class Installation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: InstallationKind;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** People normally present within 500 m outside the plant boundary (α of the grading). */
  @Column({ type: 'integer' })
  peopleExposed: number;

  @Column({ type: 'jsonb' })
  chemicals: InstallationChemical[];

  @Column({ type: 'jsonb' })
  responsible: Record<ResponsibleRole, ResponsiblePerson | null>;

  @Column({ type: 'double precision' })
  ratioSum: number;

  @Column({ type: 'double precision' })
  rValue: number;

  /** null: below the critical quantities, not a major hazard installation. */
  @Column({ type: 'smallint', nullable: true })
  grade: InstallationGrade | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
