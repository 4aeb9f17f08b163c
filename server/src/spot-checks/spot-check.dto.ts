import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { RISK_CLASSES, type RiskClass } from '@muster/contracts';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';
import { ChecklistItemDto } from '../inspections/inspection.dto.js';

export class RecusalDto {
  @ApiProperty({ description: 'The inspector (a user with the inspector role)' })
  @IsUUID()
  inspectorId: string;

  @ApiPropertyOptional({ nullable: true, description: 'The enterprise; null: the whole task' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ example: '近亲属在该企业任职' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class SpotCheckCreateDto {
  @ApiProperty({ example: '2026年第四季度危险化学品企业双随机抽查' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2026-12-10', description: 'The inspections are due from this day…' })
  @IsCalendarDate()
  periodStart: string;

  @ApiProperty({ example: '2026-12-31', description: '…until this one' })
  @IsCalendarDate()
  periodEnd: string;

  @ApiProperty({ minimum: 1, maximum: 500, description: 'How many enterprises to draw' })
  @IsInt()
  @Min(1)
  @Max(500)
  enterpriseCount: number;

  @ApiProperty({ minimum: 1, maximum: 10, default: 2, description: 'Inspectors drawn for each' })
  @IsInt()
  @Min(1)
  @Max(10)
  inspectorsPerEnterprise: number;

  @ApiPropertyOptional({ type: [String], description: 'Draw from these industries only (empty: all)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  industries?: string[];

  @ApiPropertyOptional({ enum: RISK_CLASSES, isArray: true, description: 'Empty: every class' })
  @IsOmittable()
  @IsArray()
  @IsIn(RISK_CLASSES, { each: true })
  riskClasses?: RiskClass[];

  @ApiPropertyOptional({ type: [String], description: 'Enterprises left out of the draw' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  excludedEnterpriseIds?: string[];

  @ApiPropertyOptional({
    nullable: true,
    minimum: 1,
    maximum: 3650,
    description: 'Leave out enterprises a zone inspection or spot check covered within this many days',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  excludeCheckedWithinDays?: number | null;

  @ApiPropertyOptional({ type: [RecusalDto], description: 'Inspectors recused (回避)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RecusalDto)
  recusals?: RecusalDto[];

  @ApiPropertyOptional({ type: [ChecklistItemDto], description: 'What each inspection checks' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist?: ChecklistItemDto[];
}

export class SpotCheckUpdateDto extends PartialType(SpotCheckCreateDto, { skipNullProperties: false }) {}

export class DrawDto {
  @ApiPropertyOptional({
    description: 'Why the task is drawn again; required for every draw after the first, and kept',
  })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(4)
  @MaxLength(1000)
  reason?: string;
}
