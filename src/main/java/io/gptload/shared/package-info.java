/**
 * Tiny kernel shared by every feature: Secret (masked toString), KeyCipher (gpt-load-compatible encryption and key hash), error root, JSON helpers, clock. Depends on nothing.
 */
package io.gptload.shared;
