package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A channel's {@code toString} says what a debugger user wants to know: how full, how big, and whether closed. */
@Timeout(10)
class ChanToStringTest {

    @Test
    void bufferedShowsLengthCapacityAndClosed() throws Exception {
        Chan<Integer> c = Chan.make(16);
        assertEquals("Chan[len=0, cap=16]", c.toString());
        for (int i = 0; i < 3; i++) c.send(i);
        assertEquals("Chan[len=3, cap=16]", c.toString());
        c.close();
        assertEquals("Chan[len=3, cap=16, closed]", c.toString());
        c.recv();
        assertEquals("Chan[len=2, cap=16, closed]", c.toString());
    }

    @Test
    void unbufferedAndNilSayWhatTheyAre() {
        Chan<Integer> c = Chan.make();
        assertEquals("Chan[unbuffered]", c.toString());
        c.close();
        assertEquals("Chan[unbuffered, closed]", c.toString());
        assertEquals("Chan[nil]", Chan.nil().toString());
    }
}
