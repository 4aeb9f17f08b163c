import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CONTROL_LEVELS,
  type ControlLevel,
  HAZARD_CATEGORIES,
  type HazardCategory,
  RISK_CLASSES,
  RISK_METHODS,
  RISK_POINT_KINDS,
  type RiskClass,
  type RiskMethod,
  type RiskPointKind,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';

export class RiskHazardFactorDto {
  @ApiProperty({ example: '液氯储罐泄漏' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  factor: string;

  @ApiProperty({ example: '中毒窒息' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  consequence: string;
}

export class ControlMeasureDto {
  @ApiPropertyOptional({ description: 'Kept when editing a measure, so its checklist items stay linked' })
  @IsOmittable()
  @IsString()
  @MaxLength(40)
  id?: string;

  @ApiProperty({ example: '储罐区设置氯气泄漏报警仪并每日检查' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  text: string;

  @ApiProperty({ enum: CONTROL_LEVELS, description: 'Owning level: company, workshop, team or post' })
  @IsIn(CONTROL_LEVELS)
  level: ControlLevel;

  @ApiProperty({ example: '王建国' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  person: string;

  @ApiProperty({ enum: HAZARD_CATEGORIES, description: 'What a failed check of it is recorded as' })
  @IsIn(HAZARD_CATEGORIES)
  category: HazardCategory;
}

export class RiskLocationDto {
  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;
}

export class RiskPointCreateDto {
  @ApiPropertyOptional({ description: 'The owning enterprise (officers: always their own)' })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: '液氯储罐区' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: RISK_POINT_KINDS })
  @IsIn(RISK_POINT_KINDS)
  kind: RiskPointKind;

  @ApiProperty({ example: '二车间东侧' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiPropertyOptional({ nullable: true, description: '岗位 whose notification card lists the point' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  post?: string | null;

  @ApiPropertyOptional({ type: RiskLocationDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskLocationDto)
  location?: RiskLocationDto | null;

  @ApiProperty({ type: [RiskHazardFactorDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RiskHazardFactorDto)
  hazards: RiskHazardFactorDto[];

  @ApiProperty({ type: [ControlMeasureDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ControlMeasureDto)
  measures: ControlMeasureDto[];

  @ApiProperty({ type: [String], example: ['立即佩戴正压式空气呼吸器', '关闭紧急切断阀'] })
  @IsArray()
  @ArrayMaxSize(30)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  emergencyActions: string[];
}

export class RiskPointUpdateDto extends PartialType(RiskPointCreateDto, { skipNullProperties: false }) {}

export class RiskAssessDto {
  @ApiProperty({ enum: RISK_METHODS, description: 'lec: D = L × E × C; matrix: R = L × S' })
  @IsIn(RISK_METHODS)
  method: RiskMethod;

  @ApiProperty({ description: 'Likelihood: LEC 0.1–10, matrix 1–5' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  l: number;

  @ApiPropertyOptional({ description: 'LEC exposure 0.5–10' })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  e?: number;

  @ApiPropertyOptional({ description: 'LEC consequence 1–100' })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  c?: number;

  @ApiPropertyOptional({ description: 'Matrix severity 1–5' })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  s?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ description: 'Reassess by (YYYY-MM-DD); default one year after today' })
  @IsOmittable()
  @IsCalendarDate()
  nextAssessmentOn?: string;
}

export class RiskPointListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: [...RISK_CLASSES, 'unassessed'] })
  @IsOptional()
  @IsIn([...RISK_CLASSES, 'unassessed'])
  grade?: RiskClass | 'unassessed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  post?: string;

  @ApiPropertyOptional({ description: 'Search in name, place and post' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PostCardQueryDto {
  @ApiProperty()
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '液氯充装工' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  post: string;
}

export class RiskPlansCreateDto {
  @ApiPropertyOptional({ description: 'First day of the plans (YYYY-MM-DD); default today' })
  @IsOmittable()
  @IsCalendarDate()
  startsOn?: string;
}
