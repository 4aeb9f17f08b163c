import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleView, ListResponse } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { ARTICLE_AUTHORS, ARTICLE_REVIEWERS } from './portal.access.js';
import {
  ArticleCreateDto,
  ArticleListQueryDto,
  ArticleReviewDto,
  ArticleUpdateDto,
} from './portal-article.dto.js';
import { PortalArticleService } from './portal-article.service.js';

@ApiTags('portal')
@ApiBearerAuth()
@Controller('api/portal/articles')
export class PortalArticleController {
  constructor(private readonly articles: PortalArticleService) {}

  @ApiDoc('List notices and safety knowledge articles with their review state', 400, 401, 403)
  @Get()
  @Roles(...ARTICLE_AUTHORS)
  list(@Query() q: ArticleListQueryDto): Promise<ListResponse<ArticleView>> {
    return this.articles.list(q);
  }

  @ApiDoc('Get an article', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...ARTICLE_AUTHORS)
  get(@UuidParam() id: string): Promise<ArticleView> {
    return this.articles.get(id);
  }

  @ApiDoc('Write a notice or knowledge article (a draft)', 400, 401, 403, 413)
  @Post()
  @Roles(...ARTICLE_AUTHORS)
  create(@Body() dto: ArticleCreateDto): Promise<ArticleView> {
    return this.articles.create(dto);
  }

  @ApiDoc('Edit an article; it goes back to draft and through review again', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...ARTICLE_AUTHORS)
  update(@UuidParam() id: string, @Body() dto: ArticleUpdateDto): Promise<ArticleView> {
    return this.articles.update(id, dto);
  }

  @ApiDoc('Submit an article for review', 400, 401, 403, 404, 409)
  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...ARTICLE_AUTHORS)
  submit(@UuidParam() id: string): Promise<ArticleView> {
    return this.articles.submit(id);
  }

  @ApiDoc('Approve and publish an article (a reviewer other than its author)', 400, 401, 403, 404, 409, 413)
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...ARTICLE_REVIEWERS)
  approve(@UuidParam() id: string, @Body() dto: ArticleReviewDto): Promise<ArticleView> {
    return this.articles.approve(id, dto);
  }

  @ApiDoc('Send an article back to its author with a note', 400, 401, 403, 404, 409, 413)
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...ARTICLE_REVIEWERS)
  reject(@UuidParam() id: string, @Body() dto: ArticleReviewDto): Promise<ArticleView> {
    return this.articles.reject(id, dto);
  }

  @ApiDoc('Withdraw a published article from the public pages', 400, 401, 403, 404, 409, 413)
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...ARTICLE_REVIEWERS)
  withdraw(@UuidParam() id: string, @Body() dto: ArticleReviewDto): Promise<ArticleView> {
    return this.articles.withdraw(id, dto);
  }
}
