CREATE TABLE "owner_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_categories" (
	"branch_id" text NOT NULL,
	"category_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "catalog_categories_branch_id_category_id_pk" PRIMARY KEY("branch_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_changes" (
	"branch_id" text NOT NULL,
	"version" bigint NOT NULL,
	"change_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	"made_by" text NOT NULL,
	"applied_at" text,
	CONSTRAINT "catalog_changes_branch_id_version_pk" PRIMARY KEY("branch_id","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_heads" (
	"branch_id" text PRIMARY KEY NOT NULL,
	"head_version" bigint DEFAULT 0 NOT NULL,
	"oldest_version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_hub_applied" (
	"hub_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"applied_at" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_ingest_cursors" (
	"hub_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"branch_id" text NOT NULL,
	"product_id" text NOT NULL,
	"category_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"price_cents" bigint NOT NULL,
	"branch_price_cents" bigint,
	"station" text NOT NULL,
	"course" text NOT NULL,
	"tax_rate_bp" integer NOT NULL,
	"allergens" jsonb NOT NULL,
	"modifier_groups" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"stock_count" integer,
	CONSTRAINT "catalog_products_branch_id_product_id_pk" PRIMARY KEY("branch_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_stations" (
	"branch_id" text NOT NULL,
	"station_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "catalog_stations_branch_id_station_id_pk" PRIMARY KEY("branch_id","station_id")
);
--> statement-breakpoint
ALTER TABLE "owner_accounts" ADD CONSTRAINT "owner_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_sessions" ADD CONSTRAINT "owner_sessions_account_id_owner_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."owner_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_categories" ADD CONSTRAINT "catalog_categories_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_changes" ADD CONSTRAINT "catalog_changes_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_heads" ADD CONSTRAINT "catalog_heads_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_hub_applied" ADD CONSTRAINT "catalog_hub_applied_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_ingest_cursors" ADD CONSTRAINT "catalog_ingest_cursors_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_stations" ADD CONSTRAINT "catalog_stations_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "owner_accounts_email_idx" ON "owner_accounts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "owner_accounts_tenant_idx" ON "owner_accounts" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "owner_sessions_account_idx" ON "owner_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_changes_id_idx" ON "catalog_changes" USING btree ("change_id");