import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  type ContactView,
  type EnterprisePostsView,
  type EnterpriseStatementSummary,
  type FirstResponsibleView,
  type MyStatementView,
  type PersonDutiesView,
  type PostDetailView,
  type ResponsibilityPostView,
  type SignatureMethod,
  type StatementSignResult,
  type StatementSigningView,
  type StatementVersionView,
  firstResponsibleLine,
  statementText,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UnauthenticatedError,
} from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactService } from '../directory/contact.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResponsibilityHooks } from '../plans/responsibility-hooks.js';
import type { HoldersDto, LinkSignDto, StatementPublishDto } from './responsibility-statements.dto.js';
import {
  PostAssignment,
  type ResponsibilityPost,
  StatementVersion,
  type StatementSignature,
} from './responsibility-statements.entities.js';
import { PostRepository, StatementRepository } from './responsibility-statements.repository.js';
import { mapSignature, mapVersion, mapVersionText, signState } from './responsibility-statements.view.js';
import { DutyRecordService } from './duty-record.service.js';

const DEFAULT_TITLE = '岗位安全生产责任书';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Names compare as people write them: spaces (full-width too) are not part of a name. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Duty by post and person (全员安全生产责任制): each post of an enterprise's responsibility list is
 * held by people of its directory, and each holder signs the post's safety responsibility
 * statement. A statement is published in versions; a new version asks every holder again, and
 * every signature keeps the version and the hash of the exact text signed.
 */
@Injectable()
export class StatementService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly posts: PostRepository,
    private readonly statements: StatementRepository,
    private readonly dutyRecords: DutyRecordService,
    private readonly contacts: ContactService,
    private readonly enterprises: EnterpriseService,
    private readonly notifications: NotificationService,
    private readonly hooks: ResponsibilityHooks,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.onReplaced((enterpriseId, entries) => this.posts.sync(enterpriseId, entries));
  }

  signingLink(token: string): string {
    return `${this.config.PUBLIC_URL}/statements/sign/${token}`;
  }

  /**
   * Per enterprise among `enterpriseIds`: holders of the posts in its list who signed the post's
   * statement in force, of all who must. For the assessment; an enterprise without posts is 0 of 0.
   */
  async signedRateByEnterprise(
    enterpriseIds: readonly string[],
  ): Promise<Map<string, { signed: number; required: number }>> {
    const rates = await this.statements.signedRates(enterpriseIds);
    return new Map(enterpriseIds.map((id) => [id, rates.get(id) ?? { signed: 0, required: 0 }]));
  }

  /** The zone's overview (an enterprise officer's: their own enterprise). */
  async summaries(): Promise<EnterpriseStatementSummary[]> {
    const [page] = await this.enterprisesInScope();
    const ids = page.map((e) => e.id);
    const [rates, coverage] = await Promise.all([
      this.signedRateByEnterprise(ids),
      this.statements.coverage(ids),
    ]);
    return page.map((e) => {
      const c = coverage.get(e.id) ?? { posts: 0, vacant: 0, withoutPost: 0 };
      return {
        enterpriseId: e.id,
        enterpriseName: e.name,
        firstResponsible: {
          legalRepresentative: e.legalRepresentative,
          actualController: e.actualController,
        },
        posts: c.posts,
        postsWithoutHolder: c.vacant,
        peopleWithoutPost: c.withoutPost,
        ...rates.get(e.id)!,
      };
    });
  }

  private async enterprisesInScope() {
    const { items, total } = await this.enterprises.list({ page: 1, pageSize: 500 });
    return [items, total] as const;
  }

  private async firstResponsible(
    enterpriseId: string,
  ): Promise<{ name: string; first: FirstResponsibleView }> {
    const e = await this.enterprises.get(enterpriseId);
    return {
      name: e.name,
      first: { legalRepresentative: e.legalRepresentative, actualController: e.actualController },
    };
  }

  /** An enterprise's posts with their holders and where each stands, and its people without a post. */
  async enterprisePosts(enterpriseId: string): Promise<EnterprisePostsView> {
    const { name, first } = await this.firstResponsible(enterpriseId);
    const posts = await this.posts.ofEnterprise(enterpriseId);
    const people = await this.contacts.ofEnterprises([enterpriseId]);
    const views = await this.postViews(posts, people);
    const holding = new Set(views.filter((p) => p.inList).flatMap((p) => p.holders.map((h) => h.contactId)));
    const inList = views.filter((p) => p.inList);
    return {
      enterpriseId,
      enterpriseName: name,
      firstResponsible: first,
      posts: views,
      withoutPost: people
        .filter((c) => !holding.has(c.id))
        .map((c) => ({ contactId: c.id, name: c.name, directoryPost: c.post })),
      signed: inList.reduce((n, p) => n + p.signed, 0),
      required: inList.reduce((n, p) => n + p.required, 0),
    };
  }

  private async postViews(
    posts: ResponsibilityPost[],
    people?: ContactView[],
  ): Promise<ResponsibilityPostView[]> {
    const ids = posts.map((p) => p.id);
    const [assignments, current, signatures] = await Promise.all([
      this.statements.assignmentsOf(ids),
      this.statements.currentOf(ids),
      this.statements.signaturesOfPosts(ids),
    ]);
    const known = new Map((people ?? []).map((c) => [c.id, c]));
    const missing = assignments.map((a) => a.contactId).filter((id) => !known.has(id));
    for (const c of await this.contacts.findByIds([...new Set(missing)])) known.set(c.id, c);
    return posts.map((p) => {
      const cur = current.get(p.id);
      const holders = assignments
        .filter((a) => a.postId === p.id)
        .flatMap((a) => {
          const c = known.get(a.contactId);
          if (!c) return [];
          const mine = signatures.filter((s) => s.postId === p.id && s.contactId === c.id);
          return [
            {
              contactId: c.id,
              name: c.name,
              directoryPost: c.post,
              hasAccount: c.userId !== null,
              ...signState(cur, mine),
            },
          ];
        });
      return {
        id: p.id,
        enterpriseId: p.enterpriseId,
        unit: p.unit,
        name: p.name,
        duties: p.duties,
        inList: p.inList,
        currentVersion: cur?.version ?? null,
        holders,
        signed: holders.filter((h) => h.state === 'current').length,
        required: holders.length,
      };
    });
  }

  async post(id: string): Promise<PostDetailView> {
    const p = await this.posts.getById(id);
    const { name, first } = await this.firstResponsible(p.enterpriseId);
    const [view] = await this.postViews([p]);
    const [versions, signatures] = await Promise.all([
      this.statements.versionsOf([id]),
      this.statements.signaturesOfPosts([id]),
    ]);
    const records = await this.dutyRecords.list({ postId: id, page: 1, pageSize: 100 });
    return {
      ...view!,
      enterpriseName: name,
      firstResponsible: first,
      versions: versions.map((v) => mapVersion(v, signatures)),
      dutyRecords: records.items,
    };
  }

  async version(id: string): Promise<StatementVersionView> {
    const v = await this.statements.versionById(id);
    if (!v) throw new NotFoundError('Statement version not found');
    await this.posts.getById(v.postId);
    return mapVersion(v, await this.statements.signaturesOfPosts([v.postId]));
  }

  /** Replaces who holds a post; those who newly hold it are asked to sign its statement in force. */
  async setHolders(postId: string, dto: HoldersDto): Promise<ResponsibilityPostView> {
    const p = await this.posts.getById(postId);
    this.posts.assertInScope(p.enterpriseId);
    const wanted = [...new Set(dto.contactIds)];
    const found = new Map((await this.contacts.findByIds(wanted)).map((c) => [c.id, c]));
    const problems = wanted.flatMap((id, i) =>
      found.get(id)?.enterpriseId === p.enterpriseId
        ? []
        : [`contactIds[${i}]: ${id} is not a person of this enterprise`],
    );
    if (problems.length) throw new InvalidError(problems);
    await this.db.transaction(async () => {
      await this.posts.lock(p.id);
      const before = await this.statements.assignmentsOf([p.id]);
      const gone = before.filter((a) => !found.has(a.contactId));
      const kept = new Set(before.map((a) => a.contactId));
      await this.statements.removeAssignments(gone.map((a) => a.id));
      const added: PostAssignment[] = [];
      for (const id of wanted.filter((c) => !kept.has(c))) {
        const a = Object.assign(new PostAssignment(), {
          postId: p.id,
          contactId: id,
          enterpriseId: p.enterpriseId,
          signToken: randomBytes(18).toString('base64url'),
          assignedAt: this.clock.now(),
        });
        added.push(await this.statements.saveAssignment(a));
      }
      const current = (await this.statements.currentOf([p.id])).get(p.id);
      if (current && added.length) {
        const { name } = await this.firstResponsible(p.enterpriseId);
        for (const a of added) await this.askToSign(p, current, a, found.get(a.contactId)!, name);
      }
      const names = async (ids: string[]) =>
        (await this.contacts.summariesByIds(ids)).map((c) => c.name).sort();
      await this.audit.record({
        action: 'responsibility_post.holders_changed',
        entity: 'responsibility_post',
        entityId: p.id,
        before: { post: `${p.unit} ${p.name}`, holders: await names(before.map((a) => a.contactId)) },
        after: { post: `${p.unit} ${p.name}`, holders: wanted.map((id) => found.get(id)!.name).sort() },
      });
    });
    const [view] = await this.postViews([p]);
    return view!;
  }

  /**
   * Publishes the next version of a post's statement from the post's duties as the list has them
   * now, the clauses and the year's targets, and asks every holder to sign it (`askHolders: false`
   * only for records entered after the fact, whose holders were asked at the time).
   */
  async publish(
    postId: string,
    dto: StatementPublishDto,
    { askHolders = true }: { askHolders?: boolean } = {},
  ): Promise<StatementVersionView> {
    const p = await this.posts.getById(postId);
    this.posts.assertInScope(p.enterpriseId);
    if (!p.inList) {
      throw new ConflictError(
        'The responsibility list no longer names this post: add it back to the list first',
      );
    }
    if (!p.duties.length) throw new ConflictError('The post has no duties in the responsibility list yet');
    const { name: enterpriseName, first } = await this.firstResponsible(p.enterpriseId);
    return this.db.transaction(async () => {
      await this.posts.lock(p.id);
      const title = dto.title ?? DEFAULT_TITLE;
      const text = statementText({
        title,
        enterpriseName,
        unit: p.unit,
        postName: p.name,
        year: dto.year,
        duties: p.duties,
        clauses: dto.clauses,
        targets: dto.targets,
        firstResponsible: firstResponsibleLine(first, 'zh-CN'),
      });
      const v = await this.statements.saveVersion(
        Object.assign(new StatementVersion(), {
          postId: p.id,
          enterpriseId: p.enterpriseId,
          version: await this.statements.nextVersion(p.id),
          year: dto.year,
          title,
          duties: p.duties,
          clauses: dto.clauses,
          targets: dto.targets,
          text,
          textHash: textHash(text),
          publishedAt: this.clock.now(),
          publishedBy: this.context.principal()?.id ?? null,
        }),
      );
      const holders = await this.statements.assignmentsOf([p.id]);
      const people = new Map(
        (await this.contacts.findByIds(holders.map((a) => a.contactId))).map((c) => [c.id, c]),
      );
      for (const a of holders) {
        const c = people.get(a.contactId);
        if (c && askHolders) await this.askToSign(p, v, a, c, enterpriseName);
      }
      const view = mapVersion(v, []);
      await this.audit.record({
        action: 'statement_version.published',
        entity: 'statement_version',
        entityId: v.id,
        after: {
          post: `${p.unit} ${p.name}`,
          version: v.version,
          year: v.year,
          textHash: v.textHash,
          holders: holders.length,
        },
      });
      return view;
    });
  }

  /** In the console if they have an account, and by a text with their personal link. */
  private async askToSign(
    p: ResponsibilityPost,
    v: StatementVersion,
    a: PostAssignment,
    c: ContactView,
    enterpriseName: string,
  ): Promise<void> {
    const phone = c.phones[0];
    await this.notifications.notify(
      { userIds: c.userId ? [c.userId] : [] },
      {
        kind: 'responsibility_statement.sign_requested',
        params: {
          enterprise: enterpriseName,
          unit: p.unit,
          post: p.name,
          version: v.version,
          link: this.signingLink(a.signToken),
        },
        entity: 'statement_version',
        entityId: v.id,
        deliveryKey: `statement-sign:${v.id}:${c.id}`,
        contacts: phone ? [{ name: c.name, phone, language: c.language }] : [],
      },
    );
  }

  /** What a personal link shows: the post and its statement in force, not whom it was sent to. */
  async signingInfo(token: string): Promise<StatementSigningView> {
    const { post, current, signed } = await this.byToken(token);
    const enterprise = (await this.enterprises.namesByIds([post.enterpriseId])).get(post.enterpriseId) ?? '';
    const version = current ? mapVersionText(current) : null;
    return { enterpriseName: enterprise, unit: post.unit, postName: post.name, version, signed };
  }

  private async byToken(token: string) {
    const assignment = await this.statements.assignmentByToken(token);
    if (!assignment) throw new NotFoundError('This signing link is not valid');
    const post = await this.posts.anyById(assignment.postId);
    if (!post) throw new NotFoundError('This signing link is not valid');
    const current = (await this.statements.currentOf([post.id])).get(post.id);
    const signatures = await this.statements.signaturesOfPosts([post.id]);
    const signed = Boolean(
      current && signatures.some((s) => s.versionId === current.id && s.contactId === assignment.contactId),
    );
    return { assignment, post, current, signed };
  }

  /**
   * A holder signs by their personal link: the link says who they are meant to be, and they
   * confirm it with their name and the last four digits of their number, as the directory has them.
   */
  async signByLink(token: string, dto: LinkSignDto, ip: string | null): Promise<StatementSignResult> {
    const { assignment, post, current } = await this.byToken(token);
    if (!current) throw new ConflictError('No statement has been published for this post yet');
    if (dto.versionId !== current.id) {
      throw new ConflictError('A newer version of this statement has been published: read it, then sign');
    }
    const [person] = await this.context.runAsSystem('statement-signing', () =>
      this.contacts.findByIds([assignment.contactId]),
    );
    if (!person) throw new NotFoundError('This signing link is not valid');
    const digits = (s: string) => s.replace(/\D/g, '');
    if (!sameName(dto.name, person.name) || !person.phones.some((n) => digits(n).endsWith(dto.phoneLast4))) {
      throw new InvalidError([
        'name: the name and the last 4 digits of the phone do not match the person this link was sent to',
      ]);
    }
    return this.context.runAsSystem('statement-signing', () =>
      this.sign(post, current, person, 'link', null, ip),
    );
  }

  /** A holder with an account signs in the console: the version must be the one in force. */
  async signInConsole(versionId: string): Promise<StatementSignResult> {
    const me = this.context.principal();
    if (!me) throw new UnauthenticatedError('Unauthorized');
    const v = await this.statements.versionById(versionId);
    if (!v) throw new NotFoundError('Statement version not found');
    const mine = await this.contacts.idsLinkedToUser(me.id);
    const holding = (await this.statements.assignmentsOf([v.postId])).find((a) => mine.includes(a.contactId));
    if (!holding) throw new ForbiddenError('Only a holder of the post signs its statement');
    const current = (await this.statements.currentOf([v.postId])).get(v.postId);
    if (current?.id !== v.id) {
      throw new ConflictError('A newer version of this statement has been published: read it, then sign');
    }
    const post = (await this.posts.anyById(v.postId))!;
    const ip = this.context.ip();
    const [person] = await this.context.runAsSystem('statement-signing', () =>
      this.contacts.findByIds([holding.contactId]),
    );
    return this.sign(post, v, person!, 'console', me.id, ip);
  }

  private sign(
    post: ResponsibilityPost,
    v: StatementVersion,
    person: ContactView,
    method: SignatureMethod,
    userId: string | null,
    ip: string | null,
  ): Promise<StatementSignResult> {
    return this.db.transaction(async () => {
      const saved = await this.statements.insertSignature({
        versionId: v.id,
        postId: post.id,
        enterpriseId: post.enterpriseId,
        contactId: person.id,
        signerName: person.name,
        version: v.version,
        textHash: v.textHash,
        method,
        userId,
        ip,
        signedAt: this.clock.now(),
      });
      if (saved) {
        await this.audit.record({
          action: 'statement_version.signed',
          entity: 'statement_version',
          entityId: v.id,
          after: { ...mapSignature(saved), post: `${post.unit} ${post.name}` },
        });
      }
      return {
        version: v.version,
        textHash: v.textHash,
        signedAt: (saved?.signedAt ?? this.clock.now()).toISOString(),
        already: !saved,
      };
    });
  }

  /** The statements the signed-in user holds a post for, whatever their role. */
  async mine(): Promise<MyStatementView[]> {
    const me = this.context.principal();
    if (!me) throw new UnauthenticatedError('Unauthorized');
    const contactIds = await this.contacts.idsLinkedToUser(me.id);
    const assignments = await this.statements.assignmentsOfContacts(contactIds);
    const posts = await this.posts.anyByIds(assignments.map((a) => a.postId));
    const ids = posts.map((p) => p.id);
    const [current, signatures, names] = await Promise.all([
      this.statements.currentOf(ids),
      this.statements.signaturesOfPosts(ids),
      this.enterprises.namesByIds(posts.map((p) => p.enterpriseId)),
    ]);
    return assignments.flatMap((a) => {
      const p = posts.find((x) => x.id === a.postId);
      if (!p) return [];
      const cur = current.get(p.id);
      const mineOf = signatures.filter((s) => s.postId === p.id && s.contactId === a.contactId);
      const state = signState(cur, mineOf);
      return [
        {
          postId: p.id,
          enterpriseName: names.get(p.enterpriseId) ?? '',
          unit: p.unit,
          postName: p.name,
          state: state.state,
          signedVersion: state.signedVersion,
          version: cur ? mapVersion(cur, mineOf) : null,
        },
      ];
    });
  }

  /** A person's posts, where they stand on each, every signature they gave and their duty records. */
  async person(contactId: string): Promise<PersonDutiesView> {
    const c = await this.contacts.get(contactId);
    if (!c.enterpriseId) throw new NotFoundError('Only people of an enterprise hold its posts');
    const assignments = await this.statements.assignmentsOfContacts([c.id]);
    const signatures = await this.statements.signaturesOfContact(c.id);
    const posts = await this.posts.anyByIds([
      ...assignments.map((a) => a.postId),
      ...signatures.map((s) => s.postId),
    ]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    const current = await this.statements.currentOf(assignments.map((a) => a.postId));
    const names = await this.enterprises.namesByIds([c.enterpriseId]);
    const records = await this.dutyRecords.list({ contactId: c.id, page: 1, pageSize: 100 });
    return {
      contactId: c.id,
      name: c.name,
      enterpriseId: c.enterpriseId,
      enterpriseName: names.get(c.enterpriseId) ?? '',
      posts: assignments.flatMap((a) => {
        const p = byId.get(a.postId);
        if (!p) return [];
        const cur = current.get(p.id);
        const s = signState(
          cur,
          signatures.filter((x: StatementSignature) => x.postId === p.id),
        );
        return [
          {
            postId: p.id,
            unit: p.unit,
            name: p.name,
            currentVersion: cur?.version ?? null,
            state: s.state,
            signedVersion: s.signedVersion,
          },
        ];
      }),
      signatures: signatures.map((s) => ({ ...mapSignature(s), postName: byId.get(s.postId)?.name ?? '' })),
      dutyRecords: records.items,
    };
  }
}
