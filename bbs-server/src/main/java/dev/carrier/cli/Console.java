package dev.carrier.cli;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminConnector;
import dev.carrier.admin.AdminException;
import dev.carrier.admin.AdminViews.NodeView;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.store.PostgresUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * {@code carrier console}: the sysop commands in an interactive shell on a JLine terminal, with
 * completion of commands, options and handles (TAB), history kept in the data folder, and the
 * live feed on {@code tail}. Each command finds its way to the data anew, so the console works
 * on, whether the server starts or stops meanwhile.
 *
 * <p>Runs on the thread that calls {@link #run()}; the live feed prints from a thread of its own.
 */
public final class Console implements ConsoleContext {

    static final String PROMPT = "carrier> ";
    private static final long CACHE_MILLIS = 5_000;

    private final Terminal terminal;
    private final Path dataDir;
    private final String database;
    private final CommandLine.IDefaultValueProvider settings;
    private final CommandLine commands;
    private final LineReader reader;
    private volatile boolean stopped;

    /**
     * @param database the console's own {@code --database} (null: the data folder's SQLite file)
     * @param settings where option values not typed come from (environment, carrier.properties);
     *                 the data folder and the database are always the console's own
     */
    public Console(Terminal terminal, Path dataDir, String database, CommandLine.IDefaultValueProvider settings) {
        this.terminal = terminal;
        this.dataDir = dataDir;
        this.database = database;
        this.settings = settings;
        commands = new CommandLine(new ConsoleCommands(this));
        commands.setDefaultValueProvider(this::defaultValue);
        commands.setOut(terminal.writer());
        commands.setErr(terminal.writer());
        commands.setExecutionExceptionHandler(new Errors());
        HandleCompleter handles = new HandleCompleter(cached(this::accounts), cached(this::online));
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("carrier")
                .parser(new DefaultParser())
                .completer(new AggregateCompleter(new PicocliJLineCompleter(commands.getCommandSpec()), handles))
                .variable(LineReader.HISTORY_FILE, dataDir.resolve(".console_history"))
                .variable(LineReader.HISTORY_SIZE, 1000)
                .build();
    }

    private String defaultValue(CommandLine.Model.ArgSpec argument) throws Exception {
        if (argument instanceof CommandLine.Model.OptionSpec option && option.longestName().equals("--data-dir")) {
            return dataDir.toString();
        }
        if (argument instanceof CommandLine.Model.OptionSpec option && option.longestName().equals("--database")) {
            return database;
        }
        return settings == null ? null : settings.defaultValue(argument);
    }

    /** The reader, for tests that type at it. */
    LineReader reader() {
        return reader;
    }

    /** Reads and runs commands until {@code exit}, Ctrl-D, or the end of input; returns the exit code. */
    public int run() {
        PrintWriter out = terminal.writer();
        boolean running = AdminConnector.running(dataDir).isPresent();
        out.println("carrier console on " + dataDir.toAbsolutePath().normalize() + " ("
                + (running ? "the server is running" : "the server is not running: users and audit work on the database")
                + ").");
        out.println("Type help for the commands, TAB to complete, tail for the live feed, exit to leave.");
        out.flush();
        while (!stopped) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = new ArrayList<>(reader.getParsedLine().words());
            words.removeIf(String::isEmpty);
            if (line.isBlank() || words.isEmpty()) continue;
            commands.execute(words.toArray(String[]::new));
            out.flush();
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("(history not saved: " + e.getMessage() + ")");
        }
        out.flush();
        return 0;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public String readPassword(String prompt) {
        try {
            return reader.readLine(prompt, '*');
        } catch (UserInterruptException | EndOfFileException e) {
            throw new AdminException("no password given");
        }
    }

    @Override
    public Optional<String> readLine(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }

    @Override
    public void untilKey(Admin.Feed feed) throws InterruptedException {
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            while (!feed.ended()) {
                int key = keys.read(100);
                if (key != NonBlockingReader.READ_EXPIRED) break; // a key, or the end of input
                if (Thread.interrupted()) throw new InterruptedException();
            }
        } catch (IOException e) {
            // the terminal is gone: stop following
        } finally {
            terminal.setAttributes(saved);
            feed.stop();
        }
        terminal.writer().println("(stopped following)");
        terminal.writer().flush();
    }

    private List<String> accounts() {
        try (Admin data = AdminConnector.connect(dataDir, PostgresUrl.option(database), "console", passwordCost(),
                false)) {
            return data.users().stream().map(UserView::handle).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> online() {
        if (AdminConnector.running(dataDir).isEmpty()) return List.of();
        try (Admin data = AdminConnector.connect(dataDir, "console", passwordCost(), false)) {
            List<String> targets = new ArrayList<>();
            for (NodeView node : data.who().nodes()) {
                if (node.handle() != null && !targets.contains(node.handle())) targets.add(node.handle());
            }
            for (NodeView node : data.who().nodes()) targets.add(String.valueOf(node.node()));
            return targets;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private int passwordCost() {
        return 10; // completion only reads; no password is ever hashed here
    }

    /** TAB pressed twice in a row asks once. */
    private static Supplier<List<String>> cached(Supplier<List<String>> source) {
        return new Supplier<>() {
            private List<String> value = List.of();
            private long at = Long.MIN_VALUE;

            @Override
            public synchronized List<String> get() {
                long now = System.currentTimeMillis();
                if (at == Long.MIN_VALUE || now - at > CACHE_MILLIS) {
                    value = source.get();
                    at = now;
                }
                return value;
            }
        };
    }
}
