package dev.carrier.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rooms and their history, kept. Methods block: call them from the workers only. */
public interface ChatStore {

    /** Every kept room. */
    List<RoomState> rooms();

    /** Each room's last {@code perRoom} lines, oldest first. */
    Map<RoomName, List<ChatEvent>> recent(int perRoom);

    /** Writes room changes and lines in the order given, in one transaction. */
    void write(List<Object> changes);

    /** Up to {@code limit} lines of the room before the line {@code beforeId}, oldest first. */
    List<HistoryLine> before(RoomName room, long beforeId, int limit);

    /** Forgets lines older than {@code olderThan} and all but each room's last {@code keep}; how many went. */
    int prune(int keep, Instant olderThan);
}
