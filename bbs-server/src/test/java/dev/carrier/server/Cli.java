package dev.carrier.server;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the carrier program in this process, as a sysop's shell would, with its output captured. */
final class Cli {

    /** What a run left: the exit code and what it printed. */
    record Result(int code, String out, String err) {

        Result succeeded() {
            if (code != 0) throw new AssertionError("exit code " + code + "\nout: " + out + "\nerr: " + err);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    private Cli() {}

    /** {@code carrier ARGS --data-dir DATA}, with no environment of its own. */
    static Result run(Path data, String... args) {
        return runWithInput(data, "", args);
    }

    /** As {@link #run}, with {@code input} on standard input (for --password-stdin). */
    static synchronized Result runWithInput(Path data, String input, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(data.toString());
        String[] argv = all.toArray(String[]::new);
        CommandLine commandLine = CarrierCommand.commandLine(argv, Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = commandLine.execute(argv);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(stdin);
        }
    }

    /** {@code carrier ARGS} exactly as given. */
    static Result runAsGiven(String... args) {
        CommandLine commandLine = CarrierCommand.commandLine(args, Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Adds a user with the password on standard input. */
    static Result addUser(Path data, String handle, String password, String... options) {
        List<String> args = new ArrayList<>(List.of("user", "add", handle, "--password-stdin"));
        args.addAll(List.of(options));
        return runWithInput(data, password + "\n", args.toArray(String[]::new));
    }
}
