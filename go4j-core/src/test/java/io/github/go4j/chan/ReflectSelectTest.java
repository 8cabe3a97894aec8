package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's reflect TestSelect (src/reflect/all_test.go): selects made of every mix (walked by {@link Exhaustive})
 * of ready and blocking sends and receives, null ("zero Chan") and nil channels, closed channels and a
 * default, checking each time that the chosen case was allowed to be chosen, that a receive got the right
 * value and ok, that a default ran only when nothing was ready, and that a send on a closed channel threw
 * when it was the only choice. Go runs 100000 selects (-short 1000); here 10000, 100000 with go4j.test.long.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReflectSelectTest {

    /** What the select returned: the case index, and for a receive the value and ok. */
    record Chosen(int index, Object value, boolean ok) {}

    /** reflect's caseInfo, plus the way to build the case once its index is known. */
    static final class CaseInfo {
        final String desc;
        boolean canSelect;
        final Object recv;
        final boolean closed;
        final Runnable helper;
        final boolean panics;
        final boolean isRecv;
        final IntFunction<Case<Chosen>> make;

        CaseInfo(String desc, boolean canSelect, Object recv, boolean closed, Runnable helper, boolean panics,
                boolean isRecv, IntFunction<Case<Chosen>> make) {
            this.desc = desc;
            this.canSelect = canSelect;
            this.recv = recv;
            this.closed = closed;
            this.helper = helper;
            this.panics = panics;
            this.isRecv = isRecv;
            this.make = make;
        }
    }

    @FunctionalInterface
    interface Blocking {
        void run() throws InterruptedException;
    }

    private static Runnable helper(Blocking b) {
        return () -> {
            try {
                b.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static IntFunction<Case<Chosen>> recvCase(RecvChan<Object> ch) {
        return i -> Case.recvOk(ch, (v, ok) -> new Chosen(i, v, ok));
    }

    private static IntFunction<Case<Chosen>> sendCase(SendChan<Object> ch, Object value) {
        return i -> Case.send(ch, value, () -> new Chosen(i, null, false));
    }

    private int nch;

    /** reflect's newop: alternately an int and a string channel, and a value of its type. */
    private Object[] newop(int n, int cap) {
        nch++;
        Chan<Object> ch = Chan.make(cap);
        Object val = nch % 101 % 2 == 1 ? (Object) n : String.valueOf(n);
        return new Object[] {ch, val};
    }

    @Test
    @SuppressWarnings("unchecked")
    void testSelect() throws Exception {
        long seed = System.nanoTime();
        Exhaustive x = new Exhaustive(seed);
        int rounds = GoTestSize.pick(100_000, 10_000);
        Duration pause = Duration.ofNanos(10_000);
        int n = 0;
        try (GoroutineScope g = new GoroutineScope()) {
            for (; n < rounds && x.next(); n++) {
                List<CaseInfo> info = new ArrayList<>();

                if (x.maybe()) { // Ready send.
                    Object[] op = newop(info.size(), 1);
                    info.add(new CaseInfo("ready send", true, null, false, null, false, false,
                            sendCase((Chan<Object>) op[0], op[1])));
                }
                if (x.maybe()) { // Ready recv.
                    Object[] op = newop(info.size(), 1);
                    Chan<Object> ch = (Chan<Object>) op[0];
                    ch.send(op[1]);
                    info.add(new CaseInfo("ready recv", true, op[1], false, null, false, true, recvCase(ch)));
                }
                if (x.maybe()) { // Blocking send.
                    Object[] op = newop(info.size(), 0);
                    Chan<Object> ch = (Chan<Object>) op[0];
                    Runnable h = x.maybe() ? helper(ch::recv) : null; // let it execute?
                    info.add(new CaseInfo("blocking send", false, null, false, h, false, false, sendCase(ch, op[1])));
                }
                if (x.maybe()) { // Blocking recv.
                    Object[] op = newop(info.size(), 0);
                    Chan<Object> ch = (Chan<Object>) op[0];
                    boolean let = x.maybe(); // let it execute?
                    info.add(new CaseInfo("blocking recv", false, let ? op[1] : null, false,
                            let ? helper(() -> ch.send(op[1])) : null, false, true, recvCase(ch)));
                }
                if (x.maybe()) { // Zero Chan send: a null channel (Go: with or without a value; here one is required).
                    Object val = x.maybe() ? (Object) 100 : "100";
                    info.add(new CaseInfo("zero Chan send", false, null, false, null, false, false, sendCase(null, val)));
                }
                if (x.maybe()) { // Zero Chan receive.
                    info.add(new CaseInfo("zero Chan recv", false, null, false, null, false, true, recvCase(null)));
                }
                if (x.maybe()) { // nil Chan send.
                    info.add(new CaseInfo("nil Chan send", false, null, false, null, false, false, sendCase(Chan.nil(), 101)));
                }
                if (x.maybe()) { // nil Chan recv.
                    info.add(new CaseInfo("nil Chan recv", false, null, false, null, false, true, recvCase(Chan.nil())));
                }
                if (x.maybe()) { // closed Chan send.
                    Chan<Object> ch = Chan.make();
                    ch.close();
                    info.add(new CaseInfo("closed Chan send", true, null, false, null, true, false, sendCase(ch, 101)));
                }
                if (x.maybe()) { // closed Chan recv.
                    Object[] op = newop(info.size(), 0);
                    Chan<Object> ch = (Chan<Object>) op[0];
                    ch.close();
                    info.add(new CaseInfo("closed Chan recv", true, null, true, null, false, true, recvCase(ch)));
                }

                // Add a default if the select would otherwise block forever, and maybe anyway.
                int numCanSelect = 0;
                boolean canProceed = false;
                boolean canBlock = true;
                boolean canPanic = false;
                List<Integer> helpers = new ArrayList<>();
                for (int i = 0; i < info.size(); i++) {
                    CaseInfo c = info.get(i);
                    if (c.canSelect) {
                        canProceed = true;
                        canBlock = false;
                        numCanSelect++;
                        if (c.panics) canPanic = true;
                    } else if (c.helper != null) {
                        canProceed = true;
                        helpers.add(i);
                    }
                }
                Runnable helper = null; // goroutine to help the select complete
                if (!canProceed || x.maybe()) {
                    info.add(new CaseInfo("default", canBlock, null, false, null, false, false,
                            i -> Case.otherwise(() -> new Chosen(i, null, false))));
                    numCanSelect++;
                } else if (canBlock) {
                    // The select needs to communicate with another goroutine.
                    CaseInfo cas = info.get(helpers.get(x.choose(helpers.size())));
                    helper = cas.helper;
                    cas.canSelect = true;
                    numCanSelect++;
                }

                // Permute cases and case info: just two swaps, as Go does.
                for (int loop = 0; loop < 2; loop++) {
                    Collections.swap(info, x.choose(info.size()), x.choose(info.size()));
                }
                Case<Chosen>[] cases = new Case[info.size()];
                for (int i = 0; i < cases.length; i++) cases[i] = info.get(i).make.apply(i);

                if (helper != null) {
                    // Wait before kicking off a goroutine to satisfy a blocked select; losing that race
                    // once in a while is fine: the select just proceeds at once.
                    Runnable h = helper;
                    g.go(() -> {
                        Thread.sleep(pause);
                        h.run();
                    });
                }

                Chosen chosen = null;
                Throwable panic = null;
                try {
                    chosen = Select.select(cases);
                } catch (ChanClosedException e) {
                    panic = e;
                }
                String where = "seed " + seed + ", round " + n + fmtSelect(info);
                if (panic != null && !canPanic) fail(where + "\npanicked unexpectedly: " + panic);
                if (panic == null && canPanic && numCanSelect == 1) {
                    fail(where + "\nselected #" + chosen.index + " incorrectly (should panic)");
                }
                if (panic != null) continue;

                CaseInfo cas = info.get(chosen.index);
                if (!cas.canSelect) {
                    fail(where + "\nselected #" + chosen.index + " incorrectly, received " + chosen.value + ", " + chosen.ok);
                }
                if (cas.panics) fail(where + "\nselected #" + chosen.index + " incorrectly (case should panic)");
                if (cas.isRecv) {
                    if (!Objects.equals(chosen.value, cas.recv) || chosen.ok != !cas.closed) {
                        fail(where + "\nselected #" + chosen.index + " but got " + chosen.value + ", " + chosen.ok
                                + ", want " + cas.recv + ", " + !cas.closed);
                    }
                } else {
                    assertTrue(chosen.value == null && !chosen.ok, where);
                }
                if (n % 1000 == 999) g.rethrow();
            }
            g.join();
        }
        assertEquals(rounds, n, "rounds run");
    }

    private static String fmtSelect(List<CaseInfo> info) {
        StringBuilder sb = new StringBuilder("\nselect {\n");
        for (int i = 0; i < info.size(); i++) {
            CaseInfo c = info.get(i);
            sb.append(i).append(": ").append(c.desc);
            if (c.recv != null) sb.append(" val=").append(c.recv);
            if (c.canSelect) sb.append(" canselect");
            if (c.panics) sb.append(" panic");
            sb.append('\n');
        }
        return sb.append('}').toString();
    }

    /** reflect TestSelectMaxCases (first half): a select of 65536 receives from a closed channel. */
    @Test
    @SuppressWarnings("unchecked")
    void testSelectMaxCases() throws InterruptedException {
        Chan<Integer> channel = Chan.make();
        channel.close();
        Case<Integer>[] cases = new Case[65536];
        for (int i = 0; i < cases.length; i++) {
            final int k = i;
            cases[i] = Case.recv(channel, v -> k);
        }
        int chosen = Select.select(cases);
        assertTrue(chosen >= 0 && chosen < cases.length);
    }

    /** reflect TestSelectNop: "select { default: }" always returns the default case. */
    @Test
    void testSelectNop() throws InterruptedException {
        assertEquals(0, (int) Select.select(Case.otherwise(() -> 0)));
    }
}
