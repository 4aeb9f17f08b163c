import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { FileModule } from '../files/file.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { ArticleSections } from './article-sections.js';
import { PortalArticleRepository } from './portal-article.repository.js';
import { PortalArticleService } from './portal-article.service.js';
import { PortalModule } from './portal.module.js';

/** The zone's notices and safety knowledge: written, reviewed, and published as two public sections. */
@Module({
  imports: [ClockModule, FileModule, PortalModule],
  providers: [PortalArticleRepository, PortalArticleService, ArticleSections, UserFinder],
  exports: [PortalArticleService],
})
export class PortalArticlesModule {}
