package dev.carrier.cli;

import picocli.CommandLine;

/**
 * Turns a command's failure into exit code 1 and one line on standard error: the reason as the
 * failure words it ({@code carrier: no user named bob}), never a stack trace. Usage errors are
 * picocli's own (exit code 2, with the usage).
 */
public final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        boolean inConsole = command.getCommandSpec().root().userObject() instanceof ConsoleCommands;
        String prefix = inConsole ? "" : command.getCommandSpec().root().name() + ": ";
        command.getErr().println(prefix + oneLine(failure));
        command.getErr().flush();
        return 1;
    }

    /** The reason in one line. Carrier's own failures carry words meant for the sysop; others get their type. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        boolean worded = failure instanceof RuntimeException && message != null && !message.isBlank()
                && failure.getClass().getName().startsWith("dev.carrier.")
                || failure instanceof java.io.UncheckedIOException;
        String text = worded ? message : failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
