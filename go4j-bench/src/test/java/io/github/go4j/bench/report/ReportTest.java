package io.github.go4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@Timeout(5)
class ReportTest {

    static final List<Result> RESULTS = List.of(
            new Result("PingPongBench", Peer.GO4J, "", 400, 10),
            new Result("PingPongBench", Peer.JOX, "", 1300, 10),
            new Result("PingPongBench", Peer.JUC, "SynchronousQueue", 200, 10),
            new Result("PingPongBench", Peer.JCTOOLS, "MpmcArrayQueue", 700, 10),
            new Result("PingPong", Peer.GO, "", 220, 5),
            new Result("Buffered1P1CBench[capacity=16]", Peer.GO4J, "", 20, 10),
            new Result("Buffered1P1CBench[capacity=16]", Peer.JUC, "ArrayBlockingQueue", 166, 10),
            new Result("Buffered1P1CBench[capacity=16]", Peer.JUC, "LinkedTransferQueue", 97, 10),
            new Result("Buffered1P1C16", Peer.GO, "", 34, 5),
            new Result("Buffered1P1CBench[capacity=1024]", Peer.JOX, "", 101, 10),
            new Result("CancelFanOutBench", Peer.JUC, "CompletableFuture", 203_000, 10),
            new Result("EventHooksBench", Peer.GO4J, "baseline", 0.2, 10),
            new Result("EventHooksBench", Peer.GO4J, "release", 0.5, 10),
            new Result("EventHooksBench", Peer.GO4J, "acquire", 0.6, 10),
            new Result("VirtualThreadFloorBench", Peer.JUC, "YieldRoundTrip", 250, 10),
            new Result("VirtualThreadFloorBench", Peer.JUC, "ParkRoundTrip", 1300, 10));

    static final Machine MACHINE = new Machine(2, "AMD EPYC <test & co>", "Eclipse Adoptium 25.0.3+9-LTS",
            "go1.19.8 linux/amd64", Instant.parse("2026-12-03T08:00:00Z"), "./go4j bench --quick",
            "$JAVA_HOME/bin/java -jar go4j-bench/target/benchmarks.jar -f 1", "GOMAXPROCS=2 go test -bench .", true);

    @Test
    void rowsFollowTheWorkloadsAndShowEachPeersFastestVariant() {
        ResultTable t = ResultTable.of(RESULTS);
        assertEquals(List.of("ping-pong, unbuffered", "1P→1C buffered 16", "1P→1C buffered 1024", "cancel → 1000 waiters"),
                t.rows.stream().map(r -> r.workload().label()).toList());
        ResultTable.Row buf16 = t.rows.get(1);
        assertEquals(new ResultTable.Cell(97, "LinkedTransferQueue"), buf16.cell(Peer.JUC));
        assertNull(buf16.cell(Peer.JOX));
    }

    @Test
    void ratiosAreGo4jOverTheOtherAndBestIsTheFastestOtherColumnGoIncluded() {
        ResultTable t = ResultTable.of(RESULTS);
        ResultTable.Row pingPong = t.rows.get(0);
        assertEquals(400.0 / 220, pingPong.ratioToGo(), 1e-9);
        assertEquals(Peer.JUC, pingPong.bestPeer());
        assertEquals(2.0, pingPong.ratioToBest(), 1e-9);
        ResultTable.Row buf16 = t.rows.get(1);
        assertEquals(Peer.GO, buf16.bestPeer());
        assertEquals(20.0 / 34, buf16.ratioToBest(), 1e-9);
        ResultTable.Row cancel = t.rows.get(3);
        assertTrue(Double.isNaN(cancel.ratioToGo()), "no go4j and no Go figure: no ratio");
        assertTrue(Double.isNaN(cancel.ratioToBest()));
    }

    @Test
    void hookCostIsTheDearerHookMinusTheBareLoop() {
        ResultTable.HookCost hooks = ResultTable.of(RESULTS).hooks;
        assertNotNull(hooks);
        assertEquals(0.4, hooks.perHookNs(), 1e-9);
        assertEquals(0, new ResultTable.HookCost(1.0, 0.9, 0.8).perHookNs(), "noise below the baseline is no negative cost");
        assertNull(ResultTable.of(RESULTS.subList(0, 5)).hooks);
    }

    @Test
    void figuresAndAbbreviationsAreFormattedForTables() {
        assertEquals("203000", ResultTable.ns(203_000.4));
        assertEquals("97.0", ResultTable.ns(97));
        assertEquals("3.14", ResultTable.ns(3.14159));
        assertEquals("0.414", ResultTable.ns(0.4141));
        assertEquals("–", ResultTable.ns(Double.NaN));
        assertEquals("SQ", ResultTable.abbreviation("SynchronousQueue"));
        assertEquals("VTCDL", ResultTable.abbreviation("VirtualThreadCountDownLatch"));
        assertEquals("1.82", ResultTable.ratio(400.0 / 220));
    }

    @Test
    void terminalTableAlignsOneLinePerRow() {
        String text = TextTable.plain(ResultTable.of(RESULTS));
        List<String> lines = text.lines().toList();
        assertEquals(2 + 4, lines.size(), "header, rule, four rows");
        assertTrue(lines.get(0).startsWith("workload"));
        assertEquals(1, lines.stream().map(String::length).distinct().count(), "every line equally wide:\n" + text);
        assertTrue(lines.get(2).contains("200 SQ") && lines.get(2).contains("2.00 j.u.c"), lines.get(2));
    }

    @Test
    void markdownNamesMachineCommandsTableHooksAndFailures() {
        String md = MarkdownReport.render(ResultTable.of(RESULTS), MACHINE, List.of("PingPongBench.jox"));
        assertTrue(md.contains("**Quick pass**"));
        assertTrue(md.contains("Reproduce with `./go4j bench --quick`"));
        assertTrue(md.contains("| cores (`nproc`) | 2 |"));
        assertTrue(md.contains("| Go | go1.19.8 linux/amd64 |"));
        assertTrue(md.contains("| workload | ns per | go4j | Go | jox | j.u.c | JCTools | go4j/Go | go4j/best |"));
        assertTrue(md.contains("| ping-pong, unbuffered | round trip | 400 | 220 | 1300 | 200 SQ | 700 MAQ | 1.82 | 2.00 j.u.c |"), md);
        assertTrue(md.contains("SQ = SynchronousQueue"));
        assertTrue(md.contains("one hook adds **0.400 ns**"));
        // ping-pong: 8 hooks × 0.4 ns of 400 ns = 0.80 %; buffered 16: 4 × 0.4 of 20 = 8 %, over the bound
        assertTrue(md.contains("| ping-pong, unbuffered | 400 | 8 | 0.80% |"), md);
        assertTrue(md.contains("| 1P→1C buffered 16 | 20.0 | 4 | 8.00% ⚠ |"), md);
        assertTrue(md.contains("failed**") && md.contains("PingPongBench.jox"));
        assertTrue(md.contains("GOMAXPROCS=2 go test -bench ."));
        assertFalse(md.contains("until go4j's"), "a stale note that go4j's row stands in for a primitive");
        assertTrue(md.contains("250 ns per round trip when each waits with `Thread.yield()`, 1300 ns with `LockSupport.park`"), md);
        assertTrue(md.contains("go4j's ping-pong (400 ns) is 1.60× the yield round trip."), md);
    }

    @Test
    void chartIsWellFormedSvgWithOneBarPerFigureOnALogAxis() throws Exception {
        ResultTable table = ResultTable.of(RESULTS);
        String svg = SvgChart.render(table, MACHINE);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList rects = doc.getElementsByTagName("rect");
        int bars = 0;
        double pingPongGo4j = -1, pingPongJox = -1;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getElementsByTagName("title").getLength() == 0) continue;
            bars++;
            String title = r.getElementsByTagName("title").item(0).getTextContent();
            if (title.equals("go4j: 400 ns")) pingPongGo4j = Double.parseDouble(r.getAttribute("width"));
            if (title.equals("jox: 1300 ns")) pingPongJox = Double.parseDouble(r.getAttribute("width"));
        }
        long cells = table.rows.stream().mapToLong(r -> r.cells().size()).sum();
        assertEquals(cells, bars, "one bar per figure in the table");
        assertTrue(pingPongGo4j > 0 && pingPongJox > pingPongGo4j);
        // log scale: the axis spans 0.1 ns .. 1 ms here; 400 → 1300 ns is log10(3.25) of a decade
        assertTrue(svg.contains(">100 µs<") && svg.contains(">1 ms<"), "decade labels");
        assertTrue(svg.contains("AMD EPYC &lt;test &amp; co&gt;"), "text is escaped");
        assertFalse(svg.contains("NaN"));
    }
}
