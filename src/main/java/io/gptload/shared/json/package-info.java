/**
 * Byte-preserving JSON helpers: a validating single-pass scanner, reading and editing the
 * top-level members of an object body without re-serialising it (every untouched value keeps its
 * exact bytes and key order), and JSON string quoting. No parsing into trees, no dependencies.
 */
package io.gptload.shared.json;
