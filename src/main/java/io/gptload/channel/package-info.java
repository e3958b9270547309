/**
 * One pure adapter per API format (openai, openai-response, anthropic, gemini): URL, auth injection, stream detection, model extraction and redirect, error rendering, validation probe, model-list rewrite. No HTTP client, no state. May use: shared.
 */
package io.gptload.channel;
