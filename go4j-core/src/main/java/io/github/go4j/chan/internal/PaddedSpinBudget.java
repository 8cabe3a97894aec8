package io.github.go4j.chan.internal;

/**
 * The first fields of every {@link Channel}: its {@link SpinBudget}, then 64 bytes of padding. A waiter
 * on an unbuffered channel writes the budget after each wait, without the lock, while the other side is
 * taking the lock; on the lock word's cache line every such write would take the line away from it. The
 * JVM lays out a superclass's fields before its subclass's, so the budget and the padding come before
 * any field of Channel; the padding is bytes so that no field of Channel can fill a gap in front of it.
 * {@code ChannelLayoutTest} checks the distance on the layout the JVM chose.
 */
abstract class PaddedSpinBudget {
    /**
     * How long a wait on this unbuffered channel spins before it yields ({@link SpinBudget}); 0 for a
     * buffered channel. Read and written without synchronisation: it is a heuristic, a lost update
     * only delays its adaptation.
     */
    int spinBudget;

    @SuppressWarnings("unused")
    private byte p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    @SuppressWarnings("unused")
    private byte p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31;
    @SuppressWarnings("unused")
    private byte p32, p33, p34, p35, p36, p37, p38, p39, p40, p41, p42, p43, p44, p45, p46, p47;
    @SuppressWarnings("unused")
    private byte p48, p49, p50, p51, p52, p53, p54, p55, p56, p57, p58, p59, p60, p61, p62, p63;
}
