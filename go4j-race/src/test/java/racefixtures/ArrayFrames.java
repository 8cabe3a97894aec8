package racefixtures;

import java.util.function.IntUnaryOperator;

/**
 * Array accesses in methods whose stack map frames the agent must extend with its clock local: a
 * constructor that reads an array before {@code super(...)}, wide locals, loops, a switch, try/catch/
 * finally, a synchronized method (the agent's own handler), a lambda, and a race inside such a loop.
 * Prints what it computed; with {@code race} as argument two threads also write one array unordered.
 */
public final class ArrayFrames {

    static class Base {
        final int first;

        Base(int first) {
            this.first = first;
        }
    }

    static final class Derived extends Base {
        Derived(int[] a) {
            super(a[0] + a[a.length - 1]); // array reads while 'this' is uninitialised
        }
    }

    static long mixed(int[] a, double[] d, long start) {
        long sum = start;
        double scale = 1.5;
        for (int i = 0; i < a.length; i++) {
            switch (a[i] % 3) {
                case 0 -> sum += a[i];
                case 1 -> {
                    long wide = a[i] * 2L;
                    sum += wide;
                }
                default -> d[i % d.length] += scale;
            }
            try {
                if (a[i] == 7) throw new IllegalArgumentException("seven");
                a[i] = a[i] + 1;
            } catch (IllegalArgumentException e) {
                a[i] = -a[i];
            } finally {
                d[0] += 0.5;
            }
        }
        return sum;
    }

    static synchronized int lockedSum(int[] a) {
        int s = 0;
        for (int v : a) s += v;
        return s;
    }

    static int[] mapped(int[] a, IntUnaryOperator f) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = f.applyAsInt(a[i]);
        return out;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[20];
        for (int i = 0; i < a.length; i++) a[i] = i;
        double[] d = new double[3];
        long sum = mixed(a, d, 100L);
        int locked = lockedSum(a);
        int[] m = mapped(a, v -> a[0] + v * 2);
        System.out.println("derived " + new Derived(a).first + " sum " + sum + " locked " + locked + " mapped " + m[19] + " d0 " + d[0]);
        if (args.length > 0 && args[0].equals("race")) {
            int[] shared = new int[1000];
            Thread t = new Thread(() -> mixed(shared, d.clone(), 0), "mixer");
            t.start();
            mixed(shared, new double[1], 0);
            t.join();
        }
    }
}
