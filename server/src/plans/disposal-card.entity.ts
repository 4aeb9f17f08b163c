import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 应急处置卡: the pocket card of one post or role, printed and carried. */
@Entity('disposal_card')
export class DisposalCard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  post: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  hazards: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  precautions: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: { name: string; phone: string }[];
}
