package dev.carrier.chat;

import dev.carrier.message.Messenger;
import dev.carrier.message.SendBudgets;
import dev.carrier.message.SendResult;
import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.Session;
import dev.carrier.sysop.NodeAdmin;
import dev.carrier.sysop.SysopRights;
import dev.carrier.who.ProfileCard;
import dev.carrier.who.WhoList;
import dev.carrier.who.WhoRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one typed line in chat does: a message to the room, or a slash command. */
final class ChatCommands {

    enum Outcome { STAY, QUIT }

    static final String HELP = String.join("\n",
            "Chat commands:",
            "  TEXT              say TEXT to the room",
            "  /me ACTION        act: * you ACTION",
            "  /msg HANDLE TEXT  a direct message (kept for later if HANDLE is offline)",
            "  /r TEXT           reply to whoever last sent you a direct message",
            "  /page HANDLE      ring HANDLE's bell",
            "  /msgs             the next screenful of direct messages waiting for you",
            "  /who              who is in chat, with status and idle time",
            "  /whois HANDLE     someone's profile card",
            "  /away [TEXT]      mark yourself away, with an optional reason",
            "  /dnd              do not disturb: no pages, no bells",
            "  /back             online again",
            "  /help             this list",
            "  /quit             back to the menu",
            "");

    static final String SYSOP_HELP = String.join("\n",
            "Sysop commands:",
            "  /kick HANDLE|NODE [REASON]  hang up on a user's connections, or on one node",
            "  /broadcast TEXT             *** SYSOP: TEXT on every node",
            "");

    static final String SLOW_DOWN = "*** Slow down";

    private final Session session;
    private final ChatManager chat;
    private final Presence presence;
    private final Messenger messenger;
    private final SendBudgets budgets;
    private final NodeAdmin nodeAdmin;

    ChatCommands(Session session, ChatManager chat, Presence presence, Messenger messenger, SendBudgets budgets,
            NodeAdmin nodeAdmin) {
        this.session = session;
        this.chat = chat;
        this.presence = presence;
        this.messenger = messenger;
        this.budgets = budgets;
        this.nodeAdmin = nodeAdmin;
    }

    private String me() {
        return session.requireUser().handle();
    }

    Outcome handle(String line) {
        String typed = line.strip();
        if (typed.isEmpty()) return Outcome.STAY;
        if (!typed.startsWith("/")) {
            if (passesFlood()) chat.say(me(), typed);
            return Outcome.STAY;
        }
        int space = typed.indexOf(' ');
        String command = (space < 0 ? typed : typed.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : typed.substring(space + 1).strip();
        switch (command) {
            case "/me" -> {
                if (rest.isEmpty()) session.writeLine("Usage: /me ACTION");
                else if (passesFlood()) chat.act(me(), rest);
            }
            case "/msg" -> {
                String[] parts = rest.split("\\s+", 2);
                if (parts.length < 2 || parts[0].isEmpty()) session.writeLine("Usage: /msg HANDLE TEXT");
                else sendDirect(parts[0], parts[1]);
            }
            case "/r" -> {
                if (rest.isEmpty()) session.writeLine("Usage: /r TEXT");
                else {
                    Optional<String> to = messenger.lastSender(me());
                    if (to.isEmpty()) session.writeLine("No one to reply to");
                    else sendDirect(to.get(), rest);
                }
            }
            case "/page" -> {
                if (rest.isEmpty() || rest.contains(" ")) session.writeLine("Usage: /page HANDLE");
                else page(rest);
            }
            case "/msgs" -> readWaiting();
            case "/who" -> session.write(WhoList.render(whoIsInChat()));
            case "/whois" -> {
                if (rest.isEmpty() || rest.contains(" ")) session.writeLine("Usage: /whois HANDLE");
                else ProfileCard.show(session, presence, rest, () -> { });
            }
            case "/away" -> choose(Status.AWAY, rest.isEmpty() ? Optional.empty() : Optional.of(rest));
            case "/dnd" -> choose(Status.DND, Optional.empty());
            case "/back" -> choose(Status.ONLINE, Optional.empty());
            case "/kick" -> kick(rest);
            case "/broadcast" -> broadcast(rest);
            case "/help", "/?" -> session.write(session.requireUser().sysop() ? HELP + SYSOP_HELP : HELP);
            case "/quit", "/q" -> {
                return Outcome.QUIT;
            }
            default -> session.writeLine("Unknown command: " + command + ". Type /help for available commands.");
        }
        return Outcome.STAY;
    }

    /** Delivered messages show through the user's inboxes; only what went otherwise is said here. */
    private void sendDirect(String to, String text) {
        session.await(messenger.send(me(), to, text), result -> {
            if (result instanceof SendResult.Stored stored) {
                session.writeLine(to + " is not online");
                session.writeLine("*** " + stored.message().to() + " will see your message at their next login.");
            } else if (result instanceof SendResult.Refused refused) {
                session.writeLine(switch (refused.reason()) {
                    case EMPTY -> "Usage: /msg HANDLE TEXT";
                    case RATE_LIMITED -> SLOW_DOWN;
                    case RECIPIENT_FULL -> "*** " + refused.message();
                    default -> refused.message();
                });
            }
        });
    }

    /**
     * {@code /msgs}: the next screenful of direct messages waiting for this user (held back
     * while they wrote a letter, or more than a screenful at login), delivered once written.
     * Input waits meanwhile, so a second /msgs reads the page after this one.
     */
    private void readWaiting() {
        String me = me();
        session.await(messenger.waiting(me, Optional.empty(), Messenger.screenful(session)), waiting -> {
            if (waiting.page().isEmpty()) {
                session.writeLine("No messages waiting.");
                return;
            }
            session.write(Messenger.render(waiting, false));
            session.afterWritten(() -> messenger.delivered(me, waiting.page()));
        });
    }

    private void page(String to) {
        Messenger.Page page = messenger.page(me(), to);
        switch (page.outcome()) {
            case PAGED -> session.writeLine("*** Paged " + page.handle());
            case NOT_ONLINE -> session.writeLine(page.handle() + " is not online");
            case DO_NOT_DISTURB -> session.writeLine("*** " + page.handle() + " does not want to be disturbed");
            case TO_SELF -> session.writeLine("Cannot page yourself");
            case SLOW_DOWN -> session.writeLine(SLOW_DOWN);
        }
    }

    /** {@code /kick bob [reason]}: sysops only, checked by the server at the time of the command. */
    private void kick(String rest) {
        String[] parts = rest.split("\\s+", 2);
        String target = parts[0];
        Optional<String> reason = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        if (target.isEmpty()) {
            SysopRights.act(session, "/kick", sysop -> "Usage: /kick HANDLE|NODE [REASON]");
        } else if (target.equalsIgnoreCase(me()) || target.equals(String.valueOf(session.node()))) {
            SysopRights.act(session, "/kick", sysop -> "Cannot kick yourself");
        } else {
            SysopRights.act(session, "/kick", sysop -> {
                List<Integer> kicked = nodeAdmin.kick(sysop.handle(), target, reason);
                return "*** Kicked " + target + (kicked.size() == 1 ? " (node " : " (nodes ")
                        + kicked.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            });
        }
    }

    /** {@code /broadcast text}: sysops only; the sysop sees the line like everyone else. */
    private void broadcast(String text) {
        SysopRights.act(session, "/broadcast", sysop -> {
            if (text.isEmpty()) return "Usage: /broadcast TEXT";
            nodeAdmin.broadcast(sysop.handle(), text);
            return "";
        });
    }

    /** Chat lines and actions spend from the same budget as DMs and pages (those check in Messenger). */
    private boolean passesFlood() {
        if (budgets.tryMessage(me())) return true;
        session.writeLine(SLOW_DOWN);
        return false;
    }

    private void choose(Status status, Optional<String> text) {
        Optional<String> clean = text.map(t -> dev.carrier.text.TextCleaner.clean(t, 80)).filter(t -> !t.isEmpty());
        presence.choose(me(), status, clean);
        session.writeLine(switch (status) {
            case AWAY -> "*** You are now away" + clean.map(t -> ": " + t).orElse("");
            case DND -> "*** You are now dnd (do not disturb): no pages, DMs arrive without a bell";
            default -> "*** You are now back";
        });
    }

    private List<WhoRow> whoIsInChat() {
        Instant now = session.engine().clock().instant();
        List<WhoRow> rows = new ArrayList<>();
        for (String handle : chat.participants()) {
            Optional<UserPresence> user = presence.find(handle);
            String via = session.engine().nodes().sessionsOf(handle).stream()
                    .map(s -> s.terminal().info().transport()).distinct().sorted().collect(Collectors.joining(","));
            rows.add(new WhoRow(Optional.empty(), handle, Optional.of(user.map(UserPresence::status)
                    .orElse(Status.ONLINE)), user.flatMap(UserPresence::text),
                    user.map(p -> p.idle(now)).orElse(java.time.Duration.ZERO), ChatStage.ACTIVITY,
                    via.isEmpty() ? "-" : via));
        }
        return rows;
    }
}
