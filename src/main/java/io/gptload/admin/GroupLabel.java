package io.gptload.admin;

/** How the console names a group in its messages and lists: its display name with its name, or its name. */
final class GroupLabel {

    private GroupLabel() {
    }

    static String of(String name, String displayName) {
        return displayName == null || displayName.isBlank() ? name : displayName + " (" + name + ")";
    }
}
