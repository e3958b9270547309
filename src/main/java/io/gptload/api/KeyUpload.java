package io.gptload.api;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The multipart form of {@code add-async}: a {@code group_id} field and a {@code file} part
 * whose name ends in {@code .txt} (any case), read as UTF-8. Errors in gpt-load's order and codes.
 */
record KeyUpload(long groupId, String text) {

    KeyUpload {
        Objects.requireNonNull(text, "text");
    }

    static KeyUpload of(List<EntityPart> parts) {
        String groupId = part(parts, "group_id").map(KeyUpload::read).orElse("");
        long id = Ids.parse(groupId, "group_id is required");
        EntityPart file = part(parts, "file").filter(p -> p.getFileName().isPresent())
                .orElseThrow(() -> ApiException.badRequest("File is required"));
        if (!extension(file.getFileName().orElse("")).equals(".txt")) {
            throw ApiException.validation("Only .txt files are supported");
        }
        return new KeyUpload(id, read(file));
    }

    /** What follows the last dot of the last path element, dot included, lower-cased; "" without one. */
    static String extension(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    private static String read(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest("Failed to read file content");
        }
    }
}
