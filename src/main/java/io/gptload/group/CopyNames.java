package io.gptload.group;

import java.util.Set;

/** The name of a copied group: {@code {name}_copy}, then {@code _copy_2} … {@code _copy_1000} (gpt-load's rule). */
public final class CopyNames {

    static final int LAST = 1000;

    private CopyNames() {
    }

    /**
     * The first free candidate. When all are taken, {@code {name}_copy} is returned anyway, as gpt-load
     * does; saving it then fails as a duplicate name.
     */
    public static String next(String name, Set<String> taken) {
        String first = name + "_copy";
        if (!taken.contains(first)) {
            return first;
        }
        for (int i = 2; i <= LAST; i++) {
            String candidate = first + "_" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        return first;
    }
}
