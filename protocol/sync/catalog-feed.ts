// The catalog feed: menu, price, availability and staff changes an owner makes in the cloud, pulled by
// each hub and applied there as ordinary hub commands. The cloud numbers changes per branch with a
// version that only grows; a hub asks for what came after the version it last applied.
import { z } from 'zod';
import { idSchema } from '../ids.js';

export const CATALOG_CHANGES_PATH = '/v1/catalog/changes';
export const CATALOG_SNAPSHOT_PATH = '/v1/catalog/snapshot';
/** The cloud never sends more changes in one answer; the hub asks again while `upToDate` is false. */
export const MAX_CATALOG_CHANGES = 200;

/**
 * The hub commands an owner's change may become. Each is validated on the hub by its own command schema
 * (protocol/commands) before it runs; the cloud only promises the type is one of these.
 */
export const CATALOG_COMMAND_TYPES = [
  'UpsertCategory',
  'UpsertStation',
  'UpsertProduct',
  'SetProductAvailability',
  'SetBranchPrice',
  'CreateStaff',
  'UpdateStaff',
  'AssignSectors',
] as const;
export type CatalogCommandType = (typeof CATALOG_COMMAND_TYPES)[number];

const versionSchema = z.number().int().min(0);

/** One change: `changeId` becomes the hub command's id, so applying it twice is a no-op (command log). */
export const catalogChangeSchema = z.object({
  version: versionSchema.min(1),
  changeId: idSchema,
  type: z.enum(CATALOG_COMMAND_TYPES),
  payload: z.record(z.string(), z.unknown()),
  /** When the owner made it, ISO-8601 (shown on the hub's admin and the owner's "applied at" view). */
  madeAt: z.string(),
});
export type CatalogChange = z.infer<typeof catalogChangeSchema>;

/**
 * `GET /v1/catalog/changes?since=<version>` (hub-signed). `changes` are in version order after `since`;
 * `must_refetch` when `since` is older than what the cloud still keeps (or ahead of it: a restored cloud),
 * and the hub then loads the snapshot.
 */
export const catalogChangesAnswerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('changes'),
    branchId: idSchema,
    changes: z.array(catalogChangeSchema).max(MAX_CATALOG_CHANGES),
    /** The newest version the cloud has for this branch. */
    headVersion: versionSchema,
    upToDate: z.boolean(),
  }),
  z.object({
    status: z.literal('must_refetch'),
    branchId: idSchema,
    headVersion: versionSchema,
    reason: z.string(),
  }),
]);
export type CatalogChangesAnswer = z.infer<typeof catalogChangesAnswerSchema>;

/**
 * `GET /v1/catalog/snapshot` (hub-signed): the branch's whole owner-managed catalog as upserts that bring a
 * hub to `version` from any state; applied in one transaction with the cursor set to `version`.
 */
export const catalogSnapshotSchema = z.object({
  branchId: idSchema,
  version: versionSchema,
  commands: z.array(
    z.object({
      changeId: idSchema,
      type: z.enum(CATALOG_COMMAND_TYPES),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CatalogSnapshot = z.infer<typeof catalogSnapshotSchema>;

/** The hub tells the cloud which catalog version it has applied, with each ingest batch's hub report. */
export const catalogAppliedSchema = z.object({
  version: versionSchema,
  appliedAt: z.string(),
});
export type CatalogApplied = z.infer<typeof catalogAppliedSchema>;
