import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CULTURE_ACTIVITY_KINDS,
  type CultureActivityKind,
  MODEL_APPLICATION_STATUSES,
  type ModelApplicationStatus,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, MaxDecimalPlaces, trim } from '../common/validation.js';

export class YearDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class OptionalYearDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: this year' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class PrerequisiteQueryDto extends YearDto {
  @ApiPropertyOptional({ description: "Whose; an officer's own by default, required of the zone" })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;
}

export class ActivityListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @ApiPropertyOptional({ description: 'One organising enterprise' })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: CULTURE_ACTIVITY_KINDS })
  @IsOmittable()
  @IsIn(CULTURE_ACTIVITY_KINDS)
  kind?: CultureActivityKind;
}

export class ActivityCreateDto {
  @ApiPropertyOptional({
    description: "The organising enterprise; officers' own by default; left out by the zone for its own",
  })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: '2026-06-16' })
  @IsCalendarDate()
  heldOn: string;

  @ApiProperty({ enum: CULTURE_ACTIVITY_KINDS })
  @IsIn(CULTURE_ACTIVITY_KINDS)
  kind: CultureActivityKind;

  @ApiProperty({ example: '“安全生产月”宣传咨询日' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '园区管委会广场' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  participantCount: number;

  @ApiPropertyOptional({ type: [String], description: 'People of the directory who took part' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  participantContactIds?: string[];

  @ApiProperty({ example: '设置咨询台，发放宣传资料，开展应急器材展示和灭火器使用体验。' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded photos (images only)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID(undefined, { each: true })
  photoFileIds?: string[];
}

export class ActivityUpdateDto extends PartialType(ActivityCreateDto, { skipNullProperties: false }) {}

export class CriteriaItemDto {
  @ApiProperty({ example: 'B1' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, {
    message: 'code must be 1–20 letters, digits, dots or hyphens',
  })
  code: string;

  @ApiProperty({ example: '安全承诺' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  section: string;

  @ApiProperty({ example: '确立安全理念、愿景、使命和目标，形成文字并广泛宣贯' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ example: 6 })
  @IsNumber()
  @Min(0.5)
  @Max(1000)
  @MaxDecimalPlaces(1)
  points: number;

  @ApiProperty({ example: '理念手册、宣贯记录、现场标识照片' })
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  evidence: string;
}

export class CriteriaDto {
  @ApiProperty({ type: [CriteriaItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriteriaItemDto)
  items: CriteriaItemDto[];

  @ApiProperty({ example: 80, description: 'Reviewed points needed for the award' })
  @IsNumber()
  @Min(0)
  @Max(100_000)
  @MaxDecimalPlaces(1)
  passScore: number;

  @ApiProperty({ example: 3, description: 'Years without an incident of relatively serious grade or worse' })
  @IsInt()
  @Min(0)
  @Max(10)
  incidentYears: number;

  @ApiProperty({ example: 3, description: 'Years the title is valid, counting the award year' })
  @IsInt()
  @Min(1)
  @Max(10)
  validityYears: number;
}

export class ApplicationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: MODEL_APPLICATION_STATUSES })
  @IsOmittable()
  @IsIn(MODEL_APPLICATION_STATUSES)
  status?: ModelApplicationStatus;
}

export class ApplicationCreateDto {
  @ApiProperty({ example: 2026, description: 'The programme year (its criteria must be published)' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class SelfItemDto {
  @ApiProperty({ example: 'B1' })
  @IsString()
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: 5, nullable: true, description: 'Points the enterprise gives itself' })
  @IsNumber({}, { message: 'selfScore must be a number' })
  @Min(0)
  @Max(1000)
  @MaxDecimalPlaces(1)
  selfScore: number;

  @ApiPropertyOptional({ example: '理念手册已印发全员' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  selfNote?: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded evidence (photos or PDFs)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class SelfAssessmentDto {
  @ApiProperty({ type: [SelfItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SelfItemDto)
  items: SelfItemDto[];
}

export class ReviewItemDto {
  @ApiProperty({ example: 'B1' })
  @IsString()
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: 5 })
  @IsNumber()
  @Min(0)
  @Max(1000)
  @MaxDecimalPlaces(1)
  reviewScore: number;

  @ApiPropertyOptional({ example: '宣贯记录齐全' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reviewNote?: string;
}

export class ReviewDto {
  @ApiProperty({ type: [ReviewItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReviewItemDto)
  items: ReviewItemDto[];
}

export class ReturnDto {
  @ApiProperty({ example: 'E2 请补充安全生产月活动签到表' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}

export const DECISIONS = ['award', 'decline'] as const;

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ example: '评审得分 86 分，达到示范企业标准', description: 'Required to decline' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ModelEnterpriseQueryDto {
  @ApiPropertyOptional({ example: '2026-12-06', description: 'Titles in force on this day; default today' })
  @IsOmittable()
  @IsCalendarDate()
  asOf?: string;
}
