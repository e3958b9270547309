package io.gptload.requestlog;

/** Asynchronous CDI event: the request-log buffer holds a full batch and asks for an early flush. */
public record FlushRequested(int depth) {
}
