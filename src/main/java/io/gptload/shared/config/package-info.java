/**
 * Static configuration: environment variables and {@code .env} (through MicroProfile Config),
 * read once at start into typed records with gpt-load's names and defaults. Depends on nothing.
 */
package io.gptload.shared.config;
