import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ComplianceQueryDto {
  @ApiPropertyOptional({ description: 'Only this enterprise' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
