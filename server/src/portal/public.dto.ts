import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../common/validation.js';
import { LANGS, type Lang } from './public-pages.js';

/** The public pages are paged only so far back: older items stay reachable by their address. */
export const PUBLIC_MAX_PAGE = 50;

export class PublicPageQueryDto {
  @ApiPropertyOptional({ enum: LANGS, default: 'zh' })
  @IsOmittable()
  @IsIn(LANGS)
  lang?: Lang;
}

export class PublicListQueryDto extends PublicPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PUBLIC_MAX_PAGE, default: 1 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PUBLIC_MAX_PAGE)
  page?: number;
}
