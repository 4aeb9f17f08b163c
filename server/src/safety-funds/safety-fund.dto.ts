import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  SAFETY_FUND_CATEGORIES,
  SAFETY_FUND_INDUSTRIES,
  type SafetyFundCategory,
  type SafetyFundIndustry,
} from '@muster/contracts';
import { IsCalendarDate, IsOmittable, MaxDecimalPlaces, trim } from '../common/validation.js';

/** Up to 100 billion yuan: any enterprise's revenue, within numeric(16,2). */
const MAX_YUAN = 100_000_000_000;

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2031, description: 'Default: this year' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class FundYearDto {
  @ApiPropertyOptional({ enum: SAFETY_FUND_INDUSTRIES, nullable: true, description: 'Whose rates apply' })
  @IsOptional()
  @IsIn(SAFETY_FUND_INDUSTRIES)
  industry?: SafetyFundIndustry | null;

  @ApiPropertyOptional({ nullable: true, example: 86_000_000, description: "Prior year's revenue, yuan" })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumber()
  @Min(0)
  @Max(MAX_YUAN)
  @MaxDecimalPlaces(2)
  priorRevenue?: number | null;

  @ApiProperty({ example: 2_300_000, description: 'Set aside this year so far, yuan' })
  @IsNumber()
  @Min(0)
  @Max(MAX_YUAN)
  @MaxDecimalPlaces(2)
  setAside: number;
}

export class SpendCreateDto {
  @ApiPropertyOptional({ description: "The enterprise; officers' own by default, required of the zone" })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: '2031-04-02' })
  @IsCalendarDate()
  spentOn: string;

  @ApiProperty({ enum: SAFETY_FUND_CATEGORIES, description: 'A use the funds rules allow' })
  @IsIn(SAFETY_FUND_CATEGORIES)
  category: SafetyFundCategory;

  @ApiProperty({ example: 12_800.5, description: 'Yuan' })
  @IsNumber()
  @Min(0.01)
  @Max(MAX_YUAN)
  @MaxDecimalPlaces(2)
  amount: number;

  @ApiProperty({ example: '更换储罐区可燃气体探测器 6 只' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded receipts (invoices, contracts)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  receiptFileIds?: string[];
}
