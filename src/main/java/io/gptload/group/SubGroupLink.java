package io.gptload.group;

/** One {@code group_sub_groups} row: a standard group inside an aggregate, with its weight (0–1000). */
public record SubGroupLink(long aggregateId, long subGroupId, int weight) {
}
