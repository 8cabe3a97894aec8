package io.github.go4j.racesuite.norace;

/** Lazy initialisation through a holder class: the constructor's writes of {@code Config.port} happen-before both threads' reads via class initialisation. */
public final class LazyHolderIdiom {

    static final class Config {
        int port;

        Config() {
            port = 8080;
        }
    }

    static final class Holder {
        static final Config INSTANCE = new Config();
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable use = () -> System.out.println("port = " + Holder.INSTANCE.port);
        Thread a = new Thread(use);
        Thread b = new Thread(use);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
