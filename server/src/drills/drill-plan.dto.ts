import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PLAN_TYPES, type PlanType } from '@muster/contracts';

/** A drill added to a yearly drill plan (MEM Order 2 Art. 33). */
export class DrillPlanEntryCreateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: "The enterprise; null: the zone's own plan",
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;

  @ApiProperty({ enum: PLAN_TYPES, description: 'The plan level to drill' })
  @IsIn(PLAN_TYPES)
  planType: PlanType;

  @ApiProperty({ example: '储罐区泄漏专项预案演练' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;
}

export class DrillPlanQueryDto {
  @ApiProperty({ minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
