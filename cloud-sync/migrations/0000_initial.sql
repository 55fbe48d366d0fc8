CREATE TABLE "branches" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_api_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"hub_id" text NOT NULL,
	"signing_key_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hubs" (
	"id" text PRIMARY KEY NOT NULL,
	"branch_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_status" (
	"hub_id" text PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone,
	"head_seq" bigint DEFAULT 0 NOT NULL,
	"backlog" integer DEFAULT 0 NOT NULL,
	"dead_letters" integer DEFAULT 0 NOT NULL,
	"oldest_pending_age_ms" bigint,
	"events_applied" bigint DEFAULT 0 NOT NULL,
	"events_duplicate" bigint DEFAULT 0 NOT NULL,
	"events_rejected" bigint DEFAULT 0 NOT NULL,
	"audit_break_seq" bigint,
	"audit_break_reason" text,
	"audit_break_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ingest_cursors" (
	"hub_id" text PRIMARY KEY NOT NULL,
	"highest_contiguous_seq" bigint DEFAULT 0 NOT NULL,
	"audit_seq" bigint DEFAULT 0 NOT NULL,
	"audit_position" integer DEFAULT 0 NOT NULL,
	"audit_head_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingested_events" (
	"hub_id" text NOT NULL,
	"event_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"branch_id" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"aggregate_seq" integer NOT NULL,
	"type" text NOT NULL,
	"tx_id" bigint NOT NULL,
	"data" jsonb NOT NULL,
	"actor" jsonb NOT NULL,
	"command_id" text,
	"request_id" text,
	"occurred_at" text NOT NULL,
	"hub_audit" jsonb,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingested_events_hub_id_event_id_pk" PRIMARY KEY("hub_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "proj_branch_daily" (
	"branch_id" text NOT NULL,
	"business_day" text NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"sessions_closed" integer DEFAULT 0 NOT NULL,
	"payments_cents" bigint DEFAULT 0 NOT NULL,
	"tips_cents" bigint DEFAULT 0 NOT NULL,
	"refunds_cents" bigint DEFAULT 0 NOT NULL,
	"rounds_placed" integer DEFAULT 0 NOT NULL,
	"rounds_canceled" integer DEFAULT 0 NOT NULL,
	"items_voided" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proj_branch_daily_branch_id_business_day_pk" PRIMARY KEY("branch_id","business_day")
);
--> statement-breakpoint
CREATE TABLE "proj_payments" (
	"branch_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"session_id" text NOT NULL,
	"method" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"tip_cents" bigint NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"business_day" text NOT NULL,
	CONSTRAINT "proj_payments_branch_id_payment_id_pk" PRIMARY KEY("branch_id","payment_id")
);
--> statement-breakpoint
CREATE TABLE "proj_product_sales" (
	"branch_id" text NOT NULL,
	"business_day" text NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"qty" bigint DEFAULT 0 NOT NULL,
	"sales_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "proj_product_sales_branch_id_business_day_product_id_pk" PRIMARY KEY("branch_id","business_day","product_id")
);
--> statement-breakpoint
CREATE TABLE "proj_round_items" (
	"branch_id" text NOT NULL,
	"item_id" text NOT NULL,
	"round_id" text NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"modifiers_cents" bigint NOT NULL,
	"qty" integer NOT NULL,
	"status" text NOT NULL,
	"business_day" text NOT NULL,
	CONSTRAINT "proj_round_items_branch_id_item_id_pk" PRIMARY KEY("branch_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "proj_rounds" (
	"branch_id" text NOT NULL,
	"round_id" text NOT NULL,
	"session_id" text NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"business_day" text NOT NULL,
	CONSTRAINT "proj_rounds_branch_id_round_id_pk" PRIMARY KEY("branch_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "proj_sessions" (
	"branch_id" text NOT NULL,
	"session_id" text NOT NULL,
	"table_id" text NOT NULL,
	"guests" integer NOT NULL,
	"status" text NOT NULL,
	"opened_at" text NOT NULL,
	"closed_at" text,
	"business_day" text,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"tips_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "proj_sessions_branch_id_session_id_pk" PRIMARY KEY("branch_id","session_id")
);
--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_api_keys" ADD CONSTRAINT "hub_api_keys_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hubs" ADD CONSTRAINT "hubs_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_status" ADD CONSTRAINT "hub_status_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_cursors" ADD CONSTRAINT "ingest_cursors_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingested_events" ADD CONSTRAINT "ingested_events_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "branches_tenant_idx" ON "branches" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "hub_api_keys_hub_idx" ON "hub_api_keys" USING btree ("hub_id");--> statement-breakpoint
CREATE INDEX "hubs_branch_idx" ON "hubs" USING btree ("branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ingested_events_seq_idx" ON "ingested_events" USING btree ("hub_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ingested_events_aggregate_idx" ON "ingested_events" USING btree ("hub_id","aggregate_type","aggregate_id","aggregate_seq");--> statement-breakpoint
CREATE INDEX "ingested_events_type_idx" ON "ingested_events" USING btree ("hub_id","type","seq");--> statement-breakpoint
CREATE INDEX "proj_round_items_round_idx" ON "proj_round_items" USING btree ("branch_id","round_id");--> statement-breakpoint
CREATE INDEX "proj_sessions_status_idx" ON "proj_sessions" USING btree ("branch_id","status");