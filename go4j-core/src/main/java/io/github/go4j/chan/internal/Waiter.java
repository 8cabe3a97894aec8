package io.github.go4j.chan.internal;

/**
 * A {@link Parker}'s entry in one channel's send or receive queue (Go's {@code sudog}). A select has one
 * per case, all sharing its parker; whoever claims the parker through one of them decides the select.
 * The links are guarded by the channel's lock; a waiter whose parker was claimed through another entry
 * (or cancelled) is stale, and is skipped and unlinked by whoever meets it.
 */
final class Waiter {
    final Parker parker;
    final int caseIndex;
    /** The value a sender offers; null for a receiver. */
    final Object value;
    Waiter prev;
    Waiter next;
    boolean linked;

    Waiter(Parker parker, int caseIndex, Object value) {
        this.parker = parker;
        this.caseIndex = caseIndex;
        this.value = value;
    }
}
