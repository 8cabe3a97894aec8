package io.github.go4j.chan.internal;

/**
 * A FIFO of {@link Waiter}s, doubly linked so a select can unlink its other entries in O(1). Not
 * thread-safe: every method is called with the owning channel's lock held.
 */
final class WaitQueue {
    private Waiter head;
    private Waiter tail;

    boolean isEmpty() {
        return head == null;
    }

    void enqueue(Waiter w) {
        w.prev = tail;
        w.next = null;
        if (tail == null) head = w; else tail.next = w;
        tail = w;
        w.linked = true;
    }

    /** Removes {@code w} if it is still linked here. */
    void remove(Waiter w) {
        if (!w.linked) return;
        if (w.prev == null) head = w.next; else w.prev.next = w.next;
        if (w.next == null) tail = w.prev; else w.next.prev = w.prev;
        w.prev = w.next = null;
        w.linked = false;
    }

    /**
     * Unlinks and returns the first waiter whose parker this call claims, dropping stale ones on the way;
     * null if none can be claimed.
     */
    Waiter claimFirst() {
        Waiter w;
        while ((w = head) != null) {
            remove(w);
            if (w.parker.tryClaim(w.caseIndex)) return w;
        }
        return null;
    }
}
