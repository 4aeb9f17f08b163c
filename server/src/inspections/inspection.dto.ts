import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable } from '../common/validation.js';
import {
  CHECK_RESULTS,
  type CheckResult,
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  type HazardCategory,
  type HazardLevel,
  INSPECTION_FREQUENCIES,
  INSPECTION_KINDS,
  type InspectionFrequency,
  type InspectionKind,
  RECHECK_RESULTS,
  type RecheckResult,
} from '@muster/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ChecklistItemDto {
  @ApiProperty({ example: '消防通道畅通，无占用堵塞' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  text: string;

  @ApiProperty({ enum: HAZARD_CATEGORIES })
  @IsIn(HAZARD_CATEGORIES)
  category: HazardCategory;
}

export class InspectionPlanCreateDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: INSPECTION_KINDS })
  @IsIn(INSPECTION_KINDS)
  kind: InspectionKind;

  @ApiPropertyOptional({ description: "An enterprise's own plan (officers: always their own)" })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Zone plans: the enterprises covered' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];

  @ApiProperty({ enum: INSPECTION_FREQUENCIES })
  @IsIn(INSPECTION_FREQUENCIES)
  frequency: InspectionFrequency;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiProperty({ type: [ChecklistItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist: ChecklistItemDto[];
}

export class InspectionPlanUpdateDto extends PartialType(InspectionPlanCreateDto, {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class InspectionPlanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: INSPECTION_KINDS })
  @IsOptional()
  @IsIn(INSPECTION_KINDS)
  kind?: InspectionKind;
}

export class InspectionRecordCreateDto {
  @ApiPropertyOptional({ description: 'Run a plan; its checklist is copied into the record' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ description: "Required for zone users; an officer's own enterprise otherwise" })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ type: [ChecklistItemDto], description: 'Without a plan: an ad hoc checklist' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist?: ChecklistItemDto[];
}

export class ItemAnswerDto {
  @ApiProperty()
  @IsString()
  @MaxLength(20)
  itemId: string;

  @ApiProperty({ enum: CHECK_RESULTS, nullable: true })
  @IsOptional()
  @IsIn([...CHECK_RESULTS, null])
  result: CheckResult | null;

  @ApiPropertyOptional({ description: 'What was seen; the hazard description when it failed' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  note?: string | null;

  @ApiPropertyOptional({ enum: HAZARD_LEVELS, description: 'Level of the hazard a failure becomes' })
  @IsOptional()
  @IsIn(HAZARD_LEVELS)
  level?: HazardLevel;

  @ApiPropertyOptional({
    description: '危害程度和整改难易程度分析, required when the failure is a major hazard (Order 16 Art. 14)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  harmAnalysis?: string;

  @ApiPropertyOptional({ description: 'Where the failure was seen' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class RecheckAnswerDto {
  @ApiProperty()
  @IsUUID()
  hazardId: string;

  @ApiProperty({ enum: RECHECK_RESULTS })
  @IsIn(RECHECK_RESULTS)
  result: RecheckResult;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class InspectionRecordAnswerDto {
  @ApiPropertyOptional({ type: [ItemAnswerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ItemAnswerDto)
  items?: ItemAnswerDto[];

  @ApiPropertyOptional({ type: [RecheckAnswerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RecheckAnswerDto)
  rechecks?: RecheckAnswerDto[];
}

export class InspectionRecordListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ enum: INSPECTION_KINDS })
  @IsOptional()
  @IsIn(INSPECTION_KINDS)
  kind?: InspectionKind;

  @ApiPropertyOptional({ enum: ['open', 'completed'] })
  @IsOptional()
  @IsIn(['open', 'completed'])
  status?: 'open' | 'completed';
}

export class SpotCheckCreateDto {
  @ApiProperty({ description: 'How many enterprises to sample', minimum: 1, maximum: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  sampleSize: number;

  @ApiPropertyOptional({ type: [String], description: 'Sample from these only (default: every enterprise)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];

  @ApiPropertyOptional({ description: 'Re-inspect hazards closed within this many days', default: 180 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  closedWithinDays?: number;

  @ApiPropertyOptional({ type: [ChecklistItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist?: ChecklistItemDto[];
}
