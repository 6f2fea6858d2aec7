package dev.carrier.chat;

import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.terminal.SharedText;
import java.util.concurrent.Executor;

/**
 * {@code __chat__}: the room. One line is one message or command; lines from others appear
 * between the user's keystrokes without breaking what they are typing.
 */
public final class ChatStage implements Stage {

    public static final String ID = "__chat__";
    public static final String ACTIVITY = "In Chat";

    private static final StageTraits TRAITS = StageTraits.service(ACTIVITY).allowingNotices();

    private final Session session;
    private final ChatManager chat;
    private final ChatCommands commands;
    private ChatManager.Membership membership;

    public ChatStage(Session session, ChatManager chat, ChatCommands commands) {
        this.session = session;
        this.chat = chat;
        this.commands = commands;
    }

    public static Service service(ChatServices services) {
        return new Service(ID, session -> new ChatStage(session, services.chat(),
                new ChatCommands(session, services)));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        session.writeLine("*** Welcome to chat. Type /help for commands.");
        membership = chat.join(session.requireUser().handle(), new SessionViewer());
        for (ChatEvent line : membership.scrollback()) session.writeLine(ChatRenderer.render(line));
        session.prompt("", InputMode.LINE);
    }

    @Override
    public void onLine(String line) {
        if (commands.handle(line) == ChatCommands.Outcome.QUIT) {
            session.backToMenu();
        }
    }

    @Override
    public void exit() {
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
        }

        @Override
        public void missed(int lines) {
            session.interject("*** Missed " + lines + (lines == 1 ? " message\n" : " messages\n"));
        }
    }
}
