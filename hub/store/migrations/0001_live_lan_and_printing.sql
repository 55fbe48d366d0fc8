CREATE TABLE `device_token` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE INDEX `device_token_hash_idx` ON `device_token` (`token_hash`);--> statement-breakpoint
CREATE INDEX `device_token_device_idx` ON `device_token` (`device_id`);--> statement-breakpoint
CREATE TABLE `print_job` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ticket_id` text,
	`session_id` text,
	`printer_id` text,
	`station` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`view` text NOT NULL,
	`reprint_of` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`printed_at` text,
	`printed_on` text
);
--> statement-breakpoint
CREATE INDEX `print_job_status_idx` ON `print_job` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `print_job_ticket_idx` ON `print_job` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `printer` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`port` integer DEFAULT 9100 NOT NULL,
	`stations` text NOT NULL,
	`paper_width_mm` integer DEFAULT 80 NOT NULL,
	`codepage` text DEFAULT 'cp858' NOT NULL,
	`backup_printer_id` text,
	`prints_checks` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`last_status` text,
	`last_status_at` text
);
--> statement-breakpoint
ALTER TABLE `event` ADD `topics` text DEFAULT '[]' NOT NULL;