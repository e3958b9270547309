-- The gpt-load 1.4.x schema as GORM AutoMigrate creates it on PostgreSQL:
-- uint -> bigint (bigserial when auto-increment), time -> timestamptz, JSON -> jsonb.
-- Script rules (see SchemaMigrator): a statement ends with ';' at the end of a line,
-- no ';' inside string literals, one column definition per line inside CREATE TABLE.
-- Indexes are separate statements so that adopting an existing database can add
-- only the ones that are missing.

CREATE TABLE system_settings (
  id BIGSERIAL NOT NULL,
  setting_key VARCHAR(255) NOT NULL,
  setting_value TEXT NOT NULL,
  description VARCHAR(512),
  created_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ,
  PRIMARY KEY (id),
  CONSTRAINT uni_system_settings_setting_key UNIQUE (setting_key)
);

CREATE TABLE "groups" (
  id BIGSERIAL NOT NULL,
  name VARCHAR(255) NOT NULL,
  display_name VARCHAR(255),
  proxy_keys TEXT,
  description VARCHAR(512),
  group_type VARCHAR(50) DEFAULT 'standard',
  upstreams JSONB NOT NULL,
  validation_endpoint VARCHAR(255),
  channel_type VARCHAR(50) NOT NULL,
  sort BIGINT DEFAULT 0,
  test_model VARCHAR(255) NOT NULL,
  param_overrides JSONB,
  config JSONB,
  header_rules JSONB,
  model_redirect_rules JSONB,
  model_redirect_strict BOOLEAN DEFAULT false,
  last_validated_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ,
  PRIMARY KEY (id),
  CONSTRAINT uni_groups_name UNIQUE (name)
);

CREATE TABLE group_sub_groups (
  id BIGSERIAL NOT NULL,
  group_id BIGINT NOT NULL,
  sub_group_id BIGINT NOT NULL,
  weight BIGINT DEFAULT 0,
  created_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);

CREATE UNIQUE INDEX idx_group_sub ON group_sub_groups (group_id, sub_group_id);

CREATE TABLE api_keys (
  id BIGSERIAL NOT NULL,
  key_value TEXT NOT NULL,
  key_hash VARCHAR(128),
  group_id BIGINT NOT NULL,
  status VARCHAR(50) NOT NULL DEFAULT 'active',
  notes VARCHAR(255) DEFAULT '',
  request_count BIGINT NOT NULL DEFAULT 0,
  failure_count BIGINT NOT NULL DEFAULT 0,
  last_used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);

CREATE INDEX idx_api_keys_group_last_used_id ON api_keys (group_id, last_used_at, id);

CREATE INDEX idx_api_keys_key_hash ON api_keys (key_hash);

CREATE INDEX idx_api_keys_group_id ON api_keys (group_id);

CREATE INDEX idx_api_keys_status ON api_keys (status);

ALTER TABLE api_keys ADD CONSTRAINT fk_groups_api_keys FOREIGN KEY (group_id) REFERENCES "groups" (id);

CREATE TABLE request_logs (
  id VARCHAR(36) NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  group_id BIGINT NOT NULL,
  group_name VARCHAR(255),
  parent_group_id BIGINT,
  parent_group_name VARCHAR(255),
  key_value TEXT,
  key_hash VARCHAR(128),
  model VARCHAR(255),
  is_success BOOLEAN NOT NULL,
  source_ip VARCHAR(64),
  status_code BIGINT NOT NULL,
  request_path VARCHAR(500),
  duration BIGINT NOT NULL,
  error_message TEXT,
  user_agent VARCHAR(512),
  request_type VARCHAR(20) NOT NULL DEFAULT 'final',
  upstream_addr VARCHAR(500),
  is_stream BOOLEAN NOT NULL,
  request_body TEXT,
  PRIMARY KEY (id)
);

CREATE INDEX idx_request_logs_timestamp ON request_logs ("timestamp");

CREATE INDEX idx_request_logs_group_id ON request_logs (group_id);

CREATE INDEX idx_request_logs_group_name ON request_logs (group_name);

CREATE INDEX idx_request_logs_parent_group_id ON request_logs (parent_group_id);

CREATE INDEX idx_request_logs_parent_group_name ON request_logs (parent_group_name);

CREATE INDEX idx_request_logs_key_hash ON request_logs (key_hash);

CREATE INDEX idx_request_logs_model ON request_logs (model);

CREATE INDEX idx_request_logs_request_type ON request_logs (request_type);

CREATE TABLE group_hourly_stats (
  id BIGSERIAL NOT NULL,
  "time" TIMESTAMPTZ NOT NULL,
  group_id BIGINT NOT NULL,
  success_count BIGINT NOT NULL DEFAULT 0,
  failure_count BIGINT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);

CREATE UNIQUE INDEX idx_group_time ON group_hourly_stats ("time", group_id);
