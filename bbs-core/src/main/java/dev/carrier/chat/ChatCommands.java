package dev.carrier.chat;

import dev.carrier.ignore.Ignores;
import dev.carrier.message.Messenger;
import dev.carrier.message.SendResult;
import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.Session;
import dev.carrier.user.ChatLayout;
import dev.carrier.user.User;
import dev.carrier.who.WhoList;
import dev.carrier.who.WhoRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one typed line in chat does: a message to the room, or a slash command. */
final class ChatCommands {

    /** What the stage does after a line: stay, go back to the menu, or draw its layout again. */
    enum Outcome { STAY, QUIT, LAYOUT }

    /**
     * Every slash command, in the order /help lists them. A new command is one row here and,
     * when it is more than a line, one method below.
     */
    private static final List<Command> COMMANDS = List.of(
            Command.of("/me ACTION", "act: * you ACTION", ChatCommands::act),
            Command.of("/msg HANDLE TEXT", "a direct message (kept for later if HANDLE is offline)",
                    ChatCommands::msg),
            Command.of("/r TEXT", "reply to whoever last sent you a direct message", ChatCommands::reply),
            Command.of("/page HANDLE", "ring HANDLE's bell (/page sysop: every sysop's)", ChatCommands::page),
            Command.of("/ignore [HANDLE]", "hear nothing more from HANDLE (they are not told); alone: the list",
                    ChatCommands::ignore),
            Command.of("/unignore HANDLE", "hear HANDLE again", ChatCommands::unignore),
            Command.of("/msgs", "the next screenful of direct messages waiting for you",
                    (commands, rest) -> commands.readWaiting()),
            Command.of("/join NAME [private]", "enter room NAME, made if new (private: invite-only)",
                    ChatCommands::join),
            Command.of("/part", "back to #lobby", (commands, rest) -> commands.place.go(RoomName.LOBBY, false)),
            Command.of("/list", "the rooms, busiest first", (commands, rest) -> commands.list()),
            Command.of("/topic [TEXT]", "show the room's topic, or set it (owner or sysop)", ChatCommands::topic),
            Command.of("/invite HANDLE", "let HANDLE into your invite-only room", ChatCommands::invite),
            Command.of("/history [N]", "the room's earlier lines, N at a time; again for more",
                    ChatCommands::history),
            Command.of("/who [*]", "who is in this room (* everyone in chat, by room)", ChatCommands::who),
            Command.of("/whois HANDLE", "someone's profile card", ChatCommands::whois),
            Command.of("/away [TEXT]", "mark yourself away, with an optional reason", (commands, rest) ->
                    commands.choose(Status.AWAY, rest.isEmpty() ? Optional.empty() : Optional.of(rest))),
            Command.of("/dnd", "do not disturb: no pages, no bells",
                    (commands, rest) -> commands.choose(Status.DND, Optional.empty())),
            Command.of("/back", "online again", (commands, rest) -> commands.choose(Status.ONLINE, Optional.empty())),
            new Command(List.of("/layout"), "/layout screen|plain",
                    "split screen (room, status bar, input line) or plain lines; kept in your profile",
                    false, ChatCommands::layout),
            Command.of("/help", "this list", (commands, rest) -> commands.showHelp()).alias("/?"),
            new Command(List.of("/quit", "/q"), "/quit", "back to the menu", false, (commands, rest) -> Outcome.QUIT),
            Command.of("/kick HANDLE [REASON]", "put HANDLE back in #lobby (room owner or sysop; in #lobby,"
                    + " sysops hang up)", ChatCommands::kick),
            Command.of("/chat HANDLE", "break in: a two-person chat with HANDLE wherever they are, until /end",
                    ChatCommands::breakIn).forSysops(),
            Command.of("/broadcast TEXT", "*** SYSOP: TEXT on every node", ChatCommands::broadcast).forSysops());

    private static final Map<String, Command> BY_NAME = COMMANDS.stream()
            .flatMap(command -> command.names().stream().map(name -> Map.entry(name, command)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    static final String HELP = help("Chat commands:", "  %-16s  %s", false, "TEXT", "say TEXT to the room");

    static final String SYSOP_HELP = help("Sysop commands:", "  %-26s  %s", true);

    /**
     * A slash command: the names it answers to (the first one /help shows), its usage and help
     * line, whether only sysops see it in /help (the server checks their rights when it runs),
     * and what it does with the rest of the line.
     */
    private record Command(List<String> names, String usage, String help, boolean sysop, Action action) {

        /** A command that stays in chat, named by its usage's first word. */
        static Command of(String usage, String help, Step step) {
            return new Command(List.of(usage.split(" ", 2)[0]), usage, help, false, (commands, rest) -> {
                step.run(commands, rest);
                return Outcome.STAY;
            });
        }

        Command alias(String name) {
            List<String> more = new ArrayList<>(names);
            more.add(name);
            return new Command(List.copyOf(more), usage, help, sysop, action);
        }

        Command forSysops() {
            return new Command(names, usage, help, true, action);
        }
    }

    @FunctionalInterface
    private interface Action {
        Outcome run(ChatCommands commands, String rest);
    }

    /** A command that always stays in chat. */
    @FunctionalInterface
    private interface Step {
        void run(ChatCommands commands, String rest);
    }

    private static String help(String title, String format, boolean sysop, String... leading) {
        List<String> lines = new ArrayList<>(List.of(title));
        for (int i = 0; i < leading.length; i += 2) lines.add(String.format(format, leading[i], leading[i + 1]));
        for (Command command : COMMANDS) {
            if (command.sysop() == sysop) lines.add(String.format(format, command.usage(), command.help()));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    static final String SLOW_DOWN = "*** Slow down";
    /** Said to a speaker while the cluster's link is down. */
    static final String UNLINKED = "*** The other servers cannot hear you just now; callers on this server can.";
    static final Duration UNLINKED_EVERY = Duration.ofMinutes(1);

    private final Session session;
    private final ChatServices services;
    private final ChatManager chat;
    private final Presence presence;
    private final Messenger messenger;
    private final ChatStage.Place place;
    /** Where the next /history page ends: before this line of the room; reset on entering a room. */
    private long historyBefore = Long.MAX_VALUE;
    /** When this caller was last told the other servers cannot hear them; null: not yet. */
    private Instant toldUnlinkedAt;

    ChatCommands(Session session, ChatServices services, ChatStage.Place place) {
        this.session = session;
        this.services = services;
        this.chat = services.chat();
        this.presence = services.presence();
        this.messenger = services.messenger();
        this.place = place;
    }

    RoomName room() {
        return place.room();
    }

    void roomChanged() {
        historyBefore = Long.MAX_VALUE;
    }

    private String me() {
        return session.requireUser().handle();
    }

    Outcome handle(String line) {
        String typed = line.strip();
        if (typed.isEmpty()) return Outcome.STAY;
        if (!typed.startsWith("/")) {
            if (passesFlood()) {
                chat.say(room(), me(), typed);
                tellIfUnheardElsewhere();
            }
            return Outcome.STAY;
        }
        int space = typed.indexOf(' ');
        String name = (space < 0 ? typed : typed.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : typed.substring(space + 1).strip();
        Command command = BY_NAME.get(name);
        if (command == null) {
            session.writeLine("Unknown command: " + name + ". Type /help for available commands.");
            return Outcome.STAY;
        }
        return command.action().run(this, rest);
    }

    private void act(String rest) {
        if (rest.isEmpty()) session.writeLine("Usage: /me ACTION");
        else if (passesFlood()) {
            chat.act(room(), me(), rest);
            tellIfUnheardElsewhere();
        }
    }

    /**
     * While this server has lost the others (a cluster's link is down) its callers still hear each
     * other; a speaker is told so, at most once a minute rather than after every line.
     */
    private void tellIfUnheardElsewhere() {
        if (chat.linked()) return;
        Instant now = services.clock().instant();
        if (toldUnlinkedAt != null && Duration.between(toldUnlinkedAt, now).compareTo(UNLINKED_EVERY) < 0) return;
        toldUnlinkedAt = now;
        session.writeLine(UNLINKED);
    }

    private void msg(String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) session.writeLine("Usage: /msg HANDLE TEXT");
        else sendDirect(parts[0], parts[1]);
    }

    private void reply(String rest) {
        if (rest.isEmpty()) {
            session.writeLine("Usage: /r TEXT");
            return;
        }
        Optional<String> to = messenger.lastSender(me());
        if (to.isEmpty()) session.writeLine("No one to reply to");
        else sendDirect(to.get(), rest);
    }

    private void page(String rest) {
        if (rest.isEmpty() || rest.contains(" ")) session.writeLine("Usage: /page HANDLE");
        else if (rest.equalsIgnoreCase("sysop")) pageSysop();
        else pageOne(rest);
    }

    private void pageSysop() {
        if (!services.budgets().tryMessage(me())) {
            session.writeLine(SLOW_DOWN);
        } else {
            session.writeLine(services.sysopChat().page(me()) ? "*** Paged the sysop"
                    : "*** No sysop is online; the console has been told");
        }
    }

    /** {@code /chat bob}: sysops only, checked by the server at the time of the command. */
    private void breakIn(String rest) {
        if (rest.isEmpty() || rest.contains(" ")) {
            services.rights().act(session, "/chat", sysop -> "Usage: /chat HANDLE");
        } else {
            // Rights are read on a worker; the chat starts back here, once this session waits for nothing.
            services.rights().act(session, "/chat", sysop -> "", answer -> {
                String said = answer.isEmpty()
                        ? services.sysopChat().breakIn(session, session.requireUser(), rest) : answer;
                if (!said.isEmpty()) session.writeLine(said);
            });
        }
    }

    private void ignore(String rest) {
        if (rest.contains(" ")) {
            session.writeLine("Usage: /ignore [HANDLE]");
        } else if (rest.isEmpty()) {
            List<String> ignored = services.ignores().of(me());
            session.writeLine(ignored.isEmpty() ? "*** You are not ignoring anyone."
                    : "*** Ignoring: " + String.join(", ", ignored));
        } else {
            session.await(services.ignores().ignore(me(), rest),
                    outcome -> session.writeLine(ignored(outcome.getKey(), outcome.getValue())));
        }
    }

    /** What the user reads after /ignore HANDLE. */
    private static String ignored(Ignores.Outcome outcome, String handle) {
        return switch (outcome) {
            case IGNORED -> "*** Ignoring " + handle + ": their lines, messages, pages and notices will not reach you";
            case ALREADY -> "*** You already ignore " + handle;
            case NO_SUCH_USER -> "No such user: " + handle;
            case SELF -> "Cannot ignore yourself";
            case FULL -> "*** You can ignore at most " + Ignores.MAX_PER_USER + " people; /unignore someone first";
        };
    }

    private void unignore(String rest) {
        if (rest.isEmpty() || rest.contains(" ")) {
            session.writeLine("Usage: /unignore HANDLE");
            return;
        }
        session.await(services.ignores().unignore(me(), rest), was -> session.writeLine(was
                ? "*** No longer ignoring " + rest : "*** You were not ignoring " + rest));
    }

    private void join(String rest) {
        String[] words = rest.split("\\s+");
        Optional<RoomName> name = RoomName.parse(words[0]);
        boolean invitationOnly = words.length == 2 && words[1].equalsIgnoreCase("private");
        if (rest.isEmpty() || words.length > 2 || words.length == 2 && !invitationOnly) {
            session.writeLine("Usage: /join NAME [private]");
        } else if (name.isEmpty()) {
            session.writeLine("*** " + RoomName.RULE);
        } else if (invitationOnly && name.get().isLobby()) {
            session.writeLine("*** #lobby is open to everyone");
        } else {
            place.go(name.get(), invitationOnly);
        }
    }

    private void list() {
        StringBuilder text = new StringBuilder(String.format("%-26s %7s  %s%n", "Room", "People", "Topic"));
        for (ChatManager.Listing room : chat.rooms()) {
            text.append(String.format("%-26s %7d  %s%n", room.name() + (room.invitationOnly() ? " (private)" : ""),
                    room.members(), room.topic()));
        }
        session.write(text.toString());
    }

    /** An owner acts at once; anyone else as a sysop, whose rights are read from the store first. */
    private void asOwnerOrSysop(String command, java.util.function.Function<Boolean, String> action) {
        String me = me();
        if (chat.owns(room(), me)) {
            String answer = action.apply(false);
            if (!answer.isEmpty()) session.writeLine(answer);
        } else {
            services.rights().act(session, command, sysop -> action.apply(true), answer -> {
                if (answer.equals(dev.carrier.sysop.SysopRights.refusal(command))) {
                    session.writeLine(action.apply(false)); // says who may
                } else if (!answer.isEmpty()) {
                    session.writeLine(answer);
                }
            });
        }
    }

    private void topic(String rest) {
        RoomName here = room();
        if (rest.isEmpty()) session.writeLine(chat.topic(here, me(), false, Optional.empty()));
        else asOwnerOrSysop("/topic", asSysop -> chat.topic(here, me(), asSysop, Optional.of(rest)));
    }

    private void invite(String rest) {
        if (rest.isEmpty() || rest.contains(" ")) {
            session.writeLine("Usage: /invite HANDLE");
        } else if (room().isLobby()) {
            session.writeLine("*** #lobby is open to everyone");
        } else {
            RoomName here = room();
            asOwnerOrSysop("/invite", asSysop -> chat.invite(here, me(), asSysop, rest));
        }
    }

    private static final int MAX_HISTORY_PAGE = 200;

    /** {@code /history [N]}: the N lines before the last page shown (the latest at first), with their times. */
    private void history(String rest) {
        int wanted;
        try {
            wanted = rest.isEmpty() ? Messenger.screenful(session) : Integer.parseInt(rest);
        } catch (NumberFormatException e) {
            wanted = 0;
        }
        if (wanted < 1 || wanted > MAX_HISTORY_PAGE) {
            session.writeLine("Usage: /history [N] (N from 1 to " + MAX_HISTORY_PAGE + ")");
            return;
        }
        RoomName shown = room();
        session.await(services.archive().before(shown, historyBefore, wanted), lines -> {
            if (lines.isEmpty()) {
                session.writeLine(historyBefore == Long.MAX_VALUE ? "*** No history in " + shown
                        : "*** That is the start of " + shown + "'s history");
                return;
            }
            StringBuilder text = new StringBuilder("*** History of " + shown + ":\n");
            for (HistoryLine line : lines) text.append(ChatRenderer.renderWithTime(line.event())).append('\n');
            text.append("*** End of history page; /history again for earlier lines\n");
            if (room().equals(shown)) historyBefore = lines.get(0).id();
            session.write(text.toString());
        });
    }

    private void who(String rest) {
        if (rest.equals("*")) {
            StringBuilder text = new StringBuilder();
            for (ChatManager.Listing listing : chat.rooms()) {
                if (listing.members() == 0) continue;
                text.append(listing.name()).append(listing.topic().isEmpty() ? "" : ": " + listing.topic())
                        .append('\n');
                text.append(WhoList.render(whoIsIn(listing.name()), session));
            }
            session.write(text.length() == 0 ? "No one is in chat.\n" : text.toString());
        } else if (rest.isEmpty()) {
            session.write(WhoList.render(whoIsIn(room()), session));
        } else {
            session.writeLine("Usage: /who [*]");
        }
    }

    private void whois(String rest) {
        if (rest.isEmpty() || rest.contains(" ")) session.writeLine("Usage: /whois HANDLE");
        else services.cards().show(session, rest, () -> { });
    }

    private void showHelp() {
        session.write(session.requireUser().sysop() ? HELP + SYSOP_HELP : HELP);
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

    private void pageOne(String to) {
        Messenger.Page page = messenger.page(me(), to);
        switch (page.outcome()) {
            case PAGED -> session.writeLine("*** Paged " + page.handle());
            case NOT_ONLINE -> session.writeLine(page.handle() + " is not online");
            case DO_NOT_DISTURB -> session.writeLine("*** " + page.handle() + " does not want to be disturbed");
            case TO_SELF -> session.writeLine("Cannot page yourself");
            case SLOW_DOWN -> session.writeLine(SLOW_DOWN);
        }
    }

    /**
     * {@code /layout screen|plain}: takes effect at once and is stored on a worker meanwhile; a
     * failed store is said, and the layout still holds for this visit.
     */
    private Outcome layout(String rest) {
        Optional<ChatLayout> chosen = ChatLayout.named(rest);
        if (chosen.isEmpty()) {
            session.writeLine("Usage: /layout screen|plain (now "
                    + session.requireUser().preferences().chatLayout().wireName() + ")");
            return Outcome.STAY;
        }
        User updated = session.requireUser().withPreferences(
                session.requireUser().preferences().withChatLayout(chosen.get()));
        session.userChanged(updated);
        services.workers().run(() -> services.users().updatePreferences(updated.id(), updated.preferences()))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        session.tell("*** Your layout could not be saved; it holds until you log off.", false);
                    }
                });
        return Outcome.LAYOUT;
    }

    /**
     * {@code /kick bob [reason]}: in a room, its owner or a sysop puts bob back in the lobby; in
     * the lobby, sysops hang up on a user's connections or a node. Rights are checked by the
     * server at the time of the command.
     */
    private void kick(String rest) {
        String[] parts = rest.split("\\s+", 2);
        String target = parts[0];
        Optional<String> reason = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        RoomName here = room();
        if (!here.isLobby()) {
            if (target.isEmpty()) session.writeLine("Usage: /kick HANDLE [REASON]");
            else if (target.equalsIgnoreCase(me())) session.writeLine("Cannot kick yourself");
            else asOwnerOrSysop("/kick", asSysop -> chat.kick(here, me(), asSysop, target, reason));
        } else if (target.isEmpty()) {
            services.rights().act(session, "/kick", sysop -> "Usage: /kick HANDLE|NODE [REASON]");
        } else if (target.equalsIgnoreCase(me()) || target.equals(String.valueOf(session.node()))) {
            services.rights().act(session, "/kick", sysop -> "Cannot kick yourself");
        } else {
            services.rights().act(session, "/kick", sysop -> {
                return "*** Kicked " + target + " " + services.nodeAdmin().kick(sysop.handle(), target, reason).describe();
            });
        }
    }

    /** {@code /broadcast text}: sysops only; the sysop sees the line like everyone else. */
    private void broadcast(String text) {
        services.rights().act(session, "/broadcast", sysop -> {
            if (text.isEmpty()) return "Usage: /broadcast TEXT";
            services.nodeAdmin().broadcast(sysop.handle(), text);
            return "";
        });
    }

    /** Chat lines and actions spend from the same budget as DMs and pages (those check in Messenger). */
    private boolean passesFlood() {
        if (services.budgets().tryMessage(me())) return true;
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

    private List<WhoRow> whoIsIn(RoomName room) {
        Instant now = services.clock().instant();
        List<WhoRow> rows = new ArrayList<>();
        for (ChatManager.Participant participant : chat.participants(room)) {
            String handle = participant.handle();
            Optional<UserPresence> user = presence.find(handle);
            String via = String.join(",", participant.via());
            rows.add(new WhoRow(Optional.empty(), handle, user.map(UserPresence::displayName).orElse(handle),
                    user.map(UserPresence::sysop).orElse(false), Optional.of(user.map(UserPresence::status)
                    .orElse(Status.ONLINE)), user.flatMap(UserPresence::text),
                    user.map(p -> p.idle(now)).orElse(java.time.Duration.ZERO), ChatStage.ACTIVITY,
                    via.isEmpty() ? "-" : via));
        }
        return rows;
    }
}
