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
import dev.carrier.user.User;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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

    /** What a caller reads in chat when what is stored (messages, history, ignores) is away. */
    static final String UNAVAILABLE = "*** Messages are unavailable just now; try again shortly.";

    private static final Logger log = LoggerFactory.getLogger(ChatStage.class);

    public static final String ID = "__chat__";
    public static final String ACTIVITY = "In Chat";

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final Session session;
    private final ChatServices services;
    private final ChatManager chat;
    private final ChatCommands commands;
    private final RoomName startRoom;
    private ChatManager.Membership membership;
    private ChatScreen screen;
    private Scheduler.Cancellable clockTick;
    /** Direct messages waiting for /msgs, as last counted; shown in the status bar when any. */
    private int waitingMessages;

    private ChatStage(Session session, ChatServices services, RoomName startRoom) {
        this.session = session;
        this.services = services;
        this.chat = services.chat();
        this.startRoom = startRoom;
        this.commands = new ChatCommands(session, services, new Place());
    }

    /** Chat, in the lobby; or straight into the room a menu entry names ({@code room: games}). */
    public static Service service(ChatServices services) {
        return new Service(ID, session -> new ChatStage(session, services, RoomName.LOBBY), Optional.of(
                new Service.Placed() {
                    @Override
                    public Optional<String> refusal(String place) {
                        return RoomName.parse(place).isPresent() ? Optional.empty() : Optional.of(RoomName.RULE);
                    }

                    @Override
                    public Stage open(Session session, String place) {
                        return new ChatStage(session, services, RoomName.parse(place).orElseThrow());
                    }
                }));
    }

    @Override
    public String unavailable() {
        return ChatStage.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        session.writeLine("*** Welcome to chat. Type /help for commands." + layOut());
        if (!enterRoom(startRoom, false, false)) enterRoom(RoomName.LOBBY, false, false);
        session.prompt("", InputMode.LINE);
    }

    /**
     * Leaves the room the caller is in (if any) for {@code name}: its topic and last lines with
     * their times, then live lines. False, with the reason said, when the room would not have them.
     */
    private boolean enterRoom(RoomName name, boolean invitationOnly, boolean moved) {
        User me = session.requireUser();
        Visitor visitor = new Visitor(me.handle(), me.sysop(), session.terminal().info().transport(),
                Optional.of(new SessionViewer()), reason -> session.execute(() -> kickedFrom(name, reason)));
        ChatManager.Entry entry = chat.join(name, visitor, invitationOnly);
        if (entry instanceof ChatManager.Entry.Refused refused) {
            session.writeLine("*** " + refused.reason());
            return false;
        }
        if (membership != null) chat.leave(membership);
        membership = ((ChatManager.Entry.Joined) entry).membership();
        commands.roomChanged();
        if (moved || !name.isLobby() || !membership.topic().isEmpty()) {
            String topic = membership.topic().isEmpty() ? "" : ": " + membership.topic();
            session.writeLine("*** You are in " + name + topic);
        }
        refreshStatus(); // the bar was drawn before this session counted as here
        session.writeLine(RoomRoster.line(name, chat.participants(name), services.presence()));
        for (ChatEvent line : membership.scrollback()) session.writeLine(ChatRenderer.renderWithTime(line));
        return true;
    }

    /** An owner or a sysop put this caller back in the lobby; the room has let them go already. */
    private void kickedFrom(RoomName name, String reason) {
        if (membership == null || !membership.room().equals(name)) return;
        membership = null;
        session.interject(reason + "\n");
        enterRoom(RoomName.LOBBY, false, true);
    }

    /** The room this caller is in, as the commands see it. */
    final class Place {
        RoomName room() {
            return membership == null ? RoomName.LOBBY : membership.room();
        }

        void go(RoomName name, boolean invitationOnly) {
            if (membership != null && membership.room().equals(name) && !invitationOnly) {
                session.writeLine("*** You are already in " + name);
                return;
            }
            enterRoom(name, invitationOnly, true);
        }
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
        int here = chat.participants(commands.room()).size();
        String time = LocalTime.now(services.clock()).format(HOURS_MINUTES);
        String unread = waitingMessages == 0 ? "" : " | " + waitingMessages + " unread (/msgs)";
        return " " + commands.room() + " | " + here + (here == 1 ? " person" : " people") + " | " + me + ": "
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
        if (screen != null && session.isCurrent(this)) session.drawInPlace(screen.statusBar());
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

    /** Back from a sysop's break-in: the layout is drawn again; lines said meanwhile are in /history. */
    @Override
    public void resumed() {
        layOut();
        refreshStatus();
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
            if (!session.isCurrent(ChatStage.this)) return; // a sysop broke in: their chat has the screen
            session.interject(text);
            // Who is here and what they chose changes with these; other lines leave the bar as it is.
            if (!(event instanceof ChatEvent.Public) && !(event instanceof ChatEvent.Action)) refreshStatus();
        }

        @Override
        public void missed(int lines) {
            if (!session.isCurrent(ChatStage.this)) return;
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
