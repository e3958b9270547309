/**
 * Management REST API under /api: resources, request/response records, one exception mapper producing gpt-load's envelope, and the servlet filters every route passes (security headers, CORS, the access log). May use any feature; nothing uses api.
 */
package io.gptload.api;
