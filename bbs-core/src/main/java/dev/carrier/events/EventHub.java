package dev.carrier.events;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatEvent;
import dev.carrier.chat.ChatManager;
import dev.carrier.chat.ChatRenderer;
import dev.carrier.chat.RoomName;
import dev.carrier.chat.Visitor;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.Messenger;
import dev.carrier.message.SendBudgets;
import dev.carrier.message.SendResult;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceEvent;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.profile.ProfileUpdated;
import dev.carrier.runtime.Scheduler;
import dev.carrier.session.Nodes;
import dev.carrier.sysop.AppConnections;
import dev.carrier.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The JSON clients of this server: opens and closes them as connections of their users, fans
 * bus events out to them (each frame written once, the same string for every client), and
 * carries out what they ask. Typing indicators live here too, never stored: a {@code typing:
 * true} not renewed within {@link #TYPING_EXPIRES} is followed by {@code typing: false}.
 *
 * <p>Threads: commands arrive on each client's executor; bus events on the bus's delivering
 * thread (no lock held, see {@code InProcessBus}); typing expiry is handed by the timer to
 * {@code work}, and only the hand-over runs on the timer thread. Frames reach a client through
 * its own executor ({@link EventClient#enqueue}).
 */
public final class EventHub implements AppConnections {

    public static final Duration TYPING_EXPIRES = Duration.ofSeconds(5);
    static final String NODES_BUSY = "all nodes are busy; try again later";
    static final String STALE = "no keepalive within the presence TTL; reconnect";

    private final Presence presence;
    private final Messenger messenger;
    private final ChatManager chat;
    private final SendBudgets budgets;
    private final Nodes seats;
    private final Duration presenceTtl;
    private final Scheduler scheduler;
    private final Executor work;
    private final Clock clock;
    private final EventJson json = new EventJson();
    private final Set<EventClient> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, EventClient> byInstance = new ConcurrentHashMap<>();
    private final Map<String, Scheduler.Cancellable> typing = new ConcurrentHashMap<>();
    /** Which clients hear each room: a client that joined none hears the lobby, as it always did. */
    private final Map<RoomName, Set<EventClient>> listeners = new ConcurrentHashMap<>();
    /** The rooms clients joined with {@code join_room}; changed on the client's executor only. */
    private final Map<EventClient, ChatManager.Membership> roomSeats = new ConcurrentHashMap<>();
    private final BiPredicate<String, String> ignores;

    /**
     * @param seats       each client takes a seat under the node maximum, as a terminal takes a node
     * @param presenceTtl a client that sent beacons and then none for this long is dropped
     * @param work        where timed work (typing expiry) runs: the timer only hands it over
     */
    public EventHub(Bus bus, Presence presence, Messenger messenger, ChatManager chat, SendBudgets budgets,
            Nodes seats, Duration presenceTtl, Scheduler scheduler, Executor work, Clock clock) {
        this(bus, presence, messenger, chat, budgets, seats, presenceTtl, scheduler, work, clock, (reader, sender) -> false);
    }

    /**
     * @param ignores whether the first handle ignores the second: room lines and typing from them are not sent
     */
    public EventHub(Bus bus, Presence presence, Messenger messenger, ChatManager chat, SendBudgets budgets,
            Nodes seats, Duration presenceTtl, Scheduler scheduler, Executor work, Clock clock,
            BiPredicate<String, String> ignores) {
        this.ignores = ignores;
        this.presence = presence;
        this.messenger = messenger;
        this.chat = chat;
        this.budgets = budgets;
        this.seats = seats;
        this.presenceTtl = presenceTtl;
        this.scheduler = scheduler;
        this.work = work;
        this.clock = clock;
        bus.subscribe(this::onBus);
    }

    EventJson json() {
        return json;
    }

    /**
     * A client connected. Call on the sink's executor. The user is online from now on; the client
     * gets a {@code hello} (the protocol version, its own handle), then everyone's presence, then messages that waited for the user, then live events. A
     * connection with the same instance id replaces the old one without anyone seeing the user
     * leave and come back.
     */
    public Optional<EventClient> connect(User user, Optional<String> instanceId, EventSink sink) {
        // A client replacing its own earlier connection may take over that one's seat when none is free.
        Optional<EventClient> replacing = instanceId.map(id -> byInstance.get(instanceKey(user.handle(), id)));
        if (!seats.claimApp() && !replacing.map(EventClient::giveUpSeat).orElse(false)) {
            sink.close(NODES_BUSY);
            return Optional.empty();
        }
        EventClient client = new EventClient(user, instanceId, sink, this, clock.instant());
        client.send(new ServerEvent.Hello(ServerEvent.PROTOCOL_VERSION, user.handle(), presence.server()));
        presence.connected(user);
        messenger.open(user.handle(), client);
        for (UserPresence online : presence.subscribeWithSnapshot(() -> {
            clients.add(client);
            listen(client, RoomName.LOBBY);
        })) {
            client.send(presenceOf(online));
        }
        instanceId.map(id -> byInstance.put(instanceKey(user.handle(), id), client))
                .ifPresent(stale -> stale.closeBecause("replaced by a new connection of the same client"));
        deliverWaiting(client, Optional.empty());
        return Optional.of(client);
    }

    /**
     * Hands the client the messages that waited for its user, a page at a time: each page is
     * marked delivered once the transport has taken its last frame, and only then is the next
     * page read, so a user with many waiting costs one page of memory, and a client that goes
     * away mid-way leaves the rest waiting for its next connection.
     */
    private void deliverWaiting(EventClient client, Optional<UUID> after) {
        messenger.waiting(client.handle(), after, Messenger.WAITING_PAGE).thenAccept(waiting -> {
            List<DirectMessage> page = waiting.page();
            if (page.isEmpty()) return;
            for (int i = 0; i < page.size() - 1; i++) client.enqueue(json.write(newMessage(page.get(i), false)));
            DirectMessage last = page.get(page.size() - 1);
            client.enqueue(json.write(newMessage(last, false)), () -> messenger.delivered(client.handle(), page)
                    .thenRun(() -> {
                        if (page.size() == Messenger.WAITING_PAGE) deliverWaiting(client, Optional.of(last.id()));
                    }));
        });
    }

    void disconnected(EventClient client) {
        clients.remove(client);
        if (client.giveUpSeat()) seats.releaseApp();
        ChatManager.Membership seat = roomSeats.remove(client);
        if (seat != null) chat.leave(seat);
        listeners.values().forEach(room -> room.remove(client));
        client.instanceId().ifPresent(id -> byInstance.remove(instanceKey(client.handle(), id), client));
        messenger.close(client.handle(), client);
        presence.disconnected(client.handle());
    }

    void handle(EventClient client, ClientCommand command) {
        String me = client.handle();
        if (command instanceof ClientCommand.Keepalive keepalive) {
            Instant now = clock.instant();
            client.beacon(keepalive.beacon(), now);
            keepalive.beacon().lastInputSeconds().ifPresent(ago -> presence.inputAt(me, now.minusSeconds(ago)));
            return;
        }
        presence.input(me);
        if (command instanceof ClientCommand.Typing t) {
            if (t.to().isPresent()) typing(me, t.to().get(), t.typing());
            else if (t.room().filter(room -> !room.equals(roomOf(client))).isPresent()) {
                client.send(notInRoom(t.room().get()));
            }
            else typingInRoom(me, roomOf(client), t.typing());
        } else if (command instanceof ClientCommand.SendMessage m) {
            messenger.send(me, m.to(), m.text()).thenAccept(result -> {
                if (result instanceof SendResult.Refused refused) client.enqueue(refusal(refused));
            });
        } else if (command instanceof ClientCommand.MarkRead r) {
            messenger.markRead(me, r.peer(), r.upTo()).thenAccept(marked -> marked.ifPresent(at ->
                    sendTo(r.peer(), json.write(new ServerEvent.MessageRead(r.upTo().toString(), me, timestamp(at))), me)));
        } else if (command instanceof ClientCommand.SetStatus s) {
            presence.choose(me, s.status(), Optional.empty());
        } else if (command instanceof ClientCommand.JoinRoom join) {
            joinRoom(client, join.room(), join.invitationOnly());
        } else if (command instanceof ClientCommand.LeaveRoom) {
            leaveRoom(client, Optional.empty());
        } else if (command instanceof ClientCommand.ChatSay say) {
            RoomName room = roomOf(client);
            if (say.room().filter(named -> !named.equals(room)).isPresent()) {
                client.send(notInRoom(say.room().get()));
            } else if (!budgets.tryMessage(me)) {
                client.send(new ServerEvent.Error("rate_limited", budgets.retryHint(me)));
            } else if (!chat.say(room, me, say.text())) {
                client.send(new ServerEvent.Error("bad_field", "data.text has nothing left to say once cleaned"));
            }
        }
    }

    private static ServerEvent.Error notInRoom(RoomName room) {
        return new ServerEvent.Error("not_in_room", "you are not in " + room + "; send join_room first");
    }

    /** The room the client hears and speaks in. */
    private RoomName roomOf(EventClient client) {
        ChatManager.Membership seat = roomSeats.get(client);
        return seat == null ? RoomName.LOBBY : seat.room();
    }

    private void listen(EventClient client, RoomName room) {
        listeners.values().forEach(others -> others.remove(client));
        listeners.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(client);
    }

    /** {@code join_room}: the client is in the room like a terminal in chat (listed by /who via {@code app}). */
    private void joinRoom(EventClient client, RoomName room, boolean invitationOnly) {
        Visitor visitor = new Visitor(client.handle(), client.user().sysop(), "app", Optional.empty(),
                reason -> client.execute(() -> {
                    ChatManager.Membership seat = roomSeats.get(client);
                    if (seat != null && seat.room().equals(room)) leaveRoom(client, Optional.of(reason));
                }));
        RoomName before = roomOf(client);
        // Heard before the join goes out, so whatever follows it in the room reaches the client;
        // never a room it may not enter (a new one it may).
        boolean mayHear = chat.room(room).isEmpty() || chat.mayEnter(room, client.handle(), client.user().sysop());
        if (mayHear) listen(client, room);
        ChatManager.Entry entry = chat.join(room, visitor, invitationOnly);
        if (!mayHear && entry instanceof ChatManager.Entry.Joined) listen(client, room);
        if (entry instanceof ChatManager.Entry.Refused refused) {
            listen(client, before);
            String code = refused.inviteOnly() ? "not_invited" : "too_many_rooms";
            client.send(new ServerEvent.Error(code, refused.reason()));
            return;
        }
        ChatManager.Membership seat = ((ChatManager.Entry.Joined) entry).membership();
        ChatManager.Membership old = roomSeats.put(client, seat);
        if (old != null) chat.leave(old);
        client.send(roomEvent(room));
    }

    /** Back to hearing the lobby, without being listed in it; {@code kicked} when that was not the client's choice. */
    private void leaveRoom(EventClient client, Optional<String> kicked) {
        ChatManager.Membership seat = roomSeats.remove(client);
        listen(client, RoomName.LOBBY);
        if (seat != null && kicked.isEmpty()) chat.leave(seat);
        kicked.ifPresent(reason -> client.send(new ServerEvent.Chat("system", null, reason,
                timestamp(clock.instant()), seat == null ? RoomName.LOBBY.name() : seat.room().name())));
        client.send(roomEvent(RoomName.LOBBY));
    }

    private ServerEvent.Room roomEvent(RoomName room) {
        ChatManager.Listing listing = chat.room(room).orElseThrow();
        return new ServerEvent.Room(room.name(), listing.topic(), listing.invitationOnly());
    }

    static ServerEvent.Error refusal(SendResult.Refused refused) {
        String code = switch (refused.reason()) {
            case EMPTY -> "bad_field";
            case TOO_LONG -> "too_long";
            case TO_SELF -> "to_self";
            case NO_SUCH_USER -> "no_such_user";
            case RATE_LIMITED -> "rate_limited";
            case RECIPIENT_FULL -> "recipient_full";
        };
        return new ServerEvent.Error(code, refused.message());
    }

    /**
     * Tells the named user's JSON clients that {@code from} is (or stopped) typing to them. Over
     * the sender's typing budget the indicator is dropped without a word: it is a hint, not a message.
     */
    public void typing(String from, String to, boolean isTyping) {
        String key = from.toLowerCase(Locale.ROOT) + "\u0000" + to.toLowerCase(Locale.ROOT);
        indicate(from, key, isTyping, typing -> sendTyping(from, to, typing));
    }

    /**
     * One typing indicator, under its own key: over the typist's budget it is dropped; a {@code true}
     * replaces any earlier one's expiry with its own, so {@code false} follows within
     * {@link #TYPING_EXPIRES} unless it is renewed.
     */
    private void indicate(String from, String key, boolean isTyping, Consumer<Boolean> send) {
        if (!budgets.tryTyping(from)) return;
        Scheduler.Cancellable expiry = typing.remove(key);
        if (expiry != null) expiry.cancel();
        if (isTyping) {
            Scheduler.Cancellable[] mine = new Scheduler.Cancellable[1];
            mine[0] = scheduler.schedule(TYPING_EXPIRES, () -> work.execute(() -> {
                // Only this timer's own entry: a renewal since has replaced it and set its own.
                if (typing.remove(key, mine[0])) send.accept(false);
            }));
            typing.put(key, mine[0]);
        }
        send.accept(isTyping);
    }

    private void sendTyping(String from, String to, boolean isTyping) {
        sendTo(to, json.write(new ServerEvent.Typing(from, isTyping, null)), from);
    }

    /** A frame to every JSON connection of one user, unless they ignore {@code from}. */
    private void sendTo(String handle, String frame, String from) {
        for (EventClient client : clients) {
            if (client.handle().equalsIgnoreCase(handle) && !ignores.test(client.handle(), from)) client.enqueue(frame);
        }
    }

    /**
     * Tells the JSON clients in the room (but the typist's own) that {@code from} is typing there;
     * debounced and expired like typing to one person. Terminals are not shown typing.
     */
    private void typingInRoom(String from, RoomName room, boolean isTyping) {
        indicate(from, from.toLowerCase(Locale.ROOT) + "\u0000#" + room.name(), isTyping,
                typing -> sendRoomTyping(from, room, typing));
    }

    private void sendRoomTyping(String from, RoomName room, boolean isTyping) {
        String frame = json.write(new ServerEvent.Typing(from, isTyping, room.name()));
        for (EventClient client : listeners.getOrDefault(room, Set.of())) {
            if (!client.handle().equalsIgnoreCase(from) && !ignores.test(client.handle(), from)) client.enqueue(frame);
        }
    }

    private void onBus(BusMessage message) {
        if (clients.isEmpty()) return;
        if (message instanceof PresenceEvent event) {
            broadcast(json.write(presenceOf(event)));
            if (event.reason() == PresenceEvent.Reason.CONNECT) {
                broadcast(json.write(new ServerEvent.FriendOnline(event.handle())));
            } else if (event.reason() == PresenceEvent.Reason.DISCONNECT) {
                broadcast(json.write(new ServerEvent.FriendOffline(event.handle())));
            }
        } else if (message instanceof ChatEvent event) {
            Set<EventClient> inRoom = listeners.getOrDefault(event.room(), Set.of());
            if (inRoom.isEmpty()) return;
            String frame = json.write(chatEvent(event));
            Optional<String> sender = event.sender();
            for (EventClient client : inRoom) {
                if (sender.isEmpty() || !ignores.test(client.handle(), sender.get())) client.enqueue(frame);
            }
        } else if (message instanceof ProfileUpdated update) {
            broadcast(json.write(new ServerEvent.ProfileUpdated(update.handle(), update.displayName(),
                    update.tagline(), update.location(), timestamp(update.at()))));
        }
    }

    private void broadcast(String frame) {
        for (EventClient client : clients) client.enqueue(frame);
    }

    /** A line from the system (a sysop's broadcast) to every JSON client, as a {@code chat} event of kind system. */
    public void announce(String text) {
        broadcast(json.write(new ServerEvent.Chat("system", null, text, timestamp(clock.instant()), null)));
    }

    /** Closes every JSON connection of the user (banned, password changed, kicked); how many there were. */
    @Override
    public int close(String handle, String reason) {
        int closed = 0;
        for (EventClient client : clients) {
            if (client.handle().equalsIgnoreCase(handle)) {
                client.closeBecause(reason);
                closed++;
            }
        }
        return closed;
    }

    @Override
    public int count(String handle) {
        return (int) clients.stream().filter(client -> client.handle().equalsIgnoreCase(handle)).count();
    }

    /** Every JSON connection, for the sysop's who. */
    public List<AppConnection> connections() {
        Instant now = clock.instant();
        return clients.stream().map(client -> client.view(now, presenceTtl))
                .sorted(Comparator.comparing(AppConnection::connectedAt)).toList();
    }

    /**
     * Closes the connections whose last beacon was older than the presence TTL at {@code now} (a
     * phone that went into a tunnel): they would otherwise keep their person online until TCP
     * noticed. {@code now} is when the sweep was due, not when a worker got to it.
     */
    public void dropStale(Instant now) {
        for (EventClient client : clients) {
            if (client.view(now, presenceTtl).stale()) client.closeBecause(STALE);
        }
    }

    private ServerEvent.Presence presenceOf(UserPresence user) {
        return new ServerEvent.Presence(user.handle(), user.displayName(), user.status().wireName(),
                user.idle(clock.instant()).toSeconds(), null);
    }

    private ServerEvent.Presence presenceOf(PresenceEvent event) {
        boolean offline = event.to() == Status.OFFLINE;
        return new ServerEvent.Presence(event.handle(), event.displayName(), event.to().wireName(),
                presence.find(event.handle()).map(p -> p.idle(clock.instant()).toSeconds()).orElse(0L),
                offline ? timestamp(event.at()) : null);
    }

    public static ServerEvent.NewMessage newMessage(DirectMessage message, boolean mine) {
        return new ServerEvent.NewMessage(message.id().toString(), message.from(), message.to(), message.text(),
                timestamp(message.sentAt()), mine ? "sent" : "received", message.deliveredAt().isPresent() || !mine,
                message.method() == DirectMessage.Method.DIRECT ? "direct" : "offline");
    }

    public static ServerEvent.Chat chatEvent(ChatEvent event) {
        String room = event.room().name();
        if (event instanceof ChatEvent.Public p) {
            return new ServerEvent.Chat("public", p.from(), p.text(), timestamp(p.at()), room);
        }
        if (event instanceof ChatEvent.Action a) {
            return new ServerEvent.Chat("action", a.from(), a.text(), timestamp(a.at()), room);
        }
        if (event instanceof ChatEvent.Join j) {
            return new ServerEvent.Chat("join", j.handle(), ChatRenderer.joined(j.handle(), j.room()),
                    timestamp(j.at()), room);
        }
        if (event instanceof ChatEvent.Leave l) {
            return new ServerEvent.Chat("leave", l.handle(), ChatRenderer.left(l.handle(), l.room()),
                    timestamp(l.at()), room);
        }
        ChatEvent.System s = (ChatEvent.System) event;
        return new ServerEvent.Chat("system", null, s.text(), timestamp(s.at()), room);
    }

    public static String timestamp(Instant at) {
        return at.toString();
    }

    private static String instanceKey(String handle, String instanceId) {
        return handle.toLowerCase(Locale.ROOT) + "\u0000" + instanceId;
    }
}
