package dev.carrier.chat;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ChatStore} in the {@code rooms}, {@code room_invites} and {@code chat_history} tables.
 * Several servers may write the same lines and room changes to one database (each stores what it
 * delivers): rooms are written in place, and a line whose key is already there is left alone, so
 * each is kept once, in the order the first writer stored it, which is the stream's order. A store
 * with one writer (a server on its own) leaves the key out: nothing else writes its lines twice,
 * and the digest and its index cost as much as the rest of the line.
 */
public final class SqliteChatStore implements ChatStore {

    private final Database db;
    private final Clock clock;
    private final boolean shared;

    /** A store this server alone writes. */
    public SqliteChatStore(Database db, Clock clock) {
        this(db, clock, false);
    }

    /** @param shared whether other servers write the same lines to this database (a cluster) */
    public SqliteChatStore(Database db, Clock clock, boolean shared) {
        this.db = db;
        this.clock = clock;
        this.shared = shared;
    }

    @Override
    public List<RoomState> rooms() {
        return db.withConnection(c -> {
            Map<String, Set<String>> invited = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT room, handle FROM room_invites");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) invited.computeIfAbsent(rs.getString(1), r -> new HashSet<>()).add(rs.getString(2));
            }
            List<RoomState> rooms = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, owner, topic, invitation_only FROM rooms ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rooms.add(new RoomState(new RoomName(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                            rs.getString(3), rs.getInt(4) != 0, invited.getOrDefault(rs.getString(1), Set.of())));
                }
            }
            return rooms;
        });
    }

    @Override
    public Map<RoomName, List<ChatEvent>> recent(int perRoom) {
        return db.withConnection(c -> {
            Map<RoomName, List<ChatEvent>> recent = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, room, kind, sender, text, at FROM ("
                    + " SELECT *, ROW_NUMBER() OVER (PARTITION BY room ORDER BY id DESC) AS newest FROM chat_history) AS ranked"
                    + " WHERE newest <= ? ORDER BY room, id")) {
                s.setInt(1, perRoom);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        HistoryLine line = line(rs);
                        recent.computeIfAbsent(line.event().room(), r -> new ArrayList<>()).add(line.event());
                    }
                }
            }
            return recent;
        });
    }

    @Override
    public void write(List<Object> changes) {
        db.inTransaction(c -> {
            try (LineWriter lines = new LineWriter(c, shared)) {
                for (Object change : changes) {
                    if (change instanceof RoomState room) saveRoom(c, room, true);
                    else if (change instanceof RoomFounded founding) saveRoom(c, founding.state(), false);
                    else if (change instanceof ChatEvent event) lines.append(event);
                }
            }
            return null;
        });
    }

    /**
     * Stores a room's state; a founding ({@code replace} false) only if the room is not stored yet,
     * so the first of two racing foundings is kept, as {@link ChatManager} keeps it.
     */
    private void saveRoom(Connection c, RoomState room, boolean replace) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rooms (name, owner, topic, invitation_only,"
                + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO " + (replace ? "UPDATE SET owner ="
                + " excluded.owner, topic = excluded.topic, invitation_only = excluded.invitation_only" : "NOTHING"))) {
            s.setString(1, room.name().name());
            s.setString(2, room.owner().orElse(null));
            s.setString(3, room.topic());
            s.setInt(4, room.invitationOnly() ? 1 : 0);
            s.setString(5, Timestamps.format(clock.instant()));
            if (s.executeUpdate() == 0) return; // a later founding: the first one stands
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM room_invites WHERE room = ?")) {
            s.setString(1, room.name().name());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO room_invites (room, handle) VALUES (?, ?)")) {
            for (String handle : room.invited()) {
                s.setString(1, room.name().name());
                s.setString(2, handle);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Appends the lines of one batch through one statement and, where lines are keyed, one digest,
     * made when the first line comes: per line, preparing the statement and looking up SHA-256 cost
     * more than the insert.
     */
    private static final class LineWriter implements AutoCloseable {

        private final Connection c;
        private final boolean keyed;
        private PreparedStatement insert;
        private LineKey keys;

        LineWriter(Connection c, boolean keyed) {
            this.c = c;
            this.keyed = keyed;
        }

        void append(ChatEvent event) throws SQLException {
            String kind;
            String text;
            if (event instanceof ChatEvent.Public p) {
                kind = "public";
                text = p.text();
            } else if (event instanceof ChatEvent.Action a) {
                kind = "action";
                text = a.text();
            } else if (event instanceof ChatEvent.System y) {
                kind = "system";
                text = y.text();
            } else {
                return; // joins and leaves are not history
            }
            if (insert == null) {
                insert = c.prepareStatement("INSERT INTO chat_history (room, kind, sender, text, at, line_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (line_key) DO NOTHING");
                if (keyed) keys = new LineKey();
            }
            insert.setString(1, event.room().name());
            insert.setString(2, kind);
            insert.setString(3, event.sender().orElse(null));
            insert.setString(4, text);
            insert.setString(5, Timestamps.format(event.at()));
            insert.setString(6, keyed ? keys.of(event.room(), kind, event.sender().orElse(""), text, event.at()) : null);
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            if (insert != null) insert.close();
        }
    }

    @Override
    public List<HistoryLine> before(RoomName room, long beforeId, int limit) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, room, kind, sender, text, at FROM chat_history"
                    + " WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
                s.setString(1, room.name());
                s.setLong(2, beforeId);
                s.setInt(3, limit);
                List<HistoryLine> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) lines.add(0, line(rs));
                }
                return lines;
            }
        });
    }

    @Override
    public int prune(int keep, Instant olderThan) {
        return db.inTransaction(c -> {
            int gone;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chat_history WHERE at < ?")) {
                s.setString(1, Timestamps.format(olderThan));
                gone = s.executeUpdate();
            }
            // Room by room along the (room, id) index: the newest line past the kept ones, and
            // everything up to it. Ranking the whole table instead cost more with every line kept.
            List<String> rooms = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT room FROM chat_history");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) rooms.add(rs.getString(1));
            }
            try (PreparedStatement last = c.prepareStatement(
                            "SELECT id FROM chat_history WHERE room = ? ORDER BY id DESC LIMIT 1 OFFSET ?");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM chat_history WHERE room = ? AND id <= ?")) {
                for (String room : rooms) {
                    last.setString(1, room);
                    last.setInt(2, keep);
                    try (ResultSet rs = last.executeQuery()) {
                        if (!rs.next()) continue;
                        delete.setString(1, room);
                        delete.setLong(2, rs.getLong(1));
                    }
                    gone += delete.executeUpdate();
                }
            }
            return gone;
        });
    }

    private static HistoryLine line(ResultSet rs) throws SQLException {
        RoomName room = new RoomName(rs.getString(2));
        String text = rs.getString(5);
        Instant at = Timestamps.parse(rs.getString(6));
        ChatEvent event = switch (rs.getString(3)) {
            case "public" -> new ChatEvent.Public(room, rs.getString(4), text, at);
            case "action" -> new ChatEvent.Action(room, rs.getString(4), text, at);
            default -> new ChatEvent.System(room, text, at);
        };
        return new HistoryLine(rs.getLong(1), event);
    }
}
