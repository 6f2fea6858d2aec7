package dev.carrier.chat;

import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.runtime.Scheduler;
import dev.carrier.terminal.Ansi;
import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.user.ChatLayout;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code __chat__}: the room. One line is one message or command; lines from others appear
 * between the user's keystrokes without breaking what they are typing.
 *
 * <p>How it draws depends on the terminal and the user's {@link ChatLayout}: on a terminal that
 * moves its cursor, the split {@link ChatScreen} (or, with {@code /layout plain} or a tiny
 * window, {@link ChatLines}); elsewhere plain lines, exactly as typed and echoed.
 */
public final class ChatStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(ChatStage.class);

    public static final String ID = "__chat__";
    public static final String ACTIVITY = "In Chat";

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    static final String ROOM = "#lobby";
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final Session session;
    private final ChatServices services;
    private final ChatManager chat;
    private final ChatCommands commands;
    private ChatManager.Membership membership;
    private ChatScreen screen;
    private Scheduler.Cancellable clockTick;
    /** Direct messages waiting for /msgs, as last counted; shown in the status bar when any. */
    private int waitingMessages;

    public ChatStage(Session session, ChatServices services, ChatCommands commands) {
        this.session = session;
        this.services = services;
        this.chat = services.chat();
        this.commands = commands;
    }

    public static Service service(ChatServices services) {
        return new Service(ID, session -> new ChatStage(session, services, new ChatCommands(session, services)));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        session.writeLine("*** Welcome to chat. Type /help for commands." + layOut());
        membership = chat.join(session.requireUser().handle(), new SessionViewer());
        refreshStatus(); // the bar was drawn before this session counted as here
        for (ChatEvent line : membership.scrollback()) session.writeLine(ChatRenderer.render(line));
        session.prompt("", InputMode.LINE);
    }

    @Override
    public void onLine(String line) {
        if (line.strip().startsWith("/msgs")) countWaitingSoon();
        switch (commands.handle(line)) {
            case QUIT -> session.backToMenu();
            case LAYOUT -> session.writeLine("*** Layout changed." + layOut());
            case STAY -> { }
        }
    }

    /** Picks the layout for this terminal and the user's choice, draws it, and says how to change it. */
    private String layOut() {
        Terminal terminal = session.terminal();
        boolean cursor = terminal.serverEchoes() && Ansi.movesCursor(terminal.info());
        boolean split = cursor && session.requireUser().preferences().chatLayout() == ChatLayout.SCREEN
                && ChatScreen.fits(terminal);
        screen = split ? new ChatScreen(terminal, this::status) : null;
        session.frame(split ? screen : cursor ? new ChatLines() : null);
        if (split && clockTick == null) tickAtNextMinute();
        if (split) countWaitingSoon();
        return cursor ? " /layout " + (split ? "plain" : "screen") + " to change how it looks." : "";
    }

    /** The status bar's text: room, people in it, the user's status, unread messages, the time. */
    private String status() {
        String me = session.requireUser().handle();
        int here = chat.participants().size();
        String time = LocalTime.now(services.clock()).format(HOURS_MINUTES);
        String unread = waitingMessages == 0 ? "" : " | " + waitingMessages + " unread (/msgs)";
        return " " + ROOM + " | " + here + (here == 1 ? " person" : " people") + " | " + me + ": "
                + services.presence().status(me).wireName() + unread + " | " + time;
    }

    /**
     * Counts the messages waiting for /msgs on a worker, then redraws the bar on the session's
     * executor if the count changed. Typing goes on meanwhile: nothing waits for the count.
     */
    private void countWaitingSoon() {
        services.messenger().countWaiting(session.requireUser().handle()).thenAccept(count -> session.execute(() -> {
            if (screen == null || count == waitingMessages) return;
            waitingMessages = count;
            refreshStatus();
        }));
    }

    private void refreshStatus() {
        if (screen != null) session.drawInPlace(screen.statusBar());
    }

    /** The clock in the bar changes each minute; the next tick is set for the turn of the minute. */
    private void tickAtNextMinute() {
        ZonedDateTime now = ZonedDateTime.now(services.clock());
        Duration untilNext = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1));
        clockTick = session.schedule(untilNext.plusMillis(50), () -> {
            clockTick = null;
            if (screen == null) return;
            refreshStatus();
            countWaitingSoon();
            tickAtNextMinute();
        });
    }

    @Override
    public void exit() {
        screen = null;
        if (clockTick != null) {
            clockTick.cancel();
            clockTick = null;
        }
        if (membership != null) {
            chat.leave(membership);
            membership = null;
        }
    }

    /** The room's view of this session's screen. */
    private final class SessionViewer implements Viewer {
        @Override
        public Executor executor() {
            return session.terminal().executor();
        }

        @Override
        public boolean writable() {
            return session.terminal().isWritable();
        }

        @Override
        public void whenWritable(Runnable task) {
            session.terminal().whenWritable(task);
        }

        @Override
        public void show(ChatEvent event, SharedText text) {
            session.interject(text);
            // Who is here and what they chose changes with these; other lines leave the bar as it is.
            if (!(event instanceof ChatEvent.Public) && !(event instanceof ChatEvent.Action)) refreshStatus();
        }

        @Override
        public void missed(int lines) {
            session.interject("*** Missed " + lines + (lines == 1 ? " message\n" : " messages\n"));
        }

        @Override
        public void hangUp(int missed, Duration stalled) {
            log.info("node {} ({}): hung up: took no chat output for {} s while room lines waited ({} dropped)",
                    session.node(), session.requireUser().handle(), stalled.toSeconds(), missed);
            session.terminal().abort();
        }
    }
}
