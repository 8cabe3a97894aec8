package io.github.go4j.context;

/**
 * A {@link Context} implemented outside go4j that can itself run a function when it is done (Go's
 * unexported {@code afterFuncer} interface). When such a context is the parent of a go4j context,
 * go4j registers with {@link #afterFunc(Runnable)} instead of starting a goroutine to watch its
 * {@link #done()} channel.
 */
public interface AfterFuncContext extends Context {

    /**
     * Arranges for {@code f} to be called once this context is done, on a goroutine of the
     * implementation's choosing (it must not run {@code f} on the caller's thread while holding locks the
     * caller might need). The returned {@link Context.Stop#stop()} unregisters {@code f} and reports
     * whether it did so before {@code f} was started.
     *
     * @param f the function to call once this context is done
     * @return the handle that unregisters {@code f}
     */
    Stop afterFunc(Runnable f);
}
