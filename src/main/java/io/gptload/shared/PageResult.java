package io.gptload.shared;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a list with gpt-load's pagination block ({@code total_pages} = ceil(total / size)). */
public record PageResult<T>(List<T> items, int page, int pageSize, long totalItems, int totalPages) {

    public PageResult {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
        if (page < 1 || pageSize < 1 || totalItems < 0 || totalPages < 0) {
            throw new IllegalArgumentException("page and pageSize must be positive, totals not negative");
        }
    }

    public static <T> PageResult<T> of(List<T> items, PageRequest request, long totalItems) {
        long pages = (totalItems + request.pageSize() - 1) / request.pageSize();
        return new PageResult<>(items, request.page(), request.pageSize(), totalItems,
                (int) Math.min(Integer.MAX_VALUE, pages));
    }

    /** {@code {"items":[...],"pagination":{"page","page_size","total_items","total_pages"}}}. */
    public JsonObject toJson(Function<T, JsonObject> item) {
        Objects.requireNonNull(item, "item mapper must not be null");
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(t -> array.add(item.apply(t)));
        return Json.createObjectBuilder()
                .add("items", array)
                .add("pagination", Json.createObjectBuilder()
                        .add("page", page)
                        .add("page_size", pageSize)
                        .add("total_items", totalItems)
                        .add("total_pages", totalPages))
                .build();
    }
}
