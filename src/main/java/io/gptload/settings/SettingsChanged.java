package io.gptload.settings;

/** Fired after the system settings changed (and were reloaded) so snapshots can be rebuilt. */
public record SettingsChanged(SystemSettings settings) {
}
