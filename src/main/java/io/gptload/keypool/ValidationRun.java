package io.gptload.keypool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Checks a list of items with a fixed number of workers pulling from one shared cursor (gpt-load's
 * worker pool), reports progress at most once per second and returns the results in input order.
 * A check that throws counts as invalid with the exception's class as the reason.
 */
final class ValidationRun {

    static final long PROGRESS_EVERY_MILLIS = 1000;

    private ValidationRun() {
    }

    static <T> List<KeyCheck> run(List<T> items, int concurrency, Executor executor, Function<T, KeyCheck> check,
                                  IntConsumer progress, LongSupplier millis) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(progress, "progress");
        KeyCheck[] results = new KeyCheck[items.size()];
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong lastReport = new AtomicLong(millis.getAsLong());
        Runnable worker = () -> {
            for (int i = cursor.getAndIncrement(); i < results.length; i = cursor.getAndIncrement()) {
                results[i] = safely(check, items.get(i));
                int n = done.incrementAndGet();
                long now = millis.getAsLong();
                long last = lastReport.get();
                if (now - last >= PROGRESS_EVERY_MILLIS && lastReport.compareAndSet(last, now)) {
                    progress.accept(n);
                }
            }
        };
        int workers = Math.max(1, Math.min(concurrency, results.length));
        List<CompletableFuture<Void>> running = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            running.add(CompletableFuture.runAsync(worker, executor));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return Arrays.asList(results);
    }

    private static <T> KeyCheck safely(Function<T, KeyCheck> check, T item) {
        try {
            return Objects.requireNonNull(check.apply(item), "check result");
        } catch (RuntimeException e) {
            return KeyCheck.invalid("validation failed: " + e.getClass().getSimpleName());
        }
    }

    static long valid(List<KeyCheck> results) {
        return results.stream().filter(KeyCheck::valid).count();
    }
}
