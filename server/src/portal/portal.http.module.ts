import { Module } from '@nestjs/common';
import { PortalArticleController } from './portal-article.controller.js';
import { PortalArticlesModule } from './portal-articles.module.js';
import { PortalModule } from './portal.module.js';
import { PublicController } from './public.controller.js';

/** The public pages and feeds, and the console's authoring of the zone's own articles. */
@Module({
  imports: [PortalModule, PortalArticlesModule],
  controllers: [PortalArticleController, PublicController],
})
export class PortalHttpModule {}
