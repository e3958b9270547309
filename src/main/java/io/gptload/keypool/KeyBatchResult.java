package io.gptload.keypool;

/** Outcome of a synchronous bulk key operation: how many changed, how many were ignored, group total. */
public record KeyBatchResult(int changed, int ignored, long totalInGroup) {
}
