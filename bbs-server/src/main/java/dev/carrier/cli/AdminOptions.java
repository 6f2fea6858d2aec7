package dev.carrier.cli;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminConnector;
import dev.carrier.admin.AdminException;
import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.user.BcryptPasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every sysop command shares: the data folder (where the database and a running server's
 * admin.json are), the way to the data, who acts for the audit log, and the terminal.
 */
public final class AdminOptions {

    @Option(names = "--data-dir", defaultValue = Database.DEFAULT_DATA_DIR, paramLabel = "DIR",
            description = "The server's data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "The server's PostgreSQL database (postgresql://HOST:PORT/DB?user=NAME), when it"
                    + " keeps its data there instead of the data folder's SQLite file.")
    String database;

    /** bcrypt cost for passwords set while no server runs; from the settings, like the server's. */
    @Option(names = "--password-cost", defaultValue = "" + BcryptPasswordHasher.DEFAULT_COST, paramLabel = "N", hidden = true)
    int passwordCost;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The running server when there is one, else the database file, which must already exist. */
    Admin connect() {
        return AdminConnector.connect(dataDir, postgres(), actor(), passwordCost, false);
    }

    /** As {@link #connect()}, but a missing database is created (for adding the first user). */
    Admin connectCreating() {
        return AdminConnector.connect(dataDir, postgres(), actor(), passwordCost, true);
    }

    private Optional<PostgresUrl> postgres() {
        try {
            return PostgresUrl.option(database);
        } catch (IllegalArgumentException e) {
            throw new AdminException(e.getMessage());
        }
    }

    /**
     * Asks the data one thing, then prints the answer: as JSON when {@code json} (for scripts),
     * else for people. Returns the exit code.
     */
    <T> int show(boolean json, Function<Admin, T> question, BiConsumer<T, PrintWriter> forPeople) {
        T answer;
        try (Admin data = connect()) {
            answer = question.apply(data);
        }
        if (json) {
            out().println(Format.json(answer));
        } else {
            forPeople.accept(answer, out());
        }
        return 0;
    }

    /** Does one thing to the data and prints the line {@code action} words its outcome in. Returns the exit code. */
    int report(Function<Admin, String> action) {
        try (Admin data = connect()) {
            out().println(action.apply(data));
        }
        return 0;
    }

    /** Who acts, for the audit log: {@code shell:NAME} or {@code console:NAME}, NAME the system user. */
    String actor() {
        return (console().isPresent() ? "console:" : "shell:") + System.getProperty("user.name", "unknown");
    }

    Optional<ConsoleContext> console() {
        return command.root().userObject() instanceof ConsoleCommands commands
                ? Optional.of(commands.context()) : Optional.empty();
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Columns to fit tables into; 0 when output does not go to a terminal (then nothing is cut). */
    int width() {
        if (console().isPresent()) return console().get().width();
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}")) return Integer.parseInt(columns);
        return System.console() != null ? Terminals.systemWidth() : 0;
    }

    /**
     * A new password: from the console, or asked twice on the terminal, or the first line of
     * standard input when {@code fromStdin}.
     */
    String newPassword(boolean fromStdin) {
        if (fromStdin) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                String line = in.readLine();
                if (line == null || line.isEmpty()) throw new AdminException("no password on standard input");
                return line;
            } catch (IOException e) {
                throw new AdminException("cannot read the password from standard input: " + e.getMessage(), e);
            }
        }
        Optional<ConsoleContext> console = console();
        if (console.isPresent()) {
            String first = console.get().readPassword("password: ");
            String again = console.get().readPassword("repeat password: ");
            if (!first.equals(again)) throw new AdminException("the passwords differ");
            return first;
        }
        Console terminal = System.console();
        if (terminal == null) {
            throw new AdminException("no terminal to ask for the password on: give it on standard input with"
                    + " --password-stdin");
        }
        char[] first = terminal.readPassword("password: ");
        char[] again = terminal.readPassword("repeat password: ");
        if (first == null || again == null) throw new AdminException("no password given");
        try {
            if (!Arrays.equals(first, again)) throw new AdminException("the passwords differ");
            return new String(first);
        } finally {
            Arrays.fill(first, ' ');
            Arrays.fill(again, ' ');
        }
    }
}
