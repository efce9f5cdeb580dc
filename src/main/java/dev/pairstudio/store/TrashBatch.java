package dev.pairstudio.store;

/** One delete operation: {@code count} pairs moved to the trash, restorable together by {@code id}. */
public record TrashBatch(String id, long count) {}
