package io.github.go4j.chan;

/**
 * The result of Go's two-value receive {@code v, ok := <-ch}: {@code ok} is true when {@code value} was
 * sent, false when the channel was closed and drained (then {@code value} is null).
 *
 * @param value the received value, or null when {@code ok} is false
 * @param ok whether a value was received
 * @param <T> the element type
 */
public record Received<T>(T value, boolean ok) {

    private static final Received<?> CLOSED = new Received<>(null, false);

    /**
     * The shared result of a receive on a closed, drained channel.
     *
     * @param <T> the element type
     * @return {@code Received(null, false)}
     */
    @SuppressWarnings("unchecked")
    public static <T> Received<T> closed() {
        return (Received<T>) CLOSED;
    }
}
