package io.github.go4j.racesuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OverheadTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Overhead.median(new long[] {5, 1, 3}));
        assertEquals(3, Overhead.median(new long[] {4, 1, 2, 9}));
    }

    @Test
    void geometricMeanOfRatios() {
        assertEquals(4.0, Overhead.geometricMean(List.of(2.0, 8.0)), 1e-9);
        assertEquals(3.0, Overhead.geometricMean(List.of(3.0)), 1e-9);
    }

    @Test
    @Timeout(120)
    void measuresAProgramWithAndWithoutAnAgentAndWritesTheTable(@TempDir Path dir) throws Exception {
        Path agent = FakeAgent.jar(dir);
        Path md = dir.resolve("overhead.md");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = Overhead.run(Overhead.Options.parse("--agent", agent.toString(), "--agent-options", "none",
                    "--reps", "1", "--out", md.toString(), "BankTransfers"), out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        String table = Files.readString(md);
        assertTrue(table.matches("(?s).*\\| BankTransfers \\|[^\\n]*\\| [0-9.]+ s \\| [0-9.]+ s \\| [0-9.]+× \\| \\d+ MiB \\| \\d+ MiB \\| [0-9.]+× \\|.*"), table);
        assertTrue(table.contains("**geometric mean**"), table);
    }
}
