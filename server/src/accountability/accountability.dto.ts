import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_STATUSES,
  type AccountabilityMeasure,
  type AccountabilityStatus,
  FINDING_KINDS,
  type FindingKind,
  RESPONSIBILITY_KINDS,
  type AccountablePerson,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';

const PERSON_KINDS = [...RESPONSIBILITY_KINDS, 'first_responsible'] as const;

export class AccountablePersonDto {
  @ApiProperty({ enum: ['zone', 'enterprise'] })
  @IsIn(['zone', 'enterprise'])
  list: 'zone' | 'enterprise';

  @ApiProperty({ enum: PERSON_KINDS })
  @IsIn(PERSON_KINDS)
  kind: AccountablePerson['kind'];

  @ApiProperty({ example: '安全环保部' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unit: string;

  @ApiPropertyOptional({ nullable: true, example: '部长' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  post?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '王强' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  holder?: string | null;

  @ApiProperty({ type: [String], description: 'The duties the finding concerns' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  duties: string[];
}

export class AccountabilityCreateDto {
  @ApiProperty({ enum: FINDING_KINDS })
  @IsIn(FINDING_KINDS)
  findingKind: FindingKind;

  @ApiProperty()
  @IsUUID()
  findingId: string;

  @ApiProperty({
    enum: ['enterprise', 'zone'],
    description: "Whose people: the finding's enterprise, or the zone's own departments",
  })
  @IsIn(['enterprise', 'zone'])
  about: 'enterprise' | 'zone';

  @ApiProperty({ type: [AccountablePersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AccountablePersonDto)
  persons: AccountablePersonDto[];

  @ApiProperty({ description: 'The facts and the duties not fulfilled' })
  @Transform(trim)
  @IsString()
  @MinLength(4)
  @MaxLength(10000)
  facts: string;

  @ApiProperty({ enum: ACCOUNTABILITY_MEASURES })
  @IsIn(ACCOUNTABILITY_MEASURES)
  measure: AccountabilityMeasure;

  @ApiPropertyOptional({ description: 'The authority a matter is transferred to, or what "other" is' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  measureDetail?: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded files' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class AccountabilityUpdateDto {
  @ApiPropertyOptional({ type: [AccountablePersonDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AccountablePersonDto)
  persons?: AccountablePersonDto[];

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(4)
  @MaxLength(10000)
  facts?: string;

  @ApiPropertyOptional({ enum: ACCOUNTABILITY_MEASURES })
  @IsOmittable()
  @IsIn(ACCOUNTABILITY_MEASURES)
  measure?: AccountabilityMeasure;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  measureDetail?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class DecideDto {
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_MEASURES, description: 'Default: the one proposed' })
  @IsOmittable()
  @IsIn(ACCOUNTABILITY_MEASURES)
  measure?: AccountabilityMeasure;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  measureDetail?: string;

  @ApiProperty({ example: '2026-12-08' })
  @IsCalendarDate()
  decidedOn: string;

  @ApiProperty({ example: '2026-12-20', description: 'To be carried out by this day' })
  @IsCalendarDate()
  dueOn: string;
}

export class CarryOutDto {
  @ApiProperty({ example: '2026-12-15' })
  @IsCalendarDate()
  carriedOutOn: string;

  @ApiProperty({ example: '已对相关责任人进行约谈，形成约谈记录' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(5000)
  outcome: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class WithdrawDto {
  @ApiProperty({ example: '经调查，该岗位人员已按规定履职' })
  @Transform(trim)
  @IsString()
  @MinLength(4)
  @MaxLength(2000)
  reason: string;
}

export class AccountabilityListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_STATUSES })
  @IsOmittable()
  @IsIn(ACCOUNTABILITY_STATUSES)
  status?: AccountabilityStatus;

  @ApiPropertyOptional({ enum: ACCOUNTABILITY_MEASURES })
  @IsOmittable()
  @IsIn(ACCOUNTABILITY_MEASURES)
  measure?: AccountabilityMeasure;

  @ApiPropertyOptional({ enum: FINDING_KINDS })
  @IsOmittable()
  @IsIn(FINDING_KINDS)
  findingKind?: FindingKind;

  @ApiPropertyOptional({ description: '`zone` or an enterprise id' })
  @IsOmittable()
  @Matches(/^(zone|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID()
  findingId?: string;
}

export class FindingQueryDto {
  @ApiProperty({ enum: FINDING_KINDS })
  @IsIn(FINDING_KINDS)
  kind: FindingKind;
}

export class CandidatesQueryDto {
  @ApiProperty({ enum: FINDING_KINDS })
  @IsIn(FINDING_KINDS)
  findingKind: FindingKind;

  @ApiProperty()
  @IsUUID()
  findingId: string;
}
