CREATE TABLE `category` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `category_slug_idx` ON `category` (`slug`);--> statement-breakpoint
CREATE INDEX `category_position_idx` ON `category` (`position`);--> statement-breakpoint
CREATE TABLE `provider` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`category_id` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website_url` text,
	`status_page_url` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_slug_idx` ON `provider` (`slug`);--> statement-breakpoint
CREATE INDEX `provider_category_id_position_idx` ON `provider` (`category_id`,`position`);--> statement-breakpoint
CREATE TABLE `workflow` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`category_id` integer NOT NULL,
	`name` text NOT NULL,
	`effect` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_slug_idx` ON `workflow` (`slug`);--> statement-breakpoint
CREATE INDEX `workflow_category_id_position_idx` ON `workflow` (`category_id`,`position`);--> statement-breakpoint
CREATE TABLE `cause` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`side` text NOT NULL,
	`name` text NOT NULL,
	`explanation` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cause_slug_idx` ON `cause` (`slug`);--> statement-breakpoint
CREATE TABLE `recommended_action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`category_id` integer,
	`cause_id` integer,
	`kind` text DEFAULT 'check' NOT NULL,
	`text` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cause_id`) REFERENCES `cause`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommended_action_slug_idx` ON `recommended_action` (`slug`);--> statement-breakpoint
CREATE INDEX `recommended_action_category_id_position_idx` ON `recommended_action` (`category_id`,`position`);--> statement-breakpoint
CREATE INDEX `recommended_action_cause_id_position_idx` ON `recommended_action` (`cause_id`,`position`);--> statement-breakpoint
CREATE TABLE `merchant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `merchant_external_id_idx` ON `merchant` (`external_id`);--> statement-breakpoint
CREATE TABLE `connection` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`state` text DEFAULT 'connected' NOT NULL,
	`credential_expires_at` integer,
	`billing_state` text DEFAULT 'unknown' NOT NULL,
	`plan_expires_at` integer,
	`verification_state` text DEFAULT 'unknown' NOT NULL,
	`permissions` text DEFAULT '[]' NOT NULL,
	`usage_limit_per_day` integer,
	`facts` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connection_merchant_id_provider_id_idx` ON `connection` (`merchant_id`,`provider_id`);--> statement-breakpoint
CREATE INDEX `connection_provider_id_idx` ON `connection` (`provider_id`);--> statement-breakpoint
CREATE TABLE `check` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`provider_id` integer NOT NULL,
	`connection_id` integer,
	`config` text DEFAULT '{}' NOT NULL,
	`interval_seconds` integer DEFAULT 60 NOT NULL,
	`timeout_ms` integer DEFAULT 10000 NOT NULL,
	`failure_threshold` integer DEFAULT 3 NOT NULL,
	`success_threshold` integer DEFAULT 2 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'unknown' NOT NULL,
	`state_changed_at` integer,
	`pending_outcome` text,
	`pending_count` integer DEFAULT 0 NOT NULL,
	`last_result_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_slug_idx` ON `check` (`slug`);--> statement-breakpoint
CREATE INDEX `check_provider_id_connection_id_idx` ON `check` (`provider_id`,`connection_id`);--> statement-breakpoint
CREATE INDEX `check_connection_id_idx` ON `check` (`connection_id`);--> statement-breakpoint
CREATE TABLE `check_result` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`checked_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`latency_ms` integer,
	`http_status` integer,
	`cause_id` integer,
	`message` text,
	`during_maintenance` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `check`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cause_id`) REFERENCES `cause`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_result_check_id_checked_at_idx` ON `check_result` (`check_id`,`checked_at`);--> statement-breakpoint
CREATE INDEX `check_result_checked_at_idx` ON `check_result` (`checked_at`);--> statement-breakpoint
CREATE INDEX `check_result_cause_id_idx` ON `check_result` (`cause_id`);--> statement-breakpoint
CREATE TABLE `check_daily_rollup` (
	`check_id` integer NOT NULL,
	`day` text NOT NULL,
	`ok_count` integer DEFAULT 0 NOT NULL,
	`degraded_count` integer DEFAULT 0 NOT NULL,
	`down_count` integer DEFAULT 0 NOT NULL,
	`maintenance_count` integer DEFAULT 0 NOT NULL,
	`latency_total_ms` integer DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL,
	`latency_max_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`check_id`, `day`),
	FOREIGN KEY (`check_id`) REFERENCES `check`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_daily_rollup_day_idx` ON `check_daily_rollup` (`day`);--> statement-breakpoint
CREATE TABLE `check_hourly_rollup` (
	`check_id` integer NOT NULL,
	`hour_start_at` integer NOT NULL,
	`ok_count` integer DEFAULT 0 NOT NULL,
	`degraded_count` integer DEFAULT 0 NOT NULL,
	`down_count` integer DEFAULT 0 NOT NULL,
	`maintenance_count` integer DEFAULT 0 NOT NULL,
	`latency_total_ms` integer DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL,
	`latency_max_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`check_id`, `hour_start_at`),
	FOREIGN KEY (`check_id`) REFERENCES `check`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_hourly_rollup_hour_start_at_idx` ON `check_hourly_rollup` (`hour_start_at`);--> statement-breakpoint
CREATE TABLE `connection_daily_rollup` (
	`connection_id` integer NOT NULL,
	`day` text NOT NULL,
	`ok_count` integer DEFAULT 0 NOT NULL,
	`degraded_count` integer DEFAULT 0 NOT NULL,
	`down_count` integer DEFAULT 0 NOT NULL,
	`maintenance_count` integer DEFAULT 0 NOT NULL,
	`latency_total_ms` integer DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL,
	`latency_max_ms` integer DEFAULT 0 NOT NULL,
	`cause_counts` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`connection_id`, `day`),
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `connection_daily_rollup_day_idx` ON `connection_daily_rollup` (`day`);--> statement-breakpoint
CREATE TABLE `provider_daily_rollup` (
	`provider_id` integer NOT NULL,
	`day` text NOT NULL,
	`ok_count` integer DEFAULT 0 NOT NULL,
	`degraded_count` integer DEFAULT 0 NOT NULL,
	`down_count` integer DEFAULT 0 NOT NULL,
	`maintenance_count` integer DEFAULT 0 NOT NULL,
	`latency_total_ms` integer DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL,
	`latency_max_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`provider_id`, `day`),
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `provider_daily_rollup_day_idx` ON `provider_daily_rollup` (`day`);--> statement-breakpoint
CREATE TABLE `incident` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`impact_override` text,
	`cause_id` integer,
	`source` text DEFAULT 'ops' NOT NULL,
	`external_ref` text,
	`started_at` integer NOT NULL,
	`identified_at` integer,
	`monitoring_at` integer,
	`resolved_at` integer,
	`postmortem` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cause_id`) REFERENCES `cause`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_started_at_idx` ON `incident` (`started_at`);--> statement-breakpoint
CREATE INDEX `incident_resolved_at_idx` ON `incident` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `incident_cause_id_idx` ON `incident` (`cause_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `incident_source_external_ref_idx` ON `incident` (`source`,`external_ref`);--> statement-breakpoint
CREATE TABLE `incident_action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`recommended_action_id` integer,
	`custom_text` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recommended_action_id`) REFERENCES `recommended_action`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_action_incident_id_position_idx` ON `incident_action` (`incident_id`,`position`);--> statement-breakpoint
CREATE INDEX `incident_action_recommended_action_id_idx` ON `incident_action` (`recommended_action_id`);--> statement-breakpoint
CREATE TABLE `incident_provider` (
	`incident_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`impact` text NOT NULL,
	PRIMARY KEY(`incident_id`, `provider_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_provider_provider_id_idx` ON `incident_provider` (`provider_id`);--> statement-breakpoint
CREATE TABLE `incident_update` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`status` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_update_incident_id_created_at_idx` ON `incident_update` (`incident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `incident_workflow` (
	`incident_id` integer NOT NULL,
	`workflow_id` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `workflow_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflow`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_workflow_workflow_id_idx` ON `incident_workflow` (`workflow_id`);--> statement-breakpoint
CREATE TABLE `maintenance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`scheduled_for` integer NOT NULL,
	`scheduled_until` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `maintenance_scheduled_until_scheduled_for_idx` ON `maintenance` (`scheduled_until`,`scheduled_for`);--> statement-breakpoint
CREATE TABLE `maintenance_provider` (
	`maintenance_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	PRIMARY KEY(`maintenance_id`, `provider_id`),
	FOREIGN KEY (`maintenance_id`) REFERENCES `maintenance`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `maintenance_provider_provider_id_idx` ON `maintenance_provider` (`provider_id`);