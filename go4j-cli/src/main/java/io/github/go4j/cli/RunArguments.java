package io.github.go4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code go4j run}, read as java reads its own, with go4j's options taken out:
 *
 * <pre>
 * go4j run [--race [--race-options OPTS]] [JAVA OPTIONS] MAIN [ARGS...]
 *                                          ... -jar APP.jar [ARGS...]
 *                                          ... -m MODULE[/MAIN] [ARGS...]
 *                                          ... SOURCE.java [ARGS...]
 * </pre>
 *
 * Before the program, {@code --race}, {@code --race-options OPTS} (or {@code =OPTS}), {@code -h}/{@code --help}
 * and {@code -V}/{@code --version} are go4j's, anywhere among java's options; every other argument goes to
 * java unchanged and in its order. The program is named by {@code -m}/{@code --module} (its value), or is
 * the first argument that is no option and no option's value (with {@code -jar}: the jar). Everything after
 * it is the program's own, whatever it looks like. {@code @argfiles} go to java unread.
 *
 * @param race {@code --race} was given
 * @param raceOptions the detector's options from {@code --race-options}, or null
 * @param help {@code -h} or {@code --help} was given before the program
 * @param version {@code -V} or {@code --version} was given before the program
 * @param javaArguments what java gets, in the order given (the java command and the agent not included)
 * @param program how the program is named
 */
record RunArguments(boolean race, String raceOptions, boolean help, boolean version, List<String> javaArguments, Program program) {

    /** How the program is named. */
    enum Program {
        /** a main class on the class path */
        CLASS,
        /** {@code -jar APP.jar}: the jar's Main-Class */
        JAR,
        /** {@code -m MODULE[/MAIN]} */
        MODULE,
        /** a source file: {@code Hello.java}, or any file with {@code --source N} */
        SOURCE,
        /** none: java prints something and exits ({@code -version}), or an {@code @argfile} names the program */
        NONE
    }

    RunArguments {
        javaArguments = List.copyOf(javaArguments);
    }

    /**
     * Reads {@code args}, the arguments after {@code go4j run}.
     *
     * @param args the arguments, as the user gave them
     * @return what they say
     * @throws IllegalArgumentException when they are wrong: a value missing, no program, or an option that
     *     would do nothing ({@code --race-options} without {@code --race}, {@code -cp} with {@code -jar},
     *     {@code -jar} with {@code -m}); the message says which, in one line
     */
    static RunArguments parse(List<String> args) {
        boolean race = false, help = false, version = false, jar = false, classPath = false, source = false, printsOnly = false, argFile = false;
        String raceOptions = null;
        String module = null;
        List<String> java = new ArrayList<>();
        int i = 0;
        while (i < args.size() && module == null) {
            String a = args.get(i);
            if (a.startsWith("@") && !a.equals("@")) {
                argFile = true;
                java.add(a);
                i++;
                continue;
            }
            if (!a.startsWith("-")) break; // the program
            switch (a) {
                case "--race" -> race = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--race-options" -> {
                    if (i + 1 == args.size()) throw new IllegalArgumentException("--race-options needs a value: --race-options OPTS");
                    if (raceOptions != null) throw twice();
                    raceOptions = args.get(++i);
                }
                default -> {
                    if (a.startsWith("--race-options=")) {
                        if (raceOptions != null) throw twice();
                        raceOptions = a.substring("--race-options=".length());
                    } else if (a.startsWith("--race=")) {
                        throw new IllegalArgumentException("--race takes no value (the detector's options go in --race-options OPTS)");
                    } else {
                        java.add(a);
                        if (a.equals("-jar")) jar = true;
                        classPath |= JavaLauncherOptions.isClassPath(a);
                        source |= JavaLauncherOptions.isSource(a);
                        printsOnly |= JavaLauncherOptions.needsNoProgram(a);
                        if (JavaLauncherOptions.isModuleWithValue(a)) module = a.substring("--module=".length());
                        if (JavaLauncherOptions.takesValue(a)) {
                            if (i + 1 == args.size()) {
                                throw new IllegalArgumentException(a + " needs a value" + (JavaLauncherOptions.isModule(a) ? ": " + a + " MODULE[/MAIN]" : ""));
                            }
                            String value = args.get(++i);
                            java.add(value);
                            if (JavaLauncherOptions.isModule(a)) module = value;
                        }
                    }
                }
            }
            i++;
        }
        if (help || version) return new RunArguments(race, raceOptions, help, version, java, Program.NONE);
        Program program;
        if (module != null) {
            program = Program.MODULE;
        } else if (i < args.size()) {
            String what = args.get(i);
            program = jar ? Program.JAR : source || what.endsWith(".java") ? Program.SOURCE : Program.CLASS;
        } else if (jar) {
            throw new IllegalArgumentException("-jar needs the jar to run: -jar APP.jar [ARGS...]");
        } else if (printsOnly || argFile) {
            program = Program.NONE;
        } else {
            throw new IllegalArgumentException("missing the program to run: a main class, -jar APP.jar, -m MODULE[/MAIN] or a source file (Hello.java)");
        }
        java.addAll(args.subList(i, args.size()));
        if (raceOptions != null && !race) {
            throw new IllegalArgumentException("--race-options needs --race: the options are the race detector's");
        }
        if (jar && module != null) {
            throw new IllegalArgumentException("-jar and -m do not go together: -jar runs a jar's main class, -m a module's");
        }
        if (jar && classPath) {
            throw new IllegalArgumentException("-cp does nothing with -jar (java takes the class path from the jar's manifest):"
                    + " drop it, or run the main class with -cp APP.jar:... MAIN instead of -jar");
        }
        return new RunArguments(race, raceOptions, false, false, java, program);
    }

    private static IllegalArgumentException twice() {
        return new IllegalArgumentException("--race-options is given twice: give the detector's options once, separated by commas");
    }

    /**
     * The command that runs the program: {@code java}, the agent when {@code agent} is not null (with the
     * detector's options), then {@link #javaArguments()}.
     *
     * @param java the java launcher to run
     * @param agent the race detector's agent jar, or null to run without it
     * @return the command, its program first
     */
    List<String> javaCommand(Path java, Path agent) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (agent != null) command.add("-javaagent:" + agent + (raceOptions == null || raceOptions.isEmpty() ? "" : "=" + raceOptions));
        command.addAll(javaArguments);
        return command;
    }
}
