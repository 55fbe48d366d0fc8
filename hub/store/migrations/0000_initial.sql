CREATE TABLE `branch` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`settings` text NOT NULL,
	`catalog_version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `branch_product` (
	`product_id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`price_cents` integer,
	`available` integer NOT NULL,
	`stock_count` integer,
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `category` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`name_es` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`station` text
);
--> statement-breakpoint
CREATE TABLE `dining_table` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`sector_id` text NOT NULL,
	`label` text NOT NULL,
	`seats` integer NOT NULL,
	`join_code` text NOT NULL,
	`active` integer NOT NULL,
	FOREIGN KEY (`sector_id`) REFERENCES `sector`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dining_table_join_code_idx` ON `dining_table` (`join_code`);--> statement-breakpoint
CREATE INDEX `dining_table_sector_idx` ON `dining_table` (`sector_id`);--> statement-breakpoint
CREATE TABLE `product` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`category_id` text NOT NULL,
	`name_es` text NOT NULL,
	`name_en` text NOT NULL,
	`description_es` text NOT NULL,
	`description_en` text NOT NULL,
	`price_cents` integer NOT NULL,
	`station` text NOT NULL,
	`course` text NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`allergens` text NOT NULL,
	`modifier_groups` text NOT NULL,
	`active` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `product_category_idx` ON `product` (`category_id`);--> statement-breakpoint
CREATE TABLE `sector` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `station` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `waiter_assignment` (
	`staff_id` text NOT NULL,
	`sector_id` text NOT NULL,
	PRIMARY KEY(`staff_id`, `sector_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sector_id`) REFERENCES `sector`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `diner` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`name` text,
	`seat` integer NOT NULL,
	`joined_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `table_session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diner_session_idx` ON `diner` (`session_id`);--> statement-breakpoint
CREATE TABLE `discount` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`reason` text NOT NULL,
	`applied_by` text,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `table_session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discount_session_idx` ON `discount` (`session_id`);--> statement-breakpoint
CREATE TABLE `kitchen_ticket` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`round_id` text NOT NULL,
	`session_id` text NOT NULL,
	`table_id` text NOT NULL,
	`station` text NOT NULL,
	`course` text NOT NULL,
	`status` text NOT NULL,
	`daily_number` integer NOT NULL,
	`business_day` text NOT NULL,
	`created_at` text NOT NULL,
	`started_at` text,
	`ready_at` text,
	`bumped_item_ids` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kitchen_ticket_station_status_idx` ON `kitchen_ticket` (`station`,`status`);--> statement-breakpoint
CREATE INDEX `kitchen_ticket_round_idx` ON `kitchen_ticket` (`round_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `kitchen_ticket_daily_number_idx` ON `kitchen_ticket` (`business_day`,`daily_number`);--> statement-breakpoint
CREATE TABLE `payment` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`share_key` text,
	`method` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`tip_cents` integer NOT NULL,
	`tendered_cents` integer,
	`change_cents` integer NOT NULL,
	`approval_code` text,
	`last4` text,
	`status` text NOT NULL,
	`refunded_cents` integer NOT NULL,
	`recorded_by` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `table_session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_session_idx` ON `payment` (`session_id`);--> statement-breakpoint
CREATE TABLE `round` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`session_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`ready_at` text,
	`cancel_reason` text,
	FOREIGN KEY (`session_id`) REFERENCES `table_session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_session_idx` ON `round` (`session_id`);--> statement-breakpoint
CREATE INDEX `round_status_idx` ON `round` (`status`);--> statement-breakpoint
CREATE TABLE `round_item` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`position` integer NOT NULL,
	`product_id` text NOT NULL,
	`name_es` text NOT NULL,
	`name_en` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`qty` integer NOT NULL,
	`modifiers` text NOT NULL,
	`modifiers_cents` integer NOT NULL,
	`notes` text NOT NULL,
	`diner_id` text,
	`seat` integer,
	`course` text NOT NULL,
	`station` text NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`allergens` text NOT NULL,
	`status` text NOT NULL,
	`ticket_id` text,
	`added_by` text,
	`void_reason` text,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_item_round_idx` ON `round_item` (`round_id`);--> statement-breakpoint
CREATE INDEX `round_item_ticket_idx` ON `round_item` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `service_call` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`session_id` text NOT NULL,
	`table_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` text,
	`resolved_at` text,
	`escalated_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `table_session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_call_status_idx` ON `service_call` (`status`);--> statement-breakpoint
CREATE INDEX `service_call_session_idx` ON `service_call` (`session_id`);--> statement-breakpoint
CREATE TABLE `table_session` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`table_id` text NOT NULL,
	`status` text NOT NULL,
	`guests` integer NOT NULL,
	`opened_by` text,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`merged_into` text,
	`round_count` integer DEFAULT 0 NOT NULL,
	`split` text,
	`void_reason` text,
	FOREIGN KEY (`table_id`) REFERENCES `dining_table`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `table_session_table_idx` ON `table_session` (`table_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `table_session_one_live_idx` ON `table_session` (`table_id`) WHERE status in ('OPEN','CHECK_REQUESTED','PAYING');--> statement-breakpoint
CREATE TABLE `audit_log` (
	`position` integer PRIMARY KEY NOT NULL,
	`event_seq` integer NOT NULL,
	`event_type` text NOT NULL,
	`entry` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `command_log` (
	`command_id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`payload_hash` text NOT NULL,
	`actor` text NOT NULL,
	`result` text NOT NULL,
	`ok` integer NOT NULL,
	`last_seq` integer,
	`request_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dead_letter` (
	`event_seq` integer PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`aggregate_key` text NOT NULL,
	`error` text NOT NULL,
	`attempts` integer NOT NULL,
	`dead_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dead_letter_aggregate_idx` ON `dead_letter` (`aggregate_key`);--> statement-breakpoint
CREATE TABLE `event` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`branch_id` text NOT NULL,
	`aggregate_type` text NOT NULL,
	`aggregate_id` text NOT NULL,
	`aggregate_seq` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`command_id` text,
	`actor` text NOT NULL,
	`request_id` text,
	`occurred_at` text NOT NULL,
	`tx_id` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_id_idx` ON `event` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_aggregate_idx` ON `event` (`aggregate_type`,`aggregate_id`,`aggregate_seq`);--> statement-breakpoint
CREATE TABLE `hub_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`event_seq` integer PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`aggregate_key` text NOT NULL,
	`tx_id` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`event_seq`);--> statement-breakpoint
CREATE INDEX `outbox_aggregate_idx` ON `outbox` (`aggregate_key`);--> statement-breakpoint
CREATE TABLE `refresh_token` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_token_hash_idx` ON `refresh_token` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_token_staff_idx` ON `refresh_token` (`staff_id`);