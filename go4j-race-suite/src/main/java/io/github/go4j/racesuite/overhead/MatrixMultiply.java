package io.github.go4j.racesuite.overhead;

/**
 * Parallel dense matrix multiply, C = A × B for n × n doubles, with one platform thread per block of
 * rows (each thread writes only its own rows of C; start and join order everything else). The checksum
 * is the sum of C's elements, checked against Σ_k (Σ_i A[i][k]) (Σ_j B[k][j]).
 */
public final class MatrixMultiply {

    private static final int N = 1024;
    private static final int THREADS = 4;

    private MatrixMultiply() {}

    public static void main(String[] args) throws InterruptedException {
        double[][] a = new double[N][N];
        double[][] b = new double[N][N];
        double[][] c = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = (i + j) % 7;
                b[i][j] = (i * j) % 5;
            }
        }
        Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int from = t * N / THREADS;
            int to = (t + 1) * N / THREADS;
            workers[t] = new Thread(() -> multiplyRows(a, b, c, from, to), "rows-" + from);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double sum = 0;
        for (double[] row : c) {
            for (double v : row) {
                sum += v;
            }
        }
        double expected = 0;
        for (int k = 0; k < N; k++) {
            double colA = 0;
            double rowB = 0;
            for (int i = 0; i < N; i++) {
                colA += a[i][k];
                rowB += b[k][i];
            }
            expected += colA * rowB;
        }
        if (sum != expected) {
            throw new IllegalStateException("checksum " + sum + ", expected " + expected);
        }
        System.out.printf("matrix %dx%d: checksum %.0f ok%n", N, N, sum);
    }

    private static void multiplyRows(double[][] a, double[][] b, double[][] c, int from, int to) {
        for (int i = from; i < to; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int k = 0; k < N; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < N; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
    }
}
