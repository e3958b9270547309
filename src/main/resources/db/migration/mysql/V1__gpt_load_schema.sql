-- The gpt-load 1.4.x schema as GORM AutoMigrate creates it on MySQL 8 / MariaDB 10.11.
-- Runs on both. `groups` is a reserved word in MySQL 8, hence the backticks.
-- Script rules (see SchemaMigrator): a statement ends with ';' at the end of a line,
-- no ';' inside string literals, one column definition per line inside CREATE TABLE.
-- Indexes are separate statements so that adopting an existing database can add
-- only the ones that are missing.

CREATE TABLE system_settings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  setting_key VARCHAR(255) NOT NULL,
  setting_value TEXT NOT NULL,
  description VARCHAR(512) NULL,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uni_system_settings_setting_key UNIQUE (setting_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `groups` (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  display_name VARCHAR(255) NULL,
  proxy_keys TEXT NULL,
  description VARCHAR(512) NULL,
  group_type VARCHAR(50) NULL DEFAULT 'standard',
  upstreams JSON NOT NULL,
  validation_endpoint VARCHAR(255) NULL,
  channel_type VARCHAR(50) NOT NULL,
  sort BIGINT NULL DEFAULT 0,
  test_model VARCHAR(255) NOT NULL,
  param_overrides JSON NULL,
  config JSON NULL,
  header_rules JSON NULL,
  model_redirect_rules JSON NULL,
  model_redirect_strict BOOLEAN NULL DEFAULT false,
  last_validated_at DATETIME(3) NULL,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uni_groups_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE group_sub_groups (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  group_id BIGINT UNSIGNED NOT NULL,
  sub_group_id BIGINT UNSIGNED NOT NULL,
  weight BIGINT NULL DEFAULT 0,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX idx_group_sub ON group_sub_groups (group_id, sub_group_id);

CREATE TABLE api_keys (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  key_value TEXT NOT NULL,
  key_hash VARCHAR(128) NULL,
  group_id BIGINT UNSIGNED NOT NULL,
  status VARCHAR(50) NOT NULL DEFAULT 'active',
  notes VARCHAR(255) NULL DEFAULT '',
  request_count BIGINT NOT NULL DEFAULT 0,
  failure_count BIGINT NOT NULL DEFAULT 0,
  last_used_at DATETIME(3) NULL,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_api_keys_group_last_used_id ON api_keys (group_id, last_used_at, id);

CREATE INDEX idx_api_keys_key_hash ON api_keys (key_hash);

CREATE INDEX idx_api_keys_group_id ON api_keys (group_id);

CREATE INDEX idx_api_keys_status ON api_keys (status);

ALTER TABLE api_keys ADD CONSTRAINT fk_groups_api_keys FOREIGN KEY (group_id) REFERENCES `groups` (id);

CREATE TABLE request_logs (
  id VARCHAR(36) NOT NULL,
  `timestamp` DATETIME(3) NOT NULL,
  group_id BIGINT UNSIGNED NOT NULL,
  group_name VARCHAR(255) NULL,
  parent_group_id BIGINT UNSIGNED NULL,
  parent_group_name VARCHAR(255) NULL,
  key_value TEXT NULL,
  key_hash VARCHAR(128) NULL,
  model VARCHAR(255) NULL,
  is_success BOOLEAN NOT NULL,
  source_ip VARCHAR(64) NULL,
  status_code BIGINT NOT NULL,
  request_path VARCHAR(500) NULL,
  duration BIGINT NOT NULL,
  error_message TEXT NULL,
  user_agent VARCHAR(512) NULL,
  request_type VARCHAR(20) NOT NULL DEFAULT 'final',
  upstream_addr VARCHAR(500) NULL,
  is_stream BOOLEAN NOT NULL,
  request_body TEXT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_request_logs_timestamp ON request_logs (`timestamp`);

CREATE INDEX idx_request_logs_group_id ON request_logs (group_id);

CREATE INDEX idx_request_logs_group_name ON request_logs (group_name);

CREATE INDEX idx_request_logs_parent_group_id ON request_logs (parent_group_id);

CREATE INDEX idx_request_logs_parent_group_name ON request_logs (parent_group_name);

CREATE INDEX idx_request_logs_key_hash ON request_logs (key_hash);

CREATE INDEX idx_request_logs_model ON request_logs (model);

CREATE INDEX idx_request_logs_request_type ON request_logs (request_type);

CREATE TABLE group_hourly_stats (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `time` DATETIME(3) NOT NULL,
  group_id BIGINT UNSIGNED NOT NULL,
  success_count BIGINT NOT NULL DEFAULT 0,
  failure_count BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME(3) NULL,
  updated_at DATETIME(3) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX idx_group_time ON group_hourly_stats (`time`, group_id);
