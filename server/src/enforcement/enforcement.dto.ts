import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
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
  DEFAULT_STATEMENT_DAYS,
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  STATEMENT_KINDS,
  type HazardCategory,
  type HazardLevel,
  type StatementKind,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, MaxDecimalPlaces, trim } from '../common/validation.js';

const text = (max: number) => [Transform(trim), IsString(), MinLength(1), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((d) => d(target, key));
}

/** A hazard to enter in the ledger for a violation that is not there yet. */
export class ViolationHazardDto {
  @ApiProperty({ example: '2号罐区东侧管廊' })
  @Text(200)
  place: string;

  @ApiProperty({ enum: HAZARD_CATEGORIES })
  @IsIn(HAZARD_CATEGORIES)
  category: HazardCategory;

  @ApiProperty({ enum: HAZARD_LEVELS })
  @IsIn(HAZARD_LEVELS)
  level: HazardLevel;

  @ApiPropertyOptional({ description: '危害程度和整改难易程度分析; required for a major hazard' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  harmAnalysis?: string;
}

export class ViolationDto {
  @ApiProperty({ example: '2号罐区可燃气体检测报警器未定期检定，1台失效' })
  @Text(2000)
  facts: string;

  @ApiProperty({ example: '《中华人民共和国安全生产法》第三十六条第二款' })
  @Text(1000)
  basis: string;

  @ApiPropertyOptional({ description: 'A hazard already in the ledger' })
  @IsOmittable()
  @IsUUID()
  hazardId?: string;

  @ApiPropertyOptional({ type: ViolationHazardDto, description: 'Enter a new hazard for it' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ViolationHazardDto)
  hazard?: ViolationHazardDto;
}

export class CaseCreateDto {
  @ApiPropertyOptional({
    description: 'The inspection that found the violations (its enterprise is the case’s)',
  })
  @IsOmittable()
  @IsUUID()
  inspectionRecordId?: string;

  @ApiPropertyOptional({ description: 'Required without an inspection' })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: '涉嫌未按规定检定可燃气体检测报警器案' })
  @Text(200)
  title: string;

  @ApiProperty({ type: [ViolationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ViolationDto)
  violations: ViolationDto[];
}

export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOmittable()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class InspectionRecordDocDto {
  @ApiProperty({ example: '杜集开发区化工园区纬二路8号 生产区、罐区' })
  @Text(300)
  place: string;

  @ApiProperty({ example: '2026-03-02T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  inspectedAt: string;

  @ApiProperty({ example: '王立新（执法证号 34060001）、陈静（执法证号 34060002）' })
  @Text(300)
  inspectors: string;

  @ApiProperty({ example: '李明（安全部经理）' })
  @Text(200)
  present: string;

  @ApiProperty({ example: '检查了罐区、装卸区和中控室，查阅了检测报警设备检定记录。' })
  @Text(4000)
  situation: string;
}

export class RectificationOrderDto {
  @ApiProperty({ example: '对上述问题立即组织整改，整改完成后书面报告。' })
  @Text(4000)
  requirement: string;

  @ApiProperty({ example: '2026-03-16', description: 'Zone-local last day to rectify' })
  @IsCalendarDate()
  deadline: string;
}

export class OnsiteMeasuresDto {
  @ApiProperty({ example: '责令2号罐区暂时停止作业，撤出作业人员。' })
  @Text(4000)
  measures: string;

  @ApiProperty({ example: '《中华人民共和国安全生产法》第六十五条第一款第（三）项' })
  @Text(1000)
  basis: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-03-09' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}

export class RecheckOpinionDto {
  @ApiProperty({ example: '2026-03-16' })
  @IsCalendarDate()
  recheckedOn: string;

  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @ApiProperty({ example: '经复查，已更换失效报警器并完成检定，整改合格。' })
  @Text(4000)
  opinion: string;
}

export class FilingDto {
  @ApiProperty({ example: '涉嫌未按规定检定可燃气体检测报警器' })
  @Text(300)
  cause: string;

  @ApiProperty({ example: '逾期未整改，违法事实清楚，建议立案调查。' })
  @Text(4000)
  summary: string;
}

class PenaltyFields {
  @ApiProperty({ example: 30000, description: 'Fine in yuan (0: none)' })
  @IsNumber()
  @Min(0)
  @Max(100_000_000)
  @MaxDecimalPlaces(2)
  fineYuan: number;

  @ApiPropertyOptional({ nullable: true, example: '责令停产停业整顿' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  otherPenalty?: string | null;

  @ApiProperty({ example: '《中华人民共和国安全生产法》第九十九条第（三）项' })
  @Text(1000)
  basis: string;
}

export class PenaltyNoticeDto extends PenaltyFields {
  @ApiPropertyOptional({ description: 'The penalty falls on a person, not the unit' })
  @IsOmittable()
  @IsBoolean()
  onPerson?: boolean;

  @ApiPropertyOptional({ description: 'It suspends production or revokes a licence' })
  @IsOmittable()
  @IsBoolean()
  suspendsOrRevokes?: boolean;

  @ApiPropertyOptional({ minimum: 3, maximum: 15, default: DEFAULT_STATEMENT_DAYS })
  @IsOmittable()
  @IsInt()
  @Min(3)
  @Max(15)
  statementDays?: number;
}

export class StatementDto {
  @ApiProperty({ enum: STATEMENT_KINDS })
  @IsIn(STATEMENT_KINDS)
  kind: StatementKind;

  @ApiProperty({ example: '当事人称报警器已送检，请求从轻处罚。' })
  @Text(4000)
  summary: string;

  @ApiProperty({ example: '经复核，当事人所述送检在检查之后，不予采纳。' })
  @Text(4000)
  review: string;
}

export class PenaltyDecisionDto extends PenaltyFields {
  @ApiProperty({ example: '当事人违法事实清楚，证据确凿，经复核，依法作出如下处罚。' })
  @Text(4000)
  reasoning: string;
}

export class ClosingDto {
  @ApiProperty({ example: '罚款已于2026年4月2日缴纳，整改已复查合格。' })
  @Text(4000)
  execution: string;
}
