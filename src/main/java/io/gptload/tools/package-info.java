/**
 * Offline commands of the uber-jar that run with the gateway stopped, such as {@code migrate-keys}
 * (re-encrypting stored upstream keys). They speak plain JDBC, are started by the launcher
 * through a class loader over the WAR's classes, and take their configuration as arguments. May
 * use {@code shared}; nothing uses {@code tools}.
 */
package io.gptload.tools;
