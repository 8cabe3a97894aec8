package io.github.go4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program the run tests run: prints what it was given, one line each ({@code pid=}, {@code arg=} per
 * argument, {@code argv=} per word of its process's command line after {@code java}, {@code property=} for {@code -Decho.property=NAME}), to standard
 * output and to the file {@code -Decho.report=FILE}, then reads standard input to its end when
 * {@code -Decho.stdin=true} (printing {@code stdin=} per line), and exits with {@code -Decho.exit=N}.
 * Everything it is told comes in as system properties, so that its arguments are free for the tests.
 */
public final class EchoProgram {
    private EchoProgram() {}

    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("pid=" + ProcessHandle.current().pid());
        for (String a : args) lines.add("arg=" + a);
        for (String a : ProcessHandle.current().info().arguments().orElse(new String[0])) lines.add("argv=" + a);
        String property = System.getProperty("echo.property");
        if (property != null) lines.add("property=" + System.getProperty(property));
        lines.add("module=" + EchoProgram.class.getModule().getName());
        String report = System.getProperty("echo.report");
        if (report != null) Files.write(Path.of(report), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        System.out.flush();
        if (Boolean.getBoolean("echo.stdin")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("stdin=" + line);
                System.out.flush();
            }
        }
        System.exit(Integer.getInteger("echo.exit", 0));
    }
}
