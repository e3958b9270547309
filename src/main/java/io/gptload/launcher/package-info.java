/**
 * The uber-jar's entry point: reads .env, checks AUTH_KEY, prepares Payara Micro's options (logging included: level, JSON lines, log file) and boots it in-process, then owns the process's stop signals so a stop drains running requests first. Lives at the jar root, not in the WAR; depends on the JDK only.
 */
package io.gptload.launcher;
