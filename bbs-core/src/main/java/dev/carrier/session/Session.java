package dev.carrier.session;

import dev.carrier.runtime.Scheduler;
import dev.carrier.store.StoreException;
import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInput;
import dev.carrier.user.Preferences;
import dev.carrier.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection ("node"): the state machine {@code Connected -> Login -> (NewUser) -> Menu <->
 * Service -> Goodbye}, with the current {@link Stage} owning its input.
 *
 * <p>Thread rule: everything here runs on the terminal's executor. Other threads only read the
 * volatile fields that W shows, or hand work over with {@link #execute(Runnable)}. Input is
 * handled one character at a time and in order; while a stage waits for blocking work
 * ({@link #await}) further keystrokes wait in a bounded buffer.
 */
public final class Session implements TerminalInput {

    private static final Logger log = LoggerFactory.getLogger(Session.class);
    private static final int MAX_PENDING_INPUT = 16 * 1024;
    /** Notices kept while the stage does not allow them (a letter being written); the rest are counted. */
    static final int MAX_HELD_NOTICES = 20;

    private final int node;
    private final Terminal terminal;
    private final SessionHost host;
    private final LineEditor editor;
    private final IdleGuard idleGuard;
    private final Instant connectedAt;
    private final StringBuilder pendingInput = new StringBuilder();
    private final StringBuilder echo = new StringBuilder();
    private int pendingPosition;
    private boolean inputDropped;

    private Stage stage;
    private Stage lastMenu;
    /** What a break-in interrupted, kept whole until it ends; null when none is under way. */
    private Interrupted interrupted;
    private ScreenFrame frame;
    private String promptText = "";
    private final ArrayDeque<Notice> notices = new ArrayDeque<>();
    private int noticesOver;
    private boolean busy;
    private boolean closed;
    private volatile User user;
    private volatile String activity = "Logging in";
    private volatile Instant lastInputAt;
    private long inputs;

    Session(int node, Terminal terminal, SessionHost host) {
        this.node = node;
        this.terminal = terminal;
        this.host = host;
        this.connectedAt = host.clock().instant();
        this.lastInputAt = connectedAt;
        this.editor = new LineEditor(host.config().maxLineLength(), new EditorSink(), host.clock());
        editor.echo(terminal.serverEchoes());
        this.idleGuard = new IdleGuard(this, host.config());
    }

    public int node() {
        return node;
    }

    SessionHost host() {
        return host;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The logged-in user; only for stages that come after login. */
    public User requireUser() {
        User current = user;
        if (current == null) throw new IllegalStateException("node " + node + " is not logged in");
        return current;
    }

    /** Whether the user turned ANSI colour on in their profile; stages draw plain text otherwise. */
    public boolean colour() {
        User current = user;
        return current != null && current.preferences().colour();
    }

    /** Lines per screen for paging: the user's choice, else what the terminal reports (24 when unknown). */
    public int screenRows() {
        User current = user;
        int chosen = current == null ? 0 : current.preferences().screenRows();
        return chosen > 0 ? chosen : terminal.info().rows();
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Instant lastInputAt() {
        return lastInputAt;
    }

    /**
     * How many times input has arrived: a stage that waits for "any key" compares it, which a
     * clock cannot do when time stands still (tests). Read on the session's executor.
     */
    public long inputs() {
        return inputs;
    }

    public SessionState state() {
        return stage == null ? SessionState.CONNECTED : stage.traits().state();
    }

    public NodeInfo info() {
        var terminalInfo = terminal.info();
        User current = user;
        return new NodeInfo(node, Optional.ofNullable(current).map(User::handle), activity,
                terminalInfo.transport(), terminalInfo.remoteAddress(), terminalInfo.type(), connectedAt,
                lastInputAt);
    }

    // ---- output -------------------------------------------------------------------------------

    /** Writes text; while a stage's {@link ScreenFrame} is set, where the frame puts it. */
    public void write(String text) {
        if (frame == null) {
            writeRaw(text);
        } else {
            interject(text.endsWith("\n") ? text : text + "\n");
        }
    }

    public void write(SharedText text) {
        if (frame == null) writeRaw(text);
        else interject(text);
    }

    private void writeRaw(String text) {
        flushEcho();
        if (!closed) terminal.write(text);
    }

    private void writeRaw(SharedText text) {
        flushEcho();
        if (!closed) terminal.write(text);
    }

    /**
     * Lays the screen out with {@code next} (the stage's own layout) from now until the stage is
     * left, or back to plain lines with null. The old frame's {@link ScreenFrame#release()} is
     * written first.
     */
    public void frame(ScreenFrame next) {
        releaseFrame();
        frame = next;
        editor.enterEcho(next == null ? "\n" : next.enter());
        if (next != null) writeRaw(next.redraw(promptText, editor.pendingAsShown()));
    }

    /**
     * Writes escapes that draw part of the frame (a status bar) and put the cursor back where it
     * was, past the frame: what is being typed stays as it is.
     */
    public void drawInPlace(String text) {
        if (frame != null) writeRaw(text);
    }

    private void releaseFrame() {
        if (frame == null) return;
        String release = frame.release();
        frame = null;
        editor.enterEcho("\n");
        writeRaw(release);
    }

    /** Echo is gathered while a burst of keystrokes is edited, then written once. */
    private void flushEcho() {
        if (echo.length() == 0) return;
        String pending = echo.toString();
        echo.setLength(0);
        if (!closed) terminal.write(pending);
    }

    public void writeLine(String line) {
        write(line + "\n");
    }

    public void bell() {
        if (!closed) terminal.bell();
    }

    /** Shows a prompt and sets how the next input is read. */
    public void prompt(String text, InputMode mode) {
        editor.mode(mode);
        promptText = text;
        writeRaw(text);
    }

    /**
     * A prompt whose line may be up to {@code lineLimit} characters instead of the configured
     * length (a pasted SSH key is longer than anything typed); the next prompt is back to normal.
     */
    public void prompt(String text, InputMode mode, int lineLimit) {
        editor.mode(mode, lineLimit);
        promptText = text;
        writeRaw(text);
    }

    /**
     * Shows text that arrives on its own (a DM, a page, a chat line) without breaking what the
     * user is typing: the input line is cleared, the text shown, and the prompt and the typed
     * characters drawn again below it.
     */
    public void interject(String text) {
        interject(() -> writeRaw(text));
    }

    public void interject(SharedText text) {
        interject(() -> writeRaw(text));
    }

    private void interject(Runnable show) {
        String typed = editor.pendingAsShown();
        if (frame != null) {
            writeRaw(frame.beforeText());
            show.run();
            writeRaw(frame.afterText(promptText, typed));
        } else if (promptText.isEmpty() && typed.isEmpty()) {
            show.run();
        } else if (terminal.serverEchoes()) {
            writeRaw("\r\u001b[K");
            show.run();
            writeRaw(promptText + typed);
        } else {
            writeRaw("\n");
            show.run();
            writeRaw(promptText);
        }
    }

    /**
     * A message for this node's user (a DM outside chat, a page, offline messages at login):
     * shown at once where the current stage allows it (menus, chat), otherwise kept until the
     * user is back at a menu, so it never lands in the middle of a letter being written.
     * Call from any thread.
     */
    public void tell(String text, boolean ring) {
        tell(text, ring, null);
    }

    /**
     * Like {@link #tell(String, boolean)}, and runs {@code shown} (on this session's executor)
     * once the text has been written and the connection has taken it (its output drained below
     * the high watermark). {@code shown} never runs when the text was not written: the session
     * ended first, or more than {@link #MAX_HELD_NOTICES} notices were held and this one was
     * only counted. Direct messages use it to count as delivered only once seen.
     */
    public void tell(String text, boolean ring, Runnable shown) {
        execute(() -> {
            if (notices.size() >= MAX_HELD_NOTICES) {
                noticesOver++;
            } else {
                notices.add(new Notice(text, ring, shown));
            }
            showNotices();
        });
    }

    private record Notice(String text, boolean ring, Runnable shown) {}

    private void showNotices() {
        if (stage == null || !stage.traits().interruptible()) return;
        while (!notices.isEmpty()) {
            Notice notice = notices.poll();
            interject(notice.text().endsWith("\n") ? notice.text() : notice.text() + "\n");
            if (notice.ring()) bell();
            if (notice.shown() != null) afterWritten(notice.shown());
        }
        if (noticesOver > 0) {
            // Direct messages among them wait in the store, undelivered, for /msgs or the next login.
            interject(heldOver(noticesOver) + "\n");
            noticesOver = 0;
        }
    }

    /**
     * Runs the task once what has been written so far has been taken by the transport: at once
     * while it is below its high watermark, else when it drains; never if the connection closes
     * first. Call on this session's executor, right after writing.
     */
    public void afterWritten(Runnable task) {
        if (closed) return;
        if (terminal.isWritable()) task.run();
        else terminal.whenWritable(task);
    }

    static String heldOver(int count) {
        return "*** " + count + (count == 1 ? " more message" : " more messages")
                + " waiting; read them with /msgs in chat";
    }

    // ---- moving between stages -----------------------------------------------------------------

    public void moveTo(Stage next) {
        if (closed) return;
        if (stage != null) stage.exit();
        releaseFrame(); // a stage's layout ends with it
        stage = next;
        if (next.traits().state() == SessionState.MENU) lastMenu = next;
        activity = next.traits().activity();
        promptText = ""; // the old stage's prompt is no longer the line being typed on
        next.enter();
        // Notices held while a stage did not allow them (a letter being written) show now.
        if (stage == next) showNotices();
    }

    /** The stage a break-in interrupted, with its prompt, input mode and the line being typed. */
    private record Interrupted(Stage stage, String prompt, InputMode mode, String typed, boolean framed) {}

    /**
     * Breaks in on whatever the user is doing (a menu, a letter being written, their profile):
     * {@code visitor} owns the input until {@link #endBreakIn}, and the interrupted stage is left
     * as it is, not exited, so a letter keeps every line. False when the session is closed,
     * already broken in on, or waiting for work whose outcome its stage will act on (a letter being
     * sent): then try again. Call on this session's executor.
     */
    public boolean breakIn(Stage visitor) {
        if (closed || busy || interrupted != null || stage == null) return false;
        boolean framed = frame != null;
        releaseFrame(); // the visitor draws plain lines; the interrupted stage lays out again after
        interrupted = new Interrupted(stage, promptText, editor.mode(), editor.takePending(), framed);
        writeRaw("\n");
        stage = visitor;
        activity = visitor.traits().activity();
        promptText = "";
        visitor.enter();
        return true;
    }

    /** Whether a break-in is under way. */
    public boolean brokenIn() {
        return interrupted != null;
    }

    /**
     * Ends the break-in: the visitor is exited and the user is back exactly where they were, the
     * prompt and what they had typed drawn again. Call on this session's executor.
     */
    public void endBreakIn() {
        if (interrupted == null || closed) return;
        Interrupted back = interrupted;
        interrupted = null;
        stage.exit();
        releaseFrame();
        stage = back.stage();
        activity = back.stage().traits().activity();
        writeRaw("\n");
        editor.mode(back.mode());
        promptText = back.prompt();
        if (!back.framed()) writeRaw(promptText);
        stage.resumed(); // a stage that lays out its screen draws it again here, the prompt with it
        back.typed().chars().forEach(c -> editor.accept((char) c));
        flushEcho();
        showNotices();
    }

    /** Whether {@code candidate} owns the input now (not interrupted by a break-in). */
    public boolean isCurrent(Stage candidate) {
        return stage == candidate;
    }

    /** Leaves a service for the menu it was entered from. */
    public void backToMenu() {
        if (lastMenu == null) throw new IllegalStateException("node " + node + " has no menu to go back to");
        moveTo(lastMenu);
    }

    /** The user is who they said: from now on the node shows their handle. */
    public void loggedIn(User who) {
        this.user = who;
        apply(who.preferences());
        host.loggedIn(this);
    }

    /**
     * The logged-in user's account changed (their profile): from now on this session shows and
     * uses the new values, a charset among them. The handle stays the same.
     */
    public void userChanged(User changed) {
        User current = requireUser();
        if (current.id() != changed.id()) {
            throw new IllegalArgumentException("node " + node + " belongs to " + current.handle()
                    + ", not to " + changed.handle());
        }
        this.user = changed;
        apply(changed.preferences());
    }

    private void apply(Preferences preferences) {
        preferences.charset().ifPresent(chosen -> {
            if (!chosen.equals(terminal.info().charset())) terminal.useCharset(chosen);
        });
    }

    /** Says goodbye is over and hangs up; the transport's hang-up then cleans up. */
    public void hangUp() {
        if (closed) return;
        releaseFrame(); // the caller's terminal outlives the call: leave it scrolling normally
        terminal.close();
    }

    // ---- asynchronous work ---------------------------------------------------------------------

    /**
     * Runs blocking work on the worker pool and resumes on this session's executor; input typed
     * meanwhile waits, so the stage sees it in order once the work is done.
     */
    public <T> void await(CompletableFuture<T> work, Consumer<T> then) {
        busy = true;
        work.whenCompleteAsync((value, failure) -> {
            busy = false;
            if (closed) return;
            if (failure != null) {
                log.warn("node {}: {}", node, failure.toString());
                // A store that is away is said as what does not work; anything else is ours.
                writeLine(StoreException.foundIn(failure) && stage != null ? stage.unavailable()
                        : "*** Something went wrong on our side; please try again.");
                if (stage != null) stage.enter();
            } else {
                then.accept(value);
            }
            drainInput();
        }, terminal.executor());
    }

    /** Runs the task on this session's executor after the delay, unless the session is gone. */
    public Scheduler.Cancellable schedule(Duration delay, Runnable task) {
        return host.scheduler().schedule(delay, () -> execute(task));
    }

    /** Hands work to this session's executor (from any thread). */
    public void execute(Runnable task) {
        terminal.executor().execute(() -> {
            if (!closed) task.run();
        });
    }

    /** Like {@link #await}, but only holds input until a delay passes (failed-login slow down). */
    public void pause(Duration delay, Runnable then) {
        busy = true;
        schedule(delay, () -> {
            busy = false;
            then.run();
            drainInput();
        });
    }

    // ---- input from the transport --------------------------------------------------------------

    @Override
    public void onText(CharSequence text) {
        if (closed) return;
        lastInputAt = host.clock().instant();
        inputs++;
        idleGuard.input();
        if (user != null) host.input(this);
        editor.newBurst();
        int next = 0;
        if (pendingPosition == pendingInput.length()) {
            // Nothing is waiting: edit straight from the transport's text until a stage waits.
            while (!busy && !closed && next < text.length()) editor.accept(text.charAt(next++));
        }
        if (next < text.length()) hold(text, next);
        drainInput();
    }

    /** Keeps what arrives while a stage waits for the workers; bounded, the excess dropped with a word. */
    private void hold(CharSequence text, int from) {
        int room = MAX_PENDING_INPUT - (pendingInput.length() - pendingPosition);
        int end = Math.min(text.length(), from + Math.max(room, 0));
        pendingInput.append(text, from, end);
        if (end < text.length() && !inputDropped) {
            inputDropped = true;
            writeLine("\n*** Input dropped: typing faster than the server can take it.");
        }
    }

    private void drainInput() {
        while (!busy && !closed && pendingPosition < pendingInput.length()) {
            editor.accept(pendingInput.charAt(pendingPosition++));
        }
        if (pendingPosition == pendingInput.length()) {
            pendingInput.setLength(0);
            pendingPosition = 0;
            inputDropped = false;
        }
        flushEcho();
    }

    @Override
    public void onResize(int columns, int rows) {
        // The terminal keeps its own size; stages read terminal().info() when they lay out a page,
        // and a stage's frame draws itself again for it.
        if (frame != null && !closed) writeRaw(frame.redraw(promptText, editor.pendingAsShown()));
    }

    @Override
    public void onHangup() {
        if (closed) return;
        closed = true;
        idleGuard.stop();
        exitOnHangup(stage);
        if (interrupted != null) exitOnHangup(interrupted.stage()); // a break-in's stage and what it interrupted
        host.release(this);
    }

    private void exitOnHangup(Stage ending) {
        if (ending == null) return;
        try {
            ending.exit();
        } catch (RuntimeException e) {
            log.warn("node {}: leaving {} failed", node, ending.traits().state(), e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    void start(Stage first) {
        idleGuard.start();
        moveTo(first);
    }

    private final class EditorSink implements LineEditor.Sink {
        @Override
        public void line(String line) {
            if (stage != null) stage.onLine(line);
        }

        @Override
        public void key(char key) {
            if (stage != null) stage.onKey(key);
        }

        @Override
        public void echo(String text) {
            echo.append(text);
        }

        @Override
        public void overflow(int maxLength) {
            bell();
            String warning = "*** Line too long: " + maxLength + " characters at most; the rest was cut.";
            // A frame draws the typed line again by itself; plain lines show it below the warning.
            if (frame != null) write(warning);
            else write("\n" + warning + "\n" + editor.pendingAsShown());
        }
    }
}
