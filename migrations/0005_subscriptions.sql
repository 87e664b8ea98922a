CREATE TABLE `delivery` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_attempt_at` integer,
	`last_status` integer,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `notification_event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscriber`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_event_id_subscriber_id_idx` ON `delivery` (`event_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `delivery_subscriber_id_id_idx` ON `delivery` (`subscriber_id`,`id`);--> statement-breakpoint
CREATE INDEX `delivery_state_next_attempt_at_idx` ON `delivery` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notification_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`incident_id` integer,
	`maintenance_id` integer,
	`subscriber_id` integer,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`maintenance_id`) REFERENCES `maintenance`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscriber`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_event_dedupe_key_idx` ON `notification_event` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notification_event_incident_id_idx` ON `notification_event` (`incident_id`);--> statement-breakpoint
CREATE INDEX `notification_event_maintenance_id_idx` ON `notification_event` (`maintenance_id`);--> statement-breakpoint
CREATE INDEX `notification_event_subscriber_id_idx` ON `notification_event` (`subscriber_id`);--> statement-breakpoint
CREATE INDEX `notification_event_created_at_idx` ON `notification_event` (`created_at`);--> statement-breakpoint
CREATE TABLE `subscribe_rate_limit` (
	`key` text PRIMARY KEY NOT NULL,
	`attempts` integer NOT NULL,
	`window_started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscriber` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`email` text,
	`url` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`token_hash` text NOT NULL,
	`sealed_token` text NOT NULL,
	`sealed_secret` text,
	`confirmed_at` integer,
	`disabled_at` integer,
	`disabled_reason` text,
	`failing_since` integer,
	`dead_in_a_row` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriber_token_hash_idx` ON `subscriber` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriber_email_idx` ON `subscriber` (`email`);--> statement-breakpoint
CREATE TABLE `subscriber_provider` (
	`subscriber_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	PRIMARY KEY(`subscriber_id`, `provider_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscriber`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscriber_provider_provider_id_idx` ON `subscriber_provider` (`provider_id`);