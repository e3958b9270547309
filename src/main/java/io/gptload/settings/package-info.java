/**
 * Runtime system settings (database, hot reload, validation) and effective settings (system settings overlaid by group overrides). May use: shared, cluster.
 */
package io.gptload.settings;
