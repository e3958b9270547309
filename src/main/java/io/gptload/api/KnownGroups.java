package io.gptload.api;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;

/** The group a key route names, or 404 {@code NOT_FOUND} "Resource not found" (spec §3.3). */
final class KnownGroups {

    private KnownGroups() {
    }

    static GroupSnapshot require(GroupCatalog catalog, long id) {
        return catalog.byId(id).orElseThrow(ApiException::notFound);
    }
}
